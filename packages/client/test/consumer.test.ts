/**
 * Compiles a consumer project against the packed packages, as a team would install them: the
 * `exports` maps, the `files` lists and the per-microversion types are what is tested. The consumer's
 * @ts-expect-error lines prove that a field missing at one microversion is a compile error there.
 * Both compilers teams use run it: TypeScript 5.9 (`tsc`) and TypeScript 7, the native compiler
 * (`tsgo` of @typescript/native-preview, pinned in the root package.json).
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

const compilers = { 'TypeScript 5.9': 'tsc', 'TypeScript 7': 'tsgo' } as const;

function compile(compiler: string, options: Record<string, unknown>) {
  const config = `tsconfig.${compiler}.${options.strict ? 'strict' : 'loose'}.json`;
  writeFileSync(join(project, config), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, types: [], ...options },
    files: probes,
  }));
  return spawnSync(join(repo, 'node_modules', '.bin', compiler), ['-p', join(project, config)], { encoding: 'utf8' });
}

describe.each(Object.entries(compilers))('a consumer project compiled against the published entry points with %s', (_, compiler) => {
  it('compiles under a strict tsconfig, with every expected error present', () => {
    const result = compile(compiler, { strict: true, skipLibCheck: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  // The non-strict run guards the types' own declarations; one compiler is enough for that.
  it.runIf(compiler === 'tsc')('compiles under a non-strict tsconfig too', () => {
    const result = compile(compiler, { strict: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});

describe('the client itself', () => {
  // TypeScript 5.9 builds it in `npm run build`; TypeScript 7 must build it too, to the same files.
  it('builds with TypeScript 7 (tsgo), emitting the same declaration and JavaScript files as tsc', () => {
    const outDir = join(project, 'client-tsgo');
    const result = spawnSync(join(repo, 'node_modules', '.bin', 'tsgo'), ['-p', join(import.meta.dirname, '..', 'tsconfig.build.json'), '--outDir', outDir], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    const emitted = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(js|d\.ts)$/.test(f)).sort();
    expect(emitted(outDir)).toEqual(emitted(join(import.meta.dirname, '..', 'dist')));
  }, 120_000);
});
