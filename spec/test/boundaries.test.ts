/**
 * The microversions at which each operation changes, computed from our views, against the ones Nova's
 * code declares (its schema and decorator bounds, from the operation inventory). A boundary Nova has
 * and we do not means the spec misses a change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { index, view } from './load.ts';

const inventory = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'nova-inventory-servers.json'), 'utf8')) as {
  operations: Record<string, { min_version: string; max_version: string; microversion_boundaries: string[]; status_codes: number[] }>;
};

describe('operation boundaries against Nova', () => {
  for (const [id, facts] of Object.entries(inventory.operations)) {
    const [method, path] = id.split(' ') as [string, string];
    it(`${id} exists from ${facts.min_version} to ${facts.max_version}`, () => {
      for (const version of index.versions) {
        const minor = Number(version.split('.')[1]);
        const exists = Boolean(view(version).paths[path]?.[method.toLowerCase()]);
        const want = minor >= Number(facts.min_version.split('.')[1]) && minor <= Number(facts.max_version.split('.')[1]);
        expect(exists, `${id} at ${version}`).toBe(want);
      }
    });
    it(`${id} changes at every microversion where Nova's code changes it`, () => {
      const ours = index.changesAt[id] ?? [];
      expect(ours).toEqual(expect.arrayContaining(facts.microversion_boundaries));
    });
  }
});
