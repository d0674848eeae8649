/**
 * The removed APIs and the nova-network proxies (issue 13), table tests over the exact views. Facts
 * from Nova's controllers (nova/api/openstack/compute/{agents,cells,...}.py: `@wsgi.removed`, `raise
 * HTTPGone`; networks.py and tenant_networks.py: `api_version("2.1", MAX_PROXY_API_SUPPORT_VERSION)`)
 * and the inventory (../shared/reference/nova-operations.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsOf, dereference } from '@novaspec/microversions';
import { type Json, allVersions, view } from './load.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const SEGMENTS = ['os-agents', 'os-cells', 'os-certificates', 'os-cloudpipe', 'os-fixed-ips', 'os-floating-ip-dns', 'os-floating-ips-bulk',
  'os-fping', 'os-security-group-default-rules', 'os-networks', 'os-tenant-networks'];
const PROXIES = ['GET /os-networks', 'GET /os-networks/{network_id}', 'GET /os-tenant-networks', 'GET /os-tenant-networks/{network_id}'];

/** The operations of these segments in a view, one per action key: id -> the operation (or action) node. */
function operationsOf(doc: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const [path, raw] of Object.entries<Json>(doc.paths)) {
    if (!SEGMENTS.includes(path.split('/')[1]!)) continue;
    const item = deref(doc, raw);
    for (const method of ['get', 'put', 'post', 'delete']) {
      const operation = item[method];
      if (!operation) continue;
      const actions = method === 'post' ? actionsOf(doc, operation) : [];
      if (actions.length === 0) out.set(`${method.toUpperCase()} ${path}`, operation);
      for (const action of actions) out.set(`${method.toUpperCase()} ${path}#${action.name}`, { ...operation, action });
    }
  }
  return out;
}

describe('the removed APIs and the nova-network proxies', () => {
  const inventoryPath = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'nova-operations.json');
  it.skipIf(!(() => { try { readFileSync(inventoryPath); return true; } catch { return false; } })())('cover every operation of the inventory for these groups', () => {
    const inventory = JSON.parse(readFileSync(inventoryPath, 'utf8'));
    // The inventory spells the floating IP DNS entry GET with {ip}; OpenAPI allows one template per
    // path, so the spec has one parameter, {name}, for the three methods (Nova's route has one, {id}).
    const ids = inventory.operations.filter((o: Json) => SEGMENTS.includes(o.path.split('/')[1])).map((o: Json) => o.id.replace('/entries/{ip}', '/entries/{name}')).sort();
    const all = new Set<string>();
    for (const version of ['2.1', '2.36', '2.104']) for (const id of operationsOf(view(version)).keys()) all.add(id);
    expect([...all].sort()).toEqual(ids);
    expect(ids).toHaveLength(51);
  });

  const cases: { version: string; proxies: boolean }[] = [
    { version: '2.1', proxies: true }, { version: '2.35', proxies: true }, { version: '2.36', proxies: false }, { version: '2.104', proxies: false },
  ];
  for (const { version, proxies } of cases) {
    it(`at ${version}: the 47 removed ones answer only 410 (and what comes before it), the proxies ${proxies ? 'answer 200' : 'do not exist'}`, () => {
      const doc = view(version);
      const operations = operationsOf(doc);
      const removed = [...operations].filter(([id]) => !PROXIES.includes(id));
      expect(removed).toHaveLength(47);
      for (const [id, operation] of removed) {
        const codes = Object.keys(operation.action ? deref(doc, operation.responses) : operation.responses).sort();
        expect(codes.filter((c) => c.startsWith('2')), id).toEqual([]);
        expect(codes, id).toContain('410');
        expect(codes.every((c) => ['400', '401', '406', '410', '415'].includes(c)), id).toBe(true);
        expect(operation.deprecated, id).toBe(true);
        const gone = deref(doc, operation.responses['410']);
        expect(deref(doc, gone.content['application/json'].schema).required, id).toEqual(['computeFault']);
      }
      for (const id of PROXIES) expect(operations.has(id), id).toBe(proxies);
    });
  }

  it('mark the proxies deprecated with their range ending at 2.35, in the all-versions bundle', () => {
    const doc = allVersions();
    for (const id of PROXIES) {
      const [method, path] = id.split(' ');
      const operation = deref(doc, doc.paths[path!])[method!.toLowerCase()];
      expect(operation.deprecated, id).toBe(true);
      expect(operation['x-openstack']['max-ver'], id).toBe('2.35');
    }
  });

  it('give the os-networks proxy Nova\'s field set: the non-admin fields required, the admin ones optional', () => {
    const doc = view('2.35');
    const network = deref(doc, deref(doc, deref(doc, doc.paths['/os-networks/{network_id}']).get.responses['200'].content['application/json'].schema).properties.network);
    expect([...network.required].sort()).toEqual(['broadcast', 'cidr', 'cidr_v6', 'dns1', 'dns2', 'gateway', 'gateway_v6', 'id', 'label', 'netmask', 'netmask_v6']);
    expect(Object.keys(network.properties)).toHaveLength(32);
    expect(network.additionalProperties).toBe(false);
  });

  it('give the tenant network proxy three fields, cidr a string', () => {
    const doc = view('2.1');
    const item = deref(doc, deref(doc, deref(doc, doc.paths['/os-tenant-networks']).get.responses['200'].content['application/json'].schema).properties.networks).items;
    const network = deref(doc, item);
    expect([...network.required].sort()).toEqual(['cidr', 'id', 'label']);
    expect(network.properties.cidr.type).toBe('string');
  });

  it('keep the four nova-network actions and the two fixed IP actions as removed branches', () => {
    const doc = view('2.1');
    const names = (path: string) => actionsOf(doc, deref(doc, doc.paths[path]).post).map((a) => [a.name, a.removed, a.deprecated]);
    expect(names('/os-networks/{network_id}/action')).toEqual([
      ['disassociate', true, true], ['associate_host', true, true], ['disassociate_host', true, true], ['disassociate_project', true, true]]);
    expect(names('/os-fixed-ips/{fixed_ip}/action')).toEqual([['reserve', true, true], ['unreserve', true, true]]);
  });
});
