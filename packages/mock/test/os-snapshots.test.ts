/**
 * The volume snapshots proxy (up to 2.35) over HTTP (issue 13): every operation answers from its view at 2.35
 * and 404 with Nova's itemNotFound from 2.36; a body Nova's schema refuses gets Nova's 400.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';
import { itAnswersUpTo235, type ProxyOperation } from './support/proxy-range.ts';

const ID = '7a9c1e3b-5d2f-4b6a-8e0c-2f4a6b8d0c1e';

const send = useMockHttp();

const OPERATIONS: ProxyOperation[] = [
  ['GET', '/os-snapshots', 200], ['GET', '/os-snapshots/detail', 200], ['GET', `/os-snapshots/${ID}`, 200], ['DELETE', `/os-snapshots/${ID}`, 202],
  ['POST', '/os-snapshots', 200, { snapshot: { volume_id: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e', force: true } }],
];

describe('the volume snapshots proxy in the mock', () => {
  itAnswersUpTo235(send, OPERATIONS);

  it('shows the camel-case shape of the old volumes extension at 2.35', async () => {
    const response = await send('GET', `/os-snapshots/${ID}`, '2.35');
    const answer = await response.json();
    expect(answer.snapshot).toMatchObject({ id: ID });
    expect(Object.keys(answer.snapshot)).toEqual(expect.arrayContaining(['createdAt', 'displayName', 'displayDescription']));
  });

  it('refuses a create body Nova\'s schema refuses, with a badRequest', async () => {
    const response = await send('POST', '/os-snapshots', '2.35', { snapshot: { volume_id: '0e1a4b6c-3d5f-4a7b-9c2e-8f6d1b3a5c7e', force: 'maybe' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
