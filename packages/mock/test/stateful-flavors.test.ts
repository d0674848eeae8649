/**
 * The stateful mode's flavors (ADR 0012): seeded from the spec's flavor examples, created and
 * deleted, filtered (`minRam`, `minDisk`, `is_public`) and paged, their description (2.55), extra
 * specs and access list; Nova's 409s for a taken id or name; a new server's flavor is one of them.
 * At 2.1, 2.7 (public access refused), 2.55 (description), 2.61 (extra_specs), 2.75 (swap 0) and
 * 2.102 (no rxtx_factor, no disabled), every answer checked against the view of its microversion.
 */
import { describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.7', '2.55', '2.61', '2.75', '2.102'];
const minorOf = (version: string) => Number(version.split('.')[1]);

const { call } = useStatefulMock();
const LIST = '/flavors';
const DETAIL = '/flavors/detail';
const ONE = '/flavors/{flavor_id}';
const ACTION = '/flavors/{flavor_id}/action';
const SPECS = '/flavors/{flavor_id}/os-extra_specs';
const SPEC = '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}';
const ACCESS = '/flavors/{flavor_id}/os-flavor-access';

const flavorBody = (version: string, fields: Record<string, unknown>) => ({
  flavor: { ram: 2048, vcpus: 2, disk: 20, ...(minorOf(version) >= 55 ? { description: 'made by a test' } : {}), ...fields },
});

describe.each(VERSIONS)('stateful flavors at %s', (version) => {
  const minor = minorOf(version);

  it('creates a flavor that shows, lists and details, then deletes it', async () => {
    const created = await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'st.small', id: 'st-small', swap: 0 }));
    expect(created.status).toBe(200);
    const flavor = created.body.flavor;
    expect(flavor).toMatchObject({ id: 'st-small', name: 'st.small', ram: 2048, vcpus: 2, disk: 20, 'os-flavor-access:is_public': true });
    expect(flavor.swap).toBe(minor >= 75 ? 0 : '');
    if (minor >= 55) expect(flavor.description).toBe('made by a test');
    else expect(flavor).not.toHaveProperty('description');
    if (minor >= 61) expect(flavor.extra_specs).toEqual({});
    if (minor >= 102) expect(flavor).not.toHaveProperty('rxtx_factor');
    else expect(flavor.rxtx_factor).toBe(1);
    expect((await call(version, 'GET', '/flavors/st-small', ONE)).body.flavor).toEqual(flavor);
    expect((await call(version, 'GET', '/flavors', LIST)).body.flavors.map((f: any) => f.id)).toContain('st-small');
    expect((await call(version, 'GET', '/flavors/detail', DETAIL)).body.flavors.find((f: any) => f.id === 'st-small')).toEqual(flavor);
    expect((await call(version, 'DELETE', '/flavors/st-small', ONE)).status).toBe(202);
    const gone = await call(version, 'GET', '/flavors/st-small', ONE);
    expect(gone.status).toBe(404);
    expect(gone.body.itemNotFound.message).toBe('Flavor st-small could not be found.');
  });

  it('answers Nova\'s 409 for an id or a name already taken, and generates an id when none is given', async () => {
    const takenId = await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'fresh-name', id: 'c2.medium' }));
    expect(takenId.status).toBe(409);
    expect(takenId.body.conflictingRequest.message).toBe('Flavor with ID c2.medium already exists.');
    const takenName = await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'c2.medium' }));
    expect(takenName.body.conflictingRequest.message).toBe('Flavor with name c2.medium already exists.');
    const generated = await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'no-id' }));
    expect(generated.body.flavor.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('filters by minRam, minDisk and is_public, sorted by id, and pages with limit and marker', async () => {
    await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'big-private', id: 'zz-private', ram: 262144, disk: 500, 'os-flavor-access:is_public': false }));
    const ids = async (query: string) => (await call(version, 'GET', `/flavors/detail${query}`, DETAIL)).body.flavors.map((f: any) => f.id);
    const publicOnes = await ids('');
    expect(publicOnes).not.toContain('zz-private');
    expect([...publicOnes].sort()).toEqual(publicOnes);
    expect(await ids('?is_public=false')).toContain('zz-private');
    expect(await ids('?is_public=none')).toEqual(expect.arrayContaining([...publicOnes, 'zz-private']));
    const detail = (await call(version, 'GET', '/flavors/detail?is_public=none', DETAIL)).body.flavors;
    expect(await ids('?is_public=none&minRam=32768')).toEqual(detail.filter((f: any) => f.ram >= 32768).map((f: any) => f.id));
    expect(await ids('?is_public=none&minDisk=100')).toEqual(detail.filter((f: any) => f.disk >= 100).map((f: any) => f.id));
    const bad = await call(version, 'GET', '/flavors?is_public=maybe', LIST);
    expect(bad.status).toBe(400);
    expect(bad.body.badRequest.message).toBe('Invalid is_public filter [maybe]');

    const first = (await call(version, 'GET', '/flavors?limit=1', LIST)).body;
    expect(first.flavors.map((f: any) => f.id)).toEqual(publicOnes.slice(0, 1));
    const next = new URL(first.flavors_links[0].href);
    expect(next.pathname).toBe('/v2.1/flavors');
    const second = (await call(version, 'GET', `/flavors${next.search}`, LIST)).body;
    expect(second.flavors.map((f: any) => f.id)).toEqual(publicOnes.slice(1, 2));
    const missing = await call(version, 'GET', '/flavors?marker=nope', LIST);
    expect(missing.body.badRequest.message).toBe('marker [nope] not found');
  });

  it('keeps extra specs, and shows them in the flavor from 2.61', async () => {
    await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'specced', id: 'specced' }));
    const created = await call(version, 'POST', '/flavors/specced/os-extra_specs', SPECS, { extra_specs: { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large' } });
    expect(created.body).toEqual({ extra_specs: { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large' } });
    await call(version, 'PUT', '/flavors/specced/os-extra_specs/hw:mem_page_size', SPEC, { 'hw:mem_page_size': 'small' });
    expect((await call(version, 'GET', '/flavors/specced/os-extra_specs/hw:mem_page_size', SPEC)).body).toEqual({ 'hw:mem_page_size': 'small' });
    expect((await call(version, 'DELETE', '/flavors/specced/os-extra_specs/hw:cpu_policy', SPEC)).status).toBe(200);
    expect((await call(version, 'GET', '/flavors/specced/os-extra_specs', SPECS)).body).toEqual({ extra_specs: { 'hw:mem_page_size': 'small' } });
    const missing = await call(version, 'GET', '/flavors/specced/os-extra_specs/hw:cpu_policy', SPEC);
    expect(missing.body.itemNotFound.message).toBe('Flavor specced has no extra specs with key hw:cpu_policy.');
    const shown = (await call(version, 'GET', '/flavors/specced', ONE)).body.flavor;
    if (minor >= 61) expect(shown.extra_specs).toEqual({ 'hw:mem_page_size': 'small' });
    else expect(shown).not.toHaveProperty('extra_specs');
  });

  it('lists the projects of a private flavor, adds and removes them, with Nova\'s refusals', async () => {
    await call(version, 'POST', '/flavors', LIST, flavorBody(version, { name: 'shared', id: 'shared', 'os-flavor-access:is_public': false }));
    expect((await call(version, 'GET', '/flavors/shared/os-flavor-access', ACCESS)).body).toEqual({ flavor_access: [] });
    const added = await call(version, 'POST', '/flavors/shared/action', ACTION, { addTenantAccess: { tenant: 'proj-a' } });
    expect(added.body).toEqual({ flavor_access: [{ flavor_id: 'shared', tenant_id: 'proj-a' }] });
    const again = await call(version, 'POST', '/flavors/shared/action', ACTION, { addTenantAccess: { tenant: 'proj-a' } });
    expect(again.status).toBe(409);
    expect(again.body.conflictingRequest.message).toBe('Flavor access already exists for flavor shared and project proj-a combination.');
    expect((await call(version, 'POST', '/flavors/shared/action', ACTION, { removeTenantAccess: { tenant: 'proj-a' } })).body).toEqual({ flavor_access: [] });
    const absent = await call(version, 'POST', '/flavors/shared/action', ACTION, { removeTenantAccess: { tenant: 'proj-a' } });
    expect(absent.body.itemNotFound.message).toBe('Flavor access not found for shared / proj-a combination.');
    const publicList = await call(version, 'GET', '/flavors/c2.medium/os-flavor-access', ACCESS);
    expect(publicList.body.itemNotFound.message).toBe('Access list not available for public flavors.');
    const publicAdd = await call(version, 'POST', '/flavors/c2.medium/action', ACTION, { addTenantAccess: { tenant: 'proj-a' } });
    // From 2.7 Nova refuses to share a public flavor.
    if (minor >= 7) expect(publicAdd.body.conflictingRequest.message).toBe('Can not add access to a public flavor.');
    else expect(publicAdd.status).toBe(200);
  });

  it('a new server takes one of the flavors; an unknown flavorRef is Nova\'s 400', async () => {
    const server = (flavorRef: string) => ({ server: { name: 'sized', flavorRef, imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', ...(minor >= 37 ? { networks: 'auto' } : {}) } });
    const refused = await call(version, 'POST', '/servers', '/servers', server('no-such-flavor'));
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toBe('Flavor no-such-flavor could not be found.');
    const made = await call(version, 'POST', '/servers', '/servers', server('r5.xlarge'));
    const shown = (await call(version, 'GET', `/servers/${made.body.server.id}`, '/servers/{server_id}')).body.server;
    expect(shown.flavor.id ?? shown.flavor.original_name).toBe('r5.xlarge');
  });
});
