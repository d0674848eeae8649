/**
 * The server state machine, as data read from Nova 34. For each modelled action:
 * - which states allow it: the `@check_instance_lock` and `@check_instance_state(vm_state=...,
 *   task_state=..., must_have_launched=...)` decorators of the method in nova/compute/api.py
 *   (`API.<method>`, named in each row; `task_state` defaults to `(None,)`, "no task running", and
 *   `must_have_launched` to true, as the decorator's signature has them);
 * - the name Nova puts in its 409 message: the `action` the controller passes to
 *   `common.raise_http_conflict_for_instance_invalid_state()` (nova/api/openstack/compute/servers.py,
 *   pause_server.py, suspend_server.py, rescue.py, shelve.py);
 * - the task_state the API sets at once and the vm_state and power_state the compute manager leaves
 *   when it is done (nova/compute/manager.py, `ComputeManager.<method>`, named in `event`);
 * - the instance action recorded (nova/compute/instance_actions.py) and its event, named as
 *   `@wrap_instance_event(prefix='compute')` names it: the prefix and the manager's method.
 */
import { POWER, type TaskState, type VmState } from './nova-states.ts';

/** What a server's state machine reads and writes. */
export interface MachineState {
  vmState: VmState;
  taskState: TaskState | null;
  powerState: number;
  launchedAt: string | null;
  locked: boolean;
}

export interface ActionRule {
  /** The method of nova/compute/api.py whose decorators this row copies. */
  novaMethod: string;
  /** The action word in Nova's 409 message ("Cannot 'reboot' instance ..."). */
  conflictName: string;
  /** `@check_instance_lock`: a locked server refuses it (the mock's caller is never an admin). */
  lockChecked: boolean;
  /** The method whose `@check_instance_lock` that is, when not `novaMethod` (API.reboot checks the lock, then calls `_soft_reboot`). */
  lockMethod?: string;
  /** The allowed vm_states; undefined: any. */
  vmStates?: readonly VmState[];
  /** The allowed task_states (null: none running); undefined: any. */
  taskStates?: readonly (TaskState | null)[];
  mustHaveLaunched: boolean;
  /** The instance action Nova records, if any. */
  logName?: string;
  /** The event of that action: `compute_<manager method>` (`api_<method>` for the API-only ones). */
  event?: string;
  /** The task_state set when the API accepts it (null: none; undefined: unchanged). */
  task?: TaskState | null;
  /** The state once the work is done; undefined: nothing more happens (lock is done at once). */
  done?: (before: MachineState) => Partial<MachineState>;
}

const running = { vmState: 'active', taskState: null, powerState: POWER.RUNNING } as const;
const ANY_TASK = undefined;
/** task_states.ALLOW_REBOOT: the tasks a hard reboot may interrupt. */
const ALLOW_REBOOT = [null, 'rebooting', 'reboot_pending', 'reboot_started', 'resuming', 'rebooting_hard', 'unpausing', 'pausing', 'suspending'] as const;

/** Rows by action key (the body's key); `reboot` has two, by reboot type. */
const RULES: Record<string, ActionRule> = {
  // API.reboot is lock-checked, then API._soft_reboot: vm_states.ALLOW_SOFT_REBOOT, task_state [None].
  'reboot:SOFT': {
    novaMethod: '_soft_reboot', conflictName: 'reboot', lockChecked: true, lockMethod: 'reboot', vmStates: ['active'], taskStates: [null], mustHaveLaunched: true,
    logName: 'reboot', event: 'compute_reboot_instance', task: 'rebooting', done: () => running,
  },
  // API._hard_reboot: vm_states.ALLOW_HARD_REBOOT, task_states.ALLOW_REBOOT.
  'reboot:HARD': {
    novaMethod: '_hard_reboot', conflictName: 'reboot', lockChecked: true, lockMethod: 'reboot', vmStates: ['active', 'stopped', 'paused', 'suspended', 'error'],
    taskStates: ALLOW_REBOOT, mustHaveLaunched: true, logName: 'reboot', event: 'compute_reboot_instance', task: 'rebooting_hard', done: () => running,
  },
  'os-stop': {
    novaMethod: 'stop', conflictName: 'stop', lockChecked: true, vmStates: ['active', 'error'], taskStates: [null], mustHaveLaunched: true,
    logName: 'stop', event: 'compute_stop_instance', task: 'powering-off',
    done: () => ({ vmState: 'stopped', taskState: null, powerState: POWER.SHUTDOWN }),
  },
  'os-start': {
    novaMethod: 'start', conflictName: 'start', lockChecked: true, vmStates: ['stopped'], taskStates: [null], mustHaveLaunched: true,
    logName: 'start', event: 'compute_start_instance', task: 'powering-on', done: () => running,
  },
  pause: {
    novaMethod: 'pause', conflictName: 'pause', lockChecked: true, vmStates: ['active'], taskStates: [null], mustHaveLaunched: true,
    logName: 'pause', event: 'compute_pause_instance', task: 'pausing',
    done: () => ({ vmState: 'paused', taskState: null, powerState: POWER.PAUSED }),
  },
  unpause: {
    novaMethod: 'unpause', conflictName: 'unpause', lockChecked: true, vmStates: ['paused'], taskStates: [null], mustHaveLaunched: true,
    logName: 'unpause', event: 'compute_unpause_instance', task: 'unpausing', done: () => running,
  },
  suspend: {
    novaMethod: 'suspend', conflictName: 'suspend', lockChecked: true, vmStates: ['active'], taskStates: [null], mustHaveLaunched: true,
    logName: 'suspend', event: 'compute_suspend_instance', task: 'suspending',
    done: () => ({ vmState: 'suspended', taskState: null, powerState: POWER.SUSPENDED }),
  },
  resume: {
    novaMethod: 'resume', conflictName: 'resume', lockChecked: true, vmStates: ['suspended'], taskStates: [null], mustHaveLaunched: true,
    logName: 'resume', event: 'compute_resume_instance', task: 'resuming', done: () => running,
  },
  // API.lock and API.unlock carry no state decorator; lock_server.py passes no conflict either.
  lock: {
    novaMethod: 'lock', conflictName: 'lock', lockChecked: false, vmStates: undefined, taskStates: ANY_TASK, mustHaveLaunched: false,
    logName: 'lock', event: 'api_lock',
  },
  unlock: {
    novaMethod: 'unlock', conflictName: 'unlock', lockChecked: false, vmStates: undefined, taskStates: ANY_TASK, mustHaveLaunched: false,
    logName: 'unlock', event: 'api_unlock',
  },
  rescue: {
    novaMethod: 'rescue', conflictName: 'rescue', lockChecked: true, vmStates: ['active', 'stopped', 'error'], taskStates: [null], mustHaveLaunched: true,
    logName: 'rescue', event: 'compute_rescue_instance', task: 'rescuing',
    done: () => ({ vmState: 'rescued', taskState: null, powerState: POWER.RUNNING }),
  },
  unrescue: {
    novaMethod: 'unrescue', conflictName: 'unrescue', lockChecked: true, vmStates: ['rescued'], taskStates: [null], mustHaveLaunched: true,
    logName: 'unrescue', event: 'compute_unrescue_instance', task: 'unrescuing', done: () => running,
  },
  // With Nova's default shelved_offload_time of 0, ComputeManager.shelve_instance offloads at once:
  // the server ends SHELVED_OFFLOADED.
  shelve: {
    novaMethod: 'shelve', conflictName: 'shelve', lockChecked: true, vmStates: ['active', 'stopped', 'paused', 'suspended'], taskStates: [null],
    mustHaveLaunched: true, logName: 'shelve', event: 'compute_shelve_instance', task: 'shelving',
    done: () => ({ vmState: 'shelved_offloaded', taskState: null, powerState: POWER.SHUTDOWN }),
  },
  shelveOffload: {
    novaMethod: 'shelve_offload', conflictName: 'shelveOffload', lockChecked: true, vmStates: ['shelved'], taskStates: [null], mustHaveLaunched: true,
    logName: 'shelveOffload', event: 'compute_shelve_offload_instance', task: 'shelving_offloading',
    done: () => ({ vmState: 'shelved_offloaded', taskState: null }),
  },
  unshelve: {
    novaMethod: 'unshelve', conflictName: 'unshelve', lockChecked: true, vmStates: ['shelved', 'shelved_offloaded'], taskStates: [null],
    mustHaveLaunched: true, logName: 'unshelve', event: 'compute_unshelve_instance', task: 'unshelving', done: () => running,
  },
  // A resize ends in RESIZED (VERIFY_RESIZE) with the new flavor, waiting for confirm or revert.
  resize: {
    novaMethod: 'resize', conflictName: 'resize', lockChecked: true, vmStates: ['active', 'stopped'], taskStates: [null], mustHaveLaunched: true,
    logName: 'resize', event: 'compute_prep_resize', task: 'resize_prep',
    done: (before) => ({ vmState: 'resized', taskState: null, powerState: before.powerState }),
  },
  // ComputeManager._confirm_resize: STOPPED when the server is powered off, ACTIVE otherwise.
  confirmResize: {
    novaMethod: 'confirm_resize', conflictName: 'confirmResize', lockChecked: true, vmStates: ['resized'], taskStates: [null], mustHaveLaunched: true,
    logName: 'confirmResize', event: 'compute_confirm_resize', task: undefined,
    done: (before) => ({ vmState: before.powerState === POWER.SHUTDOWN ? 'stopped' : 'active', taskState: null }),
  },
  revertResize: {
    novaMethod: 'revert_resize', conflictName: 'revertResize', lockChecked: true, vmStates: ['resized'], taskStates: [null], mustHaveLaunched: true,
    logName: 'revertResize', event: 'compute_revert_resize', task: 'resize_reverting',
    done: (before) => ({ vmState: before.powerState === POWER.SHUTDOWN ? 'stopped' : 'active', taskState: null }),
  },
};

/**
 * API.delete: lock-checked, any vm_state and task_state, need not have launched (servers.py
 * `delete()` answers its 409 as 'delete'). The server is gone once the compute manager's
 * terminate_instance is done.
 */
export const DELETE_RULE: ActionRule = {
  novaMethod: 'delete', conflictName: 'delete', lockChecked: true, vmStates: undefined, taskStates: ANY_TASK, mustHaveLaunched: false,
  logName: 'delete', event: 'compute_terminate_instance', task: 'deleting',
};

/** The rule of an action request, or undefined for an action the state does not model. */
export function ruleFor(action: string, body: unknown): ActionRule | undefined {
  if (action === 'reboot') {
    const type = String((body as { reboot?: { type?: string } })?.reboot?.type ?? 'SOFT').toUpperCase();
    return RULES[`reboot:${type}`];
  }
  return RULES[action];
}

export const MODELLED_ACTIONS = new Set(Object.keys(RULES).map((key) => key.split(':')[0]!));

/** Every rule the state machine applies, the actions' and delete's (checked against Nova's decorators in test/nova-state-checks.test.ts). */
export const ALL_RULES: readonly ActionRule[] = [...Object.values(RULES), DELETE_RULE];

/** Nova's 409 for a server the rule refuses, or undefined when it allows it; in the decorators' order. */
export function refusal(rule: ActionRule, serverId: string, state: MachineState): string | undefined {
  // exception.InstanceIsLocked, answered with its own message.
  if (rule.lockChecked && state.locked) return `Instance ${serverId} is locked`;
  const conflict = (attr: string, value: string | null) => `Cannot '${rule.conflictName}' instance ${serverId} while it is in ${attr} ${value === null ? 'None' : value}`;
  if (rule.vmStates && !rule.vmStates.includes(state.vmState)) return conflict('vm_state', state.vmState);
  if (rule.taskStates && !rule.taskStates.includes(state.taskState)) return conflict('task_state', state.taskState);
  if (rule.mustHaveLaunched && !state.launchedAt) return conflict('launched_at', state.launchedAt);
  return undefined;
}
