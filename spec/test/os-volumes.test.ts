/**
 * The volumes proxy (up to 2.35): table tests over the exact views (issue 13). Facts from Nova's
 * controller and schemas (nova/api/openstack/compute/volumes.py, schemas/volumes.py) and
 * api_version_request.py (MAX_PROXY_API_SUPPORT_VERSION 2.35).
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, validatorFor, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const body = (doc: Json, node: Json) => deref(doc, deref(doc, node).content['application/json'].schema);

describe('the volumes proxy against Nova', () => {
  againstInventory(['os-volumes']);
});

describe('volumes: present up to 2.35, gone at 2.36', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} the three paths are ${present ? 'there' : 'gone'}`, () => {
      for (const path of ['/os-volumes', '/os-volumes/detail', '/os-volumes/{volume_id}']) expect(path in view(version).paths, path).toBe(present);
    });
  }
});

describe('the volume', () => {
  const doc = () => view('2.35');
  const all = () => [
    deref(doc(), deref(doc(), body(doc(), doc().paths['/os-volumes'].get.responses['200']).properties.volumes).items),
    deref(doc(), deref(doc(), body(doc(), doc().paths['/os-volumes/detail'].get.responses['200']).properties.volumes).items),
    deref(doc(), body(doc(), doc().paths['/os-volumes/{volume_id}'].get.responses['200']).properties.volume),
    deref(doc(), body(doc(), doc().paths['/os-volumes'].post.responses['200']).properties.volume),
  ];
  it('is the same closed entity in the list, the detailed list, show and create, every field required', () => {
    const fields = ['attachments', 'availabilityZone', 'createdAt', 'displayDescription', 'displayName', 'id', 'metadata', 'size', 'snapshotId', 'status', 'volumeType'];
    for (const volume of all()) {
      expect(Object.keys(volume.properties).sort()).toEqual(fields);
      expect([...volume.required].sort()).toEqual(fields);
      expect(volume.additionalProperties).toBe(false);
    }
  });
  it('has Cinder\'s twenty volume statuses', () => {
    expect(all()[0].properties.status.enum).toHaveLength(20);
    expect(all()[0].properties.status.enum).toEqual(expect.arrayContaining(['in-use', 'available', 'reserved', 'error_extending']));
  });
  const cases: { name: string; attachments: unknown; valid: boolean }[] = [
    { name: 'an attachment with its device', attachments: [{ id: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e', volumeId: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e', serverId: '9168b536-cd40-4630-b43f-b259807c6e87', device: '/dev/vdb' }], valid: true },
    { name: 'one empty object (not attached)', attachments: [{}], valid: true },
    { name: 'an attachment without serverId', attachments: [{ id: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e', volumeId: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e' }], valid: false },
  ];
  for (const { name, attachments, valid } of cases) {
    it(`attachments: ${name} is ${valid ? 'valid' : 'refused'}`, () => {
      const validate = validatorFor('2.35')('/paths/~1os-volumes~1{volume_id}/get/responses/200/content/application~1json/schema');
      const volume = {
        id: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e', status: 'available', size: 1, availabilityZone: 'nova', createdAt: '2026-11-12T08:41:07.000000', attachments,
        displayName: null, displayDescription: null, volumeType: null, snapshotId: null, metadata: {},
      };
      expect(validate({ volume })).toBe(valid);
    });
  }
});

describe('creating a volume', () => {
  const schema = () => {
    const doc = view('2.35');
    return deref(doc, body(doc, doc.paths['/os-volumes'].post.requestBody).properties.volume);
  };
  it('requires size, closed, with Nova\'s seven fields', () => {
    expect(schema().required).toEqual(['size']);
    expect(schema().additionalProperties).toBe(false);
    expect(Object.keys(schema().properties).sort()).toEqual(['availability_zone', 'display_description', 'display_name', 'metadata', 'size', 'snapshot_id', 'volume_type']);
  });
  it('size is at least 1, an integer or a string of digits', () => {
    expect(schema().properties.size).toMatchObject({ type: ['integer', 'string'], pattern: '^[0-9]+$', minimum: 1 });
  });
  it('answers 200 with the new volume\'s URL in Location, and deletion 202', () => {
    const doc = view('2.35');
    expect(Object.keys(deref(doc, doc.paths['/os-volumes'].post.responses['200']).headers)).toContain('Location');
    expect(Object.keys(doc.paths['/os-volumes/{volume_id}'].delete.responses)).toContain('202');
  });
  it('lists take limit and offset, non-negative', () => {
    const doc = view('2.35');
    for (const path of ['/os-volumes', '/os-volumes/detail']) {
      const names = doc.paths[path].get.parameters.map((p: Json) => deref(doc, p)).filter((p: Json) => p.in === 'query');
      expect(names.map((p: Json) => p.name)).toEqual(['limit', 'offset']);
      for (const p of names) expect(p.schema.minimum).toBe(0);
    }
  });
});
