/**
 * Server groups at the microversions where Nova changes them (issue 11): table tests over the exact
 * views, each body checked against the view's own schema. Facts from
 * nova/api/openstack/compute/server_groups.py and schemas/server_groups.py.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { escapePointer, validatorFor, view } from './load.ts';

const ptr = (path: string, method: string, rest: string) => `/paths/${escapePointer(path)}/${method}${rest}`;
const responseOf = (path: string, method: string, code: string) => ptr(path, method, `/responses/${code}/content/application~1json/schema`);
const requestOf = (path: string, method: string) => ptr(path, method, '/requestBody/content/application~1json/schema');
const valid = (version: string, pointer: string, body: unknown) => {
  const check = validatorFor(version)(pointer);
  return check(body) ? true : check.errors;
};

const GROUP = '4a8e1c3f-6b2d-4f97-8e05-d1c7b9a2f364';
const base = { id: GROUP, name: 'db-replicas', members: [] as string[] };
const owner = { project_id: '5d1b9e7c3a2f4068b4e6c8a0d2f13579', user_id: 'c0a4e8f2b6d14937a5c9e1f3b7d20468' };
const legacy = (policy: string) => ({ ...base, policies: [policy], metadata: {} });
const modern = (policy: string, rules: object = {}) => ({ ...base, policy, rules, ...owner });

describe('server group answers by microversion', () => {
  const table: { version: string; group: object; ok: boolean; why: string }[] = [
    { version: '2.1', group: legacy('affinity'), ok: true, why: 'policies and metadata, no owner' },
    { version: '2.12', group: { ...legacy('affinity'), ...owner }, ok: false, why: 'no project_id/user_id before 2.13' },
    { version: '2.13', group: legacy('affinity'), ok: false, why: 'project_id/user_id required from 2.13' },
    { version: '2.13', group: { ...legacy('anti-affinity'), ...owner }, ok: true, why: 'owner from 2.13' },
    { version: '2.14', group: { ...legacy('soft-affinity'), ...owner }, ok: true, why: 'a soft group made at 2.15+ shows its policy at 2.14 too' },
    { version: '2.14', group: { ...legacy('spread'), ...owner }, ok: false, why: 'only the four policy names' },
    { version: '2.15', group: { ...legacy('soft-affinity'), ...owner }, ok: true, why: 'soft policies from 2.15' },
    { version: '2.63', group: { ...legacy('soft-anti-affinity'), ...owner }, ok: true, why: 'last with policies' },
    { version: '2.63', group: modern('affinity'), ok: false, why: 'policy and rules from 2.64' },
    { version: '2.64', group: { ...legacy('affinity'), ...owner }, ok: false, why: 'policies and metadata gone at 2.64' },
    { version: '2.64', group: modern('anti-affinity', { max_server_per_host: 3 }), ok: true, why: 'policy and rules' },
    { version: '2.64', group: modern('anti-affinity', { max_servers: 3 }), ok: false, why: 'rules has only max_server_per_host' },
    { version: '2.104', group: modern('soft-affinity'), ok: true, why: 'unchanged to the newest' },
  ];
  for (const { version, group, ok, why } of table) {
    it(`${version}: ${why}`, () => {
      for (const [path, method, code] of [['/os-server-groups/{server_group_id}', 'get', '200'], ['/os-server-groups', 'post', '200']] as const) {
        expect(valid(version, responseOf(path, method, code), { server_group: group }) === true, `${method} ${path}`).toBe(ok);
      }
      expect(valid(version, responseOf('/os-server-groups', 'get', '200'), { server_groups: [group] }) === true, 'list').toBe(ok);
    });
  }
});

describe('server group create bodies by microversion', () => {
  const table: { version: string; body: object; ok: boolean; why: string }[] = [
    { version: '2.1', body: { name: 'g', policies: ['anti-affinity'] }, ok: true, why: 'one policy in a list' },
    { version: '2.1', body: { name: 'g', policies: ['anti-affinity', 'affinity'] }, ok: false, why: 'exactly one policy' },
    { version: '2.1', body: { name: 'g', policies: [] }, ok: false, why: 'not none' },
    { version: '2.14', body: { name: 'g', policies: ['soft-affinity'] }, ok: false, why: 'soft policies from 2.15' },
    { version: '2.15', body: { name: 'g', policies: ['soft-affinity'] }, ok: true, why: 'soft policies from 2.15' },
    { version: '2.63', body: { name: 'g', policy: 'affinity' }, ok: false, why: 'policy from 2.64' },
    { version: '2.64', body: { name: 'g', policies: ['affinity'] }, ok: false, why: 'policies gone at 2.64' },
    { version: '2.64', body: { name: 'g', policy: 'affinity' }, ok: true, why: 'policy without rules' },
    { version: '2.64', body: { name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: '2' } }, ok: true, why: 'max_server_per_host as digits' },
    { version: '2.64', body: { name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 0 } }, ok: false, why: 'max_server_per_host at least 1' },
    { version: '2.64', body: { name: 'g', policy: 'anti-affinity', rules: { other: 1 } }, ok: false, why: 'no other rule' },
    { version: '2.64', body: { policy: 'affinity' }, ok: false, why: 'name required' },
    { version: '2.64', body: { name: 'g' }, ok: false, why: 'policy required from 2.64' },
    { version: '2.64', body: { name: 'g', policy: 'affinity', metadata: {} }, ok: false, why: 'closed' },
  ];
  for (const { version, body, ok, why } of table) {
    it(`${version}: ${why}`, () => {
      expect(valid(version, requestOf('/os-server-groups', 'post'), { server_group: body }) === true).toBe(ok);
    });
  }
});

describe('server group query rules and status codes', () => {
  const strict = (version: string, path: string) => view(version).paths[path].get['x-openstack']?.['strict-query'] === true;
  it('the list refuses unknown query parameters from 2.75, show from 2.102', () => {
    expect(strict('2.74', '/os-server-groups')).toBe(false);
    expect(strict('2.75', '/os-server-groups')).toBe(true);
    expect(strict('2.101', '/os-server-groups/{server_group_id}')).toBe(false);
    expect(strict('2.102', '/os-server-groups/{server_group_id}')).toBe(true);
  });
  it('server group list pages with limit and offset, and takes all_projects, at every microversion', () => {
    for (const version of ['2.1', '2.75', '2.104']) {
      const doc = view(version);
      const names = doc.paths['/os-server-groups'].get.parameters.map((p: object) => dereference(doc, p)).filter((p: { in?: string }) => p.in === 'query').map((p: { name: string }) => p.name);
      expect(names.sort()).toEqual(['all_projects', 'limit', 'offset']);
    }
  });
  it('create answers 200, delete 204', () => {
    expect(Object.keys(view('2.64').paths['/os-server-groups'].post.responses)).toContain('200');
    expect(Object.keys(view('2.64').paths['/os-server-groups/{server_group_id}'].delete.responses)).toContain('204');
  });
});

