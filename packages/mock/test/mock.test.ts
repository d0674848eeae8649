/**
 * The mock over HTTP, as a team's contract tests would use it: Nova's URL forms, microversion
 * negotiation and headers, token check, fault bodies, request ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}${path}`, { headers: { 'X-Auth-Token': 'token', ...headers } });

describe('the mock compute API', () => {
  it('listens on loopback on a free port', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 2.1 without a microversion header, and says so', async () => {
    const response = await get(`/v2.1/servers/${SERVER}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('openstack-api-version')).toBe('compute 2.1');
    expect(response.headers.get('x-openstack-nova-api-version')).toBe('2.1');
    expect(response.headers.get('vary')).toBe('OpenStack-API-Version, X-OpenStack-Nova-API-Version');
  });

  it('sends one request id under both names, new for every request', async () => {
    const first = await get(`/v2.1/servers/${SERVER}`);
    const second = await get(`/v2.1/servers/${SERVER}`);
    const id = first.headers.get('x-openstack-request-id');
    expect(id).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(first.headers.get('x-compute-request-id')).toBe(id);
    expect(second.headers.get('x-openstack-request-id')).not.toBe(id);
  });

  it('serves the legacy URL form with a project id', async () => {
    const response = await get(`/v2.1/6f70656e737461636b20726f636b7321/servers/${SERVER}`, { 'OpenStack-API-Version': 'compute 2.47' });
    expect(response.status).toBe(200);
    expect(response.headers.get('openstack-api-version')).toBe('compute 2.47');
  });

  it('refuses a microversion it does not serve with 406 and a computeFault', async () => {
    const response = await get(`/v2.1/servers/${SERVER}`, { 'OpenStack-API-Version': 'compute 2.999' });
    expect(response.status).toBe(406);
    expect(await response.json()).toEqual({
      computeFault: { code: 406, message: 'Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.' },
    });
  });

  it('refuses a malformed microversion with 400 and a badRequest', async () => {
    const response = await get(`/v2.1/servers/${SERVER}`, { 'X-OpenStack-Nova-API-Version': 'banana' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });

  it('asks for a token like the Keystone middleware does', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers/${SERVER}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Keystone uri=/);
    expect(await response.json()).toMatchObject({ error: { code: 401, title: 'Unauthorized' } });
  });

  it('answers 404 itemNotFound for a path the API does not have', async () => {
    const response = await get('/v2.1/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
  });

  it('answers 415 badMediaType for a body that is not JSON', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/xml' }, body: '<server/>',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ badMediaType: { code: 415 } });
  });

  it('reads a text/plain body as JSON, as Nova does (400 when it is not JSON)', async () => {
    const send = (body: string) => fetch(`${mock.url}/v2.1/servers/${SERVER}/metadata`, {
      method: 'PUT', headers: { 'X-Auth-Token': 't', 'Content-Type': 'text/plain' }, body,
    });
    expect((await send('{"metadata": {"a": "1"}}')).status).toBe(200);
    const refused = await send('hello');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ badRequest: { message: 'Malformed request body' } });
  });

  it('answers 404 for a URL with a trailing slash, as Nova\'s routes do', async () => {
    expect((await get('/v2.1/servers/')).status).toBe(404);
    expect((await get('/v2.1/servers/detail/')).status).toBe(404);
  });

  it('refuses a metadata item whose body names another key (Request body and URI mismatch)', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers/${SERVER}/metadata/a`, {
      method: 'PUT', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json' }, body: JSON.stringify({ meta: { b: '1' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { message: 'Request body and URI mismatch' } });
  });

  it('filters servers by status as Nova does: no known status is an empty list up to 2.37, 400 from 2.38', async () => {
    const at = (version: string, query: string) => get(`/v2.1/servers/detail?${query}`, { 'OpenStack-API-Version': `compute ${version}` });
    const before = await at('2.37', 'status=FOO');
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ servers: [] });
    expect((await at('2.38', 'status=FOO')).status).toBe(400);
    expect((await at('2.38', 'status=active')).status).toBe(200);
  });

  it('reads all_tenants as Nova does: a word oslo does not know as a boolean is 400, an empty one means yes', async () => {
    const at = (query: string) => get(`/v2.1/servers/detail?${query}`);
    const refused = await at('all_tenants=perhaps');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).badRequest.message)
      .toBe("Invalid input received: Unrecognized value 'perhaps', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    for (const query of ['all_tenants=', 'all_tenants=True', 'all_tenants=%20off']) expect((await at(query)).status, query).toBe(200);
  });

  it('answers 400 badRequest for malformed JSON', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json' }, body: '{"server": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ badRequest: { code: 400, message: 'Malformed request body' } });
  });

  it('answers 413 overLimit for a body over Nova\'s size limit', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json' },
      body: JSON.stringify({ server: { name: 'x'.repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-openstack-request-id')).toMatch(/^req-/);
    expect(await response.json()).toMatchObject({ overLimit: { code: 413 } });
  });

  it('serves the version documents without a token, reporting its range', async () => {
    const root = await fetch(`${mock.url}/`);
    expect(root.status).toBe(200);
    const versions = (await root.json()) as { versions: { id: string; version: string; min_version: string }[] };
    expect(versions.versions.find((v) => v.id === 'v2.1')).toMatchObject({ version: '2.104', min_version: '2.1' });
    const v21 = await fetch(`${mock.url}/v2.1/`);
    expect(v21.status).toBe(200);
    expect(((await v21.json()) as { version: { version: string } }).version.version).toBe('2.104');
  });

  it('reports a lower configured maximum in its version document and enforces it', async () => {
    const older = await startMockServer({ port: 0, maxMicroversion: '2.60' });
    try {
      const root = (await (await fetch(`${older.url}/`)).json()) as { versions: { id: string; version: string }[] };
      expect(root.versions.find((v) => v.id === 'v2.1')?.version).toBe('2.60');
      const refused = await fetch(`${older.endpoint}/servers/${SERVER}`, { headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': 'compute 2.61' } });
      expect(refused.status).toBe(406);
    } finally {
      await older.close();
    }
  });

  it('answers 404 for an operation outside its microversion range (tags are new in 2.26)', async () => {
    const before = await get(`/v2.1/servers/${SERVER}/tags`, { 'OpenStack-API-Version': 'compute 2.25' });
    expect(before.status).toBe(404);
    expect(await before.json()).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
    const from = await get(`/v2.1/servers/${SERVER}/tags`, { 'OpenStack-API-Version': 'compute 2.26' });
    expect(from.status).toBe(200);
  });

  it('answers 404 for a method no route has, as Nova\'s router does (never 405)', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers`, { method: 'PATCH', headers: { 'X-Auth-Token': 't' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ itemNotFound: { code: 404 } });
  });

  it('routes method and path together: PUT /servers/detail is the update of a server named detail', async () => {
    const response = await fetch(`${mock.url}/v2.1/servers/detail`, { method: 'PUT', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(400);
  });

  it('reads the compute entry of a list of services, and serves 2.1 for another service alone', async () => {
    expect((await get('/v2.1/servers/detail', { 'OpenStack-API-Version': 'volume 3.0' })).headers.get('openstack-api-version')).toBe('compute 2.1');
    expect((await get('/v2.1/servers/detail', { 'OpenStack-API-Version': 'compute 2.5, volume 3.0' })).headers.get('openstack-api-version')).toBe('compute 2.5');
    expect((await get('/v2.1/servers//detail')).status).toBe(200);
  });

  it('refuses an unknown action key, and an action outside its range, as Nova does', async () => {
    const post = (body: unknown, version = '2.47') => fetch(`${mock.endpoint}/servers/${SERVER}/action`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json', 'OpenStack-API-Version': `compute ${version}` }, body: JSON.stringify(body),
    });
    const unknown = await post({ teleport: {} });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ badRequest: { code: 400, message: 'There is no such action: teleport' } });
    const two = await post({ reboot: { type: 'SOFT' }, pause: null });
    expect(two.status).toBe(400);
    expect(await two.json()).toEqual({ badRequest: { code: 400, message: 'Malformed request body' } });
    const ended = await post({ 'os-getVNCConsole': { type: 'novnc' } });
    expect(ended.status).toBe(404);
    const started = await post({ 'os-getVNCConsole': { type: 'novnc' } }, '2.5');
    expect(started.status).toBe(200);
    expect(await started.json()).toMatchObject({ console: { type: 'novnc' } });
  });

  it('answers each action with its own status code and body', async () => {
    const post = (body: unknown, version: string) => fetch(`${mock.endpoint}/servers/${SERVER}/action`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json', 'OpenStack-API-Version': `compute ${version}` }, body: JSON.stringify(body),
    });
    const reboot = await post({ reboot: { type: 'HARD' } }, '2.104');
    expect(reboot.status).toBe(202);
    expect(await reboot.text()).toBe('');
    const confirm = await post({ confirmResize: null }, '2.104');
    expect(confirm.status).toBe(204);
    const image = await post({ createImage: { name: 'snap' } }, '2.45');
    expect(image.status).toBe(202);
    expect(await image.json()).toEqual({ image_id: expect.any(String) });
    const gone = await post({ resetNetwork: null }, '2.104');
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ computeFault: { code: 410 } });
  });

  it('explains a validation failure the way Nova words it', async () => {
    const response = await fetch(`${mock.endpoint}/servers`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json', 'OpenStack-API-Version': 'compute 2.47' },
      body: JSON.stringify({ server: { name: 42, imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', flavorRef: '1', networks: 'auto' } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ badRequest: { code: 400, message: "Invalid input for field/attribute name. Value: 42. 42 is not of type 'string'" } });
  });

  it('refuses a field that does not exist yet at the microversion (tags at create before 2.52)', async () => {
    const create = (version: string) => fetch(`${mock.endpoint}/servers`, {
      method: 'POST', headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json', 'OpenStack-API-Version': `compute ${version}` },
      body: JSON.stringify({ server: { name: 'a', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', flavorRef: '1', networks: 'auto', tags: ['x'] } }),
    });
    const early = await create('2.51');
    expect(early.status).toBe(400);
    expect(((await early.json()) as { badRequest: { message: string } }).badRequest.message).toContain("Additional properties are not allowed ('tags' was unexpected)");
    expect((await create('2.52')).status).toBe(202);
  });

  it('keeps Prism\'s response selection: Prefer code and example', async () => {
    const notFound = await get(`/v2.1/servers/${SERVER}`, { Prefer: 'code=404' });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ itemNotFound: { code: 404 } });
    const dynamic = await get(`/v2.1/servers/${SERVER}`, { Prefer: 'dynamic=true', 'OpenStack-API-Version': 'compute 2.47' });
    expect(dynamic.status).toBe(200);
    const body = (await dynamic.json()) as { server: { flavor: Record<string, unknown> } };
    expect(body.server.flavor).toHaveProperty('vcpus');
  });
});
