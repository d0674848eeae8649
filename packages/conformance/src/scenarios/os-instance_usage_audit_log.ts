/**
 * The usage audit log. This deployment does not turn `[DEFAULT] instance_usage_audit` on, so no
 * host has run an audit: the answer lists both compute hosts as not run, which still shows its shape.
 *
 * Nova 34 cannot send that answer: its response schema (schemas/instance_usage_audit_log.py) says
 * each `hosts_not_run` item is a UUID, but the controller lists compute host names (`compute1`),
 * so with `[api] response_validation = error` Nova refuses its own answer with a 400 (checked on
 * the wire; FINDINGS-nova34.md). The spec keeps host names: that is what Nova sends, and what Zed
 * answered with a 200 that the spec accepted.
 */
import { refusedToMember, type Expected, type Scenario } from './common.ts';

const HOST_NAMES_NOT_UUIDS: Expected = {
  status: [400],
  novaBug: true,
  why: "Nova 34's response schema wants UUIDs in hosts_not_run, which holds host names, so Nova refuses its own answer",
};

export const osInstanceUsageAuditLog: Record<string, Scenario> = {
  'GET /os-instance_usage_audit_log': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-instance_usage_audit_log', v);
      return {};
    },
    expect: HOST_NAMES_NOT_UUIDS,
  },
  'GET /os-instance_usage_audit_log/{before_timestamp}': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', `/os-instance_usage_audit_log/${encodeURIComponent('2026-11-15 00:00:00')}`, v);
      // The second form of the timestamp (with microseconds) goes in a request of its own once Nova
      // can answer at all: `more` requests must succeed.
      return { path: { before_timestamp: '2026-11-15 00:00:00' } };
    },
    expect: HOST_NAMES_NOT_UUIDS,
  },
};
