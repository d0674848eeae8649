/**
 * The floating IP and floating IP pool proxies (up to 2.35) over HTTP (issue 13): every operation
 * answers from its view at 2.35 and 404 with Nova's itemNotFound from 2.36.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

const ID = '6b2a4c8e-1d3f-4e5a-9b7c-0d2e4f6a8c1b';

function send(method: string, path: string, version: string, body?: unknown) {
  return fetch(`${mock.url}/v2.1${path}`, {
    method,
    headers: { 'X-Auth-Token': 'token', 'OpenStack-API-Version': `compute ${version}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const OPERATIONS: [string, string, number, unknown?][] = [
  ['GET', '/os-floating-ip-pools', 200], ['GET', '/os-floating-ips', 200], ['POST', '/os-floating-ips', 200, { pool: 'public' }],
  ['GET', `/os-floating-ips/${ID}`, 200], ['DELETE', `/os-floating-ips/${ID}`, 202],
];

describe('the floating IP proxies in the mock', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} every operation ${present ? 'answers' : 'is 404'}`, async () => {
      for (const [method, path, code, body] of OPERATIONS) {
        const response = await send(method, path, version, body);
        const text = await response.text();
        expect(response.status, `${method} ${path} at ${version}: ${text}`).toBe(present ? code : 404);
        if (!present) expect(JSON.parse(text)).toMatchObject({ itemNotFound: { code: 404 } });
      }
    });
  }

  it('refuses a pool that is not a string', async () => {
    const response = await send('POST', '/os-floating-ips', '2.35', { pool: 42 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
