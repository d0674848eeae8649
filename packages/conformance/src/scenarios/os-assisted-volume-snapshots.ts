/** Assisted volume snapshots: without Cinder no volume is attached, so Nova can only refuse (400). */
import { NO_CINDER, UNKNOWN, refusedToMember, type Scenario } from './common.ts';

const NO_ATTACHMENT = { status: [400], why: `${NO_CINDER}, so no server has it attached (Nova's VolumeBDMNotFound is a 400)` };
const deleteInfo = JSON.stringify({ volume_id: UNKNOWN, type: 'qcow2', file_to_merge: 'volume.snap', merge_target_file: null });

export const osAssistedVolumeSnapshots: Record<string, Scenario> = {
  'POST /os-assisted-volume-snapshots': {
    async arrange(d, v) {
      const body = { snapshot: { volume_id: UNKNOWN, create_info: { snapshot_id: UNKNOWN, type: 'qcow2', new_file: `volume-${UNKNOWN}.snap`, id: UNKNOWN } } };
      await refusedToMember(d, 'POST', '/os-assisted-volume-snapshots', v, body);
      return { body };
    },
    expect: NO_ATTACHMENT,
  },
  'DELETE /os-assisted-volume-snapshots/{snapshot_id}': {
    async arrange(d, v) {
      await refusedToMember(d, 'DELETE', `/os-assisted-volume-snapshots/${UNKNOWN}?delete_info=${encodeURIComponent(deleteInfo)}`, v);
      return { path: { snapshot_id: UNKNOWN }, query: { delete_info: deleteInfo } };
    },
    expect: NO_ATTACHMENT,
  },
};
