/**
 * `npm publish --dry-run` of every publishable package of the workspace (ADR 0010): npm accepts each
 * one, and each tarball holds what its package.json points to (exports, types, bin) and a CHANGELOG.md.
 * It runs here because the client's test runs after every package it needs is built (turbo's `^build`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const workspaces = ['spec', 'packages/spec-views', 'packages/types', 'packages/client', 'packages/mock', 'packages/microversions'];

/** Every file a package.json names: export targets (without wildcards), types, bin. */
function named(manifest: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') { if (!value.includes('*')) out.add(value.replace(/^\.\//, '')); return; }
    if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.types);
  walk(manifest.bin);
  return [...out].filter((file) => file !== 'package.json');
}

describe.each(workspaces)('npm publish --dry-run of %s', (workspace) => {
  it('is accepted, with every file its package.json names and a changelog', () => {
    const manifest = JSON.parse(readFileSync(join(repo, workspace, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    const result = spawnSync('npm', ['publish', '--dry-run', '--json', '--workspace', String(manifest.name)], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/No bin file found|invalid|error/i);
    const report = JSON.parse(result.stdout) as Record<string, { files: { path: string }[] }>;
    const files = report[String(manifest.name)]!.files.map((f) => f.path);
    expect(files).toContain('CHANGELOG.md');
    for (const file of named(manifest)) expect(files, `${manifest.name}: ${file}`).toContain(file);
  }, 120_000);
});
