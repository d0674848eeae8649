/**
 * Whether the mock's stateful rules still rest on this Nova's code: nova/api_decorators.py reads the
 * state decorators of the installed nova/compute/api.py (with Python's ast, never importing it), and
 * the result is compared with the facts file the mock's rules are tested against
 * (packages/mock/test/fixtures/nova-api-state-checks.json, test/nova-state-checks.test.ts there).
 * A difference means Nova changed which states allow an action: the run fails and says which methods.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const SCRIPT = fileURLToPath(new URL('../nova/api_decorators.py', import.meta.url));
/** The mock's facts file: the mock owns its rules, this suite only checks them against the Nova it runs. */
export const STATE_FACTS = fileURLToPath(new URL('../../mock/test/fixtures/nova-api-state-checks.json', import.meta.url));

interface Facts {
  nova: string | null;
  methods: Record<string, unknown>;
}

export interface StateCheckReport {
  /** false only when Nova's decorators differ from the facts file. */
  ok: boolean;
  text: string;
}

/** Reads the decorators of the nova package at `novaDir` (the folder holding compute/api.py) and compares them with the facts file. */
export function compareStateChecks(novaDir: string, factsFile = STATE_FACTS): StateCheckReport {
  const prefix = 'conformance: stateful mock rules';
  if (!existsSync(join(novaDir, 'compute', 'api.py'))) return { ok: true, text: `${prefix}: not compared (no ${join(novaDir, 'compute', 'api.py')})` };
  const run = spawnSync('python3', [SCRIPT, novaDir], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    const why = run.error?.message ?? (run.stderr.trim().split('\n').at(-1) || `exit ${run.status}`);
    return { ok: false, text: `${prefix}: nova/api_decorators.py could not read ${novaDir}: ${why}` };
  }
  const found = JSON.parse(run.stdout) as Facts;
  const known = JSON.parse(readFileSync(factsFile, 'utf8')) as Facts;
  if (found.nova !== known.nova) {
    return { ok: true, text: `${prefix}: not compared (${factsFile} holds Nova ${known.nova}'s decorators, this is Nova ${found.nova})` };
  }
  const names = [...new Set([...Object.keys(found.methods), ...Object.keys(known.methods)])].sort();
  const differing = names.filter((name) => !isDeepStrictEqual(found.methods[name], known.methods[name]));
  if (differing.length === 0) {
    return { ok: true, text: `${prefix}: the state decorators of Nova ${found.nova}'s compute API (${names.length} methods) are the ones the mock's rules are tested against` };
  }
  return {
    ok: false,
    text: `${prefix}: Nova ${found.nova}'s compute API differs from ${factsFile} in ${differing.join(', ')}: `
      + `regenerate it with \`python3 packages/conformance/nova/api_decorators.py ${novaDir}\` and bring packages/mock/src/state/server-actions.ts in line`,
  };
}
