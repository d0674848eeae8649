/** The scenario of the floating IP pools proxy (up to 2.35): the empty Neutron stand-in has no external network, so the list is empty. */
import type { Scenario } from './common.ts';

export const floatingIpPools: Record<string, Scenario> = {
  'GET /os-floating-ip-pools': { arrange: async () => ({}) },
};
