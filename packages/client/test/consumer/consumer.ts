// A team's code, compiled against the packed @novaspec/client and @novaspec/types entry points.
// Every @ts-expect-error below is an assertion: tsc fails if the line is NOT an error.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api244 } from '@novaspec/types/2.44';
import type { Api as Api245 } from '@novaspec/types/2.45';
import type { Api as Api246 } from '@novaspec/types/2.46';
import type { Api as Api247 } from '@novaspec/types/2.47';
import type { Api as ApiLatest } from '@novaspec/types';
import { MAX_MICROVERSION } from '@novaspec/types/microversions';

const baseUrl = 'http://nova.example:8774/v2.1';
const pinned246 = createComputeClient<Api246>({ baseUrl, token: 'token', microversion: '2.46' });
const pinned247 = createComputeClient<Api247>({ baseUrl, token: 'token', microversion: '2.47' });
const newest = createComputeClient<ApiLatest>({ baseUrl, token: 'token', microversion: MAX_MICROVERSION });

// @ts-expect-error a client typed for 2.47 cannot send 2.46
createComputeClient<Api247>({ baseUrl, token: 'token', microversion: '2.46' });

export async function flavorOfServer(serverId: string): Promise<string[]> {
  const out: string[] = [];

  const old = await pinned246.GET('/servers/{server_id}', { params: { path: { server_id: serverId } } });
  if (old.data) {
    const id: string = old.data.server.flavor.id;
    out.push(id);
    // @ts-expect-error up to 2.46 a server's flavor is a reference: no vcpus
    out.push(String(old.data.server.flavor.vcpus));
  }

  const embedded = await pinned247.GET('/servers/{server_id}', { params: { path: { server_id: serverId } } });
  if (embedded.data) {
    const vcpus: number = embedded.data.server.flavor.vcpus;
    out.push(String(vcpus));
    // @ts-expect-error from 2.47 the embedded flavor has no id
    out.push(embedded.data.server.flavor.id);
  }

  // @ts-expect-error a path the API does not have
  await newest.GET('/servers/{server_id}/no-such-thing', { params: { path: { server_id: serverId } } });
  return out;
}

export async function renameServer(serverId: string): Promise<void> {
  await pinned247.PUT('/servers/{server_id}', {
    params: { path: { server_id: serverId } },
    body: { server: { name: 'renamed' } },
  });
  await pinned246.PUT('/servers/{server_id}', {
    params: { path: { server_id: serverId } },
    // @ts-expect-error a server's name is a string
    body: { server: { name: 42 } },
  });
}

// Server actions: the answer type is the action's own at the pinned microversion (ADR 0005).
const pinned244 = createComputeClient<Api244>({ baseUrl, token: 'token', microversion: '2.44' });
const pinned245 = createComputeClient<Api245>({ baseUrl, token: 'token', microversion: '2.45' });

export async function snapshot(serverId: string): Promise<string | null> {
  const after = await pinned245.action(serverId, 'createImage', { createImage: { name: 'nightly' } });
  const imageId: string | undefined = after.data?.image_id;

  const before = await pinned244.action(serverId, 'createImage', { createImage: { name: 'nightly' } });
  // @ts-expect-error before 2.45 createImage answers with no body; the image is in the Location header
  void before.data?.image_id;
  const location: string | null = before.response.headers.get('location');

  // @ts-expect-error a reboot is SOFT or HARD
  await pinned247.action(serverId, 'reboot', { reboot: { type: 'GENTLE' } });
  // @ts-expect-error the body of one action cannot be sent as another
  await pinned247.action(serverId, 'reboot', { pause: null });
  // @ts-expect-error the VNC console action ended at 2.5
  await pinned247.action(serverId, 'os-getVNCConsole', { 'os-getVNCConsole': { type: 'novnc' } });
  await pinned247.action(serverId, 'reboot', { reboot: { type: 'HARD' } });
  return imageId ?? location;
}
