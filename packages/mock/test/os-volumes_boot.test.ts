/**
 * os-volumes_boot, the alias of /servers, over HTTP (issue 13): it answers like /servers up to 2.102
 * (the same body for the same request) and 404 from 2.103; its action endpoint takes its nine
 * actions only.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';

const send = useMockHttp();

describe('os-volumes_boot in the mock', () => {
  for (const version of ['2.1', '2.47', '2.102']) {
    it(`at ${version} shows a server exactly as /servers does`, async () => {
      const alias = await send('GET', `/os-volumes_boot/${SERVER}`, version);
      const original = await send('GET', `/servers/${SERVER}`, version);
      expect(alias.status).toBe(200);
      expect(await alias.json()).toEqual(await original.json());
    });
  }

  it('answers 404 with itemNotFound from 2.103, on every path', async () => {
    for (const [method, path, body] of [
      ['GET', '/os-volumes_boot'], ['GET', '/os-volumes_boot/detail'], ['GET', `/os-volumes_boot/${SERVER}`], ['DELETE', `/os-volumes_boot/${SERVER}`],
      ['POST', `/os-volumes_boot/${SERVER}/action`, { reboot: { type: 'SOFT' } }],
    ] as [string, string, unknown?][]) {
      const response = await send(method, path, '2.103', body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toMatchObject({ itemNotFound: { code: 404 } });
    }
  });

  it('runs its own actions up to 2.102 and refuses the others', async () => {
    expect((await send('POST', `/os-volumes_boot/${SERVER}/action`, '2.102', { reboot: { type: 'HARD' } })).status).toBe(202);
    expect((await send('POST', `/os-volumes_boot/${SERVER}/action`, '2.102', { confirmResize: null })).status).toBe(204);
    const other = await send('POST', `/os-volumes_boot/${SERVER}/action`, '2.102', { pause: null });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ badRequest: { code: 400 } });
  });

  it('trigger_crash_dump exists from 2.17', async () => {
    expect((await send('POST', `/os-volumes_boot/${SERVER}/action`, '2.16', { trigger_crash_dump: null })).status).toBe(404);
    expect((await send('POST', `/os-volumes_boot/${SERVER}/action`, '2.17', { trigger_crash_dump: null })).status).toBe(202);
  });
});
