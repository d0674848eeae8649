/**
 * The drift check of the mock's stateful rules (src/state-checks.ts) and the script under it
 * (nova/api_decorators.py), on a miniature nova package written here: the same layout and the same
 * decorator forms as Nova's compute/api.py, small enough to read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareStateChecks, STATE_FACTS } from '../src/state-checks.ts';

const SCRIPT = fileURLToPath(new URL('../nova/api_decorators.py', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'novaspec-state-checks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FIELDS = `
class InstanceState:
    ACTIVE = 'active'
    STOPPED = 'stopped'
    ERROR = 'error'

class InstanceTaskState:
    REBOOTING = 'rebooting'
`;
const API = (stopStates: string) => `
def check_instance_lock(function):
    return function

def check_instance_state(vm_state=None, task_state=(None,), must_have_launched=True):
    return lambda f: f

def reject_instance_state(vm_state=None, task_state=None):
    return lambda f: f

class API:
    @check_instance_lock
    @check_instance_state(vm_state=${stopStates})
    def stop(self, context, instance):
        pass

    @check_instance_lock
    @check_instance_state(vm_state=None, task_state=None, must_have_launched=False)
    def delete(self, context, instance):
        pass

    @reject_instance_state(task_state=[task_states.REBOOTING])
    def attach_volume(self, context, instance):
        pass

    def lock(self, context, instance):
        pass
`;

/** A nova package at `dir` whose API.stop allows `stopStates`. */
function miniatureNova(dir: string, stopStates: string): string {
  const nova = join(root, dir, 'nova');
  mkdirSync(join(nova, 'compute'), { recursive: true });
  mkdirSync(join(nova, 'objects'), { recursive: true });
  mkdirSync(join(root, dir, 'nova-99.0.0.egg-info'), { recursive: true });
  writeFileSync(join(nova, 'objects', 'fields.py'), FIELDS);
  writeFileSync(join(nova, 'compute', 'vm_states.py'), `from nova.objects import fields\nACTIVE = fields.InstanceState.ACTIVE\nSTOPPED = fields.InstanceState.STOPPED\nERROR = fields.InstanceState.ERROR\n`);
  writeFileSync(join(nova, 'compute', 'task_states.py'), `from nova.objects import fields\nREBOOTING = fields.InstanceTaskState.REBOOTING\n`);
  writeFileSync(join(nova, 'compute', 'api.py'), API(stopStates));
  return nova;
}

describe('nova/api_decorators.py', () => {
  it("reads each decorated method's lock check and states, names resolved and defaults filled in", () => {
    const nova = miniatureNova('read', '[vm_states.ACTIVE, vm_states.ERROR]');
    const run = spawnSync('python3', [SCRIPT, nova], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const facts = JSON.parse(run.stdout);
    expect(facts.nova).toBe('99.0.0');
    expect(facts.methods).toEqual({
      stop: { lock: true, check_instance_state: { vm_state: ['active', 'error'], task_state: [null], must_have_launched: true } },
      delete: { lock: true, check_instance_state: { vm_state: null, task_state: null, must_have_launched: false } },
      attach_volume: { lock: false, reject_instance_state: { vm_state: null, task_state: ['rebooting'] } },
    });
  });

  it('names the file and the method when a decorator argument is not a constant it can read', () => {
    const nova = miniatureNova('unreadable', 'allowed_states()');
    const run = spawnSync('python3', [SCRIPT, nova], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/compute\/api\.py:\d+: stop: cannot evaluate/);
  });
});

describe('compareStateChecks', () => {
  const facts = join(root, 'facts.json');
  const before = miniatureNova('before', '[vm_states.ACTIVE, vm_states.ERROR]');
  writeFileSync(facts, spawnSync('python3', [SCRIPT, before], { encoding: 'utf8' }).stdout);

  it('passes when the installed Nova has the decorators of the facts file', () => {
    const report = compareStateChecks(before, facts);
    expect(report.ok).toBe(true);
    expect(report.text).toContain('(3 methods)');
  });

  it('fails, naming the method, when Nova changed the states an action allows', () => {
    const after = miniatureNova('after', '[vm_states.ACTIVE, vm_states.ERROR, vm_states.STOPPED]');
    const report = compareStateChecks(after, facts);
    expect(report.ok).toBe(false);
    expect(report.text).toContain('differs from');
    expect(report.text).toContain(' in stop:');
  });

  it("does not compare another release's Nova with Nova 34's facts", () => {
    const known = JSON.parse(readFileSync(STATE_FACTS, 'utf8')) as { nova: string };
    expect(known.nova).toBe('34.0.0');
    const report = compareStateChecks(before);
    expect(report.ok).toBe(true);
    expect(report.text).toContain('not compared');
  });
});
