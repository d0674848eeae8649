/**
 * The volumes proxy (up to 2.35) over HTTP (issue 13): every operation answers from its view at 2.35
 * and 404 with Nova's itemNotFound from 2.36; a body Nova's schema refuses gets Nova's 400.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';
import { itAnswersUpTo235, type ProxyOperation } from './support/proxy-range.ts';

const ID = '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e';

const send = useMockHttp();

const OPERATIONS: ProxyOperation[] = [
  ['GET', '/os-volumes', 200], ['GET', '/os-volumes/detail', 200], ['GET', `/os-volumes/${ID}`, 200], ['DELETE', `/os-volumes/${ID}`, 202],
  ['POST', '/os-volumes', 200, { volume: { size: 20, display_name: 'pg-data' } }],
];

describe('the volumes proxy in the mock', () => {
  itAnswersUpTo235(send, OPERATIONS);

  it('shows the camel-case shape of the old volumes extension at 2.35', async () => {
    const response = await send('GET', `/os-volumes/${ID}`, '2.35');
    const answer = await response.json();
    expect(answer.volume).toMatchObject({ id: ID });
    expect(Object.keys(answer.volume)).toEqual(expect.arrayContaining(['createdAt', 'displayName', 'displayDescription']));
  });

  it('refuses a create body Nova\'s schema refuses, with a badRequest', async () => {
    const response = await send('POST', '/os-volumes', '2.35', { volume: { size: 0 } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
