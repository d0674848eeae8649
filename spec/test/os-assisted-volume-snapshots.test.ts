/**
 * Assisted volume snapshots (nova/api/openstack/compute/assisted_volume_snapshots.py and its
 * schemas): the create body, the required `delete_info`, and unknown query parameters refused from 2.75.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, index, view } from './load.ts';

const CREATE = '/os-assisted-volume-snapshots';
const DELETE = '/os-assisted-volume-snapshots/{snapshot_id}';
const deref = (version: string, node: Json) => dereference(view(version), node);

describe('assisted volume snapshots by microversion', () => {
  for (const { version, strict } of [{ version: '2.1', strict: false }, { version: '2.74', strict: false }, { version: '2.75', strict: true }, { version: '2.104', strict: true }]) {
    it(`at ${version}: delete needs delete_info; other query parameters refused ${strict}`, () => {
      const operation = view(version).paths[DELETE].delete;
      const query = operation.parameters.map((p: Json) => deref(version, p)).filter((p: Json) => p.in === 'query');
      expect(query.map((p: Json) => [p.name, p.required])).toEqual([['delete_info', true]]);
      expect(Boolean(operation['x-openstack']?.['strict-query'])).toBe(strict);
      expect(Object.keys(operation.responses).sort()).toEqual(['204', '400', '401', '403', '404', '406']);
      expect(Object.keys(view(version).paths[CREATE].post.responses).sort()).toEqual(['200', '400', '401', '403', '406']);
    });
  }

  it('takes a qcow2 snapshot request, closed at both levels', () => {
    const body = deref('2.1', deref('2.1', view('2.1').paths[CREATE].post.requestBody).content['application/json'].schema);
    const snapshot = body.properties.snapshot;
    expect(snapshot.required).toEqual(['volume_id', 'create_info']);
    expect(snapshot.properties.create_info.required).toEqual(['snapshot_id', 'type', 'new_file']);
    expect(snapshot.properties.create_info.properties.type.enum).toEqual(['qcow2']);
    expect([body, snapshot, snapshot.properties.create_info].map((s: Json) => s.additionalProperties)).toEqual([false, false, false]);
  });

  it('changes only the delete, at 2.75', () => {
    expect(index.changesAt[`DELETE ${DELETE}`]).toEqual(['2.75']);
    expect(index.changesAt[`POST ${CREATE}`] ?? []).toEqual([]);
  });
});
