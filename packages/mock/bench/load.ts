/**
 * Load test (on demand: `npm run load -w @novaspec/mock`): the mock command in its own process,
 * 100 connections for DURATION seconds (default 60) of mixed, varied requests on loopback (a different
 * server id, metadata key or name in every request, as a contract test suite sends), after a WARMUP
 * (default 10 s) at the same load. Prints requests, errors, non-2xx, p99, and the mock's live heap
 * after a full collection (asked for with SIGUSR2; the mock runs with --expose-gc) and its resident
 * memory, after the warm-up and at the end. Fails on any error or a live heap grown over 10%:
 * resident memory is printed too, but V8 keeps heap pages it has grown into, so RSS growth alone is
 * not a leak.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

const duration = Number(process.env.DURATION ?? 60);
const warmup = Number(process.env.WARMUP ?? 10);
const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';
const script = join(import.meta.dirname, '..', 'bin', 'novaspec-mock.ts');
const child = spawn(process.execPath, ['--max-semi-space-size=2', '--expose-gc', script, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`the mock exited with ${code}`)));
  child.stdout!.on('data', (chunk: Buffer) => {
    const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
    if (match) resolve(match[1]!);
  });
});
const rss = () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;
/** The mock's live heap in MB after a full collection. */
const liveHeap = () => new Promise<number>((resolve) => {
  const listen = (chunk: Buffer) => {
    const match = /heap (\d+) bytes/.exec(chunk.toString());
    if (!match) return;
    child.stdout!.off('data', listen);
    resolve(Number(match[1]) / 1e6);
  };
  child.stdout!.on('data', listen);
  child.kill('SIGUSR2');
});

const headers = (version: string) => ({ 'X-Auth-Token': 'load', 'OpenStack-API-Version': `compute ${version}`, 'Content-Type': 'application/json' });
// Versions vary per request, so the mock keeps many views and many distinct answers in play.
let n = 0;
/** The request's path and body with this request's own server id and values. */
const vary = (path: string | ((i: number) => string), body?: (i: number) => unknown) => ({
  setupRequest: (request: autocannon.Request) => {
    n += 1;
    const literal = typeof path === 'string' ? path.replace(SERVER, randomUUID()) : path(n);
    return { ...request, path: literal, ...(body ? { body: JSON.stringify(body(n)) } : {}) };
  },
});
const requests = ['2.1', '2.26', '2.47', '2.73', '2.100', '2.104'].flatMap((version) => [
  { method: 'GET' as const, headers: headers(version), ...vary(`/v2.1/servers/${SERVER}`) },
  { method: 'GET' as const, headers: headers(version), ...vary((i) => `/v2.1/servers/detail?limit=${1 + (i % 20)}&name=web-${i}`) },
  { method: 'POST' as const, headers: headers(version), ...vary(`/v2.1/servers/${SERVER}/action`, () => ({ reboot: { type: 'SOFT' } })) },
  { method: 'PUT' as const, headers: headers(version), ...vary(`/v2.1/servers/${SERVER}/metadata`, (i) => ({ metadata: { [`role${i}`]: `web-${i}` } })) },
  {
    method: 'POST' as const, headers: headers(version),
    // `networks` is required from 2.37 (`auto`) and refused in that form before.
    ...vary('/v2.1/servers', (i) => ({
      server: { name: `load-${i}`, imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', flavorRef: '1', ...(Number(version.split('.')[1]) >= 37 ? { networks: 'auto' } : {}) },
    })),
  },
]);

const load = (seconds: number) => autocannon({ url, connections: 100, duration: seconds, requests });
await load(warmup);
const before = { heap: await liveHeap(), rss: rss() };
const result = await load(duration);
const after = { heap: await liveHeap(), rss: rss() };
child.kill();
const growth = (after.heap - before.heap) / before.heap;
console.log(`load: ${result.requests.total} requests in ${duration} s at 100 connections (${result.requests.average.toFixed(0)} req/s), errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, p99 ${result.latency.p99} ms`);
console.log(`load: mock live heap ${before.heap.toFixed(1)} MB after warm-up, ${after.heap.toFixed(1)} MB at the end (${(100 * growth).toFixed(1)}%); resident ${before.rss.toFixed(0)} -> ${after.rss.toFixed(0)} MB`);
if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || growth > 0.1) {
  console.error('load: FAILED (errors, non-2xx answers or live heap growth over 10%)');
  process.exitCode = 1;
}
