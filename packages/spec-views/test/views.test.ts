/**
 * The package holds what the spec's build computed, nothing more, nothing less: one view per
 * microversion of the spec's index, each the same document as the build's `spec/dist/versions/2.N.json`
 * (indented there, compact here), and its tarball ships those and the index only.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = join(import.meta.dirname, '..');
const built = join(here, 'dist', 'versions');
const specVersions = join(here, '..', '..', 'spec', 'dist', 'versions');
const { versions } = JSON.parse(readFileSync(join(specVersions, 'index.json'), 'utf8')) as { versions: string[] };

describe('@novaspec/spec-views', () => {
  it('has a view for every microversion of the spec and nothing else', () => {
    expect(versions.length).toBeGreaterThanOrEqual(104);
    expect(readdirSync(built).sort()).toEqual([...versions.map((v) => `${v}.json`), 'index.json'].sort());
  });

  it.each(versions)('%s is the document the spec build wrote', (version) => {
    const ours = readFileSync(join(built, `${version}.json`), 'utf8');
    const theirs = readFileSync(join(specVersions, `${version}.json`), 'utf8');
    expect(ours).toBe(JSON.stringify(JSON.parse(theirs)));
  });

  it('packs the views, the index, the changelog and the readme only', () => {
    const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: here, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { files: { path: string }[] }[];
    const files = report!.files.map((file) => file.path).sort();
    expect(files).toEqual(['CHANGELOG.md', 'README.md', 'package.json', ...versions.map((v) => `dist/versions/${v}.json`), 'dist/versions/index.json'].sort());
  });
});
