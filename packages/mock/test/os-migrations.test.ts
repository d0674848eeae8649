/** The mock's GET /os-migrations: the record's shape per microversion, Nova's 400 for a bad page size. */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const call = useMockHttp();

describe('the mock: GET /os-migrations', () => {
  it('answers records without migration_type at 2.22 and with it from 2.23', async () => {
    const old = await (await call('GET', '/os-migrations', '2.22')).json();
    expect(old.migrations.length).toBeGreaterThan(0);
    for (const m of old.migrations) expect(m).not.toHaveProperty('migration_type');
    const typed = await (await call('GET', '/os-migrations', '2.23')).json();
    for (const m of typed.migrations) expect(m).toHaveProperty('migration_type');
  });

  it('shows uuid from 2.59 and the user and project from 2.80', async () => {
    const paged = await (await call('GET', '/os-migrations', '2.59')).json();
    for (const m of paged.migrations) {
      expect(m.uuid).toMatch(/^[0-9a-f-]{36}$/);
      expect(m).not.toHaveProperty('user_id');
    }
    const owned = await (await call('GET', '/os-migrations', '2.80')).json();
    for (const m of owned.migrations) expect(Object.keys(m)).toEqual(expect.arrayContaining(['user_id', 'project_id']));
  });

  it('answers the page after a marker with the empty list', async () => {
    const response = await call('GET', '/os-migrations?limit=2&marker=e7d40b19-2c85-4f3a-9b6e-81a5f0c4d2e7', '2.59');
    expect(await response.json()).toEqual({ migrations: [] });
  });

  it('refuses a negative limit with Nova\'s badRequest', async () => {
    const response = await call('GET', '/os-migrations?limit=-1', '2.59');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });
});
