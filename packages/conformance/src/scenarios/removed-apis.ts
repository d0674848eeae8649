/**
 * The removed APIs (410 at every microversion) and the nova-network proxies of os-networks and
 * os-tenant-networks (issue 13). A removed operation is sent with the body it took when it was live
 * (the spec's example): Nova must answer 410 whatever it is. The proxies ask the stand-in Neutron,
 * which has no network: a list is empty, a show is 404.
 */
import { NO_NETWORKS, UNKNOWN, type Call, type Scenario } from './common.ts';

/**
 * The message of Nova's 410 as it is on the wire: webob's HTTPGone explanation, whose source has two
 * spaces after the first full stop, arrives with one.
 */
export const GONE_MESSAGE = 'This resource is no longer available. No forwarding address is given.';

/** The 410 must carry webob's exact message: anything else means another handler answered. */
const goneMessage: Scenario['settle'] = async (_d, status, answer) => {
  const message = answer?.computeFault?.message;
  if (status === 410 && message !== GONE_MESSAGE) throw new Error(`the 410 says ${JSON.stringify(message)}, not ${JSON.stringify(GONE_MESSAGE)}`);
};

/** A removed operation: these path values and this body (as it was when the API was live). */
const gone = (path: Record<string, string> = {}, body?: unknown): Scenario => ({
  arrange: async () => ({ path, ...(body !== undefined ? { body } : {}) } as Call),
  settle: goneMessage,
});

const NET = { network_id: UNKNOWN };

export const removedApis: Record<string, Scenario> = {
  // --- os-agents (removed in 23.0.0, Wallaby)
  'GET /os-agents': gone(),
  'POST /os-agents': gone({}, { agent: { hypervisor: 'xen', os: 'linux', architecture: 'x86_64', version: '2.1.7', url: 'http://mirror.example.org/a.tgz', md5hash: '5f3b2a5e0c1d4e8f9a7b6c5d4e3f2a1b' } }),
  'PUT /os-agents/{agent_build_id}': gone({ agent_build_id: '1' }, { para: { version: '2.1.8', url: 'http://mirror.example.org/b.tgz', md5hash: '0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d' } }),
  'DELETE /os-agents/{agent_build_id}': gone({ agent_build_id: '1' }),
  // --- os-cells (removed in 20.0.0, Train)
  'GET /os-cells': gone(),
  'POST /os-cells': gone({}, { cell: { name: 'cell-east', type: 'child' } }),
  'GET /os-cells/capacities': gone(),
  'GET /os-cells/detail': gone(),
  'GET /os-cells/info': gone(),
  'POST /os-cells/sync_instances': gone({}, { deleted: false }),
  'GET /os-cells/{cell_id}': gone({ cell_id: 'cell-east' }),
  'PUT /os-cells/{cell_id}': gone({ cell_id: 'cell-east' }, { cell: { type: 'parent' } }),
  'DELETE /os-cells/{cell_id}': gone({ cell_id: 'cell-east' }),
  'GET /os-cells/{cell_id}/capacities': gone({ cell_id: 'cell-east' }),
  // --- os-certificates (removed in 16.0.0, Pike)
  'POST /os-certificates': gone(),
  'GET /os-certificates/root': gone(),
  // --- os-cloudpipe (removed in 16.0.0, Pike)
  'GET /os-cloudpipe': gone(),
  'POST /os-cloudpipe': gone({}, { cloudpipe: {} }),
  'PUT /os-cloudpipe/configure-project': gone({}, { configure_project: { vpn_ip: '203.0.113.24', vpn_port: 1194 } }),
  // --- os-fixed-ips (removed in 18.0.0, Rocky)
  'GET /os-fixed-ips/{fixed_ip}': gone({ fixed_ip: '192.168.10.14' }),
  'POST /os-fixed-ips/{fixed_ip}/action#reserve': gone({ fixed_ip: '192.168.10.14' }, { reserve: null }),
  'POST /os-fixed-ips/{fixed_ip}/action#unreserve': gone({ fixed_ip: '192.168.10.14' }, { unreserve: null }),
  // --- os-floating-ip-dns (removed in 18.0.0, Rocky)
  'GET /os-floating-ip-dns': gone(),
  'PUT /os-floating-ip-dns/{domain}': gone({ domain: 'cloud.example.org' }, { domain_entry: { scope: 'private', availability_zone: 'nova' } }),
  'DELETE /os-floating-ip-dns/{domain}': gone({ domain: 'cloud.example.org' }),
  'GET /os-floating-ip-dns/{domain}/entries/{name}': gone({ domain: 'cloud.example.org', name: '203.0.113.57' }),
  'PUT /os-floating-ip-dns/{domain}/entries/{name}': gone({ domain: 'cloud.example.org', name: 'web01' }, { dns_entry: { ip: '203.0.113.57', dns_type: 'a' } }),
  'DELETE /os-floating-ip-dns/{domain}/entries/{name}': gone({ domain: 'cloud.example.org', name: 'web01' }),
  // --- os-floating-ips-bulk (removed in 18.0.0, Rocky)
  'GET /os-floating-ips-bulk': gone(),
  'POST /os-floating-ips-bulk': gone({}, { floating_ips_bulk_create: { ip_range: '203.0.113.64/28' } }),
  'PUT /os-floating-ips-bulk/delete': gone({}, { ip_range: '203.0.113.64/28' }),
  'GET /os-floating-ips-bulk/{host_name}': gone({ host_name: 'compute1' }),
  // --- os-fping (removed in 18.0.0, Rocky)
  'GET /os-fping': gone(),
  'GET /os-fping/{instance_id}': { arrange: async (d) => ({ path: { instance_id: await d.shared() } }), settle: goneMessage },
  // --- os-security-group-default-rules (removed in 21.0.0, Ussuri)
  'GET /os-security-group-default-rules': gone(),
  'POST /os-security-group-default-rules': gone({}, { security_group_default_rule: { ip_protocol: 'icmp', from_port: -1, to_port: -1 } }),
  'GET /os-security-group-default-rules/{security_group_default_rule_id}': gone({ security_group_default_rule_id: '1' }),
  'DELETE /os-security-group-default-rules/{security_group_default_rule_id}': gone({ security_group_default_rule_id: '1' }),
  // --- os-networks: list and show proxy to Neutron up to 2.35; the rest removed in 21.0.0 (Ussuri)
  'GET /os-networks': { arrange: async () => ({}) },
  'GET /os-networks/{network_id}': { arrange: async () => ({ path: NET }), expect: { status: [404], why: NO_NETWORKS } },
  'POST /os-networks': gone({}, { network: { label: 'tenant-a', cidr: '10.20.0.0/24' } }),
  'POST /os-networks/add': gone({}, { id: null }),
  'DELETE /os-networks/{network_id}': gone(NET),
  'POST /os-networks/{network_id}/action#disassociate': gone(NET, { disassociate: null }),
  'POST /os-networks/{network_id}/action#associate_host': gone(NET, { associate_host: 'compute1' }),
  'POST /os-networks/{network_id}/action#disassociate_host': gone(NET, { disassociate_host: null }),
  'POST /os-networks/{network_id}/action#disassociate_project': gone(NET, { disassociate_project: null }),
  // --- os-tenant-networks: list and show proxy to Neutron up to 2.35; create and delete removed in 21.0.0
  'GET /os-tenant-networks': { arrange: async () => ({}) },
  'GET /os-tenant-networks/{network_id}': { arrange: async () => ({ path: NET }), expect: { status: [404], why: NO_NETWORKS } },
  'POST /os-tenant-networks': gone({}, { network: { label: 'tenant-a', cidr_v6: 'fd00:20::/64' } }),
  'DELETE /os-tenant-networks/{network_id}': gone(NET),
};
