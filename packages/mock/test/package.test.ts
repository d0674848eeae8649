/**
 * The mock as a team gets it: the packed tarballs of @novaspec/spec, @novaspec/microversions and
 * @novaspec/mock installed into an empty project, `novaspec-mock` started from its node_modules/.bin
 * and asked over HTTP; publint and are-the-types-wrong on the tarballs; nothing shipped that does not
 * run (no sources, tests or benchmarks).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const packages = { spec: join(repo, 'spec'), microversions: join(repo, 'packages', 'microversions'), mock: join(repo, 'packages', 'mock') };
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
const node24 = bin('node');
/** The machine's own Node (20 on this kind of machine), to say what an older LTS line gets. */
const systemNode = '/usr/bin/node';

let work: string;
let project: string;
const tarballs: Record<string, string> = {};

/** Starts `novaspec-mock --port 0` with the given Node and resolves with its endpoint and a stop function. */
function startBin(nodeBinary: string): Promise<{ endpoint: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [join(project, 'node_modules', '.bin', 'novaspec-mock'), '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    // It starts in about 3 s here; the margin is for a machine busy with other builds (it took over
    // 30 s once at a load average of 35).
    const timer = setTimeout(() => { child.kill(); reject(new Error(`novaspec-mock did not start within 90 s:\n${output}`)); }, 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/\S+\/v2\.1)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ endpoint: match[1]!, stop: () => child.kill() });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`novaspec-mock exited with ${code}:\n${output}`)); });
  });
}

async function flavorAt(endpoint: string, version: string): Promise<unknown> {
  const response = await fetch(`${endpoint}/servers/9168b536-cd40-4630-b43f-b259807c6e87`, {
    headers: { 'X-Auth-Token': 'any', 'OpenStack-API-Version': `compute ${version}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('openstack-api-version')).toBe(`compute ${version}`);
  return ((await response.json()) as { server: { flavor: unknown } }).server.flavor;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'novaspec-mock-pack-'));
  for (const [name, dir] of Object.entries(packages)) {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: dir, encoding: 'utf8' })) as { filename: string }[];
    tarballs[name] = join(work, packed!.filename);
  }
  project = join(work, 'consumer');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...Object.values(tarballs)], { cwd: project, stdio: 'pipe' });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the packed mock, installed into an empty project', () => {
  it('ships only what runs: built JavaScript, declarations, the spec\'s built documents', () => {
    for (const [name, dir] of Object.entries(packages)) {
      const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' })) as { files: { path: string }[] }[];
      const shipped = report!.files.map((file) => file.path);
      // A changelog ships with every publishable package (ADR 0010), a README where there is one.
      const stray = shipped.filter((path) => path !== 'package.json' && !/^(README|CHANGELOG)/.test(path) && !path.startsWith('dist/'));
      expect(stray, name).toEqual([]);
      expect(shipped.filter((path) => /\.ts$/.test(path) && !/\.d\.ts$/.test(path)), name).toEqual([]);
    }
  }, 120_000);

  it('starts from node_modules/.bin on Node 24 and answers at the microversion asked for', async () => {
    const mock = await startBin(node24);
    try {
      expect(await flavorAt(mock.endpoint, '2.46')).toMatchObject({ id: expect.any(String), links: expect.any(Array) });
      expect(await flavorAt(mock.endpoint, '2.47')).toMatchObject({ vcpus: expect.any(Number), original_name: expect.any(String) });
    } finally {
      mock.stop();
    }
  }, 120_000);

  it.skipIf(!existsSync(systemNode))('starts on the machine\'s Node too (20 here), without the start-up optimisations of Node 22', async () => {
    const version = execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).trim();
    const mock = await startBin(systemNode);
    try {
      expect(await flavorAt(mock.endpoint, '2.47')).toMatchObject({ vcpus: expect.any(Number) });
      console.log(`novaspec-mock from the tarball answered on ${version}`);
    } finally {
      mock.stop();
    }
  }, 120_000);

  it('imports startMockServer from the installed package', async () => {
    const script = join(project, 'start.mjs');
    writeFileSync(script, [
      "import { startMockServer } from '@novaspec/mock';",
      "const mock = await startMockServer({ port: 0, maxMicroversion: '2.90' });",
      "const r = await fetch(mock.endpoint + '/', { headers: { 'X-Auth-Token': 'x' } });",
      'console.log(JSON.stringify({ status: r.status, version: (await r.json()).version.version }));',
      'await mock.close();',
    ].join('\n'));
    const output = execFileSync(node24, [script], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({ status: 200, version: '2.90' });
  }, 60_000);

  it('runs `novaspec diff` from node_modules/.bin against the installed spec', () => {
    const output = execFileSync(node24, [join(project, 'node_modules', '.bin', 'novaspec'), 'diff', '2.46', '2.47', '--path', '/servers/{server_id}'], { cwd: project, encoding: 'utf8' });
    expect(output).toContain('~ GET /servers/{server_id}');
    expect(output).toContain('+ server.flavor.original_name (string, required)');
  }, 60_000);

  it('passes publint and are-the-types-wrong (ESM) for the mock and the microversions packages', () => {
    for (const name of ['mock', 'microversions'] as const) {
      const lint = spawnSync(bin('publint'), ['--strict', tarballs[name]!], { encoding: 'utf8' });
      expect(lint.stdout + lint.stderr, name).toContain('All good!');
      const attw = spawnSync(bin('attw'), [tarballs[name]!, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' });
      const report = JSON.parse(attw.stdout) as { analysis: { problems: { kind: string; resolutionKind?: string }[] } };
      const relevant = report.analysis.problems.filter((p) => p.resolutionKind === 'node16-esm' || p.resolutionKind === 'bundler');
      expect(relevant, name).toEqual([]);
    }
  }, 120_000);
});
