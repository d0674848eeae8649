/**
 * The published-microversion check (issue 16, part 4): every operation at every microversion, as the
 * current spec builds it, against the recorded state (published.json); a difference fails unless a
 * file in changes/ declares it. And the check itself: a deliberately altered view must fail it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  comparePublished, formatPublished, fromBaseline, parseDeclarations, publishedHashes, type PublishedBaseline,
} from '@novaspec/microversions';
import { describe, expect, it } from 'vitest';
import { index, view } from './load.ts';

const specDir = join(import.meta.dirname, '..');
const cli = join(specDir, '..', 'packages', 'microversions', 'bin', 'novaspec.ts');
const baseline = JSON.parse(readFileSync(join(specDir, 'published.json'), 'utf8')) as PublishedBaseline;

describe('the published microversions', () => {
  it('are what published.json records, or the change is declared in changes/', () => {
    const result = spawnSync(process.execPath, [cli, 'published', '--spec', 'dist'], { cwd: specDir, encoding: 'utf8' });
    // The report lists every undeclared difference per operation and microversion.
    expect(`${result.stdout}${result.stderr}`.split('\n').filter((line) => line.startsWith('UNDECLARED'))).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  });
});

describe('the check', () => {
  const versions = ['2.46', '2.47', '2.48'];
  const recorded = fromBaseline(baseline);
  const only = new Map([...recorded].filter(([version]) => versions.includes(version)));

  function altered(): ReturnType<typeof view> {
    // What 2.47 says about a shown server: its flavor loses `vcpus`, as a careless edit might do.
    const doc = structuredClone(view('2.47'));
    const schemas = doc.components.schemas;
    const name = Object.keys(schemas).find((key) => schemas[key]?.properties?.original_name && schemas[key]?.properties?.vcpus);
    expect(name).toBeDefined();
    delete schemas[name!].properties.vcpus;
    schemas[name!].required = schemas[name!].required.filter((field: string) => field !== 'vcpus');
    return doc;
  }

  it('fails on an altered 2.47 and names the microversion and the operations', () => {
    const current = publishedHashes(versions.map((version) => ({ version, document: version === '2.47' ? altered() : view(version) })));
    const differences = comparePublished(only, current);
    expect(differences.length).toBeGreaterThan(0);
    expect(new Set(differences.map((d) => d.version))).toEqual(new Set(['2.47']));
    expect(differences.map((d) => d.operation)).toContain('GET /servers/{server_id}');
    expect(differences.every((d) => d.change === 'changed' && !d.declaredBy)).toBe(true);
    expect(formatPublished(differences, baseline.versions)).toContain('UNDECLARED: GET /servers/{server_id} changed at 2.47');
  });

  it('passes the same change once it is declared, and says so', () => {
    const current = publishedHashes(versions.map((version) => ({ version, document: version === '2.47' ? altered() : view(version) })));
    const declarations = parseDeclarations({ operations: ['/servers', '/os-volumes_boot'], versions: '2.47-2.104', reason: 'test: flavor vcpus' }, 'test.yaml');
    const differences = comparePublished(only, current, declarations);
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((d) => d.declaredBy)).toBe(true);
    // A declaration for other microversions does not cover it.
    const elsewhere = parseDeclarations({ operations: ['*'], versions: '2.48-2.104', reason: 'test' });
    expect(comparePublished(only, current, elsewhere).some((d) => !d.declaredBy)).toBe(true);
  });

  it('refuses a declaration without a reason, versions or operations', () => {
    expect(() => parseDeclarations({ operations: ['*'], versions: 'all' })).toThrow(/reason/);
    expect(() => parseDeclarations({ operations: ['*'], reason: 'x' })).toThrow(/microversions/);
    expect(() => parseDeclarations({ versions: 'all', reason: 'x' })).toThrow(/operations/);
    expect(() => parseDeclarations({ operations: ['*'], versions: '2.x', reason: 'x' })).toThrow(/2\.N/);
  });

  it('fails from the command line on an altered built spec, and passes with a declaration file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'novaspec-published-'));
    mkdirSync(join(dir, 'dist', 'versions'), { recursive: true });
    for (const version of versions) {
      writeFileSync(join(dir, 'dist', 'versions', `${version}.json`), JSON.stringify(version === '2.47' ? altered() : view(version)));
    }
    writeFileSync(join(dir, 'dist', 'versions', 'index.json'), JSON.stringify({ versions }));
    const run = () => spawnSync(process.execPath, [cli, 'published', '--spec', join(dir, 'dist'), '--baseline', join(specDir, 'published.json'), '--changes', join(dir, 'changes')], { encoding: 'utf8' });
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^UNDECLARED: GET \/servers\/\{server_id\} changed at 2\.47$/m);
    mkdirSync(join(dir, 'changes'));
    writeFileSync(join(dir, 'changes', 'flavor.yaml'), 'operations: [/servers, /os-volumes_boot]\nversions: 2.47\nreason: test\n');
    const passed = run();
    expect(passed.stdout).toMatch(/^declared: GET \/servers\/\{server_id\} changed at 2\.47/m);
    expect(passed.status, passed.stderr).toBe(0);
  });

  it('records every built microversion', () => {
    expect(baseline.versions).toEqual(index.versions);
  });
});
