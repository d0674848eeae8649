/**
 * Benchmark (run on demand: `npm run bench -w @novaspec/types`): what a consumer's `tsc --noEmit`
 * costs under the two ways of typing a pinned microversion (ADR 0003).
 *   per-version  import type { Api } from '@novaspec/types/2.47'   (TypeScript reads one version)
 *   version-map  one interface mapping every microversion to its module, indexed by a literal
 *                (what `createComputeClient({ microversion: '2.47' })` with inference would need;
 *                TypeScript then reads every version's module)
 * Prints the median of several runs of tsc --extendedDiagnostics for each.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..', '..');
const dist = join(import.meta.dirname, '..', 'dist');
const runs = Number(process.env.RUNS ?? 5);
const versions = readdirSync(dist).filter((f) => /^v2\.\d+\.d\.ts$/.test(f)).map((f) => f.slice(1, -5));

const calls = `
  const a = await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'x' } } });
  const b = await nova.GET('/servers/detail', { params: { query: { limit: 10 } } });
  const c = await nova.PUT('/servers/{server_id}', { params: { path: { server_id: 'x' } }, body: { server: { name: 'n' } } });
  const d = await nova.GET('/servers', {});
  const e = await nova.DELETE('/servers/{server_id}', { params: { path: { server_id: 'x' } } });
  return [a.data?.server.id, b.data?.servers.length, c.data?.server.id, d.data?.servers.length, e.response.status];
`;

function setUp(kind: 'per-version' | 'version-map'): string {
  const dir = mkdtempSync(join(tmpdir(), `novaspec-bench-${kind}-`));
  const types = join(dir, 'node_modules', '@novaspec', 'types');
  mkdirSync(join(dir, 'node_modules', '@novaspec'), { recursive: true });
  cpSync(join(import.meta.dirname, '..'), types, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/bench') });
  symlinkSync(join(repo, 'node_modules', 'openapi-fetch'), join(dir, 'node_modules', 'openapi-fetch'));
  if (kind === 'version-map') {
    const lines = versions.map((v) => `  "${v}": import("./v${v}.js").Api;`).join('\n');
    writeFileSync(join(types, 'dist', 'map.d.ts'), `export interface ByMicroversion {\n${lines}\n}\n`);
    writeFileSync(join(dir, 'consumer.ts'), `import createClient from 'openapi-fetch';
import type { ByMicroversion } from './node_modules/@novaspec/types/dist/map.js';
function createFor<V extends keyof ByMicroversion>(microversion: V) {
  void microversion;
  return createClient<ByMicroversion[V]['paths']>({ baseUrl: 'http://x/v2.1' });
}
export async function use() {
  const nova = createFor('2.47');
${calls}
}
`);
  } else {
    writeFileSync(join(dir, 'consumer.ts'), `import createClient from 'openapi-fetch';
import type { Api } from '@novaspec/types/2.47';
export async function use() {
  const nova = createClient<Api['paths']>({ baseUrl: 'http://x/v2.1' });
${calls}
}
`);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
    files: ['consumer.ts'],
  }));
  return dir;
}

function measure(dir: string): Record<string, number> {
  const result = spawnSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc failed in ${dir}:\n${result.stdout}${result.stderr}`);
  const figure = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(result.stdout);
    return match ? Number(match[1]) : Number.NaN;
  };
  return { files: figure('Files'), lines: figure('Lines of Definitions'), memoryK: figure('Memory used'), check: figure('Check time'), total: figure('Total time') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${versions.length} microversion modules; ${runs} runs each; median figures of tsc --extendedDiagnostics`);
for (const kind of ['per-version', 'version-map'] as const) {
  const dir = setUp(kind);
  const samples = Array.from({ length: runs }, () => measure(dir));
  const pick = (key: string) => median(samples.map((s) => s[key]!));
  console.log(`${kind.padEnd(12)} files ${pick('files')}  declaration lines ${pick('lines')}  total ${pick('total').toFixed(2)} s  check ${pick('check').toFixed(2)} s  memory ${(pick('memoryK') / 1024).toFixed(0)} MB`);
  rmSync(dir, { recursive: true, force: true });
}
