#!/usr/bin/env node
/**
 * Writes the package's content: the exact document of every microversion, computed from
 * @novaspec/spec's all-versions source with @novaspec/microversions' `viewAt` (the same function the
 * spec's build and the mock use, so the three cannot disagree), as compact JSON (a third smaller
 * than indented JSON installed; a parser does not care), and the spec's `versions/index.json`.
 *   dist/versions/2.N.json     one per microversion
 *   dist/versions/index.json   the microversions and, per operation, where it changes
 * Fails with "file: rule: message" when the spec is not built or a view has no valid shape.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { viewAt } from '@novaspec/microversions';

const require = createRequire(import.meta.url);
const out = join(import.meta.dirname, '..', 'dist', 'versions');

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

let sourceFile: string;
let indexFile: string;
try {
  sourceFile = require.resolve('@novaspec/spec/openapi.source.json');
  indexFile = require.resolve('@novaspec/spec/versions/index.json');
} catch {
  fail('@novaspec/spec/dist: missing: build the spec first (npm run bundle -w @novaspec/spec)');
}
if (!existsSync(sourceFile) || !existsSync(indexFile)) fail(`${dirname(sourceFile)}: missing: build the spec first (npm run bundle -w @novaspec/spec)`);

const source = JSON.parse(readFileSync(sourceFile, 'utf8'));
const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { versions: string[] };
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const version of index.versions) {
  const view = viewAt(source, version);
  if (view.problems.length > 0) {
    const [first] = view.problems;
    fail(`${sourceFile}: ${first!.rule}: ${first!.pointer}: no valid shape at ${version}`);
  }
  const text = JSON.stringify(view.document);
  bytes += text.length;
  writeFileSync(join(out, `${version}.json`), text);
}
writeFileSync(join(out, 'index.json'), readFileSync(indexFile));
console.log(`wrote ${index.versions.length} views (${index.versions[0]} to ${index.versions.at(-1)}, ${(bytes / 1e6).toFixed(1)} MB) into dist/versions`);
