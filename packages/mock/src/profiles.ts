/**
 * Vendor profiles (issue 15, ADR 0013): the mock can answer from a profile's views (computed from
 * `@novaspec/spec/profiles/<profile>/openapi.source.json`, built by the spec's bundle step) instead
 * of upstream's. Same layout as upstream, so the rest of the mock is unchanged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SpecVersions } from './operations.ts';

const require = createRequire(import.meta.url);

/** The profiles the spec package has built (folder names under its dist/profiles/). */
export function knownProfiles(): string[] {
  const dir = join(dirname(dirname(require.resolve('@novaspec/spec/versions/index.json'))), 'profiles');
  return existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(join(dir, name, 'versions', 'index.json'))).sort() : [];
}

export function locateProfileVersions(profile: string): SpecVersions {
  if (!knownProfiles().includes(profile)) {
    throw new Error(`unknown profile "${profile}"; the spec has ${knownProfiles().map((p) => `"${p}"`).join(', ') || 'none built'}`);
  }
  const index = require.resolve(`@novaspec/spec/profiles/${profile}/versions/index.json`);
  const parsed = JSON.parse(readFileSync(index, 'utf8')) as { min: string; max: string; versions: string[] };
  return { dir: dirname(index), min: parsed.min, max: parsed.max, versions: parsed.versions };
}
