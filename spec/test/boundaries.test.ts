/**
 * The microversions at which each operation changes, computed from our views, against the ones Nova's
 * code declares (its schema and decorator bounds, from the operation inventory). A boundary Nova has
 * and we do not means the spec misses a change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsOf } from '@novaspec/microversions';
import { index, view } from './load.ts';

const inventory = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'nova-inventory-servers.json'), 'utf8')) as {
  operations: Record<string, { removed: boolean; min_version: string; max_version: string; microversion_boundaries: string[]; status_codes: number[] }>;
};

/**
 * Boundaries where Nova declares a new schema identical to the previous one, for a change of
 * behaviour only. No shape changes there, so no view can differ; the operation's description says
 * what changes. Each entry was read in Nova's source.
 */
const BEHAVIOUR_ONLY: Record<string, Record<string, string>> = {
  'POST /servers/{server_id}/action#evacuate': {
    '2.95': 'schemas/evacuate.py: evacuate_v295 is a copy of evacuate_v268; from 2.95 the server is left stopped on the new host',
  },
};

/** Whether an operation, or one action of an action endpoint (`.../action#reboot`), is in a view. */
function existsAt(version: string, method: string, id: string): boolean {
  const [path, action] = id.split('#') as [string, string | undefined];
  const doc = view(version);
  const operation = doc.paths[path]?.[method];
  if (!operation) return false;
  return action === undefined || actionsOf(doc, operation).some((a) => a.name === action);
}

describe('operation boundaries against Nova', () => {
  for (const [id, facts] of Object.entries(inventory.operations)) {
    const [method, path] = id.split(' ') as [string, string];
    it(`${id} exists from ${facts.min_version} to ${facts.max_version}`, () => {
      for (const version of index.versions) {
        const minor = Number(version.split('.')[1]);
        const exists = existsAt(version, method.toLowerCase(), path);
        const want = minor >= Number(facts.min_version.split('.')[1]) && minor <= Number(facts.max_version.split('.')[1]);
        expect(exists, `${id} at ${version}`).toBe(want);
      }
    });
    it(`${id} changes at every microversion where Nova's code changes it`, () => {
      const ours = index.changesAt[id] ?? [];
      // Nova's list also names the version where the operation appears; existence is tested above.
      const shaped = facts.microversion_boundaries.filter((version) => version !== facts.min_version && !BEHAVIOUR_ONLY[id]?.[version]);
      expect(ours).toEqual(expect.arrayContaining(shaped));
    });
  }
});
