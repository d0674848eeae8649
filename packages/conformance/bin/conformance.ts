/**
 * The conformance run: install (Debian packages, when missing), start the local Nova, exercise every
 * operation of the spec at its microversions through the generated client, print a report per
 * operation and one summary line, stop Nova. Exit code 1 when any exchange does not conform.
 *
 *   node bin/conformance.ts [--only TEXT ...] [--keep] [--no-start]
 *
 * NOVASPEC_SKIP_NOVA=1 skips the whole run (for a quick local `npm test`); .ci/run unsets it.
 * --keep leaves Nova running afterwards; --no-start uses one that is already running.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from '../src/deployment.ts';
import { run, type Report, type Result } from '../src/runner.ts';

/** The newest microversion Debian bookworm's Nova (26.2.2, Zed) serves. */
const CEILING = '2.93';
const here = dirname(fileURLToPath(import.meta.url));
const novaDir = join(here, '..', 'nova');
const home = process.env.NOVA_HOME ?? '/var/tmp/novaspec-nova';

if (process.env.NOVASPEC_SKIP_NOVA === '1') {
  console.log('conformance: skipped (NOVASPEC_SKIP_NOVA=1); CI never skips it');
  process.exit(0);
}

const args = process.argv.slice(2);
const only: string[] = [];
for (let i = 0; i < args.length; i += 1) if (args[i] === '--only' && args[i + 1]) only.push(args[(i += 1)]!);
const keep = args.includes('--keep');
const start = !args.includes('--no-start');

function script(name: string): void {
  const result = spawnSync('bash', [join(novaDir, name)], { stdio: 'inherit', env: { ...process.env, NOVA_HOME: home, NODE: process.execPath } });
  if (result.status !== 0) {
    console.error(`conformance: nova/${name} failed (exit ${result.status}); see its message above and the logs in ${home}/log`);
    process.exit(2);
  }
}

/** Ends one service started by start.sh (by its PID) and lets start.sh start it again. */
async function restartService(name: string): Promise<void> {
  const pid = Number(readFileSync(join(home, 'run', `${name}.pid`), 'utf8'));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 75; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  script('start.sh');
}

function line(result: Result): string {
  const how = result.expected ? ` (expected ${result.expected.status.join('/')}: ${result.expected.why})` : '';
  return `${result.outcome === 'pass' ? 'ok  ' : 'FAIL'} ${result.id} @ ${result.version} -> ${result.status ?? '-'}${result.generic ? ' [from the spec example]' : ''}${how}`;
}

function summarize(report: Report, seconds: number): { text: string; failed: number } {
  const { results } = report;
  const inRange = results.filter((r) => r.kind === 'in-range');
  const operations = new Set(inRange.map((r) => r.id));
  const failedOps = new Set(results.filter((r) => r.outcome === 'fail').map((r) => r.id));
  const versions = new Set(inRange.map((r) => r.version));
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const count = (keep: (r: Result) => boolean) => results.filter((r) => r.outcome === 'pass' && keep(r)).length;
  const successes = count((r) => r.kind === 'in-range' && !r.expected);
  const deploymentFailures = count((r) => r.kind === 'in-range' && !!r.expected);
  const outside = count((r) => r.kind === 'outside');
  const exchanges = results.reduce((n, r) => n + r.exchanges, 0);
  const text = `conformance: ${operations.size} operations at ${versions.size} microversions, ${results.length} cases, ${exchanges} exchanges: `
    + `${results.length - failed} passed (${successes} answered with a success, ${deploymentFailures} with the failure this deployment must give, `
    + `${outside} refused just outside their range), ${failed} failed in ${failedOps.size} operations; `
    + `${report.unreachable.length} operations not reachable on Nova ${report.ceiling}; ${seconds.toFixed(0)} s`;
  return { text, failed };
}

const began = Date.now();
if (start) {
  script('install.sh');
  script('start.sh');
}
let status = 1;
try {
  const endpoints = JSON.parse(readFileSync(join(home, 'run', 'endpoints.json'), 'utf8')) as { compute: string; image: string };
  const deployment = new Deployment(endpoints, restartService);
  await deployment.prepare();
  const report = await run(deployment, {
    ceiling: CEILING, only,
    onResult(result) {
      console.log(line(result));
      for (const problem of result.problems) console.log(`       ${problem}`);
      for (const note of result.notes) console.log(`       note: ${note}`);
    },
  });
  console.log('');
  for (const { id, why } of report.unreachable) console.log(`not reachable: ${id}: ${why}`);
  const { text, failed } = summarize(report, (Date.now() - began) / 1000);
  console.log(text);
  status = failed === 0 ? 0 : 1;
} catch (error) {
  console.error(`conformance: could not run: ${(error as Error).message}`);
  status = 2;
} finally {
  if (start && !keep) script('stop.sh');
}
process.exit(status);
