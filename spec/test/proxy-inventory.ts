/**
 * The proxy APIs and os-volumes_boot against Nova's operation inventory (fixtures/nova-inventory-proxies.json,
 * from shared/reference): each operation exists exactly in Nova's range, is deprecated in the
 * all-versions document, and declares Nova's success code and expected errors. Shared by the test
 * files of issue 13 (images, os-volumes, os-snapshots, os-volumes_boot, the network proxies, bare metal).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { actionsOf } from '@novaspec/microversions';
import { allVersions, index, view } from './load.ts';

export const inventory = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'nova-inventory-proxies.json'), 'utf8')) as {
  operations: Record<string, { group: string; documented: boolean; min_version: string; max_version: string; status_codes: number[]; error_codes: number[]; microversion_boundaries: string[] }>;
};

export const minor = (version: string) => Number(version.split('.')[1]);

/** The operation (or the one action of an action endpoint) at a version, if it exists there. */
export function operationAt(version: string, id: string) {
  const [method, target] = id.split(' ') as [string, string];
  const [path, action] = target.split('#') as [string, string | undefined];
  const doc = view(version);
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) return undefined;
  if (action !== undefined && !actionsOf(doc, operation).some((a: { name: string }) => a.name === action)) return undefined;
  return operation;
}

/** The table tests every operation of these inventory groups must pass. */
export function againstInventory(groups: string[], options: { deprecated?: boolean } = {}): void {
  const all = allVersions();
  const entries = Object.entries(inventory.operations).filter(([, facts]) => groups.includes(facts.group));
  it(`the inventory has operations for ${groups.join(', ')}`, () => {
    expect(entries.length).toBeGreaterThan(0);
  });
  for (const [id, facts] of entries) {
    const [method, target] = id.split(' ') as [string, string];
    const path = target.split('#')[0]!;
    it(`${id} exists from ${facts.min_version} to ${facts.max_version} and nowhere else`, () => {
      for (const version of index.versions) {
        const want = minor(version) >= minor(facts.min_version) && minor(version) <= minor(facts.max_version);
        expect(Boolean(operationAt(version, id)), `${id} at ${version}`).toBe(want);
      }
    });
    it(`${id} ${options.deprecated === false ? '' : 'is deprecated and '}declares ${facts.status_codes.join(', ') || 'no success'} and ${facts.error_codes.join(', ') || 'no controller error'}`, () => {
      // Deprecation is a fact of the all-versions document; a view holds only what exists at its version.
      if (options.deprecated !== false) expect(all.paths[path][method.toLowerCase()].deprecated).toBe(true);
      const operation = operationAt(facts.max_version, id)!;
      const codes = Object.keys(operation.responses).map(Number);
      if (!target.includes('#')) expect(codes.filter((code) => code < 300)).toEqual(facts.status_codes);
      expect(codes).toEqual(expect.arrayContaining([...facts.error_codes.filter((code) => code !== 401), 400, 404, 406]));
    });
  }
}
