/** The mock's usage audit log: both answers, and the timestamp forms Nova takes. */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const call = useMockHttp();

describe('the mock: instance usage audit log', () => {
  it('answers the last audit under the plural key', async () => {
    const response = await call('GET', '/os-instance_usage_audit_log', '2.1');
    expect(response.status).toBe(200);
    expect((await response.json()).instance_usage_audit_logs.overall_status).toEqual(expect.any(String));
  });

  it('takes a space-separated timestamp and refuses an ISO 8601 one', async () => {
    const ok = await call('GET', `/os-instance_usage_audit_log/${encodeURIComponent('2026-11-15 00:00:00')}`, '2.102');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveProperty('instance_usage_audit_log');
    const iso = await call('GET', `/os-instance_usage_audit_log/${encodeURIComponent('2026-11-15T00:00:00')}`, '2.1');
    expect(iso.status).toBe(400);
    expect(await iso.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
