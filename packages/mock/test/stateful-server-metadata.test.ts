/**
 * The stateful mode's server metadata and tags (ADR 0012): written through their own endpoints,
 * read back there and in the server's show and detail answers, with Nova's 404, 409 and 400s; at
 * 2.1, 2.25 (no tags yet), 2.26 (tags from here), 2.73 and 2.104, every answer checked against
 * the view of its microversion.
 */
import { describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.25', '2.26', '2.73', '2.104'];
/** The spec's example servers: the ACTIVE one, and the ERROR one that never launched. */
const ACTIVE = '5c8e2b6a-9d41-4f0e-8a73-2b1f6e0c9d14';
const ERRORED = '91a3c5e7-2b4d-4f6a-8c0e-1d3f5a7b9c2e';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const { call } = useStatefulMock();
const show = (version: string, id: string) => call(version, 'GET', `/servers/${id}`, '/servers/{server_id}');
const META = '/servers/{server_id}/metadata';
const META_KEY = '/servers/{server_id}/metadata/{key}';
const TAGS = '/servers/{server_id}/tags';
const TAG = '/servers/{server_id}/tags/{tag}';

describe.each(VERSIONS)('stateful server metadata at %s', (version) => {
  it('replaces, merges, sets and deletes keys, and the server shows the result', async () => {
    const replaced = await call(version, 'PUT', `/servers/${ACTIVE}/metadata`, META, { metadata: { role: 'db', tier: 'gold' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ metadata: { role: 'db', tier: 'gold' } });
    const merged = await call(version, 'POST', `/servers/${ACTIVE}/metadata`, META, { metadata: { tier: 'silver', owner: 'ops' } });
    expect(merged.body).toEqual({ metadata: { role: 'db', tier: 'silver', owner: 'ops' } });
    const one = await call(version, 'PUT', `/servers/${ACTIVE}/metadata/backup`, META_KEY, { meta: { backup: 'nightly' } });
    expect(one.body).toEqual({ meta: { backup: 'nightly' } });
    expect((await call(version, 'GET', `/servers/${ACTIVE}/metadata/tier`, META_KEY)).body).toEqual({ meta: { tier: 'silver' } });
    expect((await call(version, 'DELETE', `/servers/${ACTIVE}/metadata/role`, META_KEY)).status).toBe(204);
    const listed = await call(version, 'GET', `/servers/${ACTIVE}/metadata`, META);
    expect(listed.body).toEqual({ metadata: { tier: 'silver', owner: 'ops', backup: 'nightly' } });
    expect((await show(version, ACTIVE)).body.server.metadata).toEqual({ tier: 'silver', owner: 'ops', backup: 'nightly' });
    const detail = (await call(version, 'GET', '/servers/detail', '/servers/detail')).body.servers;
    expect(detail.find((server: any) => server.id === ACTIVE).metadata).toEqual({ tier: 'silver', owner: 'ops', backup: 'nightly' });
  });

  it('answers Nova\'s 404s, its 400 for a key the body does not name, and its 409 for a server that never launched', async () => {
    const missing = await call(version, 'GET', `/servers/${ACTIVE}/metadata/nope`, META_KEY);
    expect(missing.status).toBe(404);
    expect(missing.body.itemNotFound.message).toBe('Metadata item was not found');
    expect((await call(version, 'DELETE', `/servers/${ACTIVE}/metadata/nope`, META_KEY)).body.itemNotFound.message).toBe('Metadata item was not found');
    const mismatch = await call(version, 'PUT', `/servers/${ACTIVE}/metadata/a`, META_KEY, { meta: { b: '1' } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.badRequest.message).toBe('Request body and URI mismatch');
    const unknown = await call(version, 'GET', `/servers/${UNKNOWN}/metadata`, META);
    expect(unknown.body.itemNotFound.message).toBe(`Instance ${UNKNOWN} could not be found.`);
    // Nova 34 looks the server up before it compares the URI with the body.
    const unknownMismatch = await call(version, 'PUT', `/servers/${UNKNOWN}/metadata/a`, META_KEY, { meta: { b: '1' } });
    expect(unknownMismatch.status).toBe(404);
    // API.update_instance_metadata's @check_instance_state: the ERROR server is in none of its vm_states.
    const errored = await call(version, 'POST', `/servers/${ERRORED}/metadata`, META, { metadata: { a: '1' } });
    expect(errored.status).toBe(409);
    expect(errored.body.conflictingRequest.message).toBe(`Cannot 'update metadata' instance ${ERRORED} while it is in vm_state error`);
  });

  it('refuses writes to a locked server and more items than the quota', async () => {
    await call(version, 'POST', `/servers/${ACTIVE}/action`, '/servers/{server_id}/action', { lock: null });
    const locked = await call(version, 'PUT', `/servers/${ACTIVE}/metadata/a`, META_KEY, { meta: { a: '1' } });
    expect(locked.status).toBe(409);
    expect(locked.body.conflictingRequest.message).toBe(`Instance ${ACTIVE} is locked`);
    await call(version, 'POST', `/servers/${ACTIVE}/action`, '/servers/{server_id}/action', { unlock: null });
    const many = Object.fromEntries(Array.from({ length: 129 }, (_, at) => [`k${at}`, 'v']));
    const over = await call(version, 'PUT', `/servers/${ACTIVE}/metadata`, META, { metadata: many });
    expect(over.status).toBe(403);
    expect(over.body.forbidden.message).toBe('Maximum number of metadata items exceeds 128');
  });

  it('holds POST /servers to the same quota: 128 items are kept, 129 are refused', async () => {
    const items = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, at) => [`k${at}`, 'v']));
    const create = (metadata: Record<string, string>) => call(version, 'POST', '/servers', '/servers', {
      server: { name: 'meta-quota', flavorRef: 'c2.medium', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', metadata, ...(Number(version.split('.')[1]) >= 37 ? { networks: 'auto' } : {}) },
    });
    const over = await create(items(129));
    expect(over.status).toBe(403);
    expect(over.body.forbidden.message).toBe('Maximum number of metadata items exceeds 128');
    const full = await create(items(128));
    expect(full.status).toBe(202);
    const kept = await call(version, 'GET', `/servers/${full.body.server.id}/metadata`, META);
    expect(Object.keys(kept.body.metadata)).toHaveLength(128);
  });
});

describe.each(VERSIONS.filter((version) => Number(version.split('.')[1]) >= 26))('stateful server tags at %s', (version) => {
  it('adds, replaces, checks and removes tags, and the server shows them', async () => {
    const replaced = await call(version, 'PUT', `/servers/${ACTIVE}/tags`, TAGS, { tags: ['web', 'blue', 'web'] });
    expect(replaced.body).toEqual({ tags: ['blue', 'web'] });
    const added = await call(version, 'PUT', `/servers/${ACTIVE}/tags/canary`, TAG);
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toMatch(new RegExp(`/v2\\.1/servers/${ACTIVE}/tags/canary$`));
    expect((await call(version, 'PUT', `/servers/${ACTIVE}/tags/canary`, TAG)).status).toBe(204);
    expect((await call(version, 'GET', `/servers/${ACTIVE}/tags/canary`, TAG)).status).toBe(204);
    expect((await call(version, 'DELETE', `/servers/${ACTIVE}/tags/web`, TAG)).status).toBe(204);
    expect((await call(version, 'GET', `/servers/${ACTIVE}/tags`, TAGS)).body).toEqual({ tags: ['blue', 'canary'] });
    expect((await show(version, ACTIVE)).body.server.tags).toEqual(['blue', 'canary']);
    const absent = await call(version, 'GET', `/servers/${ACTIVE}/tags/web`, TAG);
    expect(absent.status).toBe(404);
    expect(absent.body.itemNotFound.message).toBe(`Server ${ACTIVE} has no tag 'web'`);
    const notThere = await call(version, 'DELETE', `/servers/${ACTIVE}/tags/web`, TAG);
    expect(notThere.body.itemNotFound.message).toBe(`Instance ${ACTIVE} has no tag 'web'`);
    expect((await call(version, 'DELETE', `/servers/${ACTIVE}/tags`, TAGS)).status).toBe(204);
    expect((await show(version, ACTIVE)).body.server.tags).toEqual([]);
  });

  it('answers Nova\'s 409 for a server in another vm_state, its 400 past 50 tags, and its 404 for an unknown server', async () => {
    const errored = await call(version, 'PUT', `/servers/${ERRORED}/tags/x`, TAG);
    expect(errored.status).toBe(409);
    expect(errored.body.conflictingRequest.message).toBe(`Cannot 'update tag' instance ${ERRORED} while it is in vm_state error`);
    const fifty = Array.from({ length: 50 }, (_, at) => `t${String(at).padStart(2, '0')}`);
    await call(version, 'PUT', `/servers/${ACTIVE}/tags`, TAGS, { tags: fifty });
    // The count is checked before whether the server has the tag, even one it has.
    const full = await call(version, 'PUT', `/servers/${ACTIVE}/tags/t00`, TAG);
    expect(full.status).toBe(400);
    expect(full.body.badRequest.message).toBe('The number of tags exceeded the per-server limit 50');
    const unknown = await call(version, 'GET', `/servers/${UNKNOWN}/tags`, TAGS);
    expect(unknown.status).toBe(404);
    expect(unknown.body.itemNotFound.message).toBe(`Instance ${UNKNOWN} has no mapping to a cell.`);
  });
});

describe('tags before 2.26', () => {
  it('the server answer has no tags and the tag endpoints do not exist', async () => {
    expect((await show('2.25', ACTIVE)).body.server).not.toHaveProperty('tags');
    expect((await call('2.25', 'GET', `/servers/${ACTIVE}/tags`, '/servers/{server_id}')).status).toBe(404);
  });
});
