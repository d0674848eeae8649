/**
 * The flavor groups on the mock, as a team's contract tests would hit them: the flavor's shape per
 * microversion, PUT only from 2.55, the flavor action endpoint (a second action endpoint, ADR 0005)
 * and Nova's refusals of bad bodies.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const FLAVOR = 'c2.medium';
const call = useMockHttp();
const json = async (response: Response) => (await response.json()) as any;

describe('flavors on the mock', () => {
  it('shows the flavor as the microversion has it', async () => {
    const table: { version: string; has: string[]; hasNot: string[]; swap: unknown }[] = [
      { version: '2.1', has: ['rxtx_factor', 'OS-FLV-DISABLED:disabled'], hasNot: ['description', 'extra_specs'], swap: '' },
      { version: '2.55', has: ['description'], hasNot: ['extra_specs'], swap: '' },
      { version: '2.74', has: ['description', 'extra_specs'], hasNot: [], swap: '' },
      { version: '2.75', has: ['extra_specs', 'rxtx_factor'], hasNot: [], swap: 0 },
      { version: '2.102', has: ['extra_specs'], hasNot: ['rxtx_factor', 'OS-FLV-DISABLED:disabled'], swap: 0 },
    ];
    for (const { version, has, hasNot, swap } of table) {
      const response = await call('GET', `/flavors/${FLAVOR}`, version);
      expect(response.status, version).toBe(200);
      const { flavor } = await json(response);
      for (const field of has) expect(Object.keys(flavor), version).toContain(field);
      for (const field of hasNot) expect(Object.keys(flavor), version).not.toContain(field);
      expect(flavor.swap, version).toBe(swap);
    }
  });

  it('lists flavors in brief, with the description from 2.55', async () => {
    const old = await json(await call('GET', '/flavors', '2.54'));
    expect(Object.keys(old.flavors[0]).sort()).toEqual(['id', 'links', 'name']);
    const described = await json(await call('GET', '/flavors', '2.55'));
    expect(Object.keys(described.flavors[0])).toContain('description');
  });

  it('answers 404 for PUT before 2.55 and the flavor from 2.55', async () => {
    const body = { flavor: { description: 'retired in spring' } };
    expect((await call('PUT', `/flavors/${FLAVOR}`, '2.54', body)).status).toBe(404);
    const updated = await call('PUT', `/flavors/${FLAVOR}`, '2.55', body);
    expect(updated.status).toBe(200);
    expect((await json(updated)).flavor).toHaveProperty('description');
  });

  it('deletes with 202 and no body', async () => {
    const response = await call('DELETE', `/flavors/${FLAVOR}`, '2.1');
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
  });

  it('refuses a create body Nova refuses, in Nova\'s words', async () => {
    const response = await call('POST', '/flavors', '2.1', { flavor: { name: 'tiny', ram: 0, vcpus: 1, disk: 1 } });
    expect(response.status).toBe(400);
    expect((await json(response)).badRequest.message).toContain('Invalid input for field/attribute ram');
    const rxtx = await call('POST', '/flavors', '2.102', { flavor: { name: 'tiny', ram: 64, vcpus: 1, disk: 1, rxtx_factor: 1 } });
    expect(rxtx.status).toBe(400);
    expect((await json(rxtx)).badRequest.message).toContain("'rxtx_factor' was unexpected");
    const created = await call('POST', '/flavors', '2.101', { flavor: { name: 'tiny', ram: 64, vcpus: 1, disk: 1, rxtx_factor: 1 } });
    expect(created.status).toBe(200);
  });

  it('serves the flavor actions one by one, and refuses unknown ones', async () => {
    const added = await call('POST', `/flavors/${FLAVOR}/action`, '2.7', { addTenantAccess: { tenant: '5e2f1c9a7b3d4e6f8a0b1c2d3e4f5a6b' } });
    expect(added.status).toBe(200);
    expect((await json(added)).flavor_access.length).toBeGreaterThan(0);
    const removed = await call('POST', `/flavors/${FLAVOR}/action`, '2.7', { removeTenantAccess: { tenant: '9a8b7c6d5e4f40312a1b2c3d4e5f6a7b' } });
    expect(removed.status).toBe(200);
    expect(await json(removed)).toHaveProperty('flavor_access');
    const unknown = await call('POST', `/flavors/${FLAVOR}/action`, '2.7', { reboot: { type: 'SOFT' } });
    expect(unknown.status).toBe(400);
    expect(await json(unknown)).toEqual({ badRequest: { code: 400, message: 'There is no such action: reboot' } });
  });

  it('takes extra specs as strings or numbers, and exactly one key on PUT', async () => {
    const created = await call('POST', `/flavors/${FLAVOR}/os-extra_specs`, '2.86', { extra_specs: { 'hw:numa_nodes': 2, 'hw:cpu_policy': 'dedicated' } });
    expect(created.status).toBe(200);
    const two = await call('PUT', `/flavors/${FLAVOR}/os-extra_specs/hw:cpu_policy`, '2.86', { 'hw:cpu_policy': 'mixed', 'hw:numa_nodes': '1' });
    expect(two.status).toBe(400);
    expect(await json(two)).toMatchObject({ badRequest: { code: 400 } });
    const one = await call('PUT', `/flavors/${FLAVOR}/os-extra_specs/hw:cpu_policy`, '2.86', { 'hw:cpu_policy': 'mixed' });
    expect(one.status).toBe(200);
    const gone = await call('DELETE', `/flavors/${FLAVOR}/os-extra_specs/hw:cpu_policy`, '2.86');
    expect(gone.status).toBe(200);
    expect(await gone.text()).toBe('');
  });
});
