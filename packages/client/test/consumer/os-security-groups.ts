// The security group, rule and bare metal node proxies (issue 13), compiled against the packed
// per-microversion types: each is in the types up to 2.35 and absent from 2.36, while a server's own
// security groups stay (every @ts-expect-error is an assertion).
import { createComputeClient } from '@novaspec/client';
import type { Api as Api235 } from '@novaspec/types/2.35';
import type { Api as Api236 } from '@novaspec/types/2.36';

const baseUrl = 'http://nova.example:8774/v2.1';
const at235 = createComputeClient<Api235>({ baseUrl, token: 'token', microversion: '2.35' });
const at236 = createComputeClient<Api236>({ baseUrl, token: 'token', microversion: '2.36' });

export async function securityGroups(serverId: string, nodeId: string): Promise<unknown[]> {
  const out: unknown[] = [];
  const listed = await at235.GET('/os-security-groups', { params: { query: { limit: 10, all_tenants: '1' } } });
  if (listed.data) {
    const rules = listed.data.security_groups.flatMap((group) => group.rules);
    const cidrs: (string | undefined)[] = rules.map((rule) => rule.ip_range.cidr);
    const from: (number | null)[] = rules.map((rule) => rule.from_port);
    out.push(cidrs, from);
  }
  const created = await at235.POST('/os-security-groups', { body: { security_group: { name: 'web', description: 'HTTPS from anywhere' } } });
  if (created.data) out.push(created.data.security_group.tenant_id);
  // @ts-expect-error a group needs a description
  await at235.POST('/os-security-groups', { body: { security_group: { name: 'web' } } });
  await at235.POST('/os-security-group-rules', { body: { security_group_rule: { parent_group_id: 'a', ip_protocol: 'tcp', from_port: 443, to_port: 443 } } });
  // @ts-expect-error a rule needs its parent group
  await at235.POST('/os-security-group-rules', { body: { security_group_rule: { ip_protocol: 'tcp' } } });
  // @ts-expect-error from 2.36 the security group proxy is gone
  await at236.GET('/os-security-groups', {});
  // @ts-expect-error from 2.36 the rule proxy is gone too
  await at236.POST('/os-security-group-rules', { body: { security_group_rule: { parent_group_id: 'a' } } });
  // A server's own groups stay at every microversion, in the same shape.
  const own = await at236.GET('/servers/{server_id}/os-security-groups', { params: { path: { server_id: serverId } } });
  if (own.data) out.push(own.data.security_groups.map((group) => group.name));

  const node = await at235.GET('/os-baremetal-nodes/{node_id}', { params: { path: { node_id: nodeId } } });
  if (node.data) {
    const server: string | null = node.data.node.instance_uuid;
    const cpus: string | number = node.data.node.cpus;
    out.push(server, cpus);
  }
  const nodes = await at235.GET('/os-baremetal-nodes', {});
  // @ts-expect-error the list's nodes have no instance_uuid
  if (nodes.data) out.push(nodes.data.nodes[0]?.instance_uuid);
  // @ts-expect-error from 2.36 the bare metal proxy is gone
  await at236.GET('/os-baremetal-nodes', {});
  return out;
}
