/**
 * The security group and security group rule proxies (up to 2.35): table tests over the exact views
 * (issue 13). Facts from nova/api/openstack/compute/security_groups.py and its schemas
 * (schemas/security_groups.py); the per-server list stays at every microversion.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, validatorFor, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const body = (doc: Json, node: Json) => deref(doc, deref(doc, node).content['application/json'].schema);
const PATHS = ['/os-security-groups', '/os-security-groups/{security_group_id}', '/os-security-group-rules', '/os-security-group-rules/{security_group_rule_id}'];

describe('the security group proxies against Nova', () => {
  againstInventory(['os-security-groups', 'os-security-group-rules']);
});

describe('security groups and rules: present up to 2.35, gone at 2.36; a server\'s groups everywhere', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} the proxy paths are ${present ? 'there' : 'gone'}, the server's list is there`, () => {
      for (const path of PATHS) expect(path in view(version).paths, path).toBe(present);
      expect(view(version).paths['/servers/{server_id}/os-security-groups'].get).toBeDefined();
    });
  }
});

describe('the security group', () => {
  it('is one closed entity with five required fields in the list, show, create, update and the server\'s list', () => {
    const doc = view('2.35');
    const groups = [
      deref(doc, deref(doc, body(doc, doc.paths['/os-security-groups'].get.responses['200']).properties.security_groups).items),
      deref(doc, body(doc, doc.paths['/os-security-groups'].post.responses['200']).properties.security_group),
      deref(doc, body(doc, doc.paths['/os-security-groups/{security_group_id}'].get.responses['200']).properties.security_group),
      deref(doc, body(doc, doc.paths['/os-security-groups/{security_group_id}'].put.responses['200']).properties.security_group),
      deref(doc, deref(doc, body(doc, doc.paths['/servers/{server_id}/os-security-groups'].get.responses['200']).properties.security_groups).items),
    ];
    for (const group of groups) {
      expect(group.title).toBe('SecurityGroup');
      expect([...group.required].sort()).toEqual(['description', 'id', 'name', 'rules', 'tenant_id']);
      expect(group.additionalProperties).toBe(false);
    }
  });
  const rule = { id: '2a9f6d4c-8b1e-47a3-9c5d-e0f3b7a1c624', parent_group_id: '8e4c1a7b-2f95-4d3e-a6b0-5c7d9e1f2a48', ip_protocol: 'tcp', from_port: 443, to_port: 443 };
  const cases: { name: string; value: unknown; valid: boolean }[] = [
    { name: 'a rule with an address range', value: { ...rule, group: {}, ip_range: { cidr: '0.0.0.0/0' } }, valid: true },
    { name: 'a rule with a source group', value: { ...rule, group: { name: 'bastion', tenant_id: '4a1f9e6c2d8b47e3a05c9b1d7e2f3a6c' }, ip_range: {} }, valid: true },
    { name: 'a rule for any protocol, no ports', value: { ...rule, ip_protocol: null, from_port: null, to_port: null, group: {}, ip_range: { cidr: '::/0' } }, valid: true },
    { name: 'a rule without its ip_range', value: { ...rule, group: {} }, valid: false },
    { name: 'a rule with a port below -1', value: { ...rule, from_port: -2, group: {}, ip_range: {} }, valid: false },
    { name: 'a rule with an undeclared field', value: { ...rule, group: {}, ip_range: {}, ethertype: 'IPv4' }, valid: false },
  ];
  for (const { name, value, valid } of cases) {
    it(`${name} is ${valid ? 'valid' : 'refused'} in the answer to a rule's creation`, () => {
      const validate = validatorFor('2.35')('/paths/~1os-security-group-rules/post/responses/200/content/application~1json/schema');
      expect(validate({ security_group_rule: value })).toBe(valid);
    });
  }
});

describe('what Nova takes', () => {
  it('create and update take the same open body: name and description, both required, up to 255 characters', () => {
    const doc = view('2.35');
    const create = body(doc, doc.paths['/os-security-groups'].post.requestBody);
    const update = body(doc, doc.paths['/os-security-groups/{security_group_id}'].put.requestBody);
    expect(update).toEqual(create);
    expect(create.additionalProperties).toBe(true);
    const inner = deref(doc, create.properties.security_group);
    expect(inner.required).toEqual(['name', 'description']);
    expect(inner.properties.name.maxLength).toBe(255);
    expect(inner.properties.description.maxLength).toBe(255);
  });
  it('a rule needs only its parent group; the list takes limit, offset and all_tenants', () => {
    const doc = view('2.35');
    const inner = deref(doc, body(doc, doc.paths['/os-security-group-rules'].post.requestBody).properties.security_group_rule);
    expect(inner.required).toEqual(['parent_group_id']);
    expect(Object.keys(inner.properties).sort()).toEqual(['cidr', 'from_port', 'group_id', 'ip_protocol', 'parent_group_id', 'to_port']);
    const names = doc.paths['/os-security-groups'].get.parameters.map((p: Json) => deref(doc, p).name).sort();
    expect(names).toEqual(['all_tenants', 'limit', 'offset']);
  });
  it('answers 200 to creations, 202 without a body to deletions', () => {
    const doc = view('2.1');
    expect(Object.keys(doc.paths['/os-security-groups'].post.responses)).toContain('200');
    expect(Object.keys(doc.paths['/os-security-group-rules'].post.responses)).toContain('200');
    for (const path of ['/os-security-groups/{security_group_id}', '/os-security-group-rules/{security_group_rule_id}']) {
      const deleted = doc.paths[path].delete.responses['202'];
      expect(deleted.content, path).toBeUndefined();
    }
  });
});
