/**
 * Where the CLI reads a spec from: a built spec directory (`spec/dist`, or the spec package with its
 * `dist/`, whose views are computed from its `openapi.source.json` when a view's file is not there:
 * the published package ships none, ADR 0010; `@novaspec/spec-views/dist` has them all), one
 * all-versions document (`openapi.all.json|yaml`, `openapi.source.json`: ranges kept, so every view
 * can be computed), or the installed `@novaspec/spec` package.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { documentBounds, type JsonObject } from './annotations.ts';
import { formatVersion, parseVersion, versionsIn } from './version.ts';
import { viewAt } from './view.ts';

export interface SpecSource {
  /** What was read, for messages. */
  label: string;
  versions(): string[];
  /** Per operation, the microversions at which it changes, when the build recorded them. */
  changesAt?: Map<string, string[]>;
  view(version: string): JsonObject;
}

function readDocument(file: string): JsonObject {
  const text = readFileSync(file, 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as JsonObject;
}

function fromDocument(file: string): SpecSource {
  const document = readDocument(file);
  const bounds = documentBounds(document);
  const cache = new Map<string, JsonObject>();
  return {
    label: file,
    versions: () => versionsIn(bounds),
    view(version) {
      if (!cache.has(version)) cache.set(version, viewAt(document, version).document);
      return cache.get(version)!;
    },
  };
}

function fromVersionsDir(dir: string): SpecSource {
  const index = join(dir, 'index.json');
  const data = existsSync(index) ? (JSON.parse(readFileSync(index, 'utf8')) as { versions?: string[]; changesAt?: Record<string, string[]> }) : undefined;
  const listed = data?.versions;
  const source = join(dir, '..', 'openapi.source.json');
  let computed: SpecSource | undefined;
  return {
    label: dir,
    ...(data?.changesAt ? { changesAt: new Map(Object.entries(data.changesAt)) } : {}),
    versions: () => listed ?? [],
    view(version) {
      const file = join(dir, `${version}.json`);
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
      // The published @novaspec/spec ships the index but no precomputed views (ADR 0010): compute
      // the view from the all-versions source beside it, as the build does.
      computed ??= existsSync(source) ? fromDocument(source) : undefined;
      if (!computed) throw new Error(`${file}: no view at microversion ${version}, and no ${source} to compute it from`);
      return computed.view(version);
    },
  };
}

/** Opens a spec from a path (file or directory), or the installed `@novaspec/spec` when none is given. */
export function openSpec(location?: string, cwd = process.cwd()): SpecSource {
  let path = location ? resolve(cwd, location) : undefined;
  if (!path) {
    try {
      path = join(dirname(createRequire(join(cwd, 'noop.js')).resolve('@novaspec/spec/package.json')), 'dist');
    } catch {
      throw new Error('no spec given (--spec <dir-or-file>) and @novaspec/spec is not installed here');
    }
  }
  if (!existsSync(path)) throw new Error(`${path}: no such file or directory`);
  if (statSync(path).isFile()) return fromDocument(path);
  for (const dir of [join(path, 'versions'), join(path, 'dist', 'versions'), path]) {
    if (existsSync(join(dir, 'index.json')) || (existsSync(dir) && readdirSync(dir).some((name) => /^2\.\d+\.json$/.test(name)))) return fromVersionsDir(dir);
  }
  for (const file of ['openapi.all.json', 'openapi.source.json', 'openapi.all.yaml', join('dist', 'openapi.all.json')]) {
    if (existsSync(join(path, file))) return fromDocument(join(path, file));
  }
  throw new Error(`${path}: neither versions/2.N.json nor an all-versions document (openapi.all.json) is in it`);
}

export function checkVersion(text: string | undefined): string {
  const minor = text === undefined ? undefined : parseVersion(text);
  if (minor === undefined) throw new Error(`"${text ?? ''}" is not a microversion (write 2.N)`);
  return formatVersion(minor);
}
