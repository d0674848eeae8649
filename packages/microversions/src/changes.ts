/**
 * Where an operation changes: the microversions at which its exact view (the operation with every
 * component it reaches) differs from the one before. Derived from the views, so it is what the data
 * says, not what someone remembered to write.
 */
import { isObject, type JsonObject } from './annotations.ts';
import { HTTP_METHODS, resolvePointer, type View } from './view.ts';

/** The operation with every component it reaches inlined into one canonical string. */
export function operationFingerprint(document: JsonObject, path: string, method: string): string | undefined {
  const paths = document.paths;
  const item = isObject(paths) ? paths[path] : undefined;
  const operation = isObject(item) ? item[method] : undefined;
  if (!isObject(operation)) return undefined;
  const pathParameters = isObject(item) ? item.parameters : undefined;
  const seen = new Set<string>();
  // Prose and examples are not the shape; but inside `properties` those words are field names.
  const PROSE = new Set(['description', 'summary', 'examples', 'example']);
  const inline = (node: unknown, inProperties = false): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && !inProperties) {
      if (seen.has(node.$ref)) return { $ref: node.$ref };
      seen.add(node.$ref);
      const target = inline(resolvePointer(document, node.$ref));
      seen.delete(node.$ref);
      return target;
    }
    const out: JsonObject = {};
    for (const key of Object.keys(node).sort()) {
      if (PROSE.has(key) && !inProperties) continue;
      out[key] = inline(node[key], key === 'properties' && !inProperties);
    }
    return out;
  };
  return JSON.stringify(inline({ operation, pathParameters }));
}

/** For every "METHOD /path": the microversions (after the first) at which it differs from the previous one. */
export function changesAt(views: View[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const previous = new Map<string, string | undefined>();
  for (const view of views) {
    const paths = view.document.paths;
    const keys = new Set<string>([...previous.keys()]);
    if (isObject(paths)) {
      for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item)) continue;
        for (const method of HTTP_METHODS) if (isObject(item[method])) keys.add(`${method.toUpperCase()} ${path}`);
      }
    }
    for (const key of keys) {
      const [method, ...rest] = key.split(' ');
      const fingerprint = operationFingerprint(view.document, rest.join(' '), method!.toLowerCase());
      if (previous.has(key) && previous.get(key) !== fingerprint) {
        result.set(key, [...(result.get(key) ?? []), view.version]);
      }
      previous.set(key, fingerprint);
    }
  }
  return result;
}
