/**
 * The package as it is published: publint and are-the-types-wrong on the packed tarball, a size
 * budget, and a main entry that browser bundles can take (no `node:` imports reachable from it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, '..', '..', 'node_modules', '.bin', name);
/** Gzipped bytes of the JavaScript a bundler would take from the main entry: the budget. */
const BUDGET_GZIP_BYTES = 12_000;

/** Every module the given entry reaches through relative imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.')) reachable(resolve(dirname(entry), specifier), seen);
  }
  return seen;
}

describe('the published package', () => {
  it('passes publint', () => {
    const result = spawnSync(bin('publint'), ['--strict'], { cwd: root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toContain('All good!');
    expect(result.status).toBe(0);
  }, 60_000);

  it('passes are-the-types-wrong for ESM consumers (node16 and bundlers)', () => {
    const result = spawnSync(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(result.stdout) as { analysis: { problems: { kind: string; resolutionKind?: string }[] } };
    // The package is ESM only: CommonJS `require` and node10 resolution are out of scope by design.
    const relevant = report.analysis.problems.filter((p) => p.resolutionKind === 'node16-esm' || p.resolutionKind === 'bundler');
    expect(relevant).toEqual([]);
    expect(result.status).toBe(0);
  }, 120_000);

  it('keeps the main entry free of Node built-ins, so browser bundles stay free of fs', () => {
    const modules = [...reachable(join(root, 'dist', 'index.js'))];
    const nodeImports = modules.filter((file) => /from\s+['"]node:/.test(readFileSync(file, 'utf8')));
    expect(nodeImports).toEqual([]);
    expect(modules.some((file) => file.includes(`${join('dist', 'node')}`))).toBe(false);
  });

  it(`stays within its size budget (${BUDGET_GZIP_BYTES} bytes of gzipped JavaScript from the main entry)`, () => {
    const modules = [...reachable(join(root, 'dist', 'index.js'))];
    const gzipped = Number(execFileSync('sh', ['-c', `cat ${modules.map((m) => `'${m}'`).join(' ')} | gzip -9 | wc -c`]).toString().trim());
    console.log(`client main entry: ${modules.length} modules, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
