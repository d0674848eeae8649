/**
 * The volume snapshots proxy (up to 2.35): table tests over the exact views (issue 13). Facts from
 * Nova's controller and schemas (nova/api/openstack/compute/snapshots.py, schemas/snapshots.py).
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const body = (doc: Json, node: Json) => deref(doc, deref(doc, node).content['application/json'].schema);

describe('the snapshots proxy against Nova', () => {
  againstInventory(['os-snapshots']);
});

describe('snapshots: present up to 2.35, gone at 2.36', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} the three paths are ${present ? 'there' : 'gone'}`, () => {
      for (const path of ['/os-snapshots', '/os-snapshots/detail', '/os-snapshots/{snapshot_id}']) expect(path in view(version).paths, path).toBe(present);
    });
  }
});

describe('the snapshot', () => {
  it('is the same closed entity in the lists, show and create, every field required', () => {
    const doc = view('2.35');
    const fields = ['createdAt', 'displayDescription', 'displayName', 'id', 'size', 'status', 'volumeId'];
    const snapshots = [
      deref(doc, deref(doc, body(doc, doc.paths['/os-snapshots'].get.responses['200']).properties.snapshots).items),
      deref(doc, deref(doc, body(doc, doc.paths['/os-snapshots/detail'].get.responses['200']).properties.snapshots).items),
      deref(doc, body(doc, doc.paths['/os-snapshots/{snapshot_id}'].get.responses['200']).properties.snapshot),
      deref(doc, body(doc, doc.paths['/os-snapshots'].post.responses['200']).properties.snapshot),
    ];
    for (const snapshot of snapshots) {
      expect(Object.keys(snapshot.properties).sort()).toEqual(fields);
      expect([...snapshot.required].sort()).toEqual(fields);
      expect(snapshot.additionalProperties).toBe(false);
      expect(snapshot.properties.status.enum).toEqual(['error', 'available', 'creating', 'deleting', 'deleted', 'error_deleting', 'unmanaging', 'backing-up', 'restoring']);
    }
  });
  it('is created from a volume id, force as one of Nova\'s boolean spellings; answered 200, deleted 202', () => {
    const doc = view('2.35');
    const request = deref(doc, body(doc, doc.paths['/os-snapshots'].post.requestBody).properties.snapshot);
    expect(request.required).toEqual(['volume_id']);
    expect(request.additionalProperties).toBe(false);
    expect(deref(doc, request.properties.force).enum).toEqual(expect.arrayContaining([true, 'yes', 'off']));
    expect(Object.keys(doc.paths['/os-snapshots'].post.responses)).toContain('200');
    expect(Object.keys(doc.paths['/os-snapshots/{snapshot_id}'].delete.responses)).toContain('202');
  });
});
