// GET /os-migrations as an operator's tooling would call it: the record's fields by microversion.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api222 } from '@novaspec/types/2.22';
import type { Api as Api223 } from '@novaspec/types/2.23';
import type { Api as Api258 } from '@novaspec/types/2.58';
import type { Api as Api259 } from '@novaspec/types/2.59';
import type { Api as Api279 } from '@novaspec/types/2.79';
import type { Api as Api280 } from '@novaspec/types/2.80';

const baseUrl = 'http://nova.example:8774/v2.1';

export async function migrationKinds(): Promise<string[]> {
  const before = await createComputeClient<Api222>({ baseUrl, token: 't', microversion: '2.22' }).GET('/os-migrations', { params: { query: { status: 'finished' } } });
  // @ts-expect-error migration_type came with 2.23
  void before.data?.migrations[0]?.migration_type;
  const after = await createComputeClient<Api223>({ baseUrl, token: 't', microversion: '2.23' }).GET('/os-migrations', { params: { query: { migration_type: 'resize' } } });
  return (after.data?.migrations ?? []).map((m) => m.migration_type);
}

export async function pages(): Promise<void> {
  const old = createComputeClient<Api258>({ baseUrl, token: 't', microversion: '2.58' });
  // @ts-expect-error paging came with 2.59
  await old.GET('/os-migrations', { params: { query: { limit: 10 } } });
  const listed = await old.GET('/os-migrations', {});
  // @ts-expect-error a record's uuid came with 2.59
  void listed.data?.migrations[0]?.uuid;

  const paged = await createComputeClient<Api259>({ baseUrl, token: 't', microversion: '2.59' }).GET('/os-migrations', { params: { query: { limit: 10, 'changes-since': '2026-11-01T00:00:00Z' } } });
  const next: string | undefined = paged.data?.migrations_links?.[0]?.href;
  const uuid: string | undefined = paged.data?.migrations[0]?.uuid;
  void [next, uuid];
}

export async function owners(): Promise<string | undefined> {
  const older = createComputeClient<Api279>({ baseUrl, token: 't', microversion: '2.79' });
  // @ts-expect-error the user_id filter came with 2.80
  await older.GET('/os-migrations', { params: { query: { user_id: 'u' } } });
  const listed = await createComputeClient<Api280>({ baseUrl, token: 't', microversion: '2.80' }).GET('/os-migrations', { params: { query: { project_id: 'p' } } });
  return listed.data?.migrations[0]?.user_id;
}
