/** The usage reports: every project's, and one project's, over a window around now. */
import type { Deployment } from '../deployment.ts';
import { at, refusedToMember, type Call, type Scenario } from './common.ts';

const DAY = 86_400_000;
/** A time as the usage report takes it: UTC, no zone, `YYYY-MM-DDThh:mm:ss`. */
const usageTime = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().slice(0, 19);

/** From a day ago to a day ahead (Nova lowers the end to now); the shared server is in it. */
async function window(d: Deployment): Promise<{ start: string; end: string }> {
  await d.shared();
  return { start: usageTime(-DAY), end: usageTime(DAY) };
}

export const osSimpleTenantUsage: Record<string, Scenario> = {
  'GET /os-simple-tenant-usage': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-simple-tenant-usage', v);
      const period = await window(d);
      const more: NonNullable<Call['more']> = [{ query: period }];
      if (at(v, '2.40')) more.push({ query: { ...period, detailed: '1', limit: 1 } });
      return { query: { ...period, detailed: '1' }, more };
    },
  },
  'GET /os-simple-tenant-usage/{tenant_id}': {
    async arrange(d, v) {
      // A member may read its own project's usage (default policy), not the admin project's.
      await refusedToMember(d, 'GET', '/os-simple-tenant-usage/admin', v);
      const period = await window(d);
      const more: NonNullable<Call['more']> = [{ path: { tenant_id: 'novaspec-nobody' }, query: period }];
      if (at(v, '2.40')) more.push({ path: { tenant_id: 'admin' }, query: { ...period, limit: 1 } });
      return { path: { tenant_id: 'admin' }, query: period, more };
    },
  },
};
