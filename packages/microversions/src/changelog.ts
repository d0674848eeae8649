/**
 * The microversion changelog: for every step 2.(N-1) -> 2.N, Nova's purpose for it (history.ts, in
 * our words) and the exact wire-format changes the spec records at that step (diff.ts), each change
 * with the anchor of its operation in the reference.
 */
import { isObject, type JsonObject } from './annotations.ts';
import { withActionOperations } from './actions.ts';
import { changeLines, diffDocuments, type ChangeLine, type OperationChange } from './diff.ts';
import { MICROVERSION_SUMMARIES } from './history.ts';

export interface ChangelogChange extends OperationChange {
  /** The operation's section in the reference (`#/servers/showserver`), when it has an id and a tag. */
  anchor?: string;
  lines: ChangeLine[];
}

export interface ChangelogEntry {
  version: string;
  previous: string;
  summary: string;
  changes: ChangelogChange[];
}

/** Redoc's section id: the tag and the operationId, lower case, spaces as dashes. */
export function referenceAnchor(tag: string | undefined, operationId: string | undefined): string | undefined {
  if (!tag || !operationId) return undefined;
  const slug = (text: string) => text.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `#/${slug(tag)}/${operationId.toLowerCase()}`;
}

export interface ChangelogOptions {
  /**
   * Per operation, the microversions at which its exact view changes (changesAt in changes.ts). When
   * given, only those operations are compared at each step, which makes the whole log cheap.
   */
  changesAt?: ReadonlyMap<string, readonly string[]>;
}

export function microversionChangelog(views: ReadonlyArray<{ version: string; document: JsonObject }>, options: ChangelogOptions = {}): ChangelogEntry[] {
  const byVersion = options.changesAt ? invert(options.changesAt) : undefined;
  const entries: ChangelogEntry[] = [];
  let previous: { version: string; document: JsonObject } | undefined;
  for (const view of views) {
    const split = { version: view.version, document: withActionOperations(view.document, { replace: true }) };
    if (previous) {
      const only = byVersion ? (byVersion.get(view.version) ?? new Set<string>()) : undefined;
      const changes = diffDocuments(previous.document, split.document, { actions: false, ...(only ? { only } : {}) });
      entries.push({
        version: view.version,
        previous: previous.version,
        summary: MICROVERSION_SUMMARIES[view.version] ?? '',
        changes: changes.map((change) => {
          const anchor = referenceAnchor(change.tag, change.operationId);
          return { ...change, ...(anchor ? { anchor } : {}), lines: change.change === 'changed' ? changeLines(change) : [] };
        }),
      });
    }
    previous = split;
  }
  return entries;
}

function invert(changesAt: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [operation, versions] of changesAt) {
    for (const version of versions) {
      if (!out.has(version)) out.set(version, new Set());
      out.get(version)!.add(operation);
    }
  }
  return out;
}

/** The changelog as one JSON document for tools (spec/dist/changelog.json). */
export function changelogDocument(entries: ChangelogEntry[], info: JsonObject = {}): JsonObject {
  return {
    ...(isObject(info) ? info : {}),
    description: 'What changes on the wire at each microversion of the OpenStack Compute API, computed from the spec. '
      + 'Each change lists facts added and removed: where (request body, response N body, a parameter, status codes), '
      + 'the field path, the kind (field, type, required, enum, status...) and the value.',
    versions: entries,
  };
}
