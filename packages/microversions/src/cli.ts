#!/usr/bin/env node
/**
 * novaspec: what the spec says changes.
 *   novaspec diff 2.46 2.47 [--path /servers/{server_id}] [--spec <dir-or-file>] [--json]
 *       what changes on the wire from one microversion to another
 *   novaspec diff --base <dir-or-file> 2.47 [--path ...] [--spec <dir-or-file>] [--json]
 *       what changes at one microversion from one revision of the spec (--base) to another (--spec)
 *   novaspec published [--baseline spec/published.json] [--changes spec/changes] [--spec ...] [--update]
 *       the published-microversion check (see published.ts); --update records the current state
 * A spec is a built directory (spec/dist, or the spec package), or one all-versions document
 * (openapi.all.json|yaml); by default the installed @novaspec/spec.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { diffDocuments, formatChanges } from './diff.ts';
import {
  comparePublished, formatPublished, fromBaseline, parseDeclarations, publishedHashes, toBaseline,
  type Declaration, type PublishedBaseline,
} from './published.ts';
import { checkVersion, openSpec, type SpecSource } from './spec-source.ts';

const USAGE = `usage:
  novaspec diff <from> <to> [--path <path>] [--spec <dir-or-file>] [--json]
  novaspec diff --base <dir-or-file> <version> [--path <path>] [--spec <dir-or-file>] [--json]
  novaspec published [--baseline <file>] [--changes <dir>] [--spec <dir-or-file>] [--update]
  novaspec view <version> [--spec <dir-or-file>] [--out <file>]`;

function diffCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { path: { type: 'string' }, spec: { type: 'string' }, base: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const spec = openSpec(values.spec);
  let before;
  let after;
  let title: string;
  if (values.base) {
    if (positionals.length !== 1) throw new Error(`--base compares one microversion of two revisions: give one 2.N\n${USAGE}`);
    const version = checkVersion(positionals[0]);
    const base = openSpec(values.base);
    before = base.view(version);
    after = spec.view(version);
    title = `${version}: ${base.label} -> ${spec.label}`;
  } else {
    if (positionals.length !== 2) throw new Error(`give two microversions\n${USAGE}`);
    const [from, to] = positionals.map(checkVersion) as [string, string];
    before = spec.view(from);
    after = spec.view(to);
    title = `${from} -> ${to}`;
  }
  const changes = diffDocuments(before, after, values.path ? { path: values.path } : {});
  if (values.json) {
    console.log(JSON.stringify(changes, null, 2));
    return 0;
  }
  if (changes.length === 0) {
    console.log(`${title}${values.path ? ` (${values.path})` : ''}: no change on the wire`);
    return 0;
  }
  console.log(`${title}${values.path ? ` (${values.path})` : ''}: ${changes.length} operation${changes.length === 1 ? '' : 's'} change`);
  for (const line of formatChanges(changes)) console.log(line);
  return 0;
}

/**
 * One exact view as a plain OpenAPI document, for tools that read one (other languages' generators):
 * from the installed @novaspec/spec by default, or a profile's folder (`--spec .../profiles/vhi`).
 */
function viewCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { spec: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length !== 1) throw new Error(`give one microversion\n${USAGE}`);
  const version = checkVersion(positionals[0]);
  const spec = openSpec(values.spec);
  if (!spec.versions().includes(version)) throw new Error(`${spec.label}: no microversion ${version} (it has ${spec.versions()[0]} to ${spec.versions().at(-1)})`);
  const text = `${JSON.stringify(spec.view(version), null, 2)}\n`;
  if (values.out) writeFileSync(resolve(values.out), text);
  else process.stdout.write(text);
  return 0;
}

function readDeclarations(dir: string): Declaration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => parseDeclarations(parse(readFileSync(join(dir, name), 'utf8')), join(dir, name)));
}

function views(spec: SpecSource) {
  return spec.versions().map((version) => ({ version, document: spec.view(version) }));
}

function publishedCommand(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      spec: { type: 'string' },
      baseline: { type: 'string', default: 'published.json' },
      changes: { type: 'string', default: 'changes' },
      update: { type: 'boolean', default: false },
    },
  });
  const spec = openSpec(values.spec);
  const baselineFile = resolve(values.baseline!);
  const changesDir = resolve(values.changes!);
  const current = publishedHashes(views(spec), spec.changesAt);
  const declarations = readDeclarations(changesDir);
  if (values.update) {
    writeFileSync(baselineFile, `${JSON.stringify(toBaseline(current), null, 2)}\n`);
    // The declarations are now part of the record: keep them, out of the way of the next change.
    const applied = join(changesDir, 'applied');
    const files = existsSync(changesDir) ? readdirSync(changesDir).filter((name) => /\.ya?ml$/.test(name)) : [];
    if (files.length > 0) mkdirSync(applied, { recursive: true });
    for (const name of files) renameSync(join(changesDir, name), join(applied, name));
    console.log(`published: recorded ${current.size} microversions in ${baselineFile}${files.length ? `; moved ${files.length} declaration(s) to ${applied}` : ''}`);
    return 0;
  }
  if (!existsSync(baselineFile)) throw new Error(`${baselineFile}: no baseline; record one with novaspec published --update`);
  const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as PublishedBaseline;
  const differences = comparePublished(fromBaseline(baseline), current, declarations);
  const undeclared = differences.filter((d) => !d.declaredBy);
  for (const line of formatPublished(differences, baseline.versions)) console.log(line);
  if (undeclared.length > 0) {
    console.error(`published: ${undeclared.length} undeclared change(s) to published microversions (per microversion and operation above).`);
    console.error(`  If intended, declare them in ${changesDir}/<name>.yaml (operations, versions, reason); see what changed with`);
    console.error('  novaspec diff --base <the base revision\'s spec/dist> 2.N --path <path>.');
    return 1;
  }
  console.log(`published: ${baseline.versions.length} microversions as recorded${differences.length ? ` except ${differences.length} declared change(s)` : ''}`);
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'diff') return diffCommand(rest);
    if (command === 'published') return publishedCommand(rest);
    if (command === 'view') return viewCommand(rest);
    console.error(USAGE);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  } catch (error) {
    console.error(`novaspec ${command}: ${(error as Error).message}`);
    return 2;
  }
}

const invoked = process.argv[1] ? resolve(process.argv[1]) : '';
if (invoked.endsWith('/cli.js') || invoked.endsWith('/cli.ts') || invoked.endsWith('/novaspec')) process.exitCode = main(process.argv.slice(2));
