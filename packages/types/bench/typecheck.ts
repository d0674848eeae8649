/**
 * Benchmark (run on demand: `npm run bench -w @novaspec/types`; issue 17's targets).
 *   1. The package as a team installs it: `npm pack`, the tarball's size, and its installed size
 *      (the files unpacked, and `du` of the folder).
 *   2. A consumer's type-check: one file with a dozen typed calls through openapi-fetch at one pin
 *      (`import type { Api } from '@novaspec/types/2.100'`), `--noEmit`, strict, under TypeScript 5.9
 *      (`tsc`) and TypeScript 7 (`tsgo`, @typescript/native-preview), each against the published
 *      package (shared modules) and against the straightforward module of that version (what the
 *      package shipped before the split, rendered by scripts/render.ts) as the baseline.
 * Runs are interleaved (every configuration once per round, RUNS rounds, default 5) and the medians
 * printed: wall time of the whole compiler process, its peak memory (maximum resident set size, from
 * /usr/bin/time when the machine has it) and the compiler's own "Memory used" (--extendedDiagnostics,
 * the figure ADR 0003 quotes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const repo = join(root, '..', '..');
const runs = Number(process.env.RUNS ?? 5);
// KEEP=1 keeps the consumer projects (to time them with other tools); RUNS=0 only sets them up.
const pin = process.env.PIN ?? '2.100';
const work = mkdtempSync(join(tmpdir(), 'novaspec-bench-'));

// 1. The packed package.
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--workspace', '@novaspec/types', '--pack-destination', work, '--json'], { cwd: repo, encoding: 'utf8' })) as [{ filename: string; size: number; unpackedSize: number; entryCount: number }];
const installed = join(work, 'published', 'node_modules', '@novaspec', 'types');
mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', installed, '--strip-components=1']);
const du = Number(execFileSync('du', ['-sk', installed], { encoding: 'utf8' }).split('\t')[0]) * 1024;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`@novaspec/types packed: tarball ${mb(packed.size)}, ${packed.entryCount} files, installed ${mb(packed.unpackedSize)} (du ${mb(du)})`);

// 2. The consumer, against the published package and against the straightforward module.
const baseline = join(work, 'baseline', 'node_modules', '@novaspec', 'types');
mkdirSync(join(baseline, 'dist'), { recursive: true });
cpSync(join(installed, 'package.json'), join(baseline, 'package.json'));
execFileSync(process.execPath, [join(root, 'scripts', 'render.ts'), join(baseline, 'dist'), pin], { stdio: 'inherit' });

const consumer = `import createClient from 'openapi-fetch';
import type { Api } from '@novaspec/types/${pin}';

export async function use(serverId: string) {
  const nova = createClient<Api['paths']>({ baseUrl: 'http://nova.example:8774/v2.1' });
  const path = { server_id: serverId };
  const a = await nova.GET('/servers/{server_id}', { params: { path } });
  const b = await nova.GET('/servers/detail', { params: { query: { limit: 10 } } });
  const c = await nova.PUT('/servers/{server_id}', { params: { path }, body: { server: { name: 'n' } } });
  const d = await nova.GET('/servers', {});
  const e = await nova.DELETE('/servers/{server_id}', { params: { path } });
  const f = await nova.GET('/flavors/detail', {});
  const g = await nova.GET('/flavors/{flavor_id}', { params: { path: { flavor_id: 'm1.small' } } });
  const h = await nova.GET('/os-server-groups', {});
  const i = await nova.GET('/servers/{server_id}/os-volume_attachments', { params: { path } });
  const j = await nova.GET('/servers/{server_id}/os-interface', { params: { path } });
  const k = await nova.GET('/os-simple-tenant-usage', {});
  const l = await nova.GET('/servers/{server_id}/metadata', { params: { path } });
  return [a.data?.server.id, b.data?.servers.length, c.data?.server.id, d.data?.servers.length, e.response.status,
    f.data?.flavors.length, g.data?.flavor.name, h.data?.server_groups.length, i.data?.volumeAttachments.length,
    j.data?.interfaceAttachments.length, k.data?.tenant_usages.length, l.data?.metadata];
}
`;
for (const kind of ['published', 'baseline']) {
  const dir = join(work, kind);
  symlinkSync(join(repo, 'node_modules', 'openapi-fetch'), join(dir, 'node_modules', 'openapi-fetch'));
  writeFileSync(join(dir, 'consumer.ts'), consumer);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
    files: ['consumer.ts'],
  }));
}

const compilers = {
  'TypeScript 5.9 (tsc)': [process.execPath, join(repo, 'node_modules', 'typescript', 'bin', 'tsc')],
  'TypeScript 7 (tsgo)': [join(repo, 'node_modules', '.bin', 'tsgo')],
} as const;
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function measure(command: readonly string[], dir: string): { seconds: number; mb: number; heap: number } {
  const args = [...command.slice(1), '-p', dir, '--extendedDiagnostics'];
  const started = performance.now();
  const result = timeBin
    ? spawnSync(timeBin, ['-f', 'maxrss-kb %M', command[0]!, ...args], { encoding: 'utf8' })
    : spawnSync(command[0]!, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed in ${dir}:\n${result.stdout}${result.stderr}`);
  const rss = /maxrss-kb (\d+)/.exec(result.stderr);
  const own = /^Memory used:\s+([\d.]+)K/m.exec(result.stdout);
  return { seconds, mb: rss ? Number(rss[1]) / 1024 : Number.NaN, heap: Number(own?.[1] ?? Number.NaN) / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const configurations = Object.entries(compilers).flatMap(([name, command]) =>
  ['published', 'baseline'].map((kind) => ({ label: `${name}, ${kind === 'published' ? 'shared modules (published)' : 'straightforward module'}`, command, dir: join(work, kind), samples: [] as { seconds: number; mb: number; heap: number }[] })));
if (runs > 0) for (const configuration of configurations) measure(configuration.command, configuration.dir); // warm-up
for (let round = 0; round < runs; round += 1) {
  for (const configuration of configurations) configuration.samples.push(measure(configuration.command, configuration.dir));
}
console.log(`consumer: 12 calls at ${pin}, tsc --noEmit, ${runs} interleaved rounds after a warm-up; medians (min-max)`);
for (const { label, samples } of runs > 0 ? configurations : []) {
  const seconds = samples.map((s) => s.seconds);
  const memory = samples.map((s) => s.mb);
  console.log(`  ${label.padEnd(55)} ${median(seconds).toFixed(2)} s (${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)})  `
    + `peak RSS ${median(memory).toFixed(0)} MB (${Math.min(...memory).toFixed(0)}-${Math.max(...memory).toFixed(0)})  `
    + `"Memory used" ${median(samples.map((s) => s.heap)).toFixed(0)} MB`);
}
if (process.env.KEEP) console.log(`kept the consumers in ${work} (published/, baseline/)`);
else rmSync(work, { recursive: true, force: true });
