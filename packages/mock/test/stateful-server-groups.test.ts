/**
 * The stateful mode's server groups (ADR 0012): created, listed (`limit`/`offset`), shown and
 * deleted; a server created with the `group` hint is a member, in the group and in the server's
 * own `server_groups` (2.71), until it is deleted. At 2.1, 2.13 (owner), 2.15, 2.64 (policy and
 * rules) and 2.104, every answer checked against the view of its microversion.
 */
import { describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.13', '2.15', '2.64', '2.71', '2.104'];
const minorOf = (version: string) => Number(version.split('.')[1]);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const { call } = useStatefulMock();
const LIST = '/os-server-groups';
const ONE = '/os-server-groups/{server_group_id}';

const groupBody = (version: string, name: string, policy: string, rules?: Record<string, unknown>) => ({
  server_group: minorOf(version) >= 64 ? { name, policy, ...(rules ? { rules } : {}) } : { name, policies: [policy] },
});

describe.each(VERSIONS)('stateful server groups at %s', (version) => {
  const minor = minorOf(version);
  const serverBody = (group?: string) => ({
    server: { name: 'grouped', flavorRef: 'c2.medium', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', ...(minor >= 37 ? { networks: 'auto' } : {}) },
    ...(group ? { 'os:scheduler_hints': { group } } : {}),
  });

  it('creates, shows, lists and deletes a group', async () => {
    const created = await call(version, 'POST', '/os-server-groups', LIST, groupBody(version, 'web-tier', 'anti-affinity'));
    expect(created.status).toBe(200);
    const group = created.body.server_group;
    expect(group).toMatchObject({ name: 'web-tier', members: [] });
    if (minor >= 64) expect(group).toMatchObject({ policy: 'anti-affinity', rules: {} });
    else expect(group).toMatchObject({ policies: ['anti-affinity'], metadata: {} });
    if (minor >= 13) expect(typeof group.project_id).toBe('string');
    else expect(group).not.toHaveProperty('project_id');
    expect((await call(version, 'GET', `/os-server-groups/${group.id}`, ONE)).body.server_group).toEqual(group);
    const listed = (await call(version, 'GET', '/os-server-groups', LIST)).body.server_groups;
    expect(listed.map((g: any) => g.id)).toContain(group.id);
    const paged = (await call(version, 'GET', '/os-server-groups?limit=1&offset=1', LIST)).body.server_groups;
    expect(paged.map((g: any) => g.id)).toEqual([listed[1].id]);
    expect((await call(version, 'DELETE', `/os-server-groups/${group.id}`, ONE)).status).toBe(204);
    const gone = await call(version, 'GET', `/os-server-groups/${group.id}`, ONE);
    expect(gone.status).toBe(404);
    expect(gone.body.itemNotFound.message).toBe(`Instance group ${group.id} could not be found.`);
  });

  it('a server created with the group hint is a member until it is deleted', async () => {
    const group = (await call(version, 'POST', '/os-server-groups', LIST, groupBody(version, 'members', 'affinity'))).body.server_group;
    const made = (await call(version, 'POST', '/servers', '/servers', serverBody(group.id))).body.server;
    expect((await call(version, 'GET', `/os-server-groups/${group.id}`, ONE)).body.server_group.members).toEqual([made.id]);
    const shown = (await call(version, 'GET', `/servers/${made.id}`, '/servers/{server_id}')).body.server;
    if (minor >= 71) expect(shown.server_groups).toEqual([group.id]);
    else expect(shown).not.toHaveProperty('server_groups');
    await call(version, 'DELETE', `/servers/${made.id}`, '/servers/{server_id}');
    expect((await call(version, 'GET', `/os-server-groups/${group.id}`, ONE)).body.server_group.members).toEqual([]);
    const unknown = await call(version, 'POST', '/servers', '/servers', serverBody(UNKNOWN));
    expect(unknown.status).toBe(400);
    expect(unknown.body.badRequest.message).toBe(`Instance group ${UNKNOWN} could not be found.`);
  });

  it.runIf(minor >= 64)('takes rules for anti-affinity only (2.64)', async () => {
    const ruled = await call(version, 'POST', '/os-server-groups', LIST, groupBody(version, 'spread', 'anti-affinity', { max_server_per_host: 2 }));
    expect(ruled.body.server_group.rules).toEqual({ max_server_per_host: 2 });
    const refused = await call(version, 'POST', '/os-server-groups', LIST, groupBody(version, 'packed', 'affinity', { max_server_per_host: 2 }));
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toBe('Only anti-affinity policy supports rules.');
  });

  it('refuses more groups than the quota allows', async () => {
    const before = (await call(version, 'GET', '/os-server-groups', LIST)).body.server_groups.length;
    for (let made = before; made < 10; made += 1) await call(version, 'POST', '/os-server-groups', LIST, groupBody(version, `g${made}`, 'affinity'));
    const over = await call(version, 'POST', '/os-server-groups', LIST, groupBody(version, 'one-too-many', 'affinity'));
    expect(over.status).toBe(403);
    expect(over.body.forbidden.message).toBe('Quota exceeded, too many server groups.');
  });
});
