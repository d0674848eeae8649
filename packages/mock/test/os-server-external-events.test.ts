/** The mock's external events: each name from its microversion, 200 and the 207 multi-status answer. */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const call = useMockHttp();

const SERVER = '6d2c8f1a-4b7e-4e93-a5d0-c91f3b6e2d47';

describe('the mock: server external events', () => {
  it('refuses volume-reimaged before 2.93 and accepts it from 2.93', async () => {
    const body = { events: [{ name: 'volume-reimaged', server_uuid: SERVER, tag: '7e1c9b24-3f5a-4d80-92c6-b0e8a4d1f739' }] };
    const early = await call('POST', '/os-server-external-events', '2.92', body);
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ badRequest: { code: 400 } });
    expect((await call('POST', '/os-server-external-events', '2.93', body)).status).toBe(200);
  });

  it('answers 207 with a per-event code when asked for it', async () => {
    const response = await call('POST', '/os-server-external-events', '2.1', { events: [{ name: 'network-changed', server_uuid: SERVER }] }, { Prefer: 'code=207' });
    expect(response.status).toBe(207);
    const codes = (await response.json()).events.map((e: { code: number }) => e.code);
    expect(codes.some((code: number) => code !== 200)).toBe(true);
  });
});
