/**
 * Contract test: the client against the mock over HTTP, typed at the microversion it pins. The
 * answers come from the spec's exact view of that microversion, so the shapes asserted here are the
 * ones the types promise.
 */
import { describe, expect, it } from 'vitest';
import { useMock } from './support/mock.ts';
import type { Api as Api244 } from '@novaspec/types/2.44';
import type { Api as Api245 } from '@novaspec/types/2.45';
import type { Api as Api246 } from '@novaspec/types/2.46';
import type { Api as Api247 } from '@novaspec/types/2.47';
import type { Api as ApiLatest } from '@novaspec/types';
import { MAX_MICROVERSION } from '@novaspec/types/microversions';
import { createComputeClient } from '../src/index.ts';

const mockServer = useMock();

const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';
const path = { params: { path: { server_id: SERVER } } };

describe('the client against the mock', () => {
  it('at 2.46 a server\'s flavor is a reference; at 2.47 it is embedded', async () => {
    const at246 = createComputeClient<Api246>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.46' });
    const old = await at246.GET('/servers/{server_id}', path);
    expect(old.response.status).toBe(200);
    expect(old.response.headers.get('openstack-api-version')).toBe('compute 2.46');
    expect(old.data!.server.flavor.id).toEqual(expect.any(String));
    expect(old.data!.server.flavor).not.toHaveProperty('vcpus');

    const at247 = createComputeClient<Api247>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.47' });
    const embedded = await at247.GET('/servers/{server_id}', path);
    expect(embedded.data!.server.flavor.vcpus).toEqual(expect.any(Number));
    expect(embedded.data!.server.flavor).not.toHaveProperty('id');
  });

  it('lists, creates, updates and deletes at the newest microversion', async () => {
    const nova = createComputeClient<ApiLatest>({ baseUrl: mockServer().endpoint, token: 't', microversion: MAX_MICROVERSION });
    const list = await nova.GET('/servers', { params: { query: { limit: 2 } } });
    expect(list.response.status).toBe(200);
    expect(list.data!.servers.length).toBeGreaterThan(0);

    const created = await nova.POST('/servers', {
      body: { server: { name: 'web-1', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', flavorRef: '1', networks: 'auto' } },
    });
    expect(created.response.status).toBe(202);
    expect(created.response.headers.get('location')).toMatch(/\/servers\//);

    const updated = await nova.PUT('/servers/{server_id}', { ...path, body: { server: { name: 'web-2' } } });
    expect(updated.response.status).toBe(200);
    const deleted = await nova.DELETE('/servers/{server_id}', path);
    expect(deleted.response.status).toBe(204);
  });

  it('answers a body the spec refuses with Nova\'s 400, naming the field', async () => {
    const nova = createComputeClient<ApiLatest>({ baseUrl: mockServer().endpoint, token: 't', microversion: MAX_MICROVERSION });
    const refused = await nova.POST('/servers', {
      // @ts-expect-error flavorRef is missing: the types refuse it too
      body: { server: { name: 'web-1', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', networks: 'auto' } },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toEqual({ badRequest: { code: 400, message: expect.stringContaining("'flavorRef' is a required property") } });
  });

  it('runs an action and types its own answer: createImage at 2.44 and 2.45', async () => {
    const at244 = createComputeClient<Api244>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.44' });
    const before = await at244.action(SERVER, 'createImage', { createImage: { name: 'snap-1' } });
    expect(before.response.status).toBe(202);
    expect(before.response.headers.get('location')).toEqual(expect.any(String));

    const at245 = createComputeClient<Api245>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.45' });
    const after = await at245.action(SERVER, 'createImage', { createImage: { name: 'snap-1' } });
    expect(after.response.status).toBe(202);
    const imageId: string = after.data!.image_id;
    expect(imageId).toEqual(expect.any(String));
  });

  it('reboots, and an action that does not exist at the microversion is refused', async () => {
    const nova = createComputeClient<Api247>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.47' });
    const rebooted = await nova.action(SERVER, 'reboot', { reboot: { type: 'SOFT' } });
    expect(rebooted.response.status).toBe(202);
    // @ts-expect-error the VNC console action ended at 2.5
    const gone = await nova.action(SERVER, 'os-getVNCConsole', { 'os-getVNCConsole': { type: 'novnc' } });
    expect(gone.response.status).toBe(404);
  });
});
