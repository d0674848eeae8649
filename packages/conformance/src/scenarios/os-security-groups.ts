/**
 * The scenarios of the security group proxy (up to 2.35). The local Nova's Neutron is a stand-in that
 * keeps the security groups and rules it is asked to create (nova/standin.ts), so every operation
 * here runs for real: each case makes its own group through Nova first, at 2.1.
 */
import type { Deployment } from '../deployment.ts';
import type { Scenario } from './common.ts';

let made = 0;
/** A new security group with one HTTPS rule, made through Nova's proxy; its id and the rule's. */
export async function securityGroup(d: Deployment, rule = true): Promise<{ id: string; rule?: string }> {
  made += 1;
  const created = await d.nova('POST', '/os-security-groups', { security_group: { name: `novaspec-sg-${made}`, description: 'made by the conformance suite' } }, { version: '2.1' });
  const id = created.security_group.id as string;
  if (!rule) return { id };
  const added = await d.nova('POST', '/os-security-group-rules', {
    security_group_rule: { parent_group_id: id, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr: '0.0.0.0/0' },
  }, { version: '2.1' });
  return { id, rule: added.security_group_rule.id as string };
}

export const securityGroups: Record<string, Scenario> = {
  // A group with a rule first, so the list shows one in full; then a page of one from the second.
  'GET /os-security-groups': {
    arrange: async (d) => {
      await securityGroup(d);
      return { more: [{ query: { limit: '1', offset: '1' } }] };
    },
  },
  'POST /os-security-groups': {
    arrange: async () => {
      made += 1;
      return {
        body: { security_group: { name: `novaspec-sg-${made}`, description: 'HTTPS from anywhere' } },
        refused: [{ body: { security_group: { name: 'no description' } } }, { body: { security_group: { name: 'x'.repeat(256), description: '' } } }],
      };
    },
  },
  'GET /os-security-groups/{security_group_id}': {
    arrange: async (d) => ({ path: { security_group_id: (await securityGroup(d)).id } }),
  },
  'PUT /os-security-groups/{security_group_id}': {
    arrange: async (d) => ({
      path: { security_group_id: (await securityGroup(d)).id },
      body: { security_group: { name: `novaspec-renamed-${made}`, description: 'renamed by the conformance suite' } },
      refused: [{ body: { security_group: { description: 'no name' } } }],
    }),
  },
  'DELETE /os-security-groups/{security_group_id}': {
    arrange: async (d) => ({ path: { security_group_id: (await securityGroup(d, false)).id } }),
  },
};
