/**
 * The scenarios of the security group rule proxy (up to 2.35), against the Neutron stand-in that
 * keeps the groups and rules made through Nova (see os-security-groups.ts).
 */
import type { Scenario } from './common.ts';
import { securityGroup } from './os-security-groups.ts';

export const securityGroupRules: Record<string, Scenario> = {
  // An address-range rule; then one with a source group (Nova opens every port for TCP without ports).
  'POST /os-security-group-rules': {
    arrange: async (d) => {
      const { id } = await securityGroup(d, false);
      const source = await securityGroup(d, false);
      return {
        body: { security_group_rule: { parent_group_id: id, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr: '192.0.2.0/24' } },
        more: [{ body: { security_group_rule: { parent_group_id: id, ip_protocol: 'tcp', group_id: source.id } } }],
        refused: [{ body: { security_group_rule: { ip_protocol: 'tcp' } } }, { body: { security_group_rule: { parent_group_id: 'not-a-uuid' } } }],
      };
    },
  },
  'DELETE /os-security-group-rules/{security_group_rule_id}': {
    arrange: async (d) => ({ path: { security_group_rule_id: (await securityGroup(d)).rule! } }),
  },
};
