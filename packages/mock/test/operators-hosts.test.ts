/**
 * Aggregates, hypervisors, compute services and the old hosts API on the mock: the answers follow
 * the requested microversion (uuid from 2.41, integer then UUID hypervisor ids around 2.53, the
 * counters gone at 2.88, forced_down from 2.11), 404 outside an operation's range, Nova's fault bodies.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const call = useMockHttp();
const json = async (response: Response) => (await response.json()) as any;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('aggregates on the mock', () => {
  it('shows uuid from 2.41', async () => {
    const old = await json(await call('GET', '/os-aggregates', '2.40'));
    expect(old.aggregates.length).toBeGreaterThan(0);
    for (const a of old.aggregates) expect(a).not.toHaveProperty('uuid');
    const now = await json(await call('GET', '/os-aggregates/3', '2.41'));
    expect(now.aggregate.uuid).toMatch(UUID);
  });
  it('creates with 200 and an answer without hosts and metadata', async () => {
    const response = await call('POST', '/os-aggregates', '2.41', { aggregate: { name: 'rack-c', availability_zone: 'zone-c' } });
    expect(response.status).toBe(200);
    const { aggregate } = await json(response);
    expect(aggregate).not.toHaveProperty('hosts');
    expect(aggregate).not.toHaveProperty('metadata');
  });
  it('serves the three actions one by one, and refuses a zone name with a colon', async () => {
    for (const body of [{ add_host: { host: 'cmp-b-09' } }, { remove_host: { host: 'cmp-b-07' } }, { set_metadata: { metadata: { gpu: 'h100', old: null } } }]) {
      const response = await call('POST', '/os-aggregates/3/action', '2.41', body);
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect((await json(response)).aggregate).toHaveProperty('hosts');
    }
    const unknown = await call('POST', '/os-aggregates/3/action', '2.41', { add_hosts: { host: 'x' } });
    expect(unknown.status).toBe(400);
    const colon = await call('POST', '/os-aggregates', '2.41', { aggregate: { name: 'x', availability_zone: 'a:b' } });
    expect(colon.status).toBe(400);
    expect((await json(colon)).badRequest.code).toBe(400);
  });
  it('pre-caches images from 2.81 only (202 with no body)', async () => {
    const body = { cache: [{ id: '3d6c9a1e-52f7-4b08-8e4a-91c0f2b7d635' }] };
    expect((await call('POST', '/os-aggregates/3/images', '2.80', body)).status).toBe(404);
    const accepted = await call('POST', '/os-aggregates/3/images', '2.81', body);
    expect(accepted.status).toBe(202);
    expect(await accepted.text()).toBe('');
  });
  it('deletes with 200 and no body', async () => {
    const response = await call('DELETE', '/os-aggregates/5', '2.1');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('hypervisors on the mock', () => {
  it('has integer ids up to 2.52 and UUIDs from 2.53', async () => {
    const old = await json(await call('GET', '/os-hypervisors', '2.52'));
    expect(typeof old.hypervisors[0].id).toBe('number');
    const now = await json(await call('GET', '/os-hypervisors', '2.53'));
    expect(now.hypervisors[0].id).toMatch(UUID);
  });
  it('shows cpu_info as text up to 2.27, as an object from 2.28, and drops the counters at 2.88', async () => {
    const text = (await json(await call('GET', '/os-hypervisors/detail', '2.27'))).hypervisors[0];
    expect(typeof text.cpu_info).toBe('string');
    const object = (await json(await call('GET', '/os-hypervisors/1', '2.28'))).hypervisor;
    expect(typeof object.cpu_info).toBe('object');
    const placement = (await json(await call('GET', '/os-hypervisors/9f2c7b1e-4d58-4a63-b0e9-52c8a1d7f346', '2.88'))).hypervisor;
    expect(placement).not.toHaveProperty('vcpus');
    expect(placement).toHaveProperty('uptime');
  });
  it('answers 404 for statistics and uptime from 2.88 and for search and servers from 2.53', async () => {
    expect((await call('GET', '/os-hypervisors/statistics', '2.87')).status).toBe(200);
    expect((await call('GET', '/os-hypervisors/statistics', '2.88')).status).toBe(404);
    expect((await call('GET', '/os-hypervisors/1/uptime', '2.87')).status).toBe(200);
    expect((await call('GET', '/os-hypervisors/1/uptime', '2.88')).status).toBe(404);
    expect((await call('GET', '/os-hypervisors/cmp/search', '2.52')).status).toBe(200);
    expect((await call('GET', '/os-hypervisors/cmp/search', '2.53')).status).toBe(404);
    expect((await call('GET', '/os-hypervisors/cmp/servers', '2.53')).status).toBe(404);
  });
});

describe('services on the mock', () => {
  it('lists forced_down from 2.11, UUID ids from 2.53', async () => {
    const old = await json(await call('GET', '/os-services', '2.10'));
    for (const s of old.services) expect(s).not.toHaveProperty('forced_down');
    const forced = await json(await call('GET', '/os-services', '2.11'));
    for (const s of forced.services) expect(s).toHaveProperty('forced_down');
    const now = await json(await call('GET', '/os-services', '2.53'));
    expect(now.services[0].id).toMatch(UUID);
  });
  it('takes the action URLs up to 2.52 (force-down from 2.11) and the service id from 2.53', async () => {
    const body = { host: 'cmp-b-08', binary: 'nova-compute' };
    expect((await call('PUT', '/os-services/disable', '2.52', body)).status).toBe(200);
    expect((await call('PUT', '/os-services/force-down', '2.10', { ...body, forced_down: true })).status).toBe(404);
    expect((await call('PUT', '/os-services/force-down', '2.11', { ...body, forced_down: true })).status).toBe(200);
    const updated = await call('PUT', '/os-services/8e3b1f60-2c4d-4a97-b5e8-71d0c9a6f243', '2.53', { status: 'disabled' });
    expect(updated.status).toBe(200);
    expect((await json(updated)).service).toHaveProperty('forced_down');
    const bad = await call('PUT', '/os-services/8e3b1f60-2c4d-4a97-b5e8-71d0c9a6f243', '2.53', { status: 'off' });
    expect(bad.status).toBe(400);
  });
  it('deletes with 204', async () => {
    expect((await call('DELETE', '/os-services/8e3b1f60-2c4d-4a97-b5e8-71d0c9a6f243', '2.53')).status).toBe(204);
  });
});

describe('hosts on the mock', () => {
  it('exist up to 2.42 and answer 404 from 2.43', async () => {
    expect((await call('GET', '/os-hosts', '2.42')).status).toBe(200);
    expect((await call('GET', '/os-hosts', '2.43')).status).toBe(404);
    expect((await call('GET', '/os-hosts/cmp-b-07/reboot', '2.42')).status).toBe(200);
    expect((await call('GET', '/os-hosts/cmp-b-07/reboot', '2.43')).status).toBe(404);
    const updated = await call('PUT', '/os-hosts/cmp-b-07', '2.42', { maintenance_mode: 'enable' });
    expect(updated.status).toBe(200);
    expect((await call('PUT', '/os-hosts/cmp-b-07', '2.42', {})).status).toBe(400);
  });
});
