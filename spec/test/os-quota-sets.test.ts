/**
 * Quota sets and quota class sets at the microversions where Nova changes them (issue 11). Facts
 * from nova/api/openstack/compute/quota_sets.py, quota_classes.py and their schemas.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { escapePointer, validatorFor, view } from './load.ts';

const ptr = (path: string, method: string, rest: string) => `/paths/${escapePointer(path)}/${method}${rest}`;
const responseOf = (path: string, method: string, code = '200') => ptr(path, method, `/responses/${code}/content/application~1json/schema`);
const requestOf = (path: string, method: string) => ptr(path, method, '/requestBody/content/application~1json/schema');
const ok = (version: string, pointer: string, body: unknown) => validatorFor(version)(pointer)(body) === true;

const SET = '/os-quota-sets/{tenant_id}';
const CLASS = '/os-quota-class-sets/{id}';
const BASE = ['cores', 'instances', 'key_pairs', 'metadata_items', 'ram'];
const GROUPS = ['server_groups', 'server_group_members'];
const NETWORK = ['fixed_ips', 'floating_ips', 'security_groups', 'security_group_rules'];
const INJECTED = ['injected_files', 'injected_file_content_bytes', 'injected_file_path_bytes'];
const values = (names: string[], value: unknown = 10) => Object.fromEntries(names.map((n) => [n, value]));

describe('quota set answers by microversion', () => {
  const table: { version: string; fields: string[]; gone: string[] }[] = [
    { version: '2.1', fields: [...BASE, ...GROUPS, ...NETWORK, ...INJECTED], gone: [] },
    { version: '2.35', fields: [...BASE, ...GROUPS, ...NETWORK, ...INJECTED], gone: [] },
    { version: '2.36', fields: [...BASE, ...GROUPS, ...INJECTED], gone: NETWORK },
    { version: '2.56', fields: [...BASE, ...GROUPS, ...INJECTED], gone: NETWORK },
    { version: '2.57', fields: [...BASE, ...GROUPS], gone: [...NETWORK, ...INJECTED] },
    { version: '2.104', fields: [...BASE, ...GROUPS], gone: [...NETWORK, ...INJECTED, 'networks'] },
  ];
  for (const { version, fields, gone } of table) {
    it(`${version}: show, defaults, update and detail carry ${fields.length} limits`, () => {
      for (const path of [SET, `${SET}/defaults`]) {
        expect(ok(version, responseOf(path, 'get'), { quota_set: { id: 'p', ...values(fields) } }), path).toBe(true);
        expect(ok(version, responseOf(path, 'get'), { quota_set: values(fields) }), `${path}: id required`).toBe(false);
      }
      expect(ok(version, responseOf(SET, 'put'), { quota_set: values(fields) }), 'update').toBe(true);
      expect(ok(version, responseOf(SET, 'put'), { quota_set: { id: 'p', ...values(fields) } }), 'update has no id').toBe(false);
      const usage = { in_use: 1, limit: 10, reserved: 0 };
      expect(ok(version, responseOf(`${SET}/detail`, 'get'), { quota_set: { id: 'p', ...values(fields, usage) } }), 'detail').toBe(true);
      expect(ok(version, responseOf(`${SET}/detail`, 'get'), { quota_set: { id: 'p', ...values(fields) } }), 'detail values are objects').toBe(false);
      for (const field of fields) {
        const without = values(fields.filter((f) => f !== field));
        expect(ok(version, responseOf(SET, 'get'), { quota_set: { id: 'p', ...without } }), `${field} required`).toBe(false);
      }
      for (const field of gone) {
        expect(ok(version, responseOf(SET, 'get'), { quota_set: { id: 'p', ...values([...fields, field]) } }), `${field} absent`).toBe(false);
        expect(ok(version, requestOf(SET, 'put'), { quota_set: values([field]) }), `${field} not settable`).toBe(false);
      }
    });
  }
  const bodies: { version: string; body: object; ok: boolean; why: string }[] = [
    { version: '2.1', body: { floating_ips: 5 }, ok: true, why: 'network limits settable up to 2.35' },
    { version: '2.36', body: { floating_ips: 5 }, ok: false, why: 'network limits gone at 2.36' },
    { version: '2.56', body: { injected_files: '3' }, ok: true, why: 'injected files settable up to 2.56' },
    { version: '2.57', body: { injected_files: 3 }, ok: false, why: 'injected files gone at 2.57' },
    { version: '2.57', body: { instances: '-1', force: 'True' }, ok: true, why: 'strings of digits and a lenient force' },
    { version: '2.57', body: { instances: -2 }, ok: false, why: 'at least -1' },
    { version: '2.57', body: { instances: 2147483648 }, ok: false, why: 'at most 2^31-1' },
    { version: '2.57', body: { force: 'maybe' }, ok: false, why: 'force is a boolean' },
    { version: '2.104', body: { networks: 1 }, ok: false, why: 'no networks quota' },
  ];
  for (const { version, body, ok: want, why } of bodies) {
    it(`update body at ${version}: ${why}`, () => {
      expect(ok(version, requestOf(SET, 'put'), { quota_set: body })).toBe(want);
    });
  }
  it('user_id on show, update, detail and delete, none on defaults; strict from 2.75 except defaults', () => {
    const query = (version: string, path: string, method: string) => {
      const doc = view(version);
      return doc.paths[path][method].parameters?.map((p: object) => dereference(doc, p)).filter((p: { in?: string }) => p.in === 'query').map((p: { name: string }) => p.name) ?? [];
    };
    for (const [path, method] of [[SET, 'get'], [SET, 'put'], [SET, 'delete'], [`${SET}/detail`, 'get']] as const) {
      expect(query('2.1', path, method)).toEqual(['user_id']);
      expect(view('2.74').paths[path][method]['x-openstack']?.['strict-query']).not.toBe(true);
      expect(view('2.75').paths[path][method]['x-openstack']?.['strict-query']).toBe(true);
    }
    expect(query('2.104', `${SET}/defaults`, 'get')).toEqual([]);
    expect(view('2.104').paths[`${SET}/defaults`].get['x-openstack']?.['strict-query']).not.toBe(true);
  });
  it('delete answers 202', () => {
    expect(Object.keys(view('2.1').paths[SET].delete.responses)).toContain('202');
    expect(Object.keys(view('2.104').paths[SET].delete.responses)).toContain('202');
  });
});

describe('quota class set answers by microversion', () => {
  const table: { version: string; fields: string[]; gone: string[] }[] = [
    { version: '2.1', fields: [...BASE, ...NETWORK, ...INJECTED], gone: GROUPS },
    { version: '2.49', fields: [...BASE, ...NETWORK, ...INJECTED], gone: GROUPS },
    { version: '2.50', fields: [...BASE, ...GROUPS, ...INJECTED], gone: NETWORK },
    { version: '2.56', fields: [...BASE, ...GROUPS, ...INJECTED], gone: NETWORK },
    { version: '2.57', fields: [...BASE, ...GROUPS], gone: [...NETWORK, ...INJECTED] },
  ];
  for (const { version, fields, gone } of table) {
    it(`${version}: ${fields.length} limits`, () => {
      expect(ok(version, responseOf(CLASS, 'get'), { quota_class_set: { id: 'default', ...values(fields) } })).toBe(true);
      expect(ok(version, responseOf(CLASS, 'put'), { quota_class_set: values(fields) })).toBe(true);
      expect(ok(version, responseOf(CLASS, 'put'), { quota_class_set: { id: 'default', ...values(fields) } }), 'update has no id').toBe(false);
      for (const field of gone) {
        expect(ok(version, responseOf(CLASS, 'get'), { quota_class_set: { id: 'default', ...values([...fields, field]) } }), `${field} absent`).toBe(false);
      }
    });
  }
  const bodies: { version: string; body: object; ok: boolean; why: string }[] = [
    { version: '2.1', body: { server_groups: 5, floating_ips: 1 }, ok: true, why: 'server groups settable before 2.50 though not shown' },
    { version: '2.49', body: { security_groups: 5 }, ok: true, why: 'network limits up to 2.49' },
    { version: '2.50', body: { security_groups: 5 }, ok: false, why: 'network limits gone at 2.50' },
    { version: '2.56', body: { injected_files: 5 }, ok: true, why: 'injected files up to 2.56' },
    { version: '2.57', body: { injected_files: 5 }, ok: false, why: 'injected files gone at 2.57' },
    { version: '2.57', body: { cores: 5, force: true }, ok: false, why: 'no force for classes' },
  ];
  for (const { version, body, ok: want, why } of bodies) {
    it(`update body at ${version}: ${why}`, () => {
      expect(ok(version, requestOf(CLASS, 'put'), { quota_class_set: body })).toBe(want);
    });
  }
  it('show refuses query parameters from 2.102', () => {
    expect(view('2.101').paths[CLASS].get['x-openstack']?.['strict-query']).not.toBe(true);
    expect(view('2.102').paths[CLASS].get['x-openstack']?.['strict-query']).toBe(true);
  });
});
