// Assisted volume snapshots: the delete needs its delete_info.
import { createComputeClient } from '@novaspec/client';
import type { Api } from '@novaspec/types';
import { MAX_MICROVERSION } from '@novaspec/types/microversions';

const nova = createComputeClient<Api>({ baseUrl: 'http://nova.example:8774/v2.1', token: 't', microversion: MAX_MICROVERSION });

export async function merge(volume: string, snapshot: string): Promise<string | null | undefined> {
  const made = await nova.POST('/os-assisted-volume-snapshots', {
    body: { snapshot: { volume_id: volume, create_info: { snapshot_id: snapshot, type: 'qcow2', new_file: `volume-${volume}.${snapshot}` } } },
  });
  // @ts-expect-error delete_info is required
  await nova.DELETE('/os-assisted-volume-snapshots/{snapshot_id}', { params: { path: { snapshot_id: snapshot } } });
  await nova.DELETE('/os-assisted-volume-snapshots/{snapshot_id}', { params: { path: { snapshot_id: snapshot }, query: { delete_info: JSON.stringify({ volume_id: volume }) } } });
  return made.data?.snapshot.id;
}
