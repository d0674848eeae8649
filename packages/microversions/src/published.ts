/**
 * The published-microversion check: a published microversion is a contract, so what every operation
 * looks like on the wire at every microversion is recorded (spec/published.json: per operation, the
 * hash of its wire facts over runs of microversions) and a change to the spec is compared with it.
 * A difference fails unless a changes file declares it (spec/changes/*.yaml: which operations, which
 * microversions, and why). `novaspec published --update` records the new state and moves the
 * declarations it absorbed to spec/changes/applied/.
 */
import { isObject, type JsonObject } from './annotations.ts';
import { withActionOperations } from './actions.ts';
import { factsHash, matchesPath, operationFacts, operationsOf } from './diff.ts';
import { parseVersion } from './version.ts';

/** Per operation: [first, last, hash] runs of microversions where its wire format is the same. */
export interface PublishedBaseline {
  description?: string;
  versions: string[];
  operations: Record<string, Array<[string, string, string]>>;
}

export interface Declaration {
  /** The file it came from, for messages. */
  file?: string;
  /** Operation keys (`GET /servers/{server_id}`) or paths (`/servers/{server_id}`: that path and below). */
  operations: string[];
  /** `2.47`, `2.47-2.104`, `all`; a list of those. */
  versions: string[];
  reason: string;
}

export interface PublishedDifference {
  version: string;
  operation: string;
  change: 'added' | 'removed' | 'changed';
  declaredBy?: Declaration;
}

/** The hash of every operation at every microversion, computing facts once per run of equal views. */
export function publishedHashes(
  views: Iterable<{ version: string; document: JsonObject }>,
  changesAt?: ReadonlyMap<string, readonly string[]>,
): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  const last = new Map<string, string>();
  for (const view of views) {
    const split = withActionOperations(view.document, { replace: true });
    const hashes = new Map<string, string>();
    for (const [key, info] of operationsOf(split)) {
      const changes = changesAt?.get(key);
      const reuse = changesAt && last.has(key) && !(changes ?? []).includes(view.version);
      hashes.set(key, reuse ? last.get(key)! : factsHash(operationFacts(split, info.path, info.method)));
    }
    last.clear();
    for (const [key, hash] of hashes) last.set(key, hash);
    result.set(view.version, hashes);
  }
  return result;
}

export function toBaseline(hashes: Map<string, Map<string, string>>): PublishedBaseline {
  const versions = [...hashes.keys()];
  const operations: PublishedBaseline['operations'] = {};
  const keys = new Set<string>();
  for (const map of hashes.values()) for (const key of map.keys()) keys.add(key);
  for (const key of [...keys].sort()) {
    const runs: Array<[string, string, string]> = [];
    for (const version of versions) {
      const hash = hashes.get(version)!.get(key);
      const run = runs.at(-1);
      if (hash === undefined) continue;
      if (run && run[2] === hash && versions.indexOf(run[1]) === versions.indexOf(version) - 1) run[1] = version;
      else runs.push([version, version, hash]);
    }
    operations[key] = runs;
  }
  return {
    description: 'What each operation looks like on the wire at each published microversion: runs of microversions '
      + 'with the hash of the operation\'s wire facts. Checked by spec/test/published.test.ts; regenerate with '
      + '`npm run published:update -w @novaspec/spec` after the changes are declared in spec/changes/.',
    versions,
    operations,
  };
}

export function fromBaseline(baseline: PublishedBaseline): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>(baseline.versions.map((v) => [v, new Map()]));
  for (const [key, runs] of Object.entries(baseline.operations)) {
    for (const [first, last, hash] of runs) {
      const from = baseline.versions.indexOf(first);
      const to = baseline.versions.indexOf(last);
      for (let i = from; i <= to && i >= 0; i += 1) result.get(baseline.versions[i]!)!.set(key, hash);
    }
  }
  return result;
}

function inVersions(version: string, specs: string[]): boolean {
  const minor = parseVersion(version)!;
  return specs.some((spec) => {
    if (spec === 'all') return true;
    const [from, to] = spec.split('-').map((part) => parseVersion(part.trim()));
    if (from === undefined) return false;
    return spec.includes('-') ? minor >= from && minor <= (to ?? Number.POSITIVE_INFINITY) : minor === from;
  });
}

function declares(declaration: Declaration, version: string, operation: string): boolean {
  if (!inVersions(version, declaration.versions)) return false;
  return declaration.operations.some((target) =>
    target === '*' || target === operation || (target.startsWith('/') && matchesPath(operation, target)));
}

/** Every (microversion, operation) whose wire format differs from the baseline, with its declaration if any. */
export function comparePublished(
  baseline: Map<string, Map<string, string>>,
  current: Map<string, Map<string, string>>,
  declarations: Declaration[] = [],
): PublishedDifference[] {
  const out: PublishedDifference[] = [];
  for (const [version, before] of baseline) {
    const after = current.get(version);
    if (!after) continue; // a microversion that is not built (a partial run) is not compared
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(key);
      const b = after.get(key);
      if (a === b) continue;
      const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
      const declaredBy = declarations.find((d) => declares(d, version, key));
      out.push({ version, operation: key, change, ...(declaredBy ? { declaredBy } : {}) });
    }
  }
  // A microversion newer than the baseline's is new, not published yet: nothing to compare.
  return out;
}

/** Reads one declaration file's content (already parsed YAML). */
export function parseDeclarations(data: unknown, file?: string): Declaration[] {
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.changes) ? data.changes : isObject(data) ? [data] : [];
  return list.map((raw, index) => {
    const where = `${file ?? 'changes'}#${index}`;
    if (!isObject(raw)) throw new Error(`${where}: a declaration is a mapping with operations, versions and reason`);
    const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
    const operations = asList(raw.operations ?? raw.operation ?? raw.paths ?? raw.path);
    const versions = asList(raw.versions ?? raw.version);
    const reason = typeof raw.reason === 'string' ? raw.reason.trim() : '';
    if (operations.length === 0) throw new Error(`${where}: say which operations (operations: [GET /servers/{server_id}] or a path)`);
    if (versions.length === 0) throw new Error(`${where}: say which microversions (versions: 2.47-2.104, or all)`);
    for (const spec of versions) {
      if (spec !== 'all' && !spec.split('-').every((part) => parseVersion(part.trim()) !== undefined)) {
        throw new Error(`${where}: "${spec}" is not 2.N, 2.N-2.M or all`);
      }
    }
    if (!reason) throw new Error(`${where}: give the reason (a spec correction is allowed, but stated)`);
    return { ...(file ? { file } : {}), operations, versions, reason };
  });
}

/** Runs of consecutive microversions, for short messages: `2.47-2.104`. */
export function versionRuns(versions: string[], all: string[]): string {
  const sorted = [...new Set(versions)].sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const runs: string[][] = [];
  for (const version of sorted) {
    const run = runs.at(-1);
    if (run && all.indexOf(run.at(-1)!) === all.indexOf(version) - 1) run.push(version);
    else runs.push([version]);
  }
  return runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]}-${run.at(-1)}`)).join(', ');
}

/** The report: per operation, which microversions changed and how, declared or not. */
export function formatPublished(differences: PublishedDifference[], all: string[]): string[] {
  const groups = new Map<string, PublishedDifference[]>();
  for (const d of differences) {
    const key = `${d.operation}\u0000${d.change}\u0000${d.declaredBy ? `${d.declaredBy.file ?? ''}: ${d.declaredBy.reason}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const lines: string[] = [];
  for (const [key, group] of groups) {
    const [operation, change, declared] = key.split('\u0000');
    lines.push(`${declared ? 'declared' : 'UNDECLARED'}: ${operation} ${change} at ${versionRuns(group.map((d) => d.version), all)}${declared ? ` (${declared})` : ''}`);
  }
  return lines;
}
