/**
 * Benchmark (on demand: `npm run bench -w @novaspec/mock`): the mock against a bare Node HTTP server
 * that answers the same requests with the same status, headers and body bytes (recorded from the mock
 * first), side by side in one run, with autocannon at 50 connections on loopback.
 * Prints requests/s, p99 latency and the mock/bare ratio per request kind, and the mock's start-up.
 *   DURATION (seconds per measurement, default 10), CONNECTIONS (default 50), ROUNDS (default 2)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const rounds = Number(process.env.ROUNDS ?? 2);

const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';
const common = { 'X-Auth-Token': 'bench', 'OpenStack-API-Version': 'compute 2.47' };
const kinds = [
  { name: 'GET server (2.47)', method: 'GET', path: `/v2.1/servers/${SERVER}`, headers: common },
  { name: 'GET servers/detail', method: 'GET', path: '/v2.1/servers/detail?limit=2', headers: common },
  {
    name: 'POST servers (create)', method: 'POST', path: '/v2.1/servers',
    headers: { ...common, 'Content-Type': 'application/json' },
    body: JSON.stringify({ server: { name: 'bench-1', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', flavorRef: '1', networks: 'auto' } }),
  },
] as const;

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

const mock = await spawnServer(join(import.meta.dirname, '..', 'bin', 'novaspec-mock.ts'), ['--port', '0']);
const rss = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;
const mockRssAtStart = rss(mock.child.pid!);

// Record what the mock answers, so the bare server sends the same bytes.
const recorded: Record<string, { status: number; headers: Record<string, string>; body: string }> = {};
for (const kind of kinds) {
  const response = await fetch(`${mock.url}${kind.path}`, { method: kind.method, headers: kind.headers, ...('body' in kind ? { body: kind.body } : {}) });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)));
  recorded[`${kind.method} ${kind.path}`] = { status: response.status, headers, body: await response.text() };
  if (response.status >= 400) throw new Error(`${kind.name}: the mock answered ${response.status}`);
}
const recording = join(mkdtempSync(join(tmpdir(), 'novaspec-bench-')), 'answers.json');
writeFileSync(recording, JSON.stringify(recorded));
const bare = await spawnServer(join(import.meta.dirname, 'bare-server.ts'), [recording]);

async function run(url: string, kind: (typeof kinds)[number]) {
  const result = await autocannon({
    url: `${url}${kind.path}`, method: kind.method, headers: kind.headers, connections, duration,
    ...('body' in kind ? { body: kind.body } : {}),
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

console.log(`mock start-up ${mock.startup.toFixed(0)} ms to listening (process spawn included), rss ${mockRssAtStart.toFixed(0)} MB after start-up`);
console.log(`${connections} connections, ${duration} s per measurement, ${rounds} rounds, bare and mock interleaved`);
for (const kind of kinds) {
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const b = await run(bare.url, kind);
    const m = await run(mock.url, kind);
    ratios.push(m.rps / b.rps);
    console.log(`${kind.name.padEnd(24)} round ${round}: bare ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms | mock ${m.rps.toFixed(0)} req/s p99 ${m.p99} ms errors ${m.errors} | ratio ${(100 * m.rps / b.rps).toFixed(1)}%`);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  console.log(`${kind.name.padEnd(24)} median ratio ${(100 * sorted[Math.floor(sorted.length / 2)]!).toFixed(1)}%`);
}
console.log(`mock rss after the run ${rss(mock.child.pid!).toFixed(0)} MB`);
mock.child.kill();
bare.child.kill();
process.exit(0);
