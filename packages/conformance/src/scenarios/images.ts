/**
 * The scenarios of the images proxy (up to 2.35) and the image metadata proxy (up to 2.38). The local
 * Nova has a real Glance with one public image (`novaspec-raw`, active, 1 KiB); scenarios that change
 * or delete an image make a throwaway one in Glance first and remove it afterwards, so the shared
 * image stays as it is.
 */
import type { Deployment } from '../deployment.ts';
import type { Scenario } from './common.ts';

/**
 * A throwaway image with two custom properties and no data (Glance keeps it `queued`, which Nova
 * shows as SAVING with a null size), deleted from Glance after the scenario unless it is gone.
 */
async function throwaway(d: Deployment): Promise<string> {
  const image = await d.glance('POST', '/v2/images', {
    name: `novaspec-proxy-${Date.now()}`, disk_format: 'raw', container_format: 'bare', os_distro: 'debian', hw_disk_bus: 'virtio',
  });
  d.onCleanup(async () => {
    await d.glance('DELETE', `/v2/images/${image.id}`).catch(() => undefined);
  });
  return image.id as string;
}

/** Filters a user would send; the first page of one image has a next link. */
const listing: Scenario = {
  arrange: async () => ({
    query: { status: 'ACTIVE', name: 'novaspec-raw' },
    more: [{ query: { limit: 1 } }, { query: { minDisk: '0', minRam: '0', 'changes-since': '2020-01-01T00:00:00Z' } }],
  }),
};

export const images: Record<string, Scenario> = {
  'GET /images': listing,
  'GET /images/detail': listing,
  'GET /images/{image_id}': {
    // The shared image (active, with a size), then a queued one without data: size null, status SAVING.
    arrange: async (d) => ({ path: { image_id: d.imageId }, more: [{ path: { image_id: await throwaway(d) } }] }),
  },
  'DELETE /images/{image_id}': { arrange: async (d) => ({ path: { image_id: await throwaway(d) } }) },

  'GET /images/{image_id}/metadata': { arrange: async (d) => ({ path: { image_id: await throwaway(d) }, more: [{ path: { image_id: d.imageId } }] }) },
  'POST /images/{image_id}/metadata': {
    arrange: async (d) => ({ path: { image_id: await throwaway(d) }, body: { metadata: { hw_disk_bus: 'scsi', hw_scsi_model: 'virtio-scsi' } } }),
  },
  'PUT /images/{image_id}/metadata': {
    async arrange(d) {
      const path = { image_id: await throwaway(d) };
      return { path, body: { metadata: { os_distro: 'debian', os_version: '13' } }, more: [{ path, body: { metadata: {} } }] };
    },
  },
  'GET /images/{image_id}/metadata/{key}': { arrange: async (d) => ({ path: { image_id: await throwaway(d), key: 'os_distro' } }) },
  'PUT /images/{image_id}/metadata/{key}': {
    arrange: async (d) => ({ path: { image_id: await throwaway(d), key: 'os_version' }, body: { meta: { os_version: '12' } } }),
  },
  'DELETE /images/{image_id}/metadata/{key}': { arrange: async (d) => ({ path: { image_id: await throwaway(d), key: 'hw_disk_bus' } }) },
};
