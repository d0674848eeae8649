/**
 * The schema diff on the command line: Nova's own schemas (the checked-in dump) against the spec's
 * view of every operation at every microversion. Prints each unexplained difference, the counts, and
 * one summary line; exit code 1 on an unexplained difference or a stale entry in explained.yaml.
 *
 *   node bin/schema-diff.ts [--all] [--regenerate | --check-drift]
 *
 * --all           also prints the explained differences, with the entry that explains each
 * --regenerate    first dumps Nova's schemas again from the sid chroot into the fixture
 * --check-drift   first compares a fresh dump from the chroot with the fixture; exit 1 when they differ
 * Without the chroot, --check-drift says so and goes on with the fixture (the fixture is the record).
 */
import { writeFileSync } from 'node:fs';
import { schemaDiff } from '../src/schema-diff/diff.ts';
import { judge, loadExplanations } from '../src/schema-diff/explained.ts';
import { FIXTURE, loadDump } from '../src/schema-diff/nova.ts';
import { CHROOT, chrootReady, dumpFromChroot, schemaDrift } from '../src/schema-diff/regenerate.ts';
import { summaryLine } from '../src/schema-diff/summary.ts';

const args = process.argv.slice(2);
let failed = false;

if (args.includes('--regenerate') || args.includes('--check-drift')) {
  if (!chrootReady()) {
    console.log(`schema diff: no Nova chroot at ${CHROOT}; the checked-in dump is used as it is`);
    if (args.includes('--regenerate')) process.exit(2);
  } else {
    if (args.includes('--regenerate')) {
      writeFileSync(FIXTURE, dumpFromChroot());
      console.log(`schema diff: ${FIXTURE} regenerated from ${CHROOT}`);
    } else if (schemaDrift() === 'drift') {
      console.log(`schema diff: DRIFT: Nova's schemas in ${CHROOT} differ from ${FIXTURE}; run with --regenerate and review the diff`);
      failed = true;
    } else console.log(`schema diff: the dump from ${CHROOT} matches the fixture`);
  }
}

const dump = loadDump();
const result = schemaDiff(dump);
const judged = judge(result.differences, loadExplanations());

const show = (d: (typeof result.differences)[number]) =>
  `  ${d.operation} at ${d.versions.join(', ')}: ${d.path}: ${d.kind}: Nova ${d.nova}, spec ${d.spec}\n    Nova: ${d.novaSchema.join('; ')}`;
if (args.includes('--all')) {
  for (const { difference, by } of judged.explained) console.log(`${show(difference)}\n    ${by.status}: ${by.reason.slice(0, 160)}`);
}
for (const d of judged.unexplained) console.log(`UNEXPLAINED\n${show(d)}`);
for (const e of judged.unused) console.log(`STALE entry in explained.yaml (matches nothing): ${JSON.stringify({ ...e, reason: undefined })}`);

const byKind = new Map<string, number>();
for (const d of result.differences) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
console.log(`by kind: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`spec errors listed: ${judged.explained.filter((x) => x.by.status === 'spec-error').length} (nova-schemas/spec-errors.md)`);
console.log(`not compared: ${Object.entries(result.notCompared).map(([k, n]) => `${k} (${n}x)`).join('; ')}`);
console.log(`Nova ${dump.nova}: ${result.novaOnly.length} route methods and actions the spec does not have yet; spec operations without a Nova route: ${result.specOnly.join(', ') || 'none'}`);
console.log(summaryLine(result, judged));
if (judged.unexplained.length > 0 || judged.unused.length > 0) failed = true;
process.exit(failed ? 1 : 0);
