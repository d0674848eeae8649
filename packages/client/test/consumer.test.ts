/**
 * Compiles a consumer project against the packed packages, as a team would install them: the
 * `exports` maps, the `files` lists and the per-microversion types are what is tested. The consumer's
 * @ts-expect-error lines prove that a field missing at one microversion is a compile error there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
let project: string;
/** The consumer's files, one per probe group (consumer.ts for servers, flavors.ts, ...), all compiled together. */
const probes = readdirSync(join(import.meta.dirname, 'consumer')).filter((name) => name.endsWith('.ts'));

function packInto(workspace: string, modules: string, name: string): void {
  const packed = execFileSync('npm', ['pack', '--workspace', workspace, '--pack-destination', project, '--json'], { cwd: repo, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  const target = join(modules, '@novaspec', name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, filename), '-C', target, '--strip-components=1']);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'novaspec-consumer-'));
  const modules = join(project, 'node_modules');
  packInto('@novaspec/types', modules, 'types');
  packInto('@novaspec/client', modules, 'client');
  // The client's one runtime dependency, as npm would have installed it.
  symlinkSync(join(repo, 'node_modules', 'openapi-fetch'), join(modules, 'openapi-fetch'));
  for (const probe of probes) cpSync(join(import.meta.dirname, 'consumer', probe), join(project, probe));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 120_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

function compile(options: Record<string, unknown>) {
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, types: [], ...options },
    files: probes,
  }));
  return spawnSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', project], { encoding: 'utf8' });
}

describe('a consumer project compiled against the published entry points', () => {
  it('compiles under a strict tsconfig, with every expected error present', () => {
    const result = compile({ strict: true, skipLibCheck: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('compiles under a non-strict tsconfig too', () => {
    const result = compile({ strict: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
