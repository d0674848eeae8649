/**
 * The source layout of ADR 0007: from a URL to its one file in one step, from a resource to everything
 * it owns in one folder, and nothing lying around that no path uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const specDir = join(import.meta.dirname, '..');
const REF = /\$ref:\s*['"]?([^'"\s#]+)/g;

function yamlFiles(dir: string): string[] {
  return readdirSync(join(specDir, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => relative(specDir, join(entry.parentPath, entry.name)));
}

/** The files a file references, relative to the spec folder. */
function referencedBy(file: string): string[] {
  const text = readFileSync(join(specDir, file), 'utf8');
  return [...text.matchAll(REF)].map((match) => normalize(join(dirname(file), match[1]!)));
}

/** The folder a URL belongs in: its first segment; version discovery (`/`, `/v2.1/`, `/versions/...`) is `versions`. */
function resourceOf(url: string): string {
  const first = url.split('/')[1] ?? '';
  return first === '' || first === 'v2.1' ? 'versions' : first;
}

const files = [...yamlFiles('resources'), ...yamlFiles('shared')];
const rootText = readFileSync(join(specDir, 'openapi.yaml'), 'utf8');
const pathEntries = [...rootText.matchAll(/^ {2}(\/\S*):\n {4}\$ref: (\S+)$/gm)].map((m) => ({ url: m[1]!, file: m[2]! }));

describe('the source layout (ADR 0007)', () => {
  it('lists every path with its file at resources/<first URL segment>/<URL with / as _>.yaml', () => {
    expect(pathEntries.length).toBeGreaterThan(30);
    const misplaced = pathEntries
      .map(({ url, file }) => ({ url, file, want: `resources/${resourceOf(url)}/${url === '/' ? '_root' : url.slice(1).replaceAll('/', '_')}.yaml` }))
      .filter(({ file, want }) => file !== want)
      .map(({ url, file, want }) => `${url}: ${file}, want ${want}`);
    expect(misplaced).toEqual([]);
  });

  it('keeps a resource folder\'s components for that resource: anything another resource uses is in shared/', () => {
    const leaks: string[] = [];
    for (const file of files) {
      const owner = file.startsWith('resources/') ? file.split('/')[1] : undefined;
      for (const target of referencedBy(file)) {
        const targetOwner = target.startsWith('resources/') ? target.split('/')[1] : undefined;
        if (targetOwner && targetOwner !== owner) leaks.push(`${file} uses ${target}: move it to shared/`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has no resource file that nothing references, and no reference to a missing file', () => {
    const reached = new Set<string>();
    const missing: string[] = [];
    const stack = [...referencedBy('openapi.yaml')];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (reached.has(file)) continue;
      if (!files.includes(file)) {
        missing.push(file);
        continue;
      }
      reached.add(file);
      stack.push(...referencedBy(file));
    }
    expect(missing).toEqual([]);
    // shared/ may hold a fault response ahead of its first user (413 overLimit, 503); a resource's file
    // that nothing references is dead.
    expect(files.filter((file) => file.startsWith('resources/') && !reached.has(file))).toEqual([]);
  });

  it('names every component file uniquely, since the bundle names components by file name', () => {
    const components = files.filter((file) => !pathEntries.some((entry) => entry.file === file));
    const byName = new Map<string, string[]>();
    for (const file of components) {
      const key = `${basename(dirname(file))}/${basename(file)}`;
      byName.set(key, [...(byName.get(key) ?? []), file]);
    }
    expect([...byName.values()].filter((list) => list.length > 1)).toEqual([]);
  });
});
