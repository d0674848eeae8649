/**
 * Vendor profiles (issue 15): each seed's own sample answer is valid, strictly (an undeclared
 * property is an error, as in packages/conformance/src/spec.ts), against its profile's view at the
 * microversion the seed was taken at, and (where it carries vendor fields) invalid against upstream's.
 * The samples are in test/fixtures/profiles/, copied from the seed files named below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { mediaExamples, type Json } from './load.ts';

const dist = join(import.meta.dirname, '..', 'dist');
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'profiles', `${name}.json`), 'utf8'));

/** The same rule as the conformance suite's closeSchema: an object with properties is closed. */
function closeSchema(schema: Json, seen = new Set<object>()): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if (Array.isArray(schema)) return schema.forEach((item) => closeSchema(item, seen));
  if (schema.properties && !('additionalProperties' in schema) && !('unevaluatedProperties' in schema) && !('patternProperties' in schema)) {
    schema.additionalProperties = false;
  }
  for (const [key, value] of Object.entries<Json>(schema)) {
    if (key === 'example' || key === 'examples' || key === 'enum' || key === 'const') continue;
    if (value && typeof value === 'object') closeSchema(value, seen);
  }
}

function viewOf(profile: string | undefined, version: string): Json {
  const dir = profile ? join(dist, 'profiles', profile) : dist;
  const doc = JSON.parse(readFileSync(join(dir, 'versions', `${version}.json`), 'utf8'));
  closeSchema(doc.components);
  closeSchema(doc.paths);
  return doc;
}

const validators = new Map<string, Ajv2020>();
const compiled = new Map<string, ReturnType<Ajv2020['compile']>>();
function validate(profile: string | undefined, version: string, pointer: string, value: unknown) {
  const key = `${profile ?? 'upstream'}@${version}`;
  let ajv = validators.get(key);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true, validateFormats: true });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    ajv.addSchema(viewOf(profile, version), 'view');
    validators.set(key, ajv);
  }
  let check = compiled.get(`${key}#${pointer}`);
  if (!check) {
    check = ajv.compile({ $ref: `view#${pointer}` });
    compiled.set(`${key}#${pointer}`, check);
  }
  const ok = check(value) as boolean;
  return { ok, errors: (check.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) };
}

/** The pointer of an operation's JSON body schema (request, or the answer with this status), past a response $ref. */
function ptr(path: string, method: string, status?: string): string {
  const doc = viewOf(undefined, '2.1');
  const op = `/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`;
  if (!status) return `${op}/requestBody/content/application~1json/schema`;
  const ref = doc.paths[path][method].responses[status].$ref as string | undefined;
  return `${ref ? ref.slice(1) : `${op}/responses/${status}`}/content/application~1json/schema`;
}

/** Ajv names undeclared properties in additionalProperty params. */
const undeclared = (errors: string[]) =>
  [...new Set(errors.filter((e) => e.includes('additionalProperty')).map((e) => `${e.split(' ')[0]}:${JSON.parse(e.slice(e.indexOf('{'))).additionalProperty}`))];

describe('VHI profile (seeds 000 and 002)', () => {
  // 000_f4471d285d978c3d.txt, "Sample Response" of GET /v2.1/servers/{server_id}; taken at 2.1 (flavor
  // as id and links, no locked, no delete_on_termination).
  const show = fixture('vhi-get-vm-details.response');

  it("validates the VHI page's own server answer strictly at 2.1", () => {
    const result = validate('vhi', '2.1', ptr('/servers/{server_id}', 'get', '200'), show);
    expect(result.errors).toEqual([]);
  });

  it('refuses it under upstream, naming exactly the fields VHI adds', () => {
    const result = validate(undefined, '2.1', ptr('/servers/{server_id}', 'get', '200'), show);
    expect(result.ok).toBe(false);
    const extra = undeclared(result.errors).filter((e) => e.startsWith('/server:') || e.startsWith('/server/os-extended-volumes'));
    expect(extra.sort()).toEqual([
      '/server/os-extended-volumes:volumes_attached/0:size',
      '/server:OS-EXT-STS:power_state_reason', '/server:allow_set_password', '/server:guest_agent', '/server:hci_info',
      '/server:image_metadata', '/server:memory_mb', '/server:required_traits', '/server:root_gb', '/server:username',
      '/server:vcpu_model', '/server:vcpus',
    ].sort());
  });

  it('stops memory_mb after 2.87, as the page says', () => {
    const at = (v: string) => JSON.parse(readFileSync(join(dist, 'profiles', 'vhi', 'versions', `${v}.json`), 'utf8')).components.schemas.Server.properties;
    expect(at('2.87').memory_mb).toBeDefined();
    expect(at('2.88').memory_mb).toBeUndefined();
    expect(at('2.88').vcpu_model['x-vendor']).toBe('vhi');
  });

  // 002_80e71423a3e9b9bf.txt, "13.4.1.1. Example" (request) and "13.4.2.2. Example" (answer); taken at 2.1.
  it("validates Virtuozzo's update request and answer at 2.1 (the answer's host placeholder made a host)", () => {
    expect(validate('vhi', '2.1', ptr('/servers/{server_id}', 'put'), fixture('vhi-update.request')).errors).toEqual([]);
    // The page writes `https://<node_IP_addr>:8774/...` in its links, a placeholder that is no URI.
    const answer = JSON.parse(JSON.stringify(fixture('vhi-update.response')).replaceAll('<node_IP_addr>', 'vhi.example.com'));
    expect(validate('vhi', '2.1', ptr('/servers/{server_id}', 'put', '200'), answer).errors).toEqual([]);
    // It carries no vendor field, so upstream accepts it too.
    expect(validate(undefined, '2.1', ptr('/servers/{server_id}', 'put', '200'), answer).errors).toEqual([]);
  });

  it('takes one parameter per update on VHI (upstream takes several)', () => {
    const two = { server: { name: 'vm1-renamed', accessIPv4: '203.0.113.10' } };
    expect(validate('vhi', '2.19', ptr('/servers/{server_id}', 'put'), two).ok).toBe(false);
    expect(validate(undefined, '2.19', ptr('/servers/{server_id}', 'put'), two).errors).toEqual([]);
  });
});

describe('Huawei BMS profile (seed 001)', () => {
  // 001_791346e391ec8567.txt, "Example response" of GET /v2.1/{project_id}/servers/detail; taken at 2.1.
  const list = fixture('huawei-bms-servers-detail.response');
  const ours = {
    servers: [{
      ...list.servers[0],
      sys_tags: [{ key: '_sys_enterprise_project_id', value: '0' }],
      enterprise_project_id: '0',
      'os:scheduler_hints': { group: ['5e1a8c2d-3f4b-4c6d-9e8f-0a1b2c3d4e5f'] },
    }],
  };

  it("validates the Huawei page's own answer strictly at 2.1", () => {
    expect(validate('huawei-bms', '2.1', ptr('/servers/detail', 'get', '200'), list).errors).toEqual([]);
    // The page's example carries none of the Huawei fields (its tables do): upstream accepts it too.
    expect(validate(undefined, '2.1', ptr('/servers/detail', 'get', '200'), list).errors).toEqual([]);
  });

  it('validates our own example with the Huawei fields, which upstream refuses', () => {
    expect(validate('huawei-bms', '2.1', ptr('/servers/detail', 'get', '200'), ours).errors).toEqual([]);
    const upstream = validate(undefined, '2.1', ptr('/servers/detail', 'get', '200'), ours);
    expect(upstream.ok).toBe(false);
    expect(undeclared(upstream.errors).filter((e) => e.startsWith('/servers/0:')).sort())
      .toEqual(['/servers/0:enterprise_project_id', '/servers/0:os:scheduler_hints', '/servers/0:sys_tags']);
  });

  it('has the project-id URL form as its only server', () => {
    const doc = viewOf('huawei-bms', '2.1');
    expect(doc.servers.map((s: Json) => s.url)).toEqual(['{endpoint}/v2.1/{project_id}']);
  });
});

describe('profile views', () => {
  for (const profile of ['vhi', 'huawei-bms']) {
    it(`${profile}: every example of the views at 2.1, 2.47 and the newest is valid`, () => {
      for (const version of ['2.1', '2.47', '2.104']) {
        const doc = viewOf(profile, version);
        const bad = mediaExamples(doc).map((ex) => ({ ex, r: validate(profile, version, ex.schemaPointer, ex.value) }))
          .filter(({ r }) => !r.ok).map(({ ex, r }) => `${version} ${ex.pointer}: ${r.errors.slice(0, 3).join('; ')}`);
        expect(bad).toEqual([]);
      }
    }, 600_000);
  }
});
