/**
 * The differential: the same edge requests (wrong content types, trailing slashes, wrong methods,
 * bad microversion headers, bad query values, URI/body mismatches, unknown ids, malformed JSON...)
 * sent to the real Nova and to the mock side by side; both must answer with the same status and the
 * same fault name (the body's one key: `badRequest`, `itemNotFound`...). What the mock cannot answer
 * as this deployment does is listed in UNREPRODUCIBLE with the reason, and reported, not failed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface EdgeRequest {
  id: string;
  method: string;
  /** Under the compute endpoint (`/servers`), or from the host root when it starts with `//`. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as is (a string, so malformed JSON can be sent). */
  body?: string;
}

export interface Outcome {
  status: number;
  fault: string;
}

export interface Comparison {
  request: EdgeRequest;
  nova: Outcome;
  mock: Outcome;
  same: boolean;
  /** Why the mock cannot answer as Nova does, when the request is listed as unreproducible. */
  unreproducible?: string;
  /** What Nova does that the mock does not do yet, when the difference is a known one (NOT_YET). */
  notYet?: string;
  /** The stateful mock's answer, for the requests about ids (STATEFUL_KNOWS). */
  stateful?: Outcome;
}

const UNKNOWN_SERVER = '00000000-0000-4000-8000-000000000000';
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const create = (server: Record<string, unknown>) => JSON.stringify({ server: { name: 'edge', imageRef: IMAGE, flavorRef: '1', networks: 'none', ...server } });

/**
 * Requests the mock cannot answer as this Nova does, by a part of their id, with the reason: a stateless
 * mock knows no ids (every id it is asked about exists, ADR 0004), and the deployment's own setup.
 */
export const UNREPRODUCIBLE: Record<string, string> = {
  'unknown id': 'the stateless mock knows every id and answers from the spec\'s examples (sent to the stateful mock too: see STATEFUL_KNOWS)',
  'unknown marker': 'the stateless mock cannot know that a marker names no item (sent to the stateful mock too: see STATEFUL_KNOWS)',
  'unknown image': 'a create this Nova refuses (400) because it has no such image or flavor; the stateless mock knows every id (202)',
  'GET /os-instance_usage_audit_log': 'a bug of Nova 34: its response schema wants UUIDs where it sends host names, so it refuses its own audit log with a 400 (FINDINGS-nova34.md, 3); the mock answers as the spec says',
  'wrong method DELETE /flavors/detail': 'Nova routes it as the delete of a flavor with the id `detail`, which it does not have (404); the stateless mock has every flavor (202; sent to the stateful mock too)',
};

/**
 * Requests about ids, which only a mock that keeps state can answer as Nova does: each is also sent
 * to a stateful mock (ADR 0012), which must answer it as Nova does (an unknown id is unknown there
 * too), so these are compared, not only listed.
 */
export const STATEFUL_KNOWS = ['unknown id', 'unknown marker', 'wrong method DELETE /flavors/detail'];

/**
 * Differences of the mock from Nova 34 that a schema could say but the mock does not do yet, by id
 * prefix, with what Nova does: reported on their own line, to be fixed in the mock.
 */
export const NOT_YET: Record<string, string> = {};

const COLLECTIONS = ['/servers', '/servers/detail', '/flavors', '/flavors/detail', '/os-keypairs', '/os-server-groups', '/os-availability-zone', '/limits', '/os-aggregates', '/os-services', '/os-hypervisors', '/os-migrations', '/extensions', '/os-simple-tenant-usage', '/os-instance_usage_audit_log'];
const MICROVERSION_HEADERS: [string, Record<string, string>][] = [
  ['compute 2', { 'OpenStack-API-Version': 'compute 2' }],
  ['compute 3.0', { 'OpenStack-API-Version': 'compute 3.0' }],
  ['compute 2.0', { 'OpenStack-API-Version': 'compute 2.0' }],
  ['compute 2.1000', { 'OpenStack-API-Version': 'compute 2.1000' }],
  ['compute 2.x', { 'OpenStack-API-Version': 'compute 2.x' }],
  ['compute latest', { 'OpenStack-API-Version': 'compute latest' }],
  ['compute empty', { 'OpenStack-API-Version': 'compute' }],
  ['volume 3.0 alone', { 'OpenStack-API-Version': 'volume 3.0' }],
  ['compute 2.5, volume 3.0', { 'OpenStack-API-Version': 'compute 2.5, volume 3.0' }],
  ['legacy 2.50', { 'X-OpenStack-Nova-API-Version': '2.50' }],
  ['legacy abc', { 'X-OpenStack-Nova-API-Version': 'abc' }],
  ['legacy 2.1000', { 'X-OpenStack-Nova-API-Version': '2.1000' }],
  ['both, modern wins', { 'OpenStack-API-Version': 'compute 2.60', 'X-OpenStack-Nova-API-Version': 'abc' }],
];

function templatesOfSpec(): Set<string> {
  const spec = JSON.parse(readFileSync(require.resolve('@novaspec/spec/openapi.all.json'), 'utf8')) as { paths: Record<string, unknown> };
  return new Set(Object.keys(spec.paths));
}

/**
 * The edge requests: a few hundred, from the kinds above crossed with the common resources; only
 * the resources the spec has (`specPaths`, its path templates): the others are not in the mock yet.
 */
export function edgeRequests(specPaths: Set<string> = templatesOfSpec()): EdgeRequest[] {
  const out: EdgeRequest[] = [];
  const add = (request: EdgeRequest) => out.push(request);
  for (const path of COLLECTIONS.filter((p) => specPaths.has(p))) {
    add({ id: `trailing slash GET ${path}/`, method: 'GET', path: `${path}/` });
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      if (!(method === 'DELETE' && path === '/servers/detail')) add({ id: `wrong method ${method} ${path}`, method, path });
    }
    for (const [name, headers] of MICROVERSION_HEADERS) add({ id: `microversion ${name} GET ${path}`, method: 'GET', path, headers });
    for (const query of ['limit=-1', 'limit=abc', 'limit=0', 'limit=1.5']) add({ id: `query ${query} GET ${path}`, method: 'GET', path: `${path}?${query}` });
    // An undeclared parameter: ignored until the operation's query schema closes (strict-query, 2.75
    // for most lists, 2.102 for the rest), refused from there, before any other query check.
    for (const version of ['2.74', '2.75', '2.101', '2.102']) {
      const headers = { 'OpenStack-API-Version': `compute ${version}` };
      add({ id: `undeclared query at ${version} GET ${path}`, method: 'GET', path: `${path}?colour=blue`, headers });
      if (version === '2.102') add({ id: `undeclared query and a bad limit at ${version} GET ${path}`, method: 'GET', path: `${path}?limit=abc&colour=blue`, headers });
    }
  }
  for (const method of ['PATCH', 'PUT', 'POST']) add({ id: `wrong method ${method} /servers/{id}`, method, path: `/servers/${UNKNOWN_SERVER}`, ...(method === 'GET' ? {} : { headers: JSON_TYPE, body: '{}' }) });
  // Nova routes method and path together: DELETE /servers/detail deletes a server named `detail`.
  add({ id: 'unknown id: DELETE /servers/detail', method: 'DELETE', path: '/servers/detail' });
  add({ id: 'double slash GET /servers//detail', method: 'GET', path: '/servers//detail' });
  // Creates: content types, malformed and wrong-shaped bodies, schema refusals.
  for (const [name, headers, body] of [
    ['text/plain', { 'Content-Type': 'text/plain' }, create({})],
    ['application/xml', { 'Content-Type': 'application/xml' }, create({})],
    ['no content type', {}, create({})],
    ['malformed JSON', JSON_TYPE, '{"server": {'],
    ['empty JSON object', JSON_TYPE, '{}'],
    ['a JSON array', JSON_TYPE, '[]'],
    ['a JSON string', JSON_TYPE, '"server"'],
    ['JSON null', JSON_TYPE, 'null'],
    ['no name', JSON_TYPE, JSON.stringify({ server: { imageRef: IMAGE, flavorRef: '1', networks: 'none' } })],
    ['extra property', JSON_TYPE, create({ colour: 'blue' })],
    ['name with a leading space', JSON_TYPE, create({ name: ' edge' })],
    ['name too long', JSON_TYPE, create({ name: 'x'.repeat(256) })],
    ['min_count 0', JSON_TYPE, create({ min_count: 0 })],
    ['networks: wrong word', JSON_TYPE, create({ networks: 'some' })],
  ] as [string, Record<string, string>, string][]) {
    for (const version of ['2.1', '2.37', '2.104']) {
      // A create the schema accepts reaches Nova's image lookup, which the stateless mock has not.
      const valid = ['text/plain', 'no content type'].includes(name) && version !== '2.1';
      add({ id: `${valid ? 'unknown image: ' : ''}create ${name} at ${version}`, method: 'POST', path: '/servers', headers: { ...headers, 'OpenStack-API-Version': `compute ${version}` }, body });
    }
  }
  // The key pair the text/plain create makes is Nova's to keep (the deployment's state outlives a
  // run): a name of its own each run, and deleted after, or the next run meets a 409.
  const keypair = `edge-${Date.now()}`;
  for (const [name, body] of specPaths.has('/os-keypairs') ? [['malformed JSON', '{"keypair": '], ['no name', '{"keypair": {}}'], ['text/plain', `{"keypair": {"name": "${keypair}"}}`]] as const : []) {
    add({ id: `keypair create ${name}`, method: 'POST', path: '/os-keypairs', headers: name === 'text/plain' ? { 'Content-Type': 'text/plain' } : JSON_TYPE, body });
  }
  if (specPaths.has('/os-keypairs')) add({ id: 'keypair delete of the text/plain one', method: 'DELETE', path: `/os-keypairs/${keypair}` });
  // URI and body mismatches: Nova compares them before it looks the server up.
  for (const version of ['2.1', '2.104']) {
    const headers = { ...JSON_TYPE, 'OpenStack-API-Version': `compute ${version}` };
    // Nova 34 looks the server up before comparing (server_metadata.py update): for an unknown server it is 404.
    add({ id: `unknown id: metadata item URI/body mismatch at ${version}`, method: 'PUT', path: `/servers/${UNKNOWN_SERVER}/metadata/a`, headers, body: JSON.stringify({ meta: { b: '1' } }) });
    add({ id: `metadata item two keys at ${version}`, method: 'PUT', path: `/servers/${UNKNOWN_SERVER}/metadata/a`, headers, body: JSON.stringify({ meta: { a: '1', b: '2' } }) });
    add({ id: `flavor extra spec URI/body mismatch at ${version}`, method: 'PUT', path: '/flavors/1/os-extra_specs/hw:cpu_policy', headers, body: JSON.stringify({ 'hw:numa_nodes': '1' }) });
  }
  // Server actions: unknown and malformed ones, on a server that does not exist.
  for (const [name, body] of [['unknown action', '{"fly": null}'], ['two actions', '{"reboot": {"type": "SOFT"}, "pause": null}'], ['empty body', '{}'], ['malformed JSON', '{"reboot": ']] as const) {
    add({ id: `action ${name}`, method: 'POST', path: `/servers/${UNKNOWN_SERVER}/action`, headers: JSON_TYPE, body });
  }
  // Filters Nova checks: status values (from 2.38 an unknown status is refused), sort keys, booleans.
  for (const version of ['2.1', '2.37', '2.38', '2.104']) {
    const headers = { 'OpenStack-API-Version': `compute ${version}` };
    for (const query of ['status=FOO', 'status=active', 'sort_key=colour', 'sort_dir=sideways', 'deleted=maybe', 'changes-since=yesterday', 'all_tenants=perhaps', 'all_tenants=', 'all_tenants=Off', 'limit=-5']) {
      add({ id: `servers filter ${query} at ${version}`, method: 'GET', path: `/servers/detail?${query}`, headers });
    }
    add({ id: `unknown marker GET /servers at ${version}`, method: 'GET', path: `/servers?marker=${UNKNOWN_SERVER}`, headers });
  }
  // Unknown ids: a stateless mock answers them all (listed, with the reason).
  for (const path of [`/servers/${UNKNOWN_SERVER}`, '/flavors/no-such-flavor', `/os-server-groups/${UNKNOWN_SERVER}`, ...(specPaths.has('/os-keypairs') ? ['/os-keypairs/no-such-key'] : [])]) {
    add({ id: `unknown id GET ${path}`, method: 'GET', path });
  }
  // Unknown URLs.
  for (const path of ['/no-such-resource', '/servers/detail/extra', `/servers/${UNKNOWN_SERVER}/no-such-sub`]) add({ id: `unknown URL GET ${path}`, method: 'GET', path });
  return out;
}

/** The status and the fault name of an answer (`-` for a body that is not a one-key JSON object). */
async function outcome(response: Response): Promise<Outcome> {
  const text = await response.text();
  let fault = '-';
  if (response.status >= 400) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fault = Object.keys(parsed).join(',');
    } catch {
      fault = '(not JSON)';
    }
  }
  return { status: response.status, fault };
}

async function send(endpoint: string, token: string, request: EdgeRequest): Promise<Outcome> {
  const url = request.path.startsWith('//') ? `${endpoint.replace(/\/v2\.1\/?$/, '')}${request.path.slice(1)}` : `${endpoint}${request.path}`;
  const response = await fetch(url, {
    method: request.method,
    headers: { 'X-Auth-Token': token, ...request.headers },
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  return outcome(response);
}

/** Whether two answers are alike: a URL no route matches gets webob's own 404 page from Nova, not a fault, so there only the status is compared. */
const alike = (nova: Outcome, mock: Outcome) => nova.status === mock.status && (nova.fault === mock.fault || (nova.status === 404 && nova.fault === '(not JSON)'));

/**
 * Sends each request to Nova and to the stateless mock; the requests about ids (STATEFUL_KNOWS) also
 * to the stateful mock when one is given, and those are judged on its answer.
 */
export async function differential(nova: { endpoint: string; token: string }, mock: { endpoint: string }, requests = edgeRequests(), statefulMock?: { endpoint: string }): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const request of requests) {
    const [n, m] = await Promise.all([send(nova.endpoint, nova.token, request), send(mock.endpoint, 'differential', request)]);
    const aboutIds = statefulMock !== undefined && STATEFUL_KNOWS.some((kind) => request.id.includes(kind));
    const s = aboutIds ? await send(statefulMock.endpoint, 'differential', request) : undefined;
    const same = s ? alike(n, s) : alike(n, m);
    const reason = Object.entries(UNREPRODUCIBLE).find(([prefix]) => request.id.includes(prefix))?.[1];
    const notYet = Object.entries(NOT_YET).find(([prefix]) => request.id.includes(prefix))?.[1];
    // A request about ids is explained by statelessness only when the stateful mock was not asked.
    const explained = s ? undefined : reason;
    out.push({
      request, nova: n, mock: m, same, ...(s ? { stateful: s } : {}),
      ...(!same && explained ? { unreproducible: explained } : {}), ...(!same && !explained && notYet ? { notYet } : {}),
    });
  }
  return out;
}

/** One line: how many requests, how many answered alike, the listed and the unexplained differences. */
export function differentialSummary(results: Comparison[]): { text: string; unexplained: Comparison[] } {
  const unexplained = results.filter((r) => !r.same && !r.unreproducible && !r.notYet);
  const listed = results.filter((r) => !r.same && r.unreproducible);
  const notYet = results.filter((r) => !r.same && r.notYet);
  const alike = results.filter((r) => r.same).length;
  const onState = results.filter((r) => r.stateful).length;
  return {
    text: `differential: ${results.length} edge requests to Nova and the mock: ${alike} answered alike (status and fault name; ${onState} about ids judged on the stateful mock), ${listed.length} differ where the mock cannot reproduce this deployment (listed with the reason), ${notYet.length} known differences the mock does not do yet (listed), ${unexplained.length} unexplained differences`,
    unexplained,
  };
}

export function describe(result: Comparison): string {
  const r = result.request;
  return `${r.id}: ${r.method} ${r.path}: Nova ${result.nova.status} ${result.nova.fault}, mock ${result.mock.status} ${result.mock.fault}${result.stateful ? `, stateful mock ${result.stateful.status} ${result.stateful.fault}` : ''}${result.unreproducible ? ` (unreproducible: ${result.unreproducible})` : ''}${result.notYet ? ` (not yet in the mock: ${result.notYet})` : ''}`;
}
