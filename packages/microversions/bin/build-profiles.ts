#!/usr/bin/env node
/**
 * Builds the vendor profiles (issue 15): for every folder <profiles>/<name>/ holding an overlay.yaml
 * (OpenAPI Overlay 1.0), applies it to the upstream bundle <dist>/openapi.source.json (which
 * build-spec.ts wrote, ranges kept) and writes, with the same view builder as upstream:
 *   <dist>/profiles/<name>/openapi.source.json   the bundle with the overlay applied (ranges kept)
 *   <dist>/profiles/<name>/openapi.all.json|yaml the all-versions document with microversion prose
 *   <dist>/profiles/<name>/openapi.docs.yaml     one operation per server action, for the docs
 *   <dist>/profiles/<name>/versions/2.N.json     the exact document at every microversion
 *   <dist>/profiles/<name>/versions/index.json   the microversions and what changes where
 * Upstream's files are read, never written. Fails with "file: rule: message" lines, among them
 * `overlay-target-matches-nothing` for an action whose JSONPath target matches nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { documentBounds, type JsonObject } from '../src/annotations.ts';
import { withActionOperations } from '../src/actions.ts';
import { changesAt } from '../src/changes.ts';
import { checkAnnotation } from '../src/lint.ts';
import { applyOverlay, vendorNodes } from '../src/profiles.ts';
import { withProse } from '../src/prose.ts';
import { versionsIn } from '../src/version.ts';
import { resolvePointer, viewAt } from '../src/view.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    profiles: { type: 'string', default: 'profiles' },
    only: { type: 'string', multiple: true },
  },
});
const dist = resolve(values.dist!);
const profilesDir = resolve(values.profiles!);
const shown = (path: string) => relative(process.cwd(), path) || path;

const names = readdirSync(profilesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(profilesDir, entry.name, 'overlay.yaml')))
  .map((entry) => entry.name)
  .filter((name) => !values.only || values.only.includes(name))
  .sort();

const upstream = JSON.parse(readFileSync(join(dist, 'openapi.source.json'), 'utf8')) as JsonObject;
const bounds = documentBounds(upstream);
const failures: string[] = [];
// A full build starts clean; --only rebuilds just the profiles it names.
if (!values.only) rmSync(join(dist, 'profiles'), { recursive: true, force: true });

for (const name of names) {
  const started = performance.now();
  const overlayFile = join(profilesDir, name, 'overlay.yaml');
  const label = shown(overlayFile);
  const overlay = parse(readFileSync(overlayFile, 'utf8')) as JsonObject;
  const { document, problems } = await applyOverlay(upstream, overlay, label);
  // The overlay's own x-novaspec-profile says what the profile is called and which microversions its
  // seeds were taken at (the types are generated for those by default, ADR 0013).
  const meta = (overlay['x-novaspec-profile'] ?? {}) as { label?: string; seeds?: Array<{ microversion?: string }> };
  const seedVersions = [...new Set((meta.seeds ?? []).map((seed) => seed.microversion).filter((v): v is string => typeof v === 'string'))];
  // The vendor's own ranges follow the same rules as upstream's.
  for (const { pointer } of vendorNodes(document)) {
    for (const finding of checkAnnotation(resolvePointer(document, `#${pointer}`), bounds)) {
      problems.push(`${label}: ${finding.rule}: ${pointer}: ${finding.message}`);
    }
  }
  const views = problems.length > 0 ? [] : versionsIn(bounds).map((version) => viewAt(document, version));
  const viewProblems = new Map<string, string[]>();
  for (const view of views) {
    for (const problem of view.problems) {
      const where = `${label}: ${problem.rule}: ${problem.pointer}`;
      viewProblems.set(where, [...(viewProblems.get(where) ?? []), view.version]);
    }
  }
  for (const [where, versions] of viewProblems) problems.push(`${where}: no valid shape at ${versions.join(', ')}`);
  if (problems.length > 0) {
    failures.push(...problems);
    continue;
  }

  const out = join(dist, 'profiles', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'versions'), { recursive: true });
  writeFileSync(join(out, 'openapi.source.json'), `${JSON.stringify(document, null, 2)}\n`);
  for (const view of views) {
    writeFileSync(join(out, 'versions', `${view.version}.json`), `${JSON.stringify(view.document, null, 2)}\n`);
  }
  const changes = changesAt(views.map((view) => ({ ...view, document: withActionOperations(view.document, { replace: false }) })));
  const all = withProse(document, bounds, changes);
  writeFileSync(join(out, 'openapi.all.json'), `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(join(out, 'openapi.all.yaml'), stringify(all, { lineWidth: 0 }));
  const docs = withProse(withActionOperations(document, { replace: true }), bounds, changes);
  writeFileSync(join(out, 'openapi.docs.yaml'), stringify(docs, { lineWidth: 0 }));
  writeFileSync(
    join(out, 'versions', 'index.json'),
    `${JSON.stringify({ profile: name, label: meta.label, seedVersions, min: views[0]!.version, max: views.at(-1)!.version, versions: views.map((v) => v.version), changesAt: Object.fromEntries(changes) }, null, 2)}\n`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`profile ${name}: ${(overlay.actions as unknown[]).length} overlay actions, ${views.length} views into ${shown(out)} in ${seconds} s`);
}

if (failures.length > 0) {
  for (const line of failures) console.error(line);
  process.exit(1);
}
