/**
 * The schema diff: for every operation of the spec (every server action on its own) at every
 * microversion, Nova's request body, query and response schema in force there against the spec's
 * view, in canonical form. The same difference over consecutive microversions is reported once,
 * with its range.
 */
import { parseVersion } from '@novaspec/microversions';
import { compare, type Difference } from './compare.ts';
import { byRoute, inForce, routeKey, servedAt, type NovaDump, type NovaMethod, type Ranged } from './nova.ts';
import { normalise, type Canon } from './normalise.ts';
import { specVersions, specView, type SpecOperation } from './spec-side.ts';

type Json = any;

export interface Found extends Difference {
  operation: string;
  /** Where Nova's schema is: `nova/api/openstack/compute/schemas/servers.py:123 (show_response_v2100)`. */
  novaSchema: string[];
  /** Consecutive runs: `2.1-2.47`, `2.63`. */
  versions: string[];
}

export interface DiffResult {
  differences: Found[];
  operations: number;
  microversions: number;
  /** Spec operations with no Nova route (the versions documents outside /v2.1, ...). */
  specOnly: string[];
  /** Nova routes and actions the spec does not have at any microversion. */
  novaOnly: string[];
  /** What was not compared, and how many times (operation x microversion). */
  notCompared: Record<string, number>;
}

/**
 * Spec templates that Nova's ROUTE_LIST writes differently: its `/` is the spec's `/v2.1/`, and the
 * spec's `/` (the versions document at the endpoint's root) is served outside ROUTE_LIST. The four
 * `PUT /os-services/<action>` operations (to 2.52) are Nova's `PUT /os-services/{id}` with the action
 * name as the id (services.py update, _update_v21), so they are compared with its schemas.
 */
const SPEC_TO_NOVA: Record<string, string> = {
  '/v2.1/': '/', '/': '(root, not in ROUTE_LIST)',
  '/os-services/disable': '/os-services/{id}', '/os-services/disable-log-reason': '/os-services/{id}',
  '/os-services/enable': '/os-services/{id}', '/os-services/force-down': '/os-services/{id}',
};

const identity = (node: Json) => node;

/** Nova's query schemas see every parameter as a list of strings (webob's dict_of_lists). */
function queryParameter(c: Canon): Canon {
  return c.types?.length === 1 && c.types[0] === 'array' && c.items ? c.items : c;
}

function queryCanon(props: Record<string, Canon>, required: string[]): Canon {
  return { types: ['object'], nullable: false, bounds: {}, properties: props, ...(required.length ? { required: required.sort() } : {}) };
}

function sourceOf(dump: NovaDump, ranged: Ranged): string {
  const entry = dump.schemas[ranged.schema];
  const at = entry?.source ? `${entry.source.file}:${entry.source.line}` : 'an unnamed schema';
  return `${at} (${ranged.schema.split('.').slice(1).join('.')})`;
}

/** The differences of one operation at one microversion. */
function compareAt(dump: NovaDump, nova: NovaMethod, op: SpecOperation, version: string, resolve: (n: Json) => Json,
  note: (why: string) => void): { diffs: Difference[]; sources: string[] } {
  const diffs: Difference[] = [];
  const sources: string[] = [];

  const body = inForce(nova.request_body, version);
  if (body && op.body) {
    sources.push(sourceOf(dump, body));
    compare(normalise(dump.schemas[body.schema]!.schema, identity), normalise(op.body, resolve), 'body', diffs);
  } else if (body) {
    sources.push(sourceOf(dump, body));
    diffs.push({ path: 'body', kind: 'request body only in Nova', nova: 'schema', spec: '(no body)' });
  } else if (op.body) {
    note('request body: Nova validates none at this microversion');
  }

  const query = inForce(nova.request_query, version);
  const specQuery = Object.entries(op.query);
  if (query) {
    sources.push(sourceOf(dump, query));
    const n = normalise(dump.schemas[query.schema]!.schema, identity);
    const nProps = Object.fromEntries(Object.entries(n.properties ?? {}).map(([k, v]) => [k, queryParameter(v)]));
    const sProps = Object.fromEntries(specQuery.map(([k, p]) => [k, queryParameter(normalise(p.schema, resolve))]));
    const sRequired = specQuery.filter(([, p]) => p.required).map(([k]) => k);
    // additionalProperties is left out: OpenAPI cannot say whether unknown parameters are refused.
    compare(queryCanon(nProps, n.required ?? []), queryCanon(sProps, sRequired), 'query', diffs);
  } else if (specQuery.length > 0) {
    note('query: Nova validates none at this microversion');
  }

  const response = inForce(nova.response_body, version);
  const codes = Object.keys(op.success);
  const novaCode = (nova.codes ?? []).find((c) => inForceCode(c, version))?.code;
  if (novaCode !== undefined && !codes.includes(String(novaCode))) {
    diffs.push({ path: 'status', kind: 'success status', nova: String(novaCode), spec: codes.join(',') || '(none)' });
  }
  const code = novaCode !== undefined && codes.includes(String(novaCode)) ? String(novaCode) : codes.length === 1 ? codes[0] : undefined;
  if (response && code !== undefined) {
    sources.push(sourceOf(dump, response));
    const spec = op.success[code];
    // A response without content is a null body to Nova's validator (it loads b'' as None).
    const specCanon: Canon = spec === undefined ? { types: [], nullable: true, bounds: {} } : normalise(spec, resolve);
    compare(normalise(dump.schemas[response.schema]!.schema, identity), specCanon, 'response', diffs);
  } else if (response) {
    note(`response: the spec has ${codes.length} success statuses and Nova names none`);
  } else {
    note('response: Nova has no response schema at this microversion');
  }
  return { diffs, sources };
}

function inForceCode(c: { min: string | null; max: string | null }, version: string): boolean {
  const v = parseVersion(version)!;
  return (!c.min || v >= parseVersion(c.min)!) && (!c.max || v <= parseVersion(c.max)!);
}

/** `['2.1', '2.2', '2.3', '2.7']` as `['2.1-2.3', '2.7']`. */
export function runs(versions: string[]): string[] {
  const minors = [...new Set(versions.map((v) => parseVersion(v)!))].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < minors.length;) {
    let j = i;
    while (j + 1 < minors.length && minors[j + 1] === minors[j]! + 1) j += 1;
    out.push(i === j ? `2.${minors[i]}` : `2.${minors[i]}-2.${minors[j]}`);
    i = j + 1;
  }
  return out;
}

export function schemaDiff(dump: NovaDump, versions: string[] = specVersions()): DiffResult {
  const nova = byRoute(dump);
  const grouped = new Map<string, Found & { all: string[] }>();
  const compared = new Set<string>();
  const seenRoutes = new Set<string>();
  const specOnly = new Set<string>();
  const notCompared: Record<string, number> = {};
  const count = (why: string) => { notCompared[why] = (notCompared[why] ?? 0) + 1; };

  for (const version of versions) {
    const view = specView(version);
    for (const op of view.operations) {
      const key = routeKey(op.method, SPEC_TO_NOVA[op.template] ?? op.template, op.action);
      const method = nova.get(key);
      if (!method) {
        specOnly.add(op.id);
        continue;
      }
      seenRoutes.add(key);
      const served = servedAt(method, version);
      if (op.removed || !served) {
        if (op.removed !== !served) {
          const found = { path: 'operation', kind: 'served', nova: String(served), spec: String(!op.removed) };
          record(grouped, op.id, version, found, [`${method.source?.file}:${method.source?.line} (${method.function})`]);
        } else count('removed: Nova answers 410 and the spec agrees');
        continue;
      }
      compared.add(op.id);
      const { diffs, sources } = compareAt(dump, method, op, version, view.resolve, (why) => count(why));
      for (const d of diffs) record(grouped, op.id, version, d, sources);
    }
  }

  const differences = [...grouped.values()].map(({ all, ...rest }) => ({ ...rest, versions: runs(all) }));
  const novaOnly = [...nova.keys()].filter((k) => !seenRoutes.has(k)).sort();
  return { differences, operations: compared.size, microversions: versions.length, specOnly: [...specOnly].sort(), novaOnly, notCompared };
}

function record(grouped: Map<string, Found & { all: string[] }>, operation: string, version: string, d: Difference, sources: string[]): void {
  const key = JSON.stringify([operation, d.path, d.kind, d.nova, d.spec]);
  let entry = grouped.get(key);
  if (!entry) {
    entry = { operation, ...d, novaSchema: [], versions: [], all: [] };
    grouped.set(key, entry);
  }
  entry.all.push(version);
  // Only the schemas of the part the difference is in: body, query or response.
  const part = d.path.split(/[.[{|]/)[0];
  const wanted = sources.filter((s) => part === 'operation' || part === 'status' || schemaPart(s) === part);
  for (const s of wanted.length ? wanted : sources) if (!entry.novaSchema.includes(s)) entry.novaSchema.push(s);
}

/** body, query or response, from the name Nova's schema variable has. */
function schemaPart(source: string): string {
  const name = /\(([^)]*)\)$/.exec(source)?.[1] ?? '';
  return /response/.test(name) ? 'response' : /query/.test(name) ? 'query' : 'body';
}
