/**
 * The scenarios of the volumes proxy (up to 2.35). The local Nova's Cinder is
 * a stand-in for an empty deployment: its lists are empty and every volume or snapshot it is asked
 * for is a 404, so the lists succeed (empty) and everything else can only show Nova's refusals.
 */
import { NO_CINDER, UNKNOWN, type Scenario } from './common.ts';

export const volumes: Record<string, Scenario> = {
  'GET /os-volumes': { arrange: async () => ({ query: { limit: '10' }, more: [{ query: { limit: '1', offset: '1' } }] }) },
  'GET /os-volumes/detail': { arrange: async () => ({ query: { limit: '10', offset: '0' } }) },
  'GET /os-volumes/{volume_id}': { arrange: async () => ({ path: { volume_id: UNKNOWN } }), expect: { status: [404], why: NO_CINDER } },
  'DELETE /os-volumes/{volume_id}': { arrange: async () => ({ path: { volume_id: UNKNOWN } }), expect: { status: [404], why: NO_CINDER } },
  // From a snapshot Cinder does not have: Nova looks the snapshot up first and answers 404. (Without
  // a snapshot, Cinder's create would be needed, which the stand-in cannot give.)
  'POST /os-volumes': {
    arrange: async () => ({
      body: { volume: { size: 1, display_name: 'novaspec-proxy', display_description: 'made by the conformance suite', snapshot_id: UNKNOWN, metadata: { purpose: 'conformance' } } },
      refused: [{ body: { volume: { size: 0 } } }, { body: { volume: { display_name: 'no size' } } }],
    }),
    expect: { status: [404], why: `${NO_CINDER} or snapshot` },
  },
};
