/** GET /limits: the admin project's limits, and another project's with `tenant_id` (admin only). */
import { MEMBER_TOKEN } from '../deployment.ts';
import { refusedToMember, type Scenario } from './common.ts';

export const limits: Record<string, Scenario> = {
  'GET /limits': {
    async arrange(d, v) {
      // `tenant_id` needs os_compute_api:limits:other_project (admin); a member's plain read is allowed.
      await refusedToMember(d, 'GET', '/limits?tenant_id=admin', v);
      await d.nova('GET', '/limits', undefined, { version: v, token: MEMBER_TOKEN });
      return { query: {}, more: [{ query: { tenant_id: 'demo' } }] };
    },
  },
};
