/**
 * Answers Prism generates from the schema (asked for with `Prefer: dynamic=true`, or where the spec
 * has no example at a microversion) must stay inside what Nova can send: valid against the view of
 * that microversion (formats and enums included), and inside the bounds Nova's code and schemas
 * give the values (FACTS below), which a loose schema would let a generator break (a `progress` of
 * 73,266,824.21 percent). Every operation and action, at the microversions where it changes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, dereference, operationForAction } from '@novaspec/microversions';
import { startMockServer, type MockServer } from '../src/index.ts';
import { exampleUrl } from './support/example-url.ts';

type Json = any; // spec documents, read by path

const require = createRequire(import.meta.url);
const versionsDir = dirname(require.resolve('@novaspec/spec/versions/index.json'));
const index = JSON.parse(readFileSync(join(versionsDir, 'index.json'), 'utf8')) as { versions: string[]; changesAt: Record<string, string[]> };
const views = new Map<string, Json>();
const view = (version: string): Json => {
  if (!views.has(version)) views.set(version, JSON.parse(readFileSync(join(versionsDir, `${version}.json`), 'utf8')));
  return views.get(version);
};
const deref = (doc: Json, node: Json): Json => dereference(doc, node);

type Fact = { min?: number; max?: number; integer?: boolean };
const COUNT: Fact = { min: 0, integer: true };
const QUOTA: Fact = { min: -1, integer: true }; // -1 is "unlimited"
const PORT: Fact = { min: 1, max: 65535, integer: true };
/**
 * What Nova's code and schemas bound, by property name (Nova 34, nova/api/openstack/compute/ and
 * packages/conformance/nova-schemas/nova-34.0.0.json). A value may also be null where the view allows it.
 */
const FACTS: Record<string, Fact> = {
  // Instance.progress is an integer field the compute manager writes as a percentage.
  progress: { min: 0, max: 100, integer: true },
  // Flavors: the create schema's bounds (ram and vcpus at least 1, disk, swap and ephemeral 0 or more).
  ram: QUOTA, vcpus: QUOTA, disk: COUNT, swap: COUNT, ephemeral: COUNT, 'OS-FLV-EXT-DATA:ephemeral': COUNT,
  // Quotas and limits: counts, with -1 for unlimited.
  cores: QUOTA, instances: QUOTA, key_pairs: QUOTA, metadata_items: QUOTA, injected_files: QUOTA,
  injected_file_content_bytes: QUOTA, injected_file_path_bytes: QUOTA, server_groups: QUOTA, server_group_members: QUOTA,
  fixed_ips: QUOTA, floating_ips: QUOTA, security_groups: QUOTA, security_group_rules: QUOTA, in_use: QUOTA, reserved: QUOTA,
  // Sizes, counters and durations.
  size: COUNT, 'OS-EXT-IMG-SIZE:size': COUNT, minDisk: COUNT, minRam: COUNT, uptime: COUNT, local_gb: COUNT, memory_mb: COUNT,
  'OS-EXT-SRV-ATTR:launch_index': COUNT, total_hours: { min: 0 }, hours: { min: 0 }, total_local_gb_usage: { min: 0 },
  total_memory_mb_usage: { min: 0 }, total_vcpus_usage: { min: 0 }, errors: COUNT, total_errors: COUNT, total_instances: COUNT,
  num_hosts: COUNT, num_hosts_done: COUNT, num_hosts_not_run: COUNT, num_hosts_running: COUNT,
  // Console connection ports; security group rule ports (-1: any, for ICMP).
  port: PORT, tls_port: PORT, from_port: { min: -1, max: 65535, integer: true }, to_port: { min: -1, max: 65535, integer: true },
};

/** Where a value breaks a fact: `path: value`. */
function breaches(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => breaches(item, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const fact = FACTS[key];
    if (fact && typeof child === 'number') {
      const wrong = (fact.integer && !Number.isInteger(child)) || (fact.min !== undefined && child < fact.min) || (fact.max !== undefined && child > fact.max);
      if (wrong) out.push(`${path}.${key}: ${child}`);
    }
    out.push(...breaches(child, `${path}.${key}`));
  }
  return out;
}

interface Case { id: string; version: string; method: string; url: string; body?: unknown; responses: Json; hasExample: boolean }

const firstExample = (doc: Json, media: Json): unknown => {
  const examples = Object.values<Json>(media?.examples ?? {});
  return examples.length > 0 ? deref(doc, examples[0]).value : media?.example;
};

function casesAt(version: string): Case[] {
  const doc = view(version);
  const cases: Case[] = [];
  for (const [template, rawItem] of Object.entries<Json>(doc.paths)) {
    if (template === '/' || template === '/v2.1/') continue;
    const item = deref(doc, rawItem);
    for (const method of ['get', 'put', 'post', 'delete']) {
      const operation = item[method];
      if (!operation) continue;
      const url = exampleUrl(doc, template, operation);
      const actions = method === 'post' ? actionsOf(doc, operation) : [];
      const variants = actions.length > 0
        ? actions.map((action) => ({ id: `${method.toUpperCase()} ${template}#${action.name}`, operation: operationForAction(doc, operation, action) }))
        : [{ id: `${method.toUpperCase()} ${template}`, operation }];
      for (const variant of variants) {
        const codes = Object.keys(variant.operation.responses);
        if (variant.operation['x-openstack']?.removed === true || !codes.some((c) => c.startsWith('2'))) continue; // no success to generate
        const success = deref(doc, variant.operation.responses[codes.filter((c) => c.startsWith('2')).sort()[0]!]);
        const media = success?.content?.['application/json'];
        if (!media?.schema) continue; // an answer without a body
        const body = deref(doc, variant.operation.requestBody);
        cases.push({
          id: variant.id, version, method, url, responses: variant.operation.responses,
          hasExample: media.example !== undefined || Object.keys(media.examples ?? {}).length > 0,
          ...(body ? { body: firstExample(doc, body.content?.['application/json']) } : {}),
        });
      }
    }
  }
  return cases;
}

const versionsFor = (id: string) => [...new Set([index.versions[0]!, ...(index.changesAt[id] ?? []), index.versions.at(-1)!])];
const all = index.versions.flatMap(casesAt);
const chosen = all.filter((c) => versionsFor(c.id).includes(c.version) || c.version === all.find((x) => x.id === c.id)?.version);

const validators = new Map<string, Ajv2020>();
function validatorFor(version: string, schema: Json): ValidateFunction {
  let ajv = validators.get(version);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    ajv.addSchema(view(version), 'view');
    validators.set(version, ajv);
  }
  return ajv.compile({ ...schema, $ref: schema.$ref ? `view${schema.$ref}` : undefined, ...(schema.$ref ? {} : { $defs: {} }) });
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

/** Generated answers are random: each case is asked a few times. */
const SAMPLES = 3;

describe('generated answers stay inside the facts', () => {
  it('covers the operations with a body to generate, some without an example at a microversion', () => {
    expect(new Set(chosen.map((c) => c.id)).size).toBeGreaterThanOrEqual(90);
    expect(chosen.some((c) => !c.hasExample)).toBe(true);
  });

  for (const c of chosen) {
    it(`${c.id} at ${c.version}${c.hasExample ? '' : ' (no example)'}`, async () => {
      const send = (prefer: boolean) => fetch(`${mock.url}${c.url}`, {
        method: c.method.toUpperCase(),
        headers: {
          'X-Auth-Token': 'facts', 'OpenStack-API-Version': `compute ${c.version}`,
          ...(prefer ? { Prefer: 'dynamic=true' } : {}), ...(c.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
      });
      // Asked for generation, and (where the spec has no example) not asked: both are generated.
      const asks = [...Array.from({ length: SAMPLES }, () => true), ...(c.hasExample ? [] : [false])];
      for (const prefer of asks) {
        const response = await send(prefer);
        const text = await response.text();
        expect(response.status, `${c.id} at ${c.version}: ${text.slice(0, 300)}`).toBeLessThan(300);
        const schema = deref(view(c.version), c.responses[String(response.status)])?.content?.['application/json']?.schema;
        if (!schema) continue;
        const answer = JSON.parse(text);
        const validate = validatorFor(c.version, schema);
        expect(validate(answer), `${c.id} at ${c.version}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        expect(breaches(answer).join(', '), `${c.id} at ${c.version}${prefer ? ' (Prefer: dynamic=true)' : ''}`).toBe('');
      }
    });
  }
});
