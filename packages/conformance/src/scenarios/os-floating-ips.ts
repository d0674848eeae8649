/**
 * The scenarios of the floating IP proxy (up to 2.35). The local Nova's Neutron is a stand-in for an
 * empty deployment: no floating IP exists and no external network to allocate one from, so the list
 * is empty and everything else can only show Nova's refusals.
 */
import { NO_NETWORKS, UNKNOWN, type Scenario } from './common.ts';

export const floatingIps: Record<string, Scenario> = {
  'GET /os-floating-ips': { arrange: async () => ({}) },
  'GET /os-floating-ips/{floating_ip_id}': { arrange: async () => ({ path: { floating_ip_id: UNKNOWN } }), expect: { status: [404], why: NO_NETWORKS } },
  'DELETE /os-floating-ips/{floating_ip_id}': { arrange: async () => ({ path: { floating_ip_id: UNKNOWN } }), expect: { status: [404], why: NO_NETWORKS } },
  // A pool Neutron does not have: Nova looks the external network up first and answers 404. (Zed
  // has no request schema here, see zed.ts, so no refused body is sent.)
  'POST /os-floating-ips': {
    arrange: async () => ({ body: { pool: 'novaspec-no-such-pool' } }),
    expect: { status: [404], why: NO_NETWORKS },
  },
};
