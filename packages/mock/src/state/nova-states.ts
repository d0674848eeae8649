/**
 * A server's state as Nova keeps it, and the `status` the API derives from it. Copied facts, Nova 34:
 * the vm_state and task_state values of nova/compute/vm_states.py and nova/compute/task_states.py,
 * the power states of nova/compute/power_state.py (indexes of InstancePowerState.ALL in
 * nova/objects/fields.py), and `_STATE_MAP` with `status_from_state()` and
 * `task_and_vm_state_from_status()` of nova/api/openstack/common.py.
 */

export type VmState =
  | 'active' | 'building' | 'paused' | 'suspended' | 'stopped' | 'rescued' | 'resized'
  | 'soft-delete' | 'deleted' | 'error' | 'shelved' | 'shelved_offloaded';

/** The task states the modelled actions pass through (task_states.py names them all). */
export type TaskState =
  | 'scheduling' | 'spawning' | 'rebooting' | 'rebooting_hard' | 'pausing' | 'unpausing' | 'suspending'
  | 'resuming' | 'powering-off' | 'powering-on' | 'rescuing' | 'unrescuing' | 'deleting'
  | 'resize_prep' | 'resize_migrating' | 'resize_migrated' | 'resize_finish' | 'resize_reverting' | 'resize_confirming'
  | 'shelving' | 'shelving_offloading' | 'unshelving'
  | 'reboot_pending' | 'reboot_started' | 'reboot_pending_hard' | 'reboot_started_hard'
  | 'updating_password' | 'rebuilding' | 'rebuild_block_device_mapping' | 'rebuild_spawning' | 'migrating';

/** power_state.py: the indexes of fields.InstancePowerState.ALL (2 and 5 are unused slots). */
export const POWER = { NOSTATE: 0, RUNNING: 1, PAUSED: 3, SHUTDOWN: 4, CRASHED: 6, SUSPENDED: 7 } as const;

/** common._STATE_MAP: per vm_state, the status by task_state, with `default` for any other task. */
const STATE_MAP: Record<VmState, Record<string, string>> = {
  active: {
    default: 'ACTIVE',
    rebooting: 'REBOOT', reboot_pending: 'REBOOT', reboot_started: 'REBOOT',
    rebooting_hard: 'HARD_REBOOT', reboot_pending_hard: 'HARD_REBOOT', reboot_started_hard: 'HARD_REBOOT',
    updating_password: 'PASSWORD',
    rebuilding: 'REBUILD', rebuild_block_device_mapping: 'REBUILD', rebuild_spawning: 'REBUILD',
    migrating: 'MIGRATING',
    resize_prep: 'RESIZE', resize_migrating: 'RESIZE', resize_migrated: 'RESIZE', resize_finish: 'RESIZE',
  },
  building: { default: 'BUILD' },
  stopped: {
    default: 'SHUTOFF',
    resize_prep: 'RESIZE', resize_migrating: 'RESIZE', resize_migrated: 'RESIZE', resize_finish: 'RESIZE',
    rebuilding: 'REBUILD', rebuild_block_device_mapping: 'REBUILD', rebuild_spawning: 'REBUILD',
  },
  // Nova leaves CONFIRMING_RESIZE out of the map on purpose (a comment there says so).
  resized: { default: 'VERIFY_RESIZE', resize_reverting: 'REVERT_RESIZE' },
  paused: { default: 'PAUSED', migrating: 'MIGRATING' },
  suspended: { default: 'SUSPENDED' },
  rescued: { default: 'RESCUE' },
  error: { default: 'ERROR', rebuilding: 'REBUILD', rebuild_block_device_mapping: 'REBUILD', rebuild_spawning: 'REBUILD' },
  deleted: { default: 'DELETED' },
  'soft-delete': { default: 'SOFT_DELETED' },
  shelved: { default: 'SHELVED' },
  shelved_offloaded: { default: 'SHELVED_OFFLOADED' },
};

/** common.status_from_state(). */
export function statusOf(vmState: string, taskState: string | null): string {
  const byTask = STATE_MAP[vmState as VmState];
  if (!byTask) return 'UNKNOWN';
  return (taskState !== null ? byTask[taskState] : undefined) ?? byTask.default!;
}

/**
 * common.task_and_vm_state_from_status(), as servers.py `_get_servers()` uses it for the `status`
 * filter: the vm_states whose statuses were asked for, and the task states, of which `default`
 * means "no task filter" (so `status=ACTIVE` also finds a server that is rebooting).
 */
export function statesForStatuses(statuses: string[]): { vmStates: Set<string>; taskStates: Set<string> } {
  const wanted = new Set(statuses.map((status) => status.toLowerCase()));
  const vmStates = new Set<string>();
  const taskStates = new Set<string>();
  for (const [vmState, byTask] of Object.entries(STATE_MAP)) {
    for (const [taskState, status] of Object.entries(byTask)) {
      if (wanted.has(status.toLowerCase())) {
        vmStates.add(vmState);
        taskStates.add(taskState);
      }
    }
  }
  return { vmStates, taskStates };
}

/** views/servers.py ViewBuilder._progress_statuses: the statuses whose answers carry `progress`. */
export const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);
