/**
 * The usage audit log. This deployment does not turn `[DEFAULT] instance_usage_audit` on, so no
 * host has run an audit: the answer lists both compute hosts as not run, which still shows its shape.
 */
import { refusedToMember, type Scenario } from './common.ts';

export const osInstanceUsageAuditLog: Record<string, Scenario> = {
  'GET /os-instance_usage_audit_log': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-instance_usage_audit_log', v);
      return {};
    },
  },
  'GET /os-instance_usage_audit_log/{before_timestamp}': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', `/os-instance_usage_audit_log/${encodeURIComponent('2026-11-15 00:00:00')}`, v);
      return { path: { before_timestamp: '2026-11-15 00:00:00' }, more: [{ path: { before_timestamp: '2026-06-30 12:00:00.250000' } }] };
    },
  },
};
