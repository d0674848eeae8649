/**
 * Every operation and every server action of the spec, sent to the mock over HTTP at microversions
 * where it changes: the mock must answer with a success code the spec declares for it there (410 for
 * removed APIs) and a body valid against the spec's schema for that code at that microversion. The
 * requests are built from the spec's own examples, so a missing example fails here too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, dereference, operationForAction } from '@novaspec/microversions';
import { startMockServer, type MockServer } from '../src/index.ts';
import { exampleUrl } from './support/example-url.ts';

type Json = any; // spec documents, read by path

const require = createRequire(import.meta.url);
const versionsDir = dirname(require.resolve('@novaspec/spec/versions/index.json'));
const index = JSON.parse(readFileSync(join(versionsDir, 'index.json'), 'utf8')) as { versions: string[]; changesAt: Record<string, string[]> };
const view = (version: string): Json => JSON.parse(readFileSync(join(versionsDir, `${version}.json`), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete'];

const deref = (doc: Json, node: Json): Json => dereference(doc, node);

interface Case {
  id: string;
  version: string;
  method: string;
  url: string;
  body?: unknown;
  success: string[];
  responses: Json;
}

function firstExample(doc: Json, media: Json): unknown {
  const examples = Object.values<Json>(media?.examples ?? {});
  if (examples.length > 0) return deref(doc, examples[0]).value;
  return media?.example;
}

/** The cases of one view: one per operation, one per action of an action endpoint. */
function casesAt(version: string): Case[] {
  const doc = view(version);
  const cases: Case[] = [];
  for (const [template, rawItem] of Object.entries<Json>(doc.paths)) {
    if (template === '/' || template === '/v2.1/') continue; // version documents: covered by mock.test.ts
    const item = deref(doc, rawItem);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      // Required query parameters (`delete_info`) too, from their examples.
      const url = exampleUrl(doc, template, operation);
      const actions = method === 'post' ? actionsOf(doc, operation) : [];
      const variants = actions.length > 0
        ? actions.map((action) => ({ id: `${method.toUpperCase()} ${template}#${action.name}`, operation: operationForAction(doc, operation, action) }))
        : [{ id: `${method.toUpperCase()} ${template}`, operation }];
      for (const variant of variants) {
        const body = deref(doc, variant.operation.requestBody);
        const codes = Object.keys(variant.operation.responses);
        // A removed API's answer is its removal code (410, or what Nova really sends), not a success.
        const removed = variant.operation['x-openstack']?.removed === true || (variant.operation.deprecated && !codes.some((c) => c.startsWith('2')));
        // So is the answer of an operation that refuses every request at this microversion (console
        // auth tokens up to 2.30): one of its declared refusals.
        const refusesAll = !codes.some((c) => c.startsWith('2'));
        const success = removed || refusesAll ? codes.filter((code) => code !== '401') : codes.filter((code) => code.startsWith('2'));
        cases.push({
          id: variant.id, version, method, url, success, responses: variant.operation.responses,
          ...(body ? { body: firstExample(doc, body.content?.['application/json']) } : {}),
        });
      }
    }
  }
  return cases;
}

/** The microversions to try an operation at: the first, every one where it changes, the newest. */
function versionsFor(id: string): string[] {
  return [...new Set([index.versions[0]!, ...(index.changesAt[id] ?? []), index.versions.at(-1)!])];
}

const all = index.versions.flatMap(casesAt);
const chosen = all.filter((c) => versionsFor(c.id).includes(c.version) || (c.version === all.find((x) => x.id === c.id)?.version));

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

describe('every operation through the mock', () => {
  it('covers every operation and action of the spec', () => {
    const ids = new Set(all.map((c) => c.id));
    expect(ids.size).toBeGreaterThanOrEqual(74);
    expect(new Set(chosen.map((c) => c.id)).size).toBe(ids.size);
  });

  for (const c of chosen) {
    it(`${c.id} at ${c.version}`, async () => {
      const response = await fetch(`${mock.url}${c.url}`, {
        method: c.method.toUpperCase(),
        headers: { 'X-Auth-Token': 'contract', 'OpenStack-API-Version': `compute ${c.version}`, ...(c.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
      });
      const text = await response.text();
      expect(c.success, `${c.id} at ${c.version}: answered ${response.status} ${text.slice(0, 300)}`).toContain(String(response.status));
      const declared = deref(view(c.version), c.responses[String(response.status)]);
      const schema = declared?.content?.['application/json']?.schema;
      if (!schema) {
        expect(text, 'a response the spec declares without a body has none').toBe('');
        return;
      }
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      (addFormats as unknown as (a: unknown) => void)(ajv);
      ajv.addSchema(view(c.version), 'view');
      const validate = ajv.compile({ ...schema, $ref: schema.$ref ? `view${schema.$ref}` : undefined, ...(schema.$ref ? {} : { $defs: {} }) });
      const valid = validate(JSON.parse(text));
      expect(valid, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });
  }
});
