/**
 * Fuzz (on demand: `npm run fuzz -w @novaspec/mock`): thousands of malformed requests against the mock
 * on loopback, from fast-check: bad JSON, wrong types, huge bodies, odd headers and versions, unknown
 * paths and methods. Property: no crash, no 5xx, and every 4xx a Nova fault body (or Keystone's 401).
 * Bounded: RUNS requests (default 3000), TIME_LIMIT_S seconds at most (default 120).
 */
import fc from 'fast-check';
import { startMockServer } from '../src/index.ts';

const runs = Number(process.env.RUNS ?? 3000);
const timeLimit = Number(process.env.TIME_LIMIT_S ?? 120) * 1000;
const mock = await startMockServer({ port: 0 });
const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';

const paths = fc.oneof(
  fc.constantFrom('/v2.1/servers', '/v2.1/servers/detail', `/v2.1/servers/${SERVER}`, `/v2.1/servers/${SERVER}/action`,
    `/v2.1/servers/${SERVER}/metadata`, `/v2.1/servers/${SERVER}/tags/a`, `/v2.1/p/servers/${SERVER}/os-interface`, '/v2.1/', '/'),
  fc.webPath().map((p) => `/v2.1${p}`),
  fc.string({ maxLength: 40 }).map((s) => `/v2.1/servers/${encodeURIComponent(s)}`),
);
const query = fc.oneof(fc.constant(''), fc.dictionary(fc.constantFrom('limit', 'marker', 'changes-since', 'status', 'sort_key', 'x', 'tags'), fc.string({ maxLength: 20 }), { maxKeys: 3 })
  .map((q) => `?${new URLSearchParams(q)}`));
const version = fc.oneof(fc.constant(undefined), fc.constantFrom('compute 2.1', 'compute 2.47', 'compute latest', 'compute 2.999', 'compute 3.0', 'compute', 'volume 3.0', 'compute 2.0'),
  fc.string({ maxLength: 20 }).map((s) => `compute ${s}`));
const json = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  fc.constant(undefined),
  json.map((v) => JSON.stringify(v)),
  json.map((v) => JSON.stringify({ server: v })),
  fc.record({ key: fc.constantFrom('reboot', 'createImage', 'os-start', 'resize', 'teleport', 'os-getVNCConsole', 'lock', 'rebuild'), value: json })
    .map(({ key, value }) => JSON.stringify({ [key]: value })),
  fc.string({ maxLength: 200 }),
  fc.integer({ min: 100_000, max: 300_000 }).map((n) => JSON.stringify({ server: { name: 'x'.repeat(n) } })),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/json; charset=utf-8', 'application/xml', '');
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');
const token = fc.constantFrom(undefined, 'token', '');

const statuses = new Map<number, number>();
let checked = 0;
const started = Date.now();
const isNovaFault = (status: number, text: string): boolean => {
  try {
    const parsed = JSON.parse(text) as Record<string, { code?: number; message?: unknown }>;
    const keys = Object.keys(parsed);
    if (keys.length !== 1) return false;
    const inner = parsed[keys[0]!]!;
    return inner.code === status && typeof inner.message === 'string';
  } catch {
    return false;
  }
};

try {
  await fc.assert(
    fc.asyncProperty(method, paths, query, version, body, contentType, token, async (m, p, q, v, b, ct, t) => {
      if (Date.now() - started > timeLimit) return; // the time bound: remaining runs pass untested
      const headers: Record<string, string> = {};
      if (v !== undefined) headers['OpenStack-API-Version'] = v;
      if (ct) headers['Content-Type'] = ct;
      if (t !== undefined) headers['X-Auth-Token'] = t;
      const sendsBody = b !== undefined && m !== 'GET' && m !== 'HEAD';
      const response = await fetch(`${mock.url}${p}${q}`, { method: m, headers, ...(sendsBody ? { body: b } : {}) });
      const text = await response.text();
      checked += 1;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) throw new Error(`${m} ${p}${q} answered ${response.status}: ${text.slice(0, 200)}`);
      if (response.status >= 400 && m !== 'HEAD' && !isNovaFault(response.status, text) && !text.includes('"error"')) {
        throw new Error(`${m} ${p}${q} answered ${response.status} without a Nova fault body: ${text.slice(0, 200)}`);
      }
    }),
    { numRuns: runs },
  );
  console.log(`fuzz: ${checked} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, no 5xx, every 4xx Nova-shaped`);
  console.log(`fuzz: answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
} catch (error) {
  console.error(`fuzz: FAILED after ${checked} requests\n${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await mock.close();
}
