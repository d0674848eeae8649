/**
 * The scenarios of server shares (2.97+). The fake driver supports virtiofs and file-backed memory
 * (nova/virt/fake.py lines 126-127), so Nova's own checks pass; but this deployment has no Manila,
 * and Nova asks Manila for the share before it attaches it. Without Manila configured, that call
 * fails inside Nova with a 500 (keystoneauth's MissingRequiredOptions from nova/share/manila.py
 * line 41, through utils.get_sdk_adapter), which the spec rightly does not declare. So the attach
 * is sent to an ACTIVE server, which Nova refuses (409) before it asks Manila; the list is seen
 * empty, and show and detach only as 404.
 */
import { NO_SHARES, UNKNOWN, serverIn, type Scenario } from './common.ts';

export const shares: Record<string, Scenario> = {
  'GET /servers/{server_id}/shares': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  // Nova checks the server's state first: a share is attached only to a SHUTOFF server.
  'POST /servers/{server_id}/shares': {
    arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { share: { share_id: UNKNOWN, tag: 'novaspec' } } }),
    expect: { status: [409], why: `${NO_SHARES}; sent to an ACTIVE server, which Nova refuses before it asks Manila` },
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
