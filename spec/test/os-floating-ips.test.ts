/**
 * The floating IP and floating IP pool proxies (up to 2.35): table tests over the exact views (issue
 * 13). Facts from nova/api/openstack/compute/floating_ips.py, floating_ip_pools.py and their schemas.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, validatorFor, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const body = (doc: Json, node: Json) => deref(doc, deref(doc, node).content['application/json'].schema);

describe('the floating IP proxies against Nova', () => {
  againstInventory(['os-floating-ips', 'os-floating-ip-pools']);
});

describe('floating IPs and pools: present up to 2.35, gone at 2.36', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} the paths are ${present ? 'there' : 'gone'}`, () => {
      for (const path of ['/os-floating-ips', '/os-floating-ips/{floating_ip_id}', '/os-floating-ip-pools']) expect(path in view(version).paths, path).toBe(present);
    });
  }
});

describe('the floating IP', () => {
  it('has five required fields, closed, in the list, show and create', () => {
    const doc = view('2.35');
    const all = [
      deref(doc, deref(doc, body(doc, doc.paths['/os-floating-ips'].get.responses['200']).properties.floating_ips).items),
      deref(doc, body(doc, doc.paths['/os-floating-ips/{floating_ip_id}'].get.responses['200']).properties.floating_ip),
      deref(doc, body(doc, doc.paths['/os-floating-ips'].post.responses['200']).properties.floating_ip),
    ];
    for (const ip of all) {
      expect([...ip.required].sort()).toEqual(['fixed_ip', 'id', 'instance_id', 'ip', 'pool']);
      expect(ip.additionalProperties).toBe(false);
    }
  });
  const cases: { name: string; value: unknown; valid: boolean }[] = [
    { name: 'an associated IPv4 address', value: { id: '6b2a4c8e-1d3f-4e5a-9b7c-0d2e4f6a8c1b', ip: '203.0.113.57', pool: 'public', fixed_ip: '10.0.0.12', instance_id: '9168b536-cd40-4630-b43f-b259807c6e87' }, valid: true },
    { name: 'a free IPv6 address', value: { id: '6b2a4c8e-1d3f-4e5a-9b7c-0d2e4f6a8c1b', ip: '2001:db8::57', pool: 'public', fixed_ip: null, instance_id: null }, valid: true },
    { name: 'an address that is not an IP', value: { id: '6b2a4c8e-1d3f-4e5a-9b7c-0d2e4f6a8c1b', ip: 'public-57', pool: 'public', fixed_ip: null, instance_id: null }, valid: false },
  ];
  for (const { name, value, valid } of cases) {
    it(`${name} is ${valid ? 'valid' : 'refused'}`, () => {
      const validate = validatorFor('2.35')('/paths/~1os-floating-ips~1{floating_ip_id}/get/responses/200/content/application~1json/schema');
      expect(validate({ floating_ip: value })).toBe(valid);
    });
  }
  it('is allocated with an optional body that may be null, from a pool or the default; released with 202', () => {
    const doc = view('2.35');
    const op = doc.paths['/os-floating-ips'].post;
    expect(op.requestBody.required).toBe(false);
    expect(body(doc, op.requestBody).type).toEqual(['object', 'null']);
    expect(Object.keys(doc.paths['/os-floating-ips/{floating_ip_id}'].delete.responses)).toContain('202');
  });
  it('a pool is a name only', () => {
    const doc = view('2.35');
    const pool = deref(doc, body(doc, doc.paths['/os-floating-ip-pools'].get.responses['200']).properties.floating_ip_pools).items;
    expect(pool.required).toEqual(['name']);
    expect(Object.keys(pool.properties)).toEqual(['name']);
  });
});
