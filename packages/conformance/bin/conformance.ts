/**
 * The conformance run: install (Debian packages, when missing), start the local Nova, exercise every
 * operation of the spec at its microversions through the generated client, print a report per
 * operation and one summary line, stop Nova. Exit code 1 when any exchange does not conform.
 *
 *   node bin/conformance.ts [--release sid|zed] [--only TEXT ...] [--keep] [--no-start]
 *
 * --release sid (the default): Nova 34.0.0 from Debian unstable in a chroot (nova/sid/install.sh).
 * When that chroot cannot be installed and no release was asked for, the run falls back to Zed
 * (Nova 26.2.2 from the host's bookworm packages), and says so loudly: in a banner, and in the
 * summary line, with the reason and the microversions left unchecked. --release zed runs Zed.
 * The range checked is the one the service announces in its version document.
 *
 * After the scenarios, the stateful mock's action rules are compared with this Nova's compute API
 * decorators (src/state-checks.ts); a difference fails the run.
 * Then the differential (src/differential.ts) sends the same edge requests to this
 * Nova and to the mock and prints one summary line; `--only differential` runs just that.
 *
 * NOVASPEC_SKIP_NOVA=1 skips the whole run (for a quick local `npm test`); .ci/run unsets it.
 * --keep leaves Nova running afterwards; --no-start uses one that is already running.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@novaspec/mock';
import { Deployment, TOKEN } from '../src/deployment.ts';
import { describe as describeComparison, differential, differentialSummary } from '../src/differential.ts';
import { run, type Release, type Report, type Result } from '../src/runner.ts';
import { CHROOT } from '../src/schema-diff/regenerate.ts';
import { compareStateChecks } from '../src/state-checks.ts';
import { compareVersions, index } from '../src/spec.ts';

const here = dirname(fileURLToPath(import.meta.url));
const novaDir = join(here, '..', 'nova');
/** Each release has its own state folder: their database schemas differ. */
const RELEASES: Record<Release, { install: string; home: string; label: string }> = {
  sid: { install: 'sid/install.sh', home: '/var/tmp/novaspec-nova34', label: 'Debian sid' },
  zed: { install: 'install.sh', home: '/var/tmp/novaspec-nova', label: 'Zed, Debian bookworm' },
};

if (process.env.NOVASPEC_SKIP_NOVA === '1') {
  console.log('conformance: skipped (NOVASPEC_SKIP_NOVA=1); CI never skips it');
  process.exit(0);
}

const args = process.argv.slice(2);
const only: string[] = [];
for (let i = 0; i < args.length; i += 1) if (args[i] === '--only' && args[i + 1]) only.push(args[(i += 1)]!);
const keep = args.includes('--keep');
const start = !args.includes('--no-start');
const asked = (args.includes('--release') ? args[args.indexOf('--release') + 1] : process.env.NOVASPEC_RELEASE) as Release | undefined;
if (asked !== undefined && !(asked in RELEASES)) {
  console.error(`conformance: --release must be sid or zed, not '${asked}'`);
  process.exit(2);
}
let release: Release = asked ?? 'sid';
/** Why the run fell back from sid to Zed, when it did. */
let fallback: string | undefined;
const homeOf = (r: Release) => process.env.NOVA_HOME ?? RELEASES[r].home;
let home = homeOf(release);

/** Runs one of nova/'s scripts for the current release; returns its exit status and its last error line. */
function runScript(name: string): { status: number; why: string } {
  const result = spawnSync('bash', [join(novaDir, name)], {
    stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8',
    env: { ...process.env, NOVA_HOME: home, NOVASPEC_RELEASE: release, NODE: process.execPath },
  });
  process.stderr.write(result.stderr ?? '');
  const why = (result.stderr ?? '').trim().split('\n').filter((l) => l.startsWith('nova/')).at(-1) ?? `exit ${result.status}`;
  return { status: result.status ?? 1, why };
}

function script(name: string): void {
  const { status } = runScript(name);
  if (status !== 0) {
    console.error(`conformance: nova/${name} failed (exit ${status}); see its message above and the logs in ${home}/log`);
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

/** The newest microversion of v2.1 in the service's version document (GET / of the compute endpoint). */
async function announcedCeiling(compute: string): Promise<string> {
  const response = await fetch(compute.replace(/\/v2\.1\/?$/, '/'));
  const document = await response.json() as { versions?: { id: string; version: string; min_version: string }[] };
  const v21 = document.versions?.find((v) => v.id === 'v2.1');
  if (!v21?.version || !index.versions.includes(v21.version)) {
    throw new Error(`the version document at ${compute} announces no microversion the spec knows: ${JSON.stringify(document).slice(0, 200)}`);
  }
  return v21.version;
}

function line(result: Result): string {
  const how = result.expected ? ` (expected ${result.expected.status.join('/')}${result.expected.novaBug ? ', a Nova bug' : ''}: ${result.expected.why})` : '';
  return `${result.outcome === 'pass' ? 'ok  ' : 'FAIL'} ${result.id} @ ${result.version} -> ${result.status ?? '-'}${result.generic ? ' [from the spec example]' : ''}${how}`;
}

/** Which Nova ran, its range, and what the spec has that it left unchecked (and why). */
function which(report: Report, novaVersion: string): string {
  const newest = index.versions.at(-1)!;
  const ran = `Nova ${novaVersion} (${RELEASES[release].label}), microversions 2.1-${report.ceiling}`;
  const unchecked = compareVersions(report.ceiling, newest) < 0
    ? `; ${index.versions[index.versions.indexOf(report.ceiling) + 1]}-${newest} NOT CHECKED (this Nova stops at ${report.ceiling})`
    : '';
  return fallback ? `FALLBACK to ${ran}, because sid could not be installed (${fallback})${unchecked}` : `${ran}${unchecked}`;
}

function summarize(report: Report, seconds: number, novaVersion: string): { text: string; failed: number } {
  const { results } = report;
  const inRange = results.filter((r) => r.kind === 'in-range');
  const operations = new Set(inRange.map((r) => r.id));
  const failedOps = new Set(results.filter((r) => r.outcome === 'fail').map((r) => r.id));
  const versions = new Set(inRange.map((r) => r.version));
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const count = (keep: (r: Result) => boolean) => results.filter((r) => r.outcome === 'pass' && keep(r)).length;
  const successes = count((r) => r.kind === 'in-range' && !r.expected);
  const deploymentFailures = count((r) => r.kind === 'in-range' && !!r.expected && !r.expected.novaBug);
  const novaBugs = count((r) => r.kind === 'in-range' && !!r.expected?.novaBug);
  const outside = count((r) => r.kind === 'outside');
  const exchanges = results.reduce((n, r) => n + r.exchanges, 0);
  const text = `conformance: ${which(report, novaVersion)}: ${operations.size} operations at ${versions.size} microversions, ${results.length} cases, ${exchanges} exchanges: `
    + `${results.length - failed} passed (${successes} answered with a success, ${deploymentFailures} with the failure this deployment must give, ${novaBugs} with a known bug of this Nova (FINDINGS-nova34.md), `
    + `${outside} refused just outside their range), ${failed} failed in ${failedOps.size} operations; `
    + `${report.unreachable.length} operations not reachable on this Nova; ${seconds.toFixed(0)} s`;
  return { text, failed };
}

const began = Date.now();
if (start) {
  const installed = runScript(RELEASES[release].install);
  if (installed.status !== 0 && release === 'sid' && asked === undefined) {
    // Debian unstable moves and is sometimes uninstallable for a while: run what can run, loudly.
    fallback = installed.why;
    release = 'zed';
    home = homeOf(release);
    const banner = `conformance: FALLBACK: sid could not be installed (${fallback}); running Zed (Nova 26.2.2, microversions 2.1-2.93) instead. 2.94-2.104 will NOT be checked.`;
    console.error(`\n${'!'.repeat(100)}\n${banner}\n${'!'.repeat(100)}\n`);
    script(RELEASES[release].install);
  } else if (installed.status !== 0) {
    console.error(`conformance: nova/${RELEASES[release].install} failed (exit ${installed.status}); see its message above`);
    process.exit(2);
  }
  script('start.sh');
}
let status = 1;
try {
  const endpoints = JSON.parse(readFileSync(join(home, 'run', 'endpoints.json'), 'utf8')) as { compute: string; image: string; release?: Release; nova_version?: string };
  if (endpoints.release && endpoints.release !== release) throw new Error(`the running Nova is ${endpoints.release}, not ${release} (--release)`);
  const ceiling = await announcedCeiling(endpoints.compute);
  console.log(`conformance: Nova ${endpoints.nova_version ?? '?'} (${RELEASES[release].label}) announces microversions up to ${ceiling}`);
  const deployment = new Deployment(endpoints, restartService);
  await deployment.prepare();
  const report = await run(deployment, {
    ceiling, release, only,
    onResult(result) {
      console.log(line(result));
      for (const problem of result.problems) console.log(`       ${problem}`);
      for (const note of result.notes) console.log(`       note: ${note}`);
    },
  });
  console.log('');
  for (const { id, why } of report.unreachable) console.log(`not reachable: ${id}: ${why}`);
  // The mock's stateful rules against this Nova's compute API decorators (src/state-checks.ts), printed
  // before the summary line, which stays the last `conformance:` line (.ci/run reports it).
  const stateChecks = compareStateChecks(release === 'sid' ? join(CHROOT, 'usr/lib/python3/dist-packages/nova') : '/usr/lib/python3/dist-packages/nova');
  console.log(stateChecks.text);
  const { text, failed } = summarize(report, (Date.now() - began) / 1000, endpoints.nova_version ?? '?');
  console.log(text);
  status = failed === 0 && stateChecks.ok ? 0 : 1;
  // The mock beside this Nova on the same edge requests (src/differential.ts): a whole run, or --only differential.
  if (only.length === 0 || only.includes('differential')) {
    const mock = await startMockServer({ port: 0 });
    const stateful = await startMockServer({ port: 0, stateful: true });
    try {
      const results = await differential({ endpoint: endpoints.compute, token: TOKEN }, { endpoint: mock.endpoint }, undefined, { endpoint: stateful.endpoint });
      const summary = differentialSummary(results);
      for (const result of results.filter((r) => !r.same)) console.log(`${result.unreproducible ? 'listed' : result.notYet ? 'known ' : 'DIFF  '} ${describeComparison(result)}`);
      console.log(summary.text);
      if (summary.unexplained.length > 0) status = 1;
    } finally {
      await mock.close();
      await stateful.close();
    }
  }
} catch (error) {
  console.error(`conformance: could not run: ${(error as Error).message}`);
  status = 2;
} finally {
  if (start && !keep) script('stop.sh');
}
process.exit(status);
