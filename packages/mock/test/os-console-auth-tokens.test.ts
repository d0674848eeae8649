/**
 * Console auth tokens, availability zones and extensions through the mock: the console token's
 * bare 400 up to 2.30 and its answer from 2.31, the admin zone detail, one extension.
 */
import { describe, expect, it } from 'vitest';
import { useMockJson } from './support/mock-http.ts';

const json = useMockJson();
const get = (path: string, version: string) => json('GET', path, version);

describe('console auth tokens in the mock', () => {
  it('up to 2.30 every request is a 400', async () => {
    const { status, body } = await get('/os-console-auth-tokens/5f3a9c1e', '2.30');
    expect(status).toBe(400);
    expect(body.badRequest.code).toBe(400);
  });
  it('from 2.31 the connection information', async () => {
    const { status, body } = await get('/os-console-auth-tokens/5f3a9c1e', '2.31');
    expect(status).toBe(200);
    expect(body.console).toMatchObject({ instance_uuid: expect.any(String), port: expect.any(Number) });
    expect(body.console).not.toHaveProperty('tls_port');
  });
});

describe('availability zones and extensions in the mock', () => {
  it('the summary list has no hosts, the detail names them', async () => {
    const summary = await get('/os-availability-zone', '2.1');
    expect(summary.status).toBe(200);
    expect(summary.body.availabilityZoneInfo.every((zone: { hosts: unknown }) => zone.hosts === null)).toBe(true);
    const detail = await get('/os-availability-zone/detail', '2.1');
    expect(detail.body.availabilityZoneInfo[0].hosts).toEqual(expect.any(Object));
  });
  it('an extension by alias', async () => {
    const { status, body } = await get('/extensions/os-server-groups', '2.104');
    expect(status).toBe(200);
    expect(body.extension.alias).toBe('os-server-groups');
  });
});
