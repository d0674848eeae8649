/**
 * Benchmark (on demand: `npm run bench -w @novaspec/client`): the client's cost per request against
 * raw fetch, on loopback, against a bare Node server answering a server document. Rounds alternate
 * raw and client so that machine noise hits both; each round is N sequential GETs. The client runs
 * with its middleware on: a Keystone session (token cached, as in production), both microversion
 * headers, a global request id, throwOnError. Prints the median per-request time and the ratio.
 *   N (requests per round, default 4000), ROUNDS (default 7)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api } from '@novaspec/types/2.47';
import createClient from 'openapi-fetch';
import { createComputeClient } from '../src/index.ts';

const n = Number(process.env.N ?? 4000);
const rounds = Number(process.env.ROUNDS ?? 7);
const body = JSON.stringify({ server: { id: '9168b536-cd40-4630-b43f-b259807c6e87', name: 'web-1', status: 'ACTIVE' } });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-3f0c6a9e-5b1d-4c2a-9a77-1e2f3d4c5b6a' });
  response.end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2.1`;

// A session stand-in with a cached token: the production path after the first login.
const session = { token: async () => 'gAAAA-token', invalidate: () => undefined };
const nova = createComputeClient<Api>({
  baseUrl: base, token: session, microversion: '2.47', throwOnError: true,
  globalRequestId: 'req-3f0c6a9e-5b1d-4c2a-9a77-1e2f3d4c5b6a',
});
const url = `${base}/servers/9168b536-cd40-4630-b43f-b259807c6e87`;

async function raw(): Promise<void> {
  const response = await fetch(url, { headers: { 'X-Auth-Token': 'gAAAA-token', 'OpenStack-API-Version': 'compute 2.47', 'X-OpenStack-Nova-API-Version': '2.47', Accept: 'application/json' } });
  await response.json();
}
async function client(): Promise<void> {
  await nova.GET('/servers/{server_id}', { params: { path: { server_id: '9168b536-cd40-4630-b43f-b259807c6e87' } } });
}
// openapi-fetch alone, same headers set by hand: what the client's own layer adds shows against it.
const plain = createClient<Api['paths']>({ baseUrl: base, headers: { 'X-Auth-Token': 'gAAAA-token', 'OpenStack-API-Version': 'compute 2.47', 'X-OpenStack-Nova-API-Version': '2.47', Accept: 'application/json' } });
async function bare(): Promise<void> {
  await plain.GET('/servers/{server_id}', { params: { path: { server_id: '9168b536-cd40-4630-b43f-b259807c6e87' } } });
}
async function round(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i += 1) await fn();
  return ((performance.now() - started) * 1000) / n; // µs per request
}

for (let i = 0; i < 500; i += 1) {
  await raw();
  await client();
}
const ratios: number[] = [];
const plainRatios: number[] = [];
for (let r = 1; r <= rounds; r += 1) {
  const a = await round(raw);
  const b = await round(client);
  const c = await round(bare);
  ratios.push(b / a);
  plainRatios.push(c / a);
  console.log(`round ${r}: raw fetch ${a.toFixed(1)} µs, client ${b.toFixed(1)} µs (${(b / a).toFixed(3)}), openapi-fetch alone ${c.toFixed(1)} µs (${(c / a).toFixed(3)})`);
}
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
console.log(`median ratio to raw fetch: client ${median(ratios).toFixed(3)}, openapi-fetch alone ${median(plainRatios).toFixed(3)} (${n} sequential GETs per round, ${rounds} rounds)`);
server.close();
