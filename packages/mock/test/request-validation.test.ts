/**
 * The mock's fast verdict on a request (src/request-validation.ts) is Prism's verdict: for every
 * operation and server action at the microversions below, requests built from the spec's examples
 * and bent in the ways clients get them wrong (ids of other shapes, query values of other types,
 * undeclared parameters, bodies with a field missing, added, of the wrong type, not an object), and
 * random ones from fast-check. Wherever the fast verdict says something (true or false) it must be
 * what Prism's validateInput says (and nothing where Prism throws, so the mock answers as before); and it must say it for most valid requests, or the mock gains
 * nothing from it.
 */
import * as fc from 'fast-check';
import type { IHttpOperation } from '@stoplight/types';
import type { IHttpRequest } from '@stoplight/prism-http';
import { validateInput } from '@stoplight/prism-http/dist/validator/index.js';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { SpecIndex, locateSpecVersions } from '../src/operations.ts';
import { fastVerdict } from '../src/request-validation.ts';

const VERSIONS = ['2.1', '2.26', '2.47', '2.74', '2.90', '2.104'];
const spec = locateSpecVersions();
const index = new SpecIndex(spec.dir);

/** Prism's verdict; 'throws' where Prism's validator throws (a malformed %-escape in the path). */
function prismVerdict(resource: IHttpOperation, input: IHttpRequest): boolean | 'throws' {
  try {
    const result = validateInput({ resource, element: input });
    return E.isRight(result) || !result.left.some((violation) => violation.severity === 0);
  } catch {
    return 'throws';
  }
}

/**
 * The mock trusts a `true` (valid: answered without Prism's validation) and sends anything else to
 * Prism, so `true` must mean Prism finds no error, and `false` that it finds one or throws.
 */
const disagree = (fast: boolean | undefined, prism: boolean | 'throws') => (fast === true && prism !== true) || (fast === false && prism === true);

/** The request as the mock hands it to Prism: the negotiated version headers, JSON when there is a body. */
function request(method: string, path: string, query: Record<string, string | string[]>, body: unknown, version: string): IHttpRequest {
  const headers: Record<string, string> = { 'x-auth-token': 't', 'openstack-api-version': `compute ${version}`, 'x-openstack-nova-api-version': version };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(JSON.stringify(body)));
  }
  return { method: method as IHttpRequest['method'], url: { path, query }, headers, body };
}

/** Every operation at a version, each server action as its own operation (as the mock routes them). */
async function operationsAt(version: string): Promise<IHttpOperation[]> {
  const all: IHttpOperation[] = [];
  for (const operation of await index.operations(version)) {
    const facts = index.find(operation.path, version, operation.method);
    if (operation.method === 'post' && facts && facts.template === operation.path && facts.actions.size > 0) {
      for (const action of facts.actions) all.push(...(await index.actionOperations(version, operation.path, action)).filter((o) => o.method === 'post'));
    } else {
      all.push(operation);
    }
  }
  return all;
}

const exampleBodies = (operation: IHttpOperation): unknown[] =>
  (operation.request?.body?.contents ?? []).flatMap((content) => (content.examples ?? []).map((example) => (example as { value?: unknown }).value)).filter((v) => v !== undefined);

/** The same body bent: the first nested object has a field removed, retyped, nulled; an extra field at the top. */
function bent(body: unknown): unknown[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const out: unknown[] = [{ ...body, zz_undeclared: 1 }, {}, [], 'text', 0];
  const [top, inner] = Object.entries(body as Record<string, unknown>)[0] ?? [];
  if (top !== undefined && inner && typeof inner === 'object' && !Array.isArray(inner)) {
    const fields = Object.keys(inner);
    for (const field of fields.slice(0, 4)) {
      const { [field]: _gone, ...rest } = inner as Record<string, unknown>;
      out.push({ [top]: rest }, { [top]: { ...inner, [field]: 12345 } }, { [top]: { ...inner, [field]: null } }, { [top]: { ...inner, [field]: 'x'.repeat(300) } });
    }
    out.push({ [top]: { ...inner, zz_undeclared: true } });
  }
  return out;
}

function paths(operation: IHttpOperation): string[] {
  const names = (operation.request?.path ?? []).map((p) => p.name);
  if (names.length === 0) return [operation.path];
  const fill = (value: string) => names.reduce((path, name) => path.replace(`{${name}}`, value), operation.path);
  return ['9168b536-cd40-4630-b43f-b259807c6e87', '1', 'abc', 'a%20b', '00000000-0000-0000-0000-000000000000x'].map(fill);
}

function queries(operation: IHttpOperation): Record<string, string | string[]>[] {
  const out: Record<string, string | string[]>[] = [{}, { zz_undeclared: '1' }];
  for (const param of (operation.request?.query ?? []).slice(0, 12)) {
    for (const value of ['1', 'true', 'abc', '-5', '2024-01-01T00:00:00Z', '', ['a', 'b']] as const) out.push({ [param.name]: value as string | string[] });
  }
  return out;
}

describe('the fast verdict on requests is Prism\'s', () => {
  it.each(VERSIONS)('at %s, on every operation and action, from the examples and bent', async (version) => {
    const operations = await operationsAt(version);
    let cases = 0;
    let validCases = 0;
    let decidedValid = 0;
    const disagreements: string[] = [];
    for (const operation of operations) {
      const bodies = exampleBodies(operation);
      const bodyCases: unknown[] = operation.request?.body ? [...bodies, ...bodies.flatMap(bent), undefined] : [undefined, { unexpected: 1 }];
      const path0 = paths(operation)[0]!;
      const inputs: IHttpRequest[] = [
        ...paths(operation).map((path) => request(operation.method, path, {}, bodies[0], version)),
        ...queries(operation).map((query) => request(operation.method, path0, query, bodies[0], version)),
        ...bodyCases.map((body) => request(operation.method, path0, {}, body, version)),
      ];
      for (const input of inputs) {
        cases += 1;
        const prism = prismVerdict(operation, input);
        const fast = fastVerdict(operation, input);
        if (prism === true) validCases += 1;
        if (prism === true && fast === true) decidedValid += 1;
        if (disagree(fast, prism)) {
          disagreements.push(`${operation.method} ${operation.path} ${operation.id}: fast ${fast}, Prism ${prism}: ${JSON.stringify({ path: input.url.path, query: input.url.query, body: input.body })}`);
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(cases).toBeGreaterThan(2000);
    // The fast verdict decides nearly every valid request (the ones it leaves to Prism are the few
    // whose schema Ajv cannot compile on its own, and none of the examples).
    expect(decidedValid / validCases).toBeGreaterThan(0.95);
  }, 120_000);

  it('agrees on random bodies, queries and ids (fast-check)', async () => {
    const operations = (await operationsAt('2.104')).filter((operation) => operation.method !== 'get' || (operation.request?.query ?? []).length > 0);
    const disagreements: string[] = [];
    fc.assert(fc.property(
      fc.nat({ max: operations.length - 1 }),
      fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })),
      fc.dictionary(fc.oneof(fc.constantFrom('limit', 'marker', 'name', 'status', 'all_tenants', 'changes-since', 'sort_key', 'deleted'), fc.string({ maxLength: 6 })), fc.oneof(fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 })), { maxKeys: 3 }),
      fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/') && !s.includes('?') && !s.includes('#')), fc.constantFrom('%', '%zz', 'a%20b')),
      (position, body, query, id) => {
        const operation = operations[position]!;
        const path = (operation.request?.path ?? []).reduce((p, param) => p.replace(`{${param.name}}`, id), operation.path);
        const input = request(operation.method, path, query as Record<string, string | string[]>, body, '2.104');
        const fast = fastVerdict(operation, input);
        const prism = prismVerdict(operation, input);
        if (disagree(fast, prism)) disagreements.push(`${operation.method} ${operation.path}: fast ${fast}, Prism ${prism}: ${JSON.stringify({ path, query, body })}`);
        return true;
      },
    ), { numRuns: 3000, seed: 20261203 });
    expect(disagreements.slice(0, 10)).toEqual([]);
  }, 120_000);
});
