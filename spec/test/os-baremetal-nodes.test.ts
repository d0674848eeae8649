/**
 * The bare metal node proxy (up to 2.35): table tests over the exact views (issue 13). Facts from
 * nova/api/openstack/compute/baremetal_nodes.py and schemas/baremetal_nodes.py: list and show proxy
 * to Ironic; create, delete and the two interface actions always answer 400.
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, dereference } from '@novaspec/microversions';
import { type Json, validatorFor, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const body = (doc: Json, node: Json) => deref(doc, deref(doc, node).content['application/json'].schema);

describe('the bare metal node proxy against Nova', () => {
  againstInventory(['os-baremetal-nodes']);
});

describe('bare metal nodes: present up to 2.35, gone at 2.36', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} the paths are ${present ? 'there' : 'gone'}`, () => {
      for (const path of ['/os-baremetal-nodes', '/os-baremetal-nodes/{node_id}', '/os-baremetal-nodes/{node_id}/action']) {
        expect(path in view(version).paths, path).toBe(present);
      }
    });
  }
});

describe('what never was proxied', () => {
  const always400: [string, string][] = [['post', '/os-baremetal-nodes'], ['delete', '/os-baremetal-nodes/{node_id}'], ['post', '/os-baremetal-nodes/{node_id}/action']];
  for (const [method, path] of always400) {
    it(`${method.toUpperCase()} ${path} has no success answer, no 403, and names the Ironic command in its 400`, () => {
      const doc = view('2.35');
      const operation = doc.paths[path][method];
      const codes = Object.keys(operation.responses);
      expect(codes.filter((c) => c.startsWith('2'))).toEqual([]);
      expect(codes).not.toContain('403');
      const fault = deref(doc, operation.responses['400']).content['application/json'];
      const examples = fault.example ? [fault.example] : Object.values<Json>(fault.examples).map((e) => e.value);
      for (const example of examples) expect(example.badRequest.message).toMatch(/^Command not supported\. Please use Ironic command (node|port)-(create|delete) to perform this action\.$/);
    });
  }
  it('the action endpoint has the two actions, each one key', () => {
    const doc = view('2.35');
    const actions = actionsOf(doc, doc.paths['/os-baremetal-nodes/{node_id}/action'].post).map((a: { name: string }) => a.name).sort();
    expect(actions).toEqual(['add_interface', 'remove_interface']);
  });
});

describe('the node', () => {
  it('the list\'s node has seven closed fields, the show\'s eight (instance_uuid)', () => {
    const doc = view('2.35');
    const listed = deref(doc, deref(doc, body(doc, doc.paths['/os-baremetal-nodes'].get.responses['200']).properties.nodes).items);
    const shown = deref(doc, body(doc, doc.paths['/os-baremetal-nodes/{node_id}'].get.responses['200']).properties.node);
    expect([...listed.required].sort()).toEqual(['cpus', 'disk_gb', 'host', 'id', 'interfaces', 'memory_mb', 'task_state']);
    expect([...shown.required].sort()).toEqual(['cpus', 'disk_gb', 'host', 'id', 'instance_uuid', 'interfaces', 'memory_mb', 'task_state']);
    expect(listed.additionalProperties).toBe(false);
    expect(shown.additionalProperties).toBe(false);
  });
  const node = { id: '058d27fa-241b-445a-a386-08c04f96db43', host: 'IRONIC MANAGED', task_state: 'active', cpus: '16', memory_mb: '65536', disk_gb: '480', interfaces: [{ address: '52:54:00:12:34:56' }] };
  const cases: { name: string; value: unknown; valid: boolean }[] = [
    { name: 'a deployed node', value: { ...node, instance_uuid: '9168b536-cd40-4630-b43f-b259807c6e87' }, valid: true },
    { name: 'a node without a server', value: { ...node, instance_uuid: null }, valid: true },
    { name: 'a node whose sizes Ironic holds as numbers', value: { ...node, cpus: 16, memory_mb: 65536, disk_gb: 480, instance_uuid: null }, valid: true },
    { name: 'a node with another host', value: { ...node, host: 'compute1', instance_uuid: null }, valid: false },
    { name: 'a node without instance_uuid', value: node, valid: false },
  ];
  for (const { name, value, valid } of cases) {
    it(`${name} is ${valid ? 'valid' : 'refused'} in show`, () => {
      const validate = validatorFor('2.35')('/paths/~1os-baremetal-nodes~1{node_id}/get/responses/200/content/application~1json/schema');
      expect(validate({ node: value })).toBe(valid);
    });
  }
});
