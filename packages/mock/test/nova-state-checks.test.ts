/**
 * The stateful mode's action rules (src/state/server-actions.ts) against the decorators of Nova's
 * compute API: `@check_instance_lock`, `@check_instance_state(vm_state, task_state,
 * must_have_launched)` and `@reject_instance_state` of each method in nova/compute/api.py.
 *
 * The facts file is what packages/conformance/nova/api_decorators.py prints for the Nova of the
 * conformance suite (it reads the source with Python's ast, never imports it). The conformance run
 * prints it again from the installed Nova and fails when the two differ, so a new Nova that changes
 * a rule shows up there, and a rule edited here against Nova's shows up in this test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, type ActionRule } from '../src/state/server-actions.ts';

interface Decorators {
  lock: boolean;
  check_instance_state?: { vm_state: string[] | null; task_state: (string | null)[] | null; must_have_launched: boolean };
  reject_instance_state?: { vm_state: string[] | null; task_state: (string | null)[] | null };
}
const facts = JSON.parse(readFileSync(new URL('./fixtures/nova-api-state-checks.json', import.meta.url), 'utf8')) as {
  nova: string;
  methods: Record<string, Decorators>;
};

/** A list of states compared as a set (null, "none running", as its string), or null for "any". */
const sorted = (list: readonly (string | null)[] | null | undefined) => (list == null ? null : [...list].map(String).sort());

/** What a rule says, in the facts' terms. */
function asDecorators(rule: ActionRule) {
  return { lock: rule.lockChecked, vm_state: sorted(rule.vmStates), task_state: sorted(rule.taskStates), must_have_launched: rule.mustHaveLaunched };
}

function fromNova(rule: ActionRule) {
  const method = facts.methods[rule.novaMethod];
  const lockMethod = facts.methods[rule.lockMethod ?? rule.novaMethod];
  const state = method?.check_instance_state;
  return {
    lock: lockMethod?.lock ?? false,
    vm_state: sorted(state?.vm_state),
    task_state: sorted(state?.task_state),
    // A method without @check_instance_state does not ask whether the server ever launched.
    must_have_launched: state?.must_have_launched ?? false,
  };
}

describe(`the stateful mode's action rules are the decorators of Nova ${facts.nova}'s compute API`, () => {
  it('the facts file covers every method the rules name', () => {
    const named = ALL_RULES.flatMap((rule) => [rule.novaMethod, rule.lockMethod ?? rule.novaMethod]);
    // lock and unlock carry no decorator at all, so the file (which lists decorated methods) has no row for them.
    const undecorated = new Set(['lock', 'unlock']);
    expect(named.filter((name) => !undecorated.has(name) && !(name in facts.methods))).toEqual([]);
    expect([...undecorated].filter((name) => name in facts.methods)).toEqual([]);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.conflictName} (API.${rule.novaMethod})`, () => {
      expect(asDecorators(rule)).toEqual(fromNova(rule));
      // The mock models no @reject_instance_state; a modelled method that gains one needs a new rule kind.
      expect(facts.methods[rule.novaMethod]?.reject_instance_state).toBeUndefined();
    });
  }

  it('a rule that differs from Nova is caught (the comparison can fail)', () => {
    const stop = ALL_RULES.find((rule) => rule.novaMethod === 'stop')!;
    expect(asDecorators({ ...stop, vmStates: ['active'] })).not.toEqual(fromNova(stop));
    expect(asDecorators({ ...stop, lockChecked: false })).not.toEqual(fromNova(stop));
  });
});
