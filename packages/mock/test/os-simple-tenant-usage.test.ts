/** The mock's usage reports: next links from 2.40, Nova's 400 for a time it cannot parse. */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const call = useMockHttp();

describe('the mock: simple tenant usage', () => {
  it('answers the list, with a next link only from 2.40', async () => {
    const old = await call('GET', '/os-simple-tenant-usage?start=2026-11-01T00:00:00&end=2026-12-01T00:00:00', '2.39');
    expect(old.status).toBe(200);
    const body = await old.json();
    expect(body.tenant_usages[0].server_usages.length).toBeGreaterThan(0);
    expect(body).not.toHaveProperty('tenant_usages_links');
    const paged = await (await call('GET', '/os-simple-tenant-usage?limit=2', '2.40', undefined, { Prefer: 'example=paged' })).json();
    expect(paged.tenant_usages_links?.[0]?.rel).toBe('next');
  });

  it('answers a project\'s report with its servers', async () => {
    const response = await call('GET', '/os-simple-tenant-usage/a7c41e9f5b2d4c08961e3f7b0d5a2c64', '2.1');
    expect(response.status).toBe(200);
    expect((await response.json()).tenant_usage.server_usages.length).toBeGreaterThan(0);
  });

  it('answers the page after a marker with the empty list, so clients that page to the end stop', async () => {
    const response = await call('GET', '/os-simple-tenant-usage?detailed=1&marker=27c5e9b0-8f4d-4a13-9c6e-d1a0b7f3e582', '2.40');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tenant_usages: [] });
  });

  it('refuses a start it cannot parse with a badRequest', async () => {
    const response = await call('GET', '/os-simple-tenant-usage?start=yesterday', '2.40');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
