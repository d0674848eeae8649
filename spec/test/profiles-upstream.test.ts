/**
 * The profiles leave upstream pure (issue 15): building them writes only under dist/profiles/, so the
 * upstream bundle and its 104 views are byte for byte what build-spec.ts made without them, and no
 * vendor marker or vendor field leaks into an upstream view.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const specDir = join(import.meta.dirname, '..');
const dist = join(specDir, 'dist');

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const rel = relative(dir, file);
    if (rel.startsWith('profiles')) continue;
    out.set(rel, createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

describe('upstream stays pure', () => {
  it('building a profile changes no upstream file, byte for byte', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'novaspec-profiles-'));
    try {
      cpSync(dist, tmp, { recursive: true, filter: (src) => !relative(dist, src).startsWith('profiles') });
      const before = hashes(tmp);
      expect(before.size).toBeGreaterThan(104);
      execFileSync(process.execPath, [join(specDir, '..', 'packages', 'microversions', 'bin', 'build-profiles.ts'), '--dist', tmp, '--profiles', join(specDir, 'profiles'), '--only', 'huawei-bms'], { stdio: 'pipe' });
      expect(hashes(tmp)).toEqual(before);
      expect(hashes(tmp)).toEqual(hashes(dist));
      // And the profile built here is the one in dist (the build is deterministic).
      const built = readFileSync(join(tmp, 'profiles', 'huawei-bms', 'versions', '2.26.json'), 'utf8');
      expect(built).toBe(readFileSync(join(dist, 'profiles', 'huawei-bms', 'versions', '2.26.json'), 'utf8'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 300_000);

  it('no upstream view carries a vendor marker or a vendor field', () => {
    const leaks: string[] = [];
    for (const name of readdirSync(join(dist, 'versions'))) {
      const text = readFileSync(join(dist, 'versions', name), 'utf8');
      for (const needle of ['"x-vendor"', '"hci_info"', '"vcpu_model"', '"sys_tags"', '"enterprise_project_id"']) {
        if (text.includes(needle)) leaks.push(`${name}: ${needle}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
