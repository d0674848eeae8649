/**
 * The scenarios of the bare metal node proxy (up to 2.35). The local Nova's Ironic is a stand-in for
 * an empty deployment (nova/standin.ts): the list is empty and no node can be shown. Enrolling,
 * deleting and the two interface actions were never proxied: Nova answers them with 400 whatever is
 * sent, which is the only answer they have.
 */
import { refusedToMember, UNKNOWN, type Scenario } from './common.ts';

const NO_NODES = 'this deployment\'s Ironic is a stand-in with no node';
const NOT_PROXIED = 'Nova never proxied this command to Ironic: it always answers 400 Command not supported';

export const baremetalNodes: Record<string, Scenario> = {
  'GET /os-baremetal-nodes': {
    arrange: async (d, v) => {
      await refusedToMember(d, 'GET', '/os-baremetal-nodes', v);
      return {};
    },
  },
  'GET /os-baremetal-nodes/{node_id}': {
    arrange: async (d, v) => {
      await refusedToMember(d, 'GET', `/os-baremetal-nodes/${UNKNOWN}`, v);
      return { path: { node_id: UNKNOWN } };
    },
    expect: { status: [404], why: NO_NODES },
  },
  'POST /os-baremetal-nodes': {
    arrange: async () => ({ body: { node: { service_host: 'compute1', cpus: 4, memory_mb: 4096, local_gb: 40 } } }),
    expect: { status: [400], why: NOT_PROXIED },
  },
  'DELETE /os-baremetal-nodes/{node_id}': { arrange: async () => ({ path: { node_id: UNKNOWN } }), expect: { status: [400], why: NOT_PROXIED } },
  'POST /os-baremetal-nodes/{node_id}/action#add_interface': {
    arrange: async () => ({ path: { node_id: UNKNOWN }, body: { add_interface: { address: '52:54:00:12:34:58' } } }),
    expect: { status: [400], why: NOT_PROXIED },
  },
  'POST /os-baremetal-nodes/{node_id}/action#remove_interface': {
    arrange: async () => ({ path: { node_id: UNKNOWN }, body: { remove_interface: { address: '52:54:00:12:34:58' } } }),
    expect: { status: [400], why: NOT_PROXIED },
  },
};
