/**
 * GET /os-migrations, the cloud's migration records. The scenario makes its own record (a fresh
 * server resized: the fake driver finishes at once, so it waits in VERIFY_RESIZE) and does not rely
 * on what other scenarios left; deleting the server afterwards removes the record.
 */
import { at, refusedToMember, serverIn, type Call, type Scenario } from './common.ts';

const DAY = 86_400_000;

export const osMigrations: Record<string, Scenario> = {
  'GET /os-migrations': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-migrations', v);
      const id = await serverIn(d, 'VERIFY_RESIZE');
      const more: NonNullable<Call['more']> = [{ query: { instance_uuid: id, migration_type: 'resize', status: 'finished' } }];
      // A page of one has a next link (there is at least this scenario's record).
      if (at(v, '2.59')) more.push({ query: { limit: 1 } }, { query: { 'changes-since': new Date(Date.now() - DAY).toISOString() } });
      if (at(v, '2.66')) more.push({ query: { 'changes-before': new Date(Date.now() + DAY).toISOString() } });
      if (at(v, '2.80')) more.push({ query: { user_id: 'admin', project_id: 'admin' } });
      return { query: { instance_uuid: id }, more };
    },
  },
};
