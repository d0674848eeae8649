/**
 * The coverage line (issue 13): which of the operations Nova's router serves (the inventory,
 * ../shared/reference/nova-operations.json, one entry per method and path and one per action key)
 * the spec has, at any microversion. It prints the line and what is missing.
 *
 * Read from the shared reference when this checkout sits next to it, else from the committed copy of
 * its ids (fixtures/nova-operation-ids.json, checked against the reference whenever both are there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsOf, dereference } from '@novaspec/microversions';
import { type Json, index, view } from './load.ts';

interface Entry { id: string; group: string; removed: boolean; min_version: string | null; max_version: string | null }

const repo = join(import.meta.dirname, '..', '..');
const shared = [join(repo, '..', 'shared'), join(repo, '..', '..', 'shared')].map((dir) => join(dir, 'reference', 'nova-operations.json')).find(existsSync);
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'nova-operation-ids.json'), 'utf8')) as { operations: Entry[] };
const inventory: Entry[] = shared ? (JSON.parse(readFileSync(shared, 'utf8')).operations as Entry[]) : fixture.operations;

/** How the spec spells an inventory id where OpenAPI makes it differ (one template per path). */
const spelling = (id: string) => id.replace('/entries/{ip}', '/entries/{name}');

/** Every operation of the spec at any microversion, one per action key of an action endpoint. */
function specOperations(): Set<string> {
  const ids = new Set<string>();
  for (const version of index.versions) {
    const doc = view(version);
    for (const [path, raw] of Object.entries<Json>(doc.paths)) {
      const item = dereference(doc, raw);
      for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head']) {
        const operation = item[method];
        if (!operation) continue;
        const actions = method === 'post' ? actionsOf(doc, operation) : [];
        if (actions.length === 0) ids.add(`${method.toUpperCase()} ${path}`);
        for (const action of actions) ids.add(`${method.toUpperCase()} ${path}#${action.name}`);
      }
    }
  }
  return ids;
}

describe('coverage of Nova\'s operations', () => {
  const ours = specOperations();
  const missing = inventory.filter((entry) => !ours.has(spelling(entry.id)));
  const covered = inventory.length - missing.length;
  const byGroup = new Map<string, string[]>();
  for (const entry of missing) byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), entry.id]);
  console.log(`coverage: the spec has ${covered} of the ${inventory.length} operations of Nova's inventory (${shared ? shared : 'the committed copy'}); ${missing.length} missing${missing.length ? ':' : ''}`);
  for (const [group, ids] of byGroup) console.log(`  ${group} (${ids.length}): ${ids.join(', ')}`);

  it('misses no operation of the inventory', () => {
    expect(missing.map((entry) => entry.id)).toEqual([]);
  });

  it('has no operation Nova does not serve', () => {
    const theirs = new Set(inventory.map((entry) => spelling(entry.id)));
    // The version documents are served at the endpoint's root, outside the router's inventory.
    const unversioned = ['GET /', 'GET /v2.1/', 'GET /versions/{version_id}'];
    expect([...ours].filter((id) => !theirs.has(id) && !unversioned.includes(id)).sort()).toEqual([]);
  });

  it.skipIf(!shared)('the committed copy of the inventory\'s ids is the shared reference\'s', () => {
    const pick = ({ id, group, removed, min_version, max_version }: Entry) => ({ id, group, removed, min_version, max_version });
    expect(fixture.operations).toEqual(inventory.map(pick));
  });
});
