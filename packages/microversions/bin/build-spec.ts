#!/usr/bin/env node
/**
 * Builds the spec's outputs from the hand-written source (ADR 0002, "Derived views"):
 *   <out>/openapi.source.json   the source bundled into one file by Redocly (ranges kept), with the
 *                               standard response headers added (ADR 0007)
 *   <out>/openapi.all.json|yaml the all-versions document with generated microversion prose
 *   <out>/openapi.docs.yaml     the same with one operation per server action (ADR 0005) and the
 *                               navigation groups (the removed APIs apart), for the docs
 *   <out>/versions/2.N.json     the exact document at every microversion
 *   <out>/versions/index.json   the list of microversions and what changes where
 *   <out>/changelog.json        per microversion: its purpose and the exact wire-format changes
 * Fails with "file: rule: message" lines when a microversion would have no valid shape.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { documentBounds, type JsonObject } from '../src/annotations.ts';
import { withActionOperations } from '../src/actions.ts';
import { changelogDocument, microversionChangelog } from '../src/changelog.ts';
import { changesAt } from '../src/changes.ts';
import { withProse } from '../src/prose.ts';
import { sourceLocation } from '../src/source-location.ts';
import { withPortablePatterns } from '../src/portable-pattern.ts';
import { addStandardHeaders } from '../src/standard-headers.ts';
import { withTagGroups } from '../src/tag-groups.ts';
import { versionsIn, type Range } from '../src/version.ts';
import { viewAt, type View } from '../src/view.ts';

const { values } = parseArgs({
  options: { source: { type: 'string', default: 'openapi.yaml' }, out: { type: 'string', default: 'dist' } },
});
const source = resolve(values.source!);
const out = resolve(values.out!);
const specDir = dirname(source);

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'versions'), { recursive: true });
const bundledPath = join(out, 'openapi.source.json');
try {
  execFileSync('redocly', ['bundle', source, '--ext', 'json', '--output', bundledPath], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch (error) {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
  fail([`${source}: bundle: redocly could not bundle the spec`, stderr.trim()]);
}

const bundled = JSON.parse(readFileSync(bundledPath, 'utf8')) as JsonObject;
addStandardHeaders(bundled, specDir);
// Patterns that need the regex `u` flag get a spelling every tool reads the same (src/portable-pattern.ts).
withPortablePatterns(bundled);
writeFileSync(bundledPath, `${JSON.stringify(bundled, null, 2)}\n`);
const root = parse(readFileSync(source, 'utf8')) as JsonObject;
let bounds: Range;
try {
  bounds = documentBounds(bundled);
} catch (error) {
  fail([`${basename(specDir)}/${basename(source)}#/info: x-openstack-version-format: ${(error as Error).message}`]);
}

const views: View[] = versionsIn(bounds).map((version) => viewAt(bundled, version));
const problems = new Map<string, string[]>();
for (const view of views) {
  for (const problem of view.problems) {
    const where = `${sourceLocation(root, problem.pointer, basename(specDir))}: ${problem.rule}`;
    problems.set(where, [...(problems.get(where) ?? []), view.version]);
  }
}
if (problems.size > 0) {
  fail([...problems].map(([where, versions]) => `${where}: no valid shape at ${versions.join(', ')}`));
}

for (const view of views) {
  writeFileSync(join(out, 'versions', `${view.version}.json`), `${JSON.stringify(view.document, null, 2)}\n`);
}
// Changes are computed per operation and per action (ADR 0005), from the exact views.
const changes = changesAt(views.map((view) => ({ ...view, document: withActionOperations(view.document, { replace: false }) })));
const all = withProse(bundled, bounds, changes);
writeFileSync(join(out, 'openapi.all.json'), `${JSON.stringify(all, null, 2)}\n`);
writeFileSync(join(out, 'openapi.all.yaml'), stringify(all, { lineWidth: 0 }));
// The docs read one entry per action instead of the one union operation, and group the removed APIs apart.
const docs = withTagGroups(withProse(withActionOperations(bundled, { replace: true }), bounds, changes));
writeFileSync(join(out, 'openapi.docs.yaml'), stringify(docs, { lineWidth: 0 }));
writeFileSync(
  join(out, 'versions', 'index.json'),
  `${JSON.stringify({ min: views[0]!.version, max: views.at(-1)!.version, versions: views.map((v) => v.version), changesAt: Object.fromEntries(changes) }, null, 2)}\n`,
);
const changelog = microversionChangelog(views, { changesAt: changes });
writeFileSync(join(out, 'changelog.json'), `${JSON.stringify(changelogDocument(changelog, { min: views[0]!.version, max: views.at(-1)!.version }), null, 2)}\n`);
console.log(`built ${views.length} microversion views (${views[0]!.version} to ${views.at(-1)!.version}) and the all-versions bundle into ${out.replace(`${specDir}/`, '')}`);
