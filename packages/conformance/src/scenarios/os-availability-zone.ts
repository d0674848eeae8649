/** The scenarios of availability zones: the summary list and the admin's detailed one. */
import type { Scenario } from './common.ts';

export const availabilityZones: Record<string, Scenario> = {
  'GET /os-availability-zone': { arrange: async () => ({}) },
  'GET /os-availability-zone/detail': { arrange: async () => ({}) },
};
