/**
 * Prose for the all-versions document, generated from the x-openstack data (ADR 0002): readers of the
 * docs see "New in 2.47" without anyone writing it by hand, and it cannot drift from the data.
 */
import { extensionOf, hasRange, isObject, overridesOf, rangeOf, type JsonObject } from './annotations.ts';
import { HTTP_METHODS } from './view.ts';
import { describeRange, formatVersion, type Range } from './version.ts';

/** One sentence for a node's range, or undefined when it exists at every microversion. */
export function rangeSentence(range: Range, bounds: Range): string | undefined {
  const starts = range.min > bounds.min;
  const ends = range.max < bounds.max;
  if (!starts && !ends) return undefined;
  if (starts && !ends) return `New in microversion ${formatVersion(range.min)}.`;
  if (!starts && ends) return `Removed in microversion ${formatVersion(range.max + 1)} (last present in ${formatVersion(range.max)}).`;
  return `Present in microversions ${formatVersion(range.min)} to ${formatVersion(range.max)} only.`;
}

function showValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => `\`${String(item)}\``).join(', ');
  return `\`${JSON.stringify(value)}\``;
}

const KEYWORD_NAMES: Record<string, string> = {
  required: 'required fields',
  enum: 'allowed values',
  type: 'type',
  maxLength: 'maximum length',
  minLength: 'minimum length',
  pattern: 'pattern',
};

export function overrideSentences(node: unknown, bounds: Range): string[] {
  return overridesOf(node, bounds).map(({ range, keywords }) => {
    const changes = Object.entries(keywords)
      .map(([keyword, value]) => `${KEYWORD_NAMES[keyword] ?? `\`${keyword}\``}: ${showValue(value)}`)
      .join('; ');
    return `In ${describeRange(range, bounds)}: ${changes}.`;
  });
}

function appendText(existing: unknown, addition: string, asParagraph: boolean): string {
  const text = typeof existing === 'string' ? existing.trimEnd() : '';
  if (!text) return addition;
  return asParagraph ? `${text}\n\n${addition}` : `${text} ${addition}`;
}

/**
 * Adds the generated sentences to descriptions (examples: to their summary) throughout a bundled
 * document, and each operation's list of microversions at which it changes (`changesAt`, computed by
 * the caller from the views). Returns a new document.
 */
export function withProse(doc: JsonObject, bounds: Range, changesAt: Map<string, string[]> = new Map()): JsonObject {
  const visit = (node: unknown, parentKey: string | undefined, grandKey: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, parentKey, grandKey));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = key === 'x-openstack' || key === 'value' || key === 'example' ? value : visit(value, key, parentKey);
    }
    const ext = extensionOf(node);
    const sentences: string[] = [];
    if (ext && hasRange(ext)) {
      const sentence = rangeSentence(rangeOf(ext, bounds), bounds);
      if (sentence) sentences.push(sentence);
    }
    sentences.push(...overrideSentences(node, bounds));
    const isExample = grandKey === 'examples' && ('value' in node || 'externalValue' in node);
    const isOperation = parentKey !== undefined && (HTTP_METHODS as readonly string[]).includes(parentKey) && 'responses' in node;
    if (sentences.length > 0) {
      if (isExample) out.summary = appendText(out.summary, `(${sentences.join(' ')})`, false);
      else if (isOperation) out.description = appendText(`**Microversions:** ${sentences.join(' ')}`, String(out.description ?? ''), true);
      else out.description = appendText(out.description, `*${sentences.join(' ')}*`, true);
    }
    return out;
  };
  const result = visit(doc, undefined, undefined) as JsonObject;
  const paths = result.paths;
  if (isObject(paths)) {
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        const versions = changesAt.get(`${method.toUpperCase()} ${path}`);
        if (!isObject(operation) || !versions || versions.length === 0) continue;
        operation.description = appendText(
          operation.description,
          `**Changes at microversions:** ${versions.join(', ')}.`,
          true,
        );
      }
    }
  }
  return result;
}
