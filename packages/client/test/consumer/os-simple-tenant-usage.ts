// The usage reports: next links from 2.40, the empty report of a project with no servers.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api239 } from '@novaspec/types/2.39';
import type { Api as Api240 } from '@novaspec/types/2.40';

const baseUrl = 'http://nova.example:8774/v2.1';

export async function usage(): Promise<number> {
  const old = createComputeClient<Api239>({ baseUrl, token: 't', microversion: '2.39' });
  const before = await old.GET('/os-simple-tenant-usage', { params: { query: { start: '2026-11-01T00:00:00', end: '2026-12-01T00:00:00', detailed: '1' } } });
  // @ts-expect-error next links came with 2.40
  void before.data?.tenant_usages_links;
  // @ts-expect-error paging came with 2.40
  await old.GET('/os-simple-tenant-usage', { params: { query: { limit: 5 } } });

  const paged = await createComputeClient<Api240>({ baseUrl, token: 't', microversion: '2.40' }).GET('/os-simple-tenant-usage/{tenant_id}', { params: { path: { tenant_id: 'p' }, query: { limit: 5 } } });
  const report = paged.data?.tenant_usage;
  const next: string | undefined = paged.data?.tenant_usage_links?.[0]?.href;
  void next;
  return report && 'total_hours' in report ? report.total_hours : 0;
}
