/** GET /limits through the mock: the fields of the requested microversion, and 2.75's strict query. */
import { describe, expect, it } from 'vitest';
import { useMockJson } from './support/mock-http.ts';

const json = useMockJson();
const get = (path: string, version: string) => json('GET', path, version);

describe('limits in the mock', () => {
  const table: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.1', has: ['maxTotalFloatingIps', 'maxImageMeta', 'maxPersonality', 'maxTotalInstances'], hasNot: [] },
    { version: '2.36', has: ['maxImageMeta', 'maxPersonality'], hasNot: ['maxTotalFloatingIps', 'totalSecurityGroupsUsed'] },
    { version: '2.39', has: ['maxPersonality'], hasNot: ['maxImageMeta'] },
    { version: '2.57', has: ['maxTotalInstances', 'totalRAMUsed'], hasNot: ['maxPersonality', 'maxPersonalitySize'] },
  ];
  for (const { version, has, hasNot } of table) {
    it(`at ${version}`, async () => {
      const { status, body } = await get('/limits', version);
      expect(status).toBe(200);
      expect(body.limits.rate).toEqual([]);
      for (const key of has) expect(body.limits.absolute).toHaveProperty(key);
      for (const key of hasNot) expect(body.limits.absolute).not.toHaveProperty(key);
    });
  }
  it('tenant_id is taken at every microversion', async () => {
    expect((await get('/limits?tenant_id=5d1b9e7c3a2f4068b4e6c8a0d2f13579', '2.104')).status).toBe(200);
  });
});
