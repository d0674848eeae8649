/**
 * The stateful mode's host aggregates (ADR 0012): created, listed, shown, renamed, given a zone,
 * hosts and metadata, and deleted once empty, with Nova's 409s, 404s and 400s. At 2.1, 2.40, 2.41
 * (uuid) and 2.104, every answer checked against the view of its microversion.
 */
import { describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.40', '2.41', '2.104'];
const minorOf = (version: string) => Number(version.split('.')[1]);
/** A compute host of the spec's examples (aggregates, services). */
const HOST = 'cmp-b-07';

const { call } = useStatefulMock();
const LIST = '/os-aggregates';
const ONE = '/os-aggregates/{aggregate_id}';
const ACTION = '/os-aggregates/{aggregate_id}/action';

describe.each(VERSIONS)('stateful aggregates at %s', (version) => {
  const minor = minorOf(version);

  it('creates, updates, adds and removes a host, sets metadata, deletes', async () => {
    const created = await call(version, 'POST', '/os-aggregates', LIST, { aggregate: { name: 'rack-z', availability_zone: 'zone-z' } });
    expect(created.status).toBe(200);
    const made = created.body.aggregate;
    expect(made).toMatchObject({ name: 'rack-z', availability_zone: 'zone-z' });
    expect(made).not.toHaveProperty('hosts');
    if (minor >= 41) expect(made.uuid).toMatch(/^[0-9a-f-]{36}$/);
    else expect(made).not.toHaveProperty('uuid');
    const id = made.id;
    expect((await call(version, 'GET', '/os-aggregates', LIST)).body.aggregates.map((a: any) => a.id)).toContain(id);

    const renamed = await call(version, 'PUT', `/os-aggregates/${id}`, ONE, { aggregate: { name: 'rack-y' } });
    expect(renamed.body.aggregate).toMatchObject({ name: 'rack-y', availability_zone: 'zone-z', metadata: { availability_zone: 'zone-z' } });
    const withHost = await call(version, 'POST', `/os-aggregates/${id}/action`, ACTION, { add_host: { host: HOST } });
    expect(withHost.body.aggregate.hosts).toEqual([HOST]);
    const twice = await call(version, 'POST', `/os-aggregates/${id}/action`, ACTION, { add_host: { host: HOST } });
    expect(twice.status).toBe(409);
    expect(twice.body.conflictingRequest.message).toBe(`Aggregate ${id} already has host ${HOST}.`);
    const meta = await call(version, 'POST', `/os-aggregates/${id}/action`, ACTION, { set_metadata: { metadata: { ssd: 'true', availability_zone: null } } });
    expect(meta.body.aggregate).toMatchObject({ metadata: { ssd: 'true' }, availability_zone: null });
    const notEmpty = await call(version, 'DELETE', `/os-aggregates/${id}`, ONE);
    expect(notEmpty.status).toBe(400);
    expect(notEmpty.body.badRequest.message).toBe(`Cannot remove host from aggregate ${id}. Reason: Host aggregate is not empty.`);
    expect((await call(version, 'POST', `/os-aggregates/${id}/action`, ACTION, { remove_host: { host: HOST } })).body.aggregate.hosts).toEqual([]);
    expect((await call(version, 'GET', `/os-aggregates/${id}`, ONE)).body.aggregate).toMatchObject({ name: 'rack-y', hosts: [], metadata: { ssd: 'true' } });
    expect((await call(version, 'DELETE', `/os-aggregates/${id}`, ONE)).status).toBe(200);
    const gone = await call(version, 'GET', `/os-aggregates/${id}`, ONE);
    expect(gone.status).toBe(404);
    expect(gone.body.itemNotFound.message).toBe(`Aggregate ${id} could not be found.`);
  });

  it('answers Nova\'s refusals: a name taken, a host it does not know, a host not in the aggregate', async () => {
    const seeded = (await call(version, 'GET', '/os-aggregates', LIST)).body.aggregates;
    expect(seeded.length).toBeGreaterThan(0);
    const taken = await call(version, 'POST', '/os-aggregates', LIST, { aggregate: { name: seeded[0].name } });
    expect(taken.status).toBe(409);
    expect(taken.body.conflictingRequest.message).toBe(`Aggregate ${seeded[0].name} already exists.`);
    const empty = seeded.find((a: any) => a.hosts.length === 0);
    expect(empty).toBeDefined();
    const unknownHost = await call(version, 'POST', `/os-aggregates/${empty.id}/action`, ACTION, { add_host: { host: 'no-such-host' } });
    expect(unknownHost.status).toBe(404);
    expect(unknownHost.body.itemNotFound.message).toBe("Host 'no-such-host' is not mapped to any cell");
    const notIn = await call(version, 'POST', `/os-aggregates/${empty.id}/action`, ACTION, { remove_host: { host: HOST } });
    expect(notIn.status).toBe(404);
    expect(notIn.body.itemNotFound.message).toBe(`Cannot remove host ${HOST} in aggregate ${empty.id}`);
    // A controller host has no compute service, so no host mapping: remove_host does not catch that one, an Invalid (400).
    const controller = await call(version, 'POST', `/os-aggregates/${empty.id}/action`, ACTION, { remove_host: { host: 'ctl-1' } });
    expect(controller.status).toBe(400);
    expect(controller.body.badRequest.message).toBe("Host 'ctl-1' is not mapped to any cell");
    const missing = await call(version, 'POST', '/os-aggregates/9999/action', ACTION, { set_metadata: { metadata: { a: 'b' } } });
    expect(missing.body.itemNotFound.message).toBe('Aggregate 9999 could not be found.');
  });
});
