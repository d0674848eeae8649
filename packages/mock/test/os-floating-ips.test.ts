/**
 * The floating IP and floating IP pool proxies (up to 2.35) over HTTP (issue 13): every operation
 * answers from its view at 2.35 and 404 with Nova's itemNotFound from 2.36.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';
import { itAnswersUpTo235, type ProxyOperation } from './support/proxy-range.ts';

const ID = '6b2a4c8e-1d3f-4e5a-9b7c-0d2e4f6a8c1b';

const send = useMockHttp();

const OPERATIONS: ProxyOperation[] = [
  ['GET', '/os-floating-ip-pools', 200], ['GET', '/os-floating-ips', 200], ['POST', '/os-floating-ips', 200, { pool: 'public' }],
  ['GET', `/os-floating-ips/${ID}`, 200], ['DELETE', `/os-floating-ips/${ID}`, 202],
];

describe('the floating IP proxies in the mock', () => {
  itAnswersUpTo235(send, OPERATIONS);

  it('refuses a pool that is not a string', async () => {
    const response = await send('POST', '/os-floating-ips', '2.35', { pool: 42 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
