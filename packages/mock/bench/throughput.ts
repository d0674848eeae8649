/**
 * Benchmark (on demand: `npm run bench -w @novaspec/mock`): the mock against a bare Node HTTP server
 * that answers the same requests with the same status, headers and body bytes (recorded from the mock
 * first), side by side in one run, with autocannon at 50 connections on loopback.
 * Two halves: repeated requests (one request sent over and over: what the answer cache replays) and
 * varied requests (a different id, name or query in every request, as a contract test suite sends).
 * Prints requests/s, p99 latency and the mock/bare ratio per request kind, and the mock's start-up;
 * and each server's CPU time per request (from /proc), whose bare/mock ratio is what the throughput
 * ratio would be on an idle machine: other processes on a busy one skew the throughput figures.
 *   DURATION (seconds per measurement, default 10), CONNECTIONS (default 50), ROUNDS (default 2),
 *   ONLY (repeated or varied: one half only), MOCK_BIN (the mock's command to measure)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const rounds = Number(process.env.ROUNDS ?? 2);

const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';
const common = { 'X-Auth-Token': 'bench', 'OpenStack-API-Version': 'compute 2.47' };
const json = { ...common, 'Content-Type': 'application/json' };
const create = (name: string) => JSON.stringify({ server: { name, imageRef: IMAGE, flavorRef: '1', networks: 'auto' } });

interface Kind {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  /** The request number `i` of this kind: a repeated kind ignores `i`, a varied one puts it in. */
  make(i: number): { path: string; body?: string };
  /** For varied kinds: the bare server's pattern over `METHOD path`. */
  pattern?: string;
}
const uuid = (i: number) => `${(0x10000000 + i).toString(16).slice(-8)}-${randomUUID().slice(9)}`;
const repeated: Kind[] = [
  { name: 'GET server (2.47)', method: 'GET', headers: common, make: () => ({ path: `/v2.1/servers/${SERVER}` }) },
  { name: 'GET servers/detail', method: 'GET', headers: common, make: () => ({ path: '/v2.1/servers/detail?limit=2' }) },
  { name: 'POST servers (create)', method: 'POST', headers: json, make: () => ({ path: '/v2.1/servers', body: create('bench-1') }) },
];
// What a contract test suite sends: a different id, name or query in every request.
const varied: Kind[] = [
  { name: 'GET server, varied id', method: 'GET', headers: common, make: (i) => ({ path: `/v2.1/servers/${uuid(i)}` }), pattern: '^GET /v2\\.1/servers/[0-9a-f-]{36}$' },
  { name: 'POST servers, varied name', method: 'POST', headers: json, make: (i) => ({ path: '/v2.1/servers', body: create(`bench-${i}`) }), pattern: '^POST /v2\\.1/servers$' },
  { name: 'GET flavor, varied id', method: 'GET', headers: common, make: (i) => ({ path: `/v2.1/flavors/${i}` }), pattern: '^GET /v2\\.1/flavors/\\d+$' },
  {
    name: 'GET detail, varied query', method: 'GET', headers: common,
    make: (i) => ({ path: `/v2.1/servers/detail?limit=${1 + (i % 50)}&name=web-${i}${i % 2 ? '&status=ACTIVE' : ''}` }), pattern: '^GET /v2\\.1/servers/detail\\?',
  },
  {
    name: 'POST action, varied id', method: 'POST', headers: json,
    make: (i) => ({ path: `/v2.1/servers/${uuid(i)}/action`, body: JSON.stringify({ reboot: { type: i % 2 ? 'SOFT' : 'HARD' } }) }), pattern: '^POST /v2\\.1/servers/[0-9a-f-]{36}/action$',
  },
  {
    name: 'PUT metadata, varied', method: 'PUT', headers: json,
    make: (i) => ({ path: `/v2.1/servers/${uuid(i)}/metadata`, body: JSON.stringify({ metadata: { [`k${i}`]: `v${i}` } }) }), pattern: '^PUT /v2\\.1/servers/[0-9a-f-]{36}/metadata$',
  },
];
const only = process.env.ONLY; // "repeated" or "varied": one half only
const kinds = [...(only === 'varied' ? [] : repeated), ...(only === 'repeated' ? [] : varied)];

// Each server runs in its own process, as a team would run the mock; autocannon runs here.
function spawnServer(script: string, args: string[]): Promise<{ url: string; child: ChildProcess; startup: number }> {
  const started = performance.now();
  // The mock runs with the flags of its command's shebang (a smaller young generation: less memory).
  const flags = (process.env.MOCK_NODE_FLAGS ?? (script.includes('novaspec-mock') ? '--max-semi-space-size=2' : '')).split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1]!, child, startup: performance.now() - started });
    });
  });
}

// MOCK_BIN: another build of the mock's command (a checkout of an older commit, to compare).
const mock = await spawnServer(process.env.MOCK_BIN ?? join(import.meta.dirname, '..', 'bin', 'novaspec-mock.ts'), ['--port', '0']);
const rss = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;
const mockRssAtStart = rss(mock.child.pid!);

// Record what the mock answers, so the bare server sends the same bytes. A varied kind's answer
// must not depend on the varied part: two different requests of the kind are compared.
const recorded: Record<string, { status: number; headers: Record<string, string>; body: string; pattern?: string }> = {};
for (const kind of kinds) {
  const seen: string[] = [];
  for (const i of kind.pattern ? [1, 2] : [1]) {
    const { path, body } = kind.make(i);
    const response = await fetch(`${mock.url}${path}`, { method: kind.method, headers: kind.headers, ...(body ? { body } : {}) });
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)));
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${kind.name}: the mock answered ${response.status} ${text}`);
    seen.push(`${response.status} ${text}`);
    recorded[kind.pattern ? `pattern ${kind.name}` : `${kind.method} ${path}`] = { status: response.status, headers, body: text, ...(kind.pattern ? { pattern: kind.pattern } : {}) };
  }
  if (new Set(seen).size > 1) throw new Error(`${kind.name}: two requests of the kind got different answers`);
}
const recording = join(mkdtempSync(join(tmpdir(), 'novaspec-bench-')), 'answers.json');
writeFileSync(recording, JSON.stringify(recorded));
const bare = await spawnServer(join(import.meta.dirname, 'bare-server.ts'), [recording]);

/** CPU time (user + system, ms) a process has used: a figure other load on the machine barely moves. */
const cpu = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};

async function run(url: string, kind: Kind, pid: number) {
  const cpuBefore = cpu(pid);
  let i = 0;
  const result = await autocannon({
    url, connections, duration,
    requests: [{
      method: kind.method, headers: kind.headers,
      setupRequest: (request) => {
        i += 1;
        const { path, body } = kind.make(i);
        return { ...request, path, ...(body ? { body } : {}) };
      },
    }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx, cpuPerRequest: (1000 * (cpu(pid) - cpuBefore)) / result.requests.total };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
console.log(`mock start-up ${mock.startup.toFixed(0)} ms to listening (process spawn included), rss ${mockRssAtStart.toFixed(0)} MB after start-up`);
console.log(`${connections} connections, ${duration} s per measurement, ${rounds} rounds, bare and mock interleaved; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const summary: string[] = [];
for (const kind of kinds) {
  const ratios: number[] = [];
  const rps: number[] = [];
  const p99s: number[] = [];
  const cpus: number[] = [];
  const cpuRatios: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const b = await run(bare.url, kind, bare.child.pid!);
    const m = await run(mock.url, kind, mock.child.pid!);
    ratios.push(m.rps / b.rps);
    cpuRatios.push(b.cpuPerRequest / m.cpuPerRequest);
    cpus.push(m.cpuPerRequest);
    rps.push(m.rps);
    p99s.push(m.p99);
    console.log(`${kind.name.padEnd(26)} round ${round}: bare ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms | mock ${m.rps.toFixed(0)} req/s p99 ${m.p99} ms errors ${m.errors} | ratio ${(100 * m.rps / b.rps).toFixed(1)}% | CPU per request bare ${b.cpuPerRequest.toFixed(0)} µs, mock ${m.cpuPerRequest.toFixed(0)} µs`);
  }
  summary.push(`${kind.pattern ? 'varied  ' : 'repeated'} ${kind.name.padEnd(26)} mock ${median(rps).toFixed(0).padStart(6)} req/s, p99 ${String(median(p99s)).padStart(3)} ms, ${(100 * median(ratios)).toFixed(1).padStart(5)}% of bare Node; CPU ${median(cpus).toFixed(0).padStart(5)} µs/request, bare/mock ${(100 * median(cpuRatios)).toFixed(1).padStart(5)}% (medians of ${rounds})`);
}
console.log(summary.join('\n'));
console.log(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`mock rss after the run ${rss(mock.child.pid!).toFixed(0)} MB`);
mock.child.kill();
bare.child.kill();
process.exit(0);
