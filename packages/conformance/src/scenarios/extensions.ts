/** The scenarios of the fixed extension list. */
import type { Scenario } from './common.ts';

export const extensions: Record<string, Scenario> = {
  'GET /extensions': { arrange: async () => ({}) },
  'GET /extensions/{alias}': { arrange: async () => ({ path: { alias: 'os-server-groups' }, more: [{ path: { alias: 'OS-EXT-AZ' } }] }) },
};
