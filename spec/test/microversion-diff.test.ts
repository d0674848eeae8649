/**
 * What changes between microversions, computed from the spec (issue 16, parts 2 and 3): the diff of
 * two views, the changelog in dist/changelog.json, and the `novaspec diff` command.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MICROVERSION_SUMMARIES, changeLines, diffDocuments, microversionChangelog, type ChangelogEntry } from '@novaspec/microversions';
import { describe, expect, it } from 'vitest';
import { index, view } from './load.ts';

const specDir = join(import.meta.dirname, '..');
const cli = join(specDir, '..', 'packages', 'microversions', 'bin', 'novaspec.ts');
const changelog = JSON.parse(readFileSync(join(specDir, 'dist', 'changelog.json'), 'utf8')) as { versions: ChangelogEntry[] };
const entry = (version: string) => changelog.versions.find((e) => e.version === version)!;
const novaspec = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: specDir, encoding: 'utf8' });

describe('diffDocuments on the spec', () => {
  it('2.46 -> 2.47: only the embedded flavor of server answers changes', () => {
    const changes = diffDocuments(view('2.46'), view('2.47'));
    expect(changes.map((c) => c.operation)).toEqual(expect.arrayContaining(['GET /servers/{server_id}', 'GET /servers/detail', 'PUT /servers/{server_id}', 'POST /servers/{server_id}/action#rebuild']));
    for (const change of changes) {
      expect(change.change).toBe('changed');
      for (const fact of [...change.added, ...change.removed]) expect(fact.field, `${change.operation} ${fact.where}`).toMatch(/(^|\.|\[\])flavor(\.|$)/);
    }
    const show = changes.find((c) => c.operation === 'GET /servers/{server_id}')!;
    const lines = changeLines(show).map((l) => `${l.where}: ${l.sign} ${l.text}`);
    expect(lines).toContain('response 200 body: - server.flavor.id (string, required)');
    expect(lines).toContain('response 200 body: + server.flavor.original_name (string, required)');
    expect(lines).toContain('response 200 body: + server.flavor.extra_specs (object)');
  });

  it('finds nothing between a view and itself, and limits to a path', () => {
    expect(diffDocuments(view('2.50'), view('2.50'))).toEqual([]);
    const scoped = diffDocuments(view('2.46'), view('2.47'), { path: '/servers/{server_id}' });
    expect(scoped.map((c) => c.operation).sort()).toEqual(['GET /servers/{server_id}', 'POST /servers/{server_id}/action#rebuild', 'PUT /servers/{server_id}']);
  });
});

describe('the changelog (dist/changelog.json)', () => {
  it('has one entry per microversion after the first, each with its summary', () => {
    expect(changelog.versions.map((e) => e.version)).toEqual(index.versions.slice(1));
    for (const e of changelog.versions) expect(e.summary, e.version).toBe(MICROVERSION_SUMMARIES[e.version]);
    expect(Object.keys(MICROVERSION_SUMMARIES)).toEqual(expect.arrayContaining(index.versions));
  });

  it('lists 2.47\'s embedded flavor and 2.64\'s server group policy and rules, linked to their sections', () => {
    const flavor = entry('2.47').changes.find((c) => c.operation === 'GET /servers/{server_id}')!;
    expect(flavor.anchor).toBe('#/servers/showserver');
    expect(flavor.lines.map((l) => l.text)).toContain('server.flavor.original_name (string, required)');
    const group = entry('2.64').changes.find((c) => c.operation === 'POST /os-server-groups')!;
    const text = group.lines.map((l) => `${l.where}: ${l.sign} ${l.text}`);
    expect(text).toContain('request body: + server_group.policy (string, required)');
    expect(text).toContain('request body: + server_group.rules (object)');
    expect(text).toContain('request body: - server_group.policies (array, required)');
    expect(group.anchor).toMatch(/^#\/server-groups\//);
  });

  it('records operations added and removed, enum values and status codes', () => {
    expect(entry('2.78').changes).toContainEqual(expect.objectContaining({ operation: 'GET /servers/{server_id}/topology', change: 'added' }));
    expect(entry('2.103').changes.filter((c) => c.change === 'removed').map((c) => c.operation)).toContain('GET /os-volumes_boot');
    const enumLine = entry('2.15').changes.flatMap((c) => c.lines).map((l) => l.text);
    expect(enumLine).toContain('server_group.policies[]: enum value "soft-affinity" added');
    const statuses = entry('2.2').changes.concat(entry('2.101').changes).flatMap((c) => c.lines).filter((l) => l.where === 'status codes');
    expect(statuses.length).toBeGreaterThan(0);
  });

  it('is what a full comparison of every operation finds (the change points only make it fast)', () => {
    const versions = ['2.46', '2.47', '2.48', '2.63', '2.64'];
    const full = microversionChangelog(versions.slice(0, 3).map((version) => ({ version, document: view(version) })));
    expect(full.map((e) => e.changes.map((c) => c.operation).sort())).toEqual(['2.47', '2.48'].map((v) => entry(v).changes.map((c) => c.operation).sort()));
  });
});

describe('novaspec diff', () => {
  it('2.46 2.47 prints the flavor change and nothing unrelated', () => {
    const result = novaspec('diff', '2.46', '2.47', '--spec', 'dist');
    expect(result.status, result.stderr).toBe(0);
    const changed = result.stdout.split('\n').filter((line) => /^\s+[+-] /.test(line));
    expect(changed.length).toBeGreaterThan(0);
    for (const line of changed) expect(line).toMatch(/flavor\./);
    expect(result.stdout).toContain('+ server.flavor.vcpus (integer, required)');
  });

  it('--path keeps to one path and what lies below it', () => {
    const result = novaspec('diff', '2.46', '2.47', '--spec', 'dist', '--path', '/servers/{server_id}');
    const operations = result.stdout.split('\n').filter((line) => line.startsWith('~ '));
    expect(operations).toEqual(['~ GET /servers/{server_id}', '~ PUT /servers/{server_id}', '~ POST /servers/{server_id}/action#rebuild']);
  });

  it('--base compares two revisions of the spec at one microversion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'novaspec-diff-'));
    mkdirSync(join(dir, 'versions'));
    const doc = structuredClone(view('2.47'));
    const flavors = doc.paths['/flavors'].get;
    flavors.parameters = flavors.parameters.filter((p: { $ref?: string }) => p.$ref !== '#/components/parameters/FlavorsQueryMinDisk');
    writeFileSync(join(dir, 'versions', '2.47.json'), JSON.stringify(doc));
    const same = novaspec('diff', '--base', 'dist', '2.47', '--spec', 'dist');
    expect(same.stdout).toMatch(/no change on the wire/);
    const result = novaspec('diff', '--base', 'dist', '2.47', '--spec', dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^~ GET \/flavors$/m);
    expect(result.stdout).toMatch(/^\s+- parameter \(string\)$/m);
    expect(result.stdout).toMatch(/^\s+query parameter minDisk$/m);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('~ ') || line.startsWith('+ ') || line.startsWith('- '))).toEqual(['~ GET /flavors']);
  });

  it('says what is wrong with its arguments', () => {
    expect(novaspec('diff', '2.46').status).toBe(2);
    expect(novaspec('diff', '2.x', '2.47', '--spec', 'dist').stderr).toMatch(/not a microversion/);
  });
});
