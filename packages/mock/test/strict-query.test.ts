/**
 * Nova's closed query strings (`x-openstack.strict-query`, strict-query.ts): for every operation the
 * spec records as strict from some microversion, an undeclared query parameter is refused there
 * with Nova's 400 and its jsonschema wording, and ignored at the microversion before, as Nova 34
 * does (the conformance suite checks the same against the real one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.ts';
import { SpecIndex, locateSpecVersions } from '../src/operations.ts';
import { exampleRequest } from './support/example-url.ts';

type Json = any;
const located = locateSpecVersions();
const index = new SpecIndex(located.dir);
const source: Json = JSON.parse(readFileSync(join(located.dir, '..', 'openapi.source.json'), 'utf8'));
const before = (version: string) => located.versions[located.versions.indexOf(version) - 1];

/** Every operation strict from some microversion, with that microversion. */
const strictOperations = Object.entries<Json>(source.paths).flatMap(([template, item]) => ['get', 'put', 'post', 'delete']
  .filter((method) => item[method]?.['x-openstack']?.['strict-query'])
  .map((method) => ({ template, method, from: item[method]['x-openstack']['strict-query']['min-ver'] as string })));

/** The operation's URL at a version: its path parameters and required query parameters from their examples. */
function urlOf(version: string, template: string, method: string): string {
  const doc = index.document(version);
  const { path, query } = exampleRequest(doc, template, index.resolve(version, doc.paths[template])[method]);
  return `${path}?${query}${query.size > 0 ? '&' : ''}`;
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

async function send(version: string, method: string, url: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${mock.endpoint}${url}`, { method: method.toUpperCase(), headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('closed query strings', () => {
  it('the spec records strict operations (57 at Nova 34)', () => {
    expect(strictOperations.length).toBeGreaterThanOrEqual(57);
  });

  for (const { template, method, from } of strictOperations) {
    it(`${method.toUpperCase()} ${template}: refused from ${from}, ignored before`, async () => {
      expect(index.operation(from, template, method)['x-openstack']['strict-query']).toBe(true);
      const strict = await send(from, method, `${urlOf(from, template, method)}novaspec_probe=1`);
      expect(strict.status, JSON.stringify(strict.body)).toBe(400);
      expect(strict.body).toEqual({ badRequest: { code: 400, message: "Additional properties are not allowed ('novaspec_probe' was unexpected)" } });
      const earlier = before(from);
      if (!earlier || !index.operation(earlier, template, method)) return;
      const plain = await send(earlier, method, urlOf(earlier, template, method));
      const probed = await send(earlier, method, `${urlOf(earlier, template, method)}novaspec_probe=1`);
      expect(probed.status).toBe(plain.status);
    });
  }

  it('names every extra in the order given, declared ones and Prism\'s controls pass', async () => {
    const many = await send('2.75', 'get', '/servers?zebra=1&limit=1&alpha=2&zebra=3');
    expect(many.body.badRequest.message).toBe("Additional properties are not allowed ('zebra', 'alpha' were unexpected)");
    // jsonschema reports the closed root before a bad value of a declared parameter.
    const both = await send('2.75', 'get', '/servers?limit=abc&alpha=2');
    expect(both.body.badRequest.message).toBe("Additional properties are not allowed ('alpha' was unexpected)");
    expect((await send('2.75', 'get', '/servers?limit=1&name=web&status=ACTIVE')).status).toBe(200);
    // __code is the mock's own control (Prism's), not a Nova parameter.
    expect((await send('2.75', 'get', '/servers?__code=403')).status).toBe(403);
  });

  it('holds in stateful mode too', async () => {
    const stateful = await startMockServer({ port: 0, stateful: true });
    try {
      const response = await fetch(`${stateful.endpoint}/os-keypairs?colour=blue`, { headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': 'compute 2.75' } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).badRequest.message).toBe("Additional properties are not allowed ('colour' was unexpected)");
    } finally {
      await stateful.close();
    }
  });
});
