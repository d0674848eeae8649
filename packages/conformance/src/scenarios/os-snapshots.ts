/**
 * The scenarios of the volume snapshots proxy (up to 2.35). The local Nova's Cinder is a stand-in for
 * an empty deployment: its lists are empty and every snapshot or volume it is asked for is a 404.
 */
import { NO_CINDER, UNKNOWN, type Scenario } from './common.ts';

export const snapshots: Record<string, Scenario> = {
  'GET /os-snapshots': { arrange: async () => ({ query: { limit: '10' }, more: [{ query: { offset: '2' } }] }) },
  'GET /os-snapshots/detail': { arrange: async () => ({ query: { limit: '10', offset: '0' } }) },
  'GET /os-snapshots/{snapshot_id}': { arrange: async () => ({ path: { snapshot_id: UNKNOWN } }), expect: { status: [404], why: `${NO_CINDER} or snapshot` } },
  'DELETE /os-snapshots/{snapshot_id}': { arrange: async () => ({ path: { snapshot_id: UNKNOWN } }), expect: { status: [404], why: `${NO_CINDER} or snapshot` } },
  // Nova cannot be made to answer this one with a declared status here: Cinder refuses a snapshot of
  // an unknown volume with 404, which cinder.py's translate_mixed_exceptions turns into
  // VolumeNotFound, and snapshots.py's create does not catch it (expected_errors 400, 403): a 500,
  // the same in Zed and the newest Nova (FINDINGS-nova34.md). The bodies the spec refuses are still
  // checked against Nova's schema.
  'POST /os-snapshots': {
    arrange: async () => ({
      body: { snapshot: { volume_id: UNKNOWN, force: 'true', display_name: 'novaspec-proxy', display_description: 'made by the conformance suite' } },
      refused: [{ body: { snapshot: { volume_id: UNKNOWN, force: 'maybe' } } }, { body: { snapshot: { display_name: 'no volume' } } }],
    }),
    expect: { status: [500], novaBug: true, why: `${NO_CINDER}, and Nova does not catch the VolumeNotFound it turns Cinder's 404 into` },
  },
};
