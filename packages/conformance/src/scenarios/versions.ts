/** The scenarios of version discovery: the unversioned root, /v2.1/ and one version's document. */
import type { Scenario } from './common.ts';

export const versions: Record<string, Scenario> = {
  'GET /': { arrange: async () => ({}) },
  'GET /v2.1/': { arrange: async () => ({}) },
  'GET /versions/{version_id}': { arrange: async () => ({ path: { version_id: 'v2.1' } }) },
};
