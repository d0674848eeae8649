/**
 * The stateful mode (ADR 0012) over HTTP: servers created, listed, acted on and deleted, with the
 * states, 409s and instance actions Nova gives; and every answer of these flows validated against
 * the view of its microversion (a stateful answer the spec refuses fails here), at 2.1, 2.47, 2.96
 * and 2.104.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.47', '2.96', '2.104'];
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';
/** Two flavors of the seed (the spec's flavor examples). */
const FLAVOR = 'c2.medium';
const OTHER_FLAVOR = 'r5.xlarge';
/** The two servers of the spec's `GET /servers/detail` example, the seed. */
const SEEDED = ['5c8e2b6a-9d41-4f0e-8a73-2b1f6e0c9d14', '91a3c5e7-2b4d-4f6a-8c0e-1d3f5a7b9c2e'];
/** The build and action delay, on the test's own clock (the mock's `clock` option): time moves only when a test moves it, so no state is missed on a busy machine. */
const DELAY = 300;
let now = Date.parse('2026-12-03T12:00:00Z');
const clock = () => now;
/** Moves the mock's clock forward. */
const elapse = (ms: number) => {
  now += ms;
};

const stateful = useStatefulMock({ buildDelayMs: DELAY, actionDelayMs: DELAY, clock });
const { call } = stateful;

const createBody = (version: string, name: string) => ({
  server: { name, flavorRef: FLAVOR, imageRef: IMAGE, ...(Number(version.split('.')[1]) >= 37 ? { networks: 'auto' } : {}) },
});
const show = (version: string, id: string) => call(version, 'GET', `/servers/${id}`, '/servers/{server_id}');
const act = (version: string, id: string, body: unknown) => call(version, 'POST', `/servers/${id}/action`, '/servers/{server_id}/action', body);

async function waitFor(version: string, id: string, status: string): Promise<any> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { body } = await show(version, id);
    if (body.server.status === status && !body.server['OS-EXT-STS:task_state']) return body.server;
    elapse(DELAY / 3);
  }
  throw new Error(`server ${id} never reached ${status}`);
}

beforeAll(async () => {
  const mock = stateful.mock();
  // The first request of a kind at a microversion compiles its schemas (hundreds of ms): done here,
  // with requests that change nothing, so that the tests' own time goes to their flows.
  for (const version of VERSIONS) {
    for (const body of [{ reboot: { type: 'GENTLE' } }, { server: {} }]) {
      const path = 'reboot' in body ? `/servers/${SEEDED[0]}/action` : '/servers';
      await fetch(`${mock.endpoint}${path}`, { method: 'POST', headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    }
    await fetch(`${mock.endpoint}/servers/${SEEDED[0]}`, { headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}` } });
  }
});

describe.each(VERSIONS)('stateful servers at %s', (version) => {
  const minor = Number(version.split('.')[1]);

  it('starts from the spec\'s example servers', async () => {
    const { body } = await call(version, 'GET', '/servers', '/servers');
    expect(body.servers.map((s: any) => s.id).sort()).toEqual([...SEEDED].sort());
  });

  it('creates a server that is BUILD, then ACTIVE after the build delay, in show, list and detail', async () => {
    const created = await call(version, 'POST', '/servers', '/servers', createBody(version, 'stateful-web'));
    expect(created.status).toBe(202);
    const id = created.body.server.id;
    expect(created.headers.get('location')).toBe(`${stateful.mock().endpoint}/servers/${id}`);
    const building = (await show(version, id)).body.server;
    expect(building).toMatchObject({ id, name: 'stateful-web', status: 'BUILD' });
    if (minor >= 1) expect(building['OS-EXT-STS:vm_state']).toBe('building');
    const active = await waitFor(version, id, 'ACTIVE');
    expect(active['OS-EXT-STS:power_state']).toBe(1);
    expect(active['OS-SRV-USG:launched_at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The flavor's shape is the view's: a reference up to 2.46, an embedded copy from 2.47.
    if (minor < 47) expect(active.flavor).toMatchObject({ id: FLAVOR });
    else expect(active.flavor).not.toHaveProperty('id');
    const list = (await call(version, 'GET', '/servers', '/servers')).body.servers;
    expect(list.map((s: any) => s.id)).toEqual([id, ...[...SEEDED].sort().reverse()]);
    const detail = (await call(version, 'GET', '/servers/detail', '/servers/detail')).body.servers;
    expect(detail[0]).toMatchObject({ id, status: 'ACTIVE' });
  });

  it('filters by name (a regular expression) and status, and pages with limit, marker and next links', async () => {
    const { body: made } = await call(version, 'POST', '/servers', '/servers', createBody(version, 'batch-7'));
    await waitFor(version, made.server.id, 'ACTIVE');
    const byName = (await call(version, 'GET', '/servers?name=^batch-', '/servers')).body.servers;
    expect(byName.map((s: any) => s.id)).toEqual([made.server.id]);
    const errored = (await call(version, 'GET', '/servers/detail?status=ERROR', '/servers/detail')).body.servers;
    expect(errored.map((s: any) => s.id)).toEqual([SEEDED[1]]);

    const first = (await call(version, 'GET', '/servers/detail?limit=2', '/servers/detail')).body;
    expect(first.servers).toHaveLength(2);
    const next = new URL(first.servers_links[0].href);
    expect(next.pathname).toBe('/v2.1/servers/detail');
    expect(next.searchParams.get('limit')).toBe('2');
    expect(next.searchParams.get('marker')).toBe(first.servers[1].id);
    const second = (await call(version, 'GET', `/servers/detail${next.search}`, '/servers/detail')).body;
    expect(second.servers.map((s: any) => s.id)).toHaveLength(1);
    expect(second.servers_links).toBeUndefined();
    const all = [...first.servers, ...second.servers].map((s: any) => s.id);
    expect(new Set(all).size).toBe(3);
    const missing = await call(version, 'GET', '/servers?marker=00000000-0000-4000-8000-000000000000', '/servers');
    expect(missing.status).toBe(400);
    expect(missing.body.badRequest.message).toBe('marker [00000000-0000-4000-8000-000000000000] not found');
  });

  it('reboots, stops, starts, pauses, suspends and locks with Nova\'s states and 409s, and logs each action', async () => {
    const { body: made } = await call(version, 'POST', '/servers', '/servers', createBody(version, 'acted-on'));
    const id = made.server.id;
    const early = await act(version, id, { reboot: { type: 'SOFT' } });
    expect(early.status).toBe(409);
    expect(early.body.conflictingRequest.message).toBe(`Cannot 'reboot' instance ${id} while it is in vm_state building`);
    await waitFor(version, id, 'ACTIVE');

    expect((await act(version, id, { reboot: { type: 'SOFT' } })).status).toBe(202);
    expect((await show(version, id)).body.server).toMatchObject({ status: 'REBOOT', 'OS-EXT-STS:task_state': 'rebooting' });
    const busy = await act(version, id, { 'os-stop': null });
    expect(busy.body.conflictingRequest.message).toBe(`Cannot 'stop' instance ${id} while it is in task_state rebooting`);
    await waitFor(version, id, 'ACTIVE');
    expect((await act(version, id, { reboot: { type: 'HARD' } })).status).toBe(202);
    expect((await show(version, id)).body.server.status).toBe('HARD_REBOOT');
    await waitFor(version, id, 'ACTIVE');

    expect((await act(version, id, { 'os-stop': null })).status).toBe(202);
    const stopped = await waitFor(version, id, 'SHUTOFF');
    expect(stopped).toMatchObject({ 'OS-EXT-STS:vm_state': 'stopped', 'OS-EXT-STS:power_state': 4 });
    const pauseStopped = await act(version, id, { pause: null });
    expect(pauseStopped.body.conflictingRequest.message).toBe(`Cannot 'pause' instance ${id} while it is in vm_state stopped`);
    expect((await act(version, id, { 'os-start': null })).status).toBe(202);
    await waitFor(version, id, 'ACTIVE');

    await act(version, id, { pause: null });
    expect((await waitFor(version, id, 'PAUSED'))['OS-EXT-STS:power_state']).toBe(3);
    await act(version, id, { unpause: null });
    await waitFor(version, id, 'ACTIVE');
    await act(version, id, { suspend: null });
    expect((await waitFor(version, id, 'SUSPENDED'))['OS-EXT-STS:power_state']).toBe(7);
    await act(version, id, { resume: null });
    await waitFor(version, id, 'ACTIVE');

    expect((await act(version, id, { lock: null })).status).toBe(202);
    if (minor >= 9) expect((await show(version, id)).body.server.locked).toBe(true);
    const locked = await act(version, id, { 'os-stop': null });
    expect(locked.status).toBe(409);
    expect(locked.body.conflictingRequest.message).toBe(`Instance ${id} is locked`);
    expect((await call(version, 'DELETE', `/servers/${id}`, '/servers/{server_id}')).body.conflictingRequest.message).toBe(`Instance ${id} is locked`);
    expect((await act(version, id, { unlock: null })).status).toBe(202);

    const log = (await call(version, 'GET', `/servers/${id}/os-instance-actions`, '/servers/{server_id}/os-instance-actions')).body.instanceActions;
    expect(log.map((a: any) => a.action)).toEqual(['unlock', 'lock', 'resume', 'suspend', 'unpause', 'pause', 'start', 'stop', 'reboot', 'reboot', 'create']);
    const one = await call(version, 'GET', `/servers/${id}/os-instance-actions/${log[8].request_id}`, '/servers/{server_id}/os-instance-actions/{request_id}');
    expect(one.body.instanceAction).toMatchObject({ action: 'reboot', instance_uuid: id });
    const unknown = await call(version, 'GET', `/servers/${id}/os-instance-actions/req-unknown`, '/servers/{server_id}/os-instance-actions/{request_id}');
    expect(unknown.status).toBe(404);
  });

  it('deletes: deleting for the action delay, then 404 itemNotFound everywhere', async () => {
    const { body: made } = await call(version, 'POST', '/servers', '/servers', createBody(version, 'short-lived'));
    const id = made.server.id;
    await waitFor(version, id, 'ACTIVE');
    expect((await call(version, 'DELETE', `/servers/${id}`, '/servers/{server_id}')).status).toBe(204);
    expect((await show(version, id)).body.server['OS-EXT-STS:task_state']).toBe('deleting');
    elapse(DELAY + 50);
    const gone = await show(version, id);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Instance ${id} could not be found.` } });
    expect((await act(version, id, { reboot: { type: 'SOFT' } })).status).toBe(404);
    expect((await call(version, 'GET', '/servers', '/servers')).body.servers.map((s: any) => s.id)).not.toContain(id);
  });
});

describe('stateful mode: the rest of the state machine and isolation', () => {
  const version = '2.104';

  it('resize then confirm or revert, shelve then unshelve, rescue then unrescue', async () => {
    const id = SEEDED[0]!;
    await act(version, id, { resize: { flavorRef: OTHER_FLAVOR } });
    expect((await show(version, id)).body.server.status).toBe('RESIZE');
    await waitFor(version, id, 'VERIFY_RESIZE');
    await act(version, id, { revertResize: null });
    expect((await show(version, id)).body.server.status).toBe('REVERT_RESIZE');
    await waitFor(version, id, 'ACTIVE');
    await act(version, id, { resize: { flavorRef: OTHER_FLAVOR } });
    await waitFor(version, id, 'VERIFY_RESIZE');
    await act(version, id, { confirmResize: null });
    await waitFor(version, id, 'ACTIVE');

    await act(version, id, { shelve: null });
    await waitFor(version, id, 'SHELVED_OFFLOADED');
    const reboot = await act(version, id, { reboot: { type: 'HARD' } });
    expect(reboot.body.conflictingRequest.message).toBe(`Cannot 'reboot' instance ${id} while it is in vm_state shelved_offloaded`);
    await act(version, id, { unshelve: null });
    await waitFor(version, id, 'ACTIVE');
    const rescued = await act(version, id, { rescue: null });
    expect(rescued.status).toBe(200);
    await waitFor(version, id, 'RESCUE');
    await act(version, id, { unrescue: null });
    await waitFor(version, id, 'ACTIVE');
  });

  it('the seeded ERROR server has never launched: stop is refused as Nova refuses it', async () => {
    const { body } = await act(version, SEEDED[1]!, { 'os-stop': null });
    expect(body.conflictingRequest.message).toBe(`Cannot 'stop' instance ${SEEDED[1]} while it is in launched_at None`);
  });

  it('POST /_novaspec/reset and reset() restore the seed', async () => {
    await call(version, 'DELETE', `/servers/${SEEDED[0]}`, '/servers/{server_id}');
    await call(version, 'POST', '/servers', '/servers', createBody(version, 'temporary'));
    elapse(DELAY + 50);
    expect((await call(version, 'GET', '/servers', '/servers')).body.servers.map((s: any) => s.name)).toEqual(['temporary', 'db-replica-02']);
    const reset = await fetch(`${stateful.mock().url}/_novaspec/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect((await call(version, 'GET', '/servers', '/servers')).body.servers.map((s: any) => s.id).sort()).toEqual([...SEEDED].sort());
  });

  it('a request the spec refuses still gets the stateless 400, and Prefer still picks an answer', async () => {
    const invalid = await call(version, 'POST', `/servers/${SEEDED[0]}/action`, '/servers/{server_id}/action', { reboot: { type: 'GENTLE' } });
    expect(invalid.status).toBe(400);
    const preferred = await fetch(`${stateful.mock().endpoint}/servers/00000000-0000-4000-8000-000000000000`, {
      headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}`, Prefer: 'code=200' },
    });
    expect(preferred.status).toBe(200);
  });

  it('checked every answer of these flows against its view', () => {
    expect(stateful.checked()).toBeGreaterThan(200);
  });
});
