// The proxy APIs (issue 13), compiled against the packed per-microversion types: each proxy is in the
// types up to its last microversion and absent after (every @ts-expect-error is an assertion).
import { createComputeClient } from '@novaspec/client';
import type { Api as Api235 } from '@novaspec/types/2.35';
import type { Api as Api236 } from '@novaspec/types/2.36';
import type { Api as Api238 } from '@novaspec/types/2.38';
import type { Api as Api239 } from '@novaspec/types/2.39';
import type { Api as Api2102 } from '@novaspec/types/2.102';
import type { Api as Api2103 } from '@novaspec/types/2.103';

const baseUrl = 'http://nova.example:8774/v2.1';
const at235 = createComputeClient<Api235>({ baseUrl, token: 'token', microversion: '2.35' });
const at236 = createComputeClient<Api236>({ baseUrl, token: 'token', microversion: '2.36' });
const at238 = createComputeClient<Api238>({ baseUrl, token: 'token', microversion: '2.38' });
const at239 = createComputeClient<Api239>({ baseUrl, token: 'token', microversion: '2.39' });

export async function proxies(imageId: string, volumeId: string): Promise<unknown[]> {
  const out: unknown[] = [];

  const image = await at235.GET('/images/{image_id}', { params: { path: { image_id: imageId } } });
  if (image.data) {
    const minDisk: number = image.data.image.minDisk;
    const size: number | null = image.data.image['OS-EXT-IMG-SIZE:size'];
    const status: 'ACTIVE' | 'SAVING' | 'DELETED' | 'ERROR' | 'UNKNOWN' = image.data.image.status;
    out.push(minDisk, size, status);
  }
  // @ts-expect-error from 2.36 the images proxy is gone
  await at236.GET('/images/{image_id}', { params: { path: { image_id: imageId } } });

  const metadata = await at238.GET('/images/{image_id}/metadata', { params: { path: { image_id: imageId } } });
  if (metadata.data) out.push(metadata.data.metadata['os_distro']);
  await at238.PUT('/images/{image_id}/metadata/{key}', { params: { path: { image_id: imageId, key: 'os_distro' } }, body: { meta: { os_distro: 'debian' } } });
  // @ts-expect-error from 2.39 the image metadata proxy is gone too
  await at239.GET('/images/{image_id}/metadata', { params: { path: { image_id: imageId } } });

  const volume = await at235.GET('/os-volumes/{volume_id}', { params: { path: { volume_id: volumeId } } });
  if (volume.data) {
    const name: string | null = volume.data.volume.displayName;
    out.push(name, volume.data.volume.attachments);
  }
  await at235.POST('/os-volumes', { body: { volume: { size: 1, display_name: 'scratch' } } });
  // @ts-expect-error a volume needs a size
  await at235.POST('/os-volumes', { body: { volume: { display_name: 'scratch' } } });
  // @ts-expect-error from 2.36 the volumes proxy is gone
  await at236.GET('/os-volumes/{volume_id}', { params: { path: { volume_id: volumeId } } });

  const snapshots = await at235.GET('/os-snapshots/detail', {});
  if (snapshots.data) out.push(snapshots.data.snapshots.map((s) => s.volumeId));
  // @ts-expect-error from 2.36 the snapshots proxy is gone
  await at236.GET('/os-snapshots/detail', {});
  return out;
}


const at2102 = createComputeClient<Api2102>({ baseUrl, token: 'token', microversion: '2.102' });
const at2103 = createComputeClient<Api2103>({ baseUrl, token: 'token', microversion: '2.103' });

/** os-volumes_boot answers with the servers' own types up to 2.102 and is gone at 2.103. */
export async function volumesBoot(serverId: string): Promise<unknown[]> {
  const out: unknown[] = [];
  const shown = await at2102.GET('/os-volumes_boot/{server_id}', { params: { path: { server_id: serverId } } });
  if (shown.data) {
    // The alias answers with the servers' own show schema: a full server, or a down cell's partial one.
    const server = shown.data.server;
    if ('pinned_availability_zone' in server) out.push(server.pinned_availability_zone);
  }
  // @ts-expect-error from 2.103 the alias is gone
  await at2103.GET('/os-volumes_boot/{server_id}', { params: { path: { server_id: serverId } } });
  return out;
}
