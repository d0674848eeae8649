/**
 * The scenarios of server shares (2.97+). This deployment has no Manila and the fake driver reports
 * neither COMPUTE_STORAGE_VIRTIO_FS nor COMPUTE_MEM_BACKING_FILE, so no share can be attached: the
 * list is seen empty, and the rest only with the failure Nova gives before it would call Manila.
 */
import { NO_SHARES, UNKNOWN, onServer, serverIn, type Scenario } from './common.ts';

export const shares: Record<string, Scenario> = {
  'GET /servers/{server_id}/shares': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  // Nova checks the state (SHUTOFF only), then the host's traits (nova/virt/hardware.py
  // check_shares_supported): the fake driver has no virtiofs, so 409 before Manila is asked.
  'POST /servers/{server_id}/shares': {
    arrange: onServer('SHUTOFF', () => ({ share: { share_id: UNKNOWN, tag: 'novaspec' } })),
    expect: { status: [409], why: NO_SHARES },
  },
  'GET /servers/{server_id}/shares/{share_id}': {
    arrange: async (d) => ({ path: { server_id: await d.shared(), share_id: UNKNOWN } }),
    expect: { status: [404], why: NO_SHARES },
  },
  // A detach is only allowed on a SHUTOFF server; there it finds no mapping.
  'DELETE /servers/{server_id}/shares/{share_id}': {
    async arrange(d) {
      const id = await serverIn(d, 'SHUTOFF');
      return { path: { server_id: id, share_id: UNKNOWN } };
    },
    expect: { status: [404], why: NO_SHARES },
  },
};
