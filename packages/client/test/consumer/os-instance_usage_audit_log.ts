// The usage audit log: one report, a per-host log.
import { createComputeClient } from '@novaspec/client';
import type { Api } from '@novaspec/types';
import { MAX_MICROVERSION } from '@novaspec/types/microversions';

const nova = createComputeClient<Api>({ baseUrl: 'http://nova.example:8774/v2.1', token: 't', microversion: MAX_MICROVERSION });

export async function hostsBehind(): Promise<string[]> {
  const last = await nova.GET('/os-instance_usage_audit_log', {});
  const before = await nova.GET('/os-instance_usage_audit_log/{before_timestamp}', { params: { path: { before_timestamp: '2026-11-15 00:00:00' } } });
  const states = Object.values(before.data?.instance_usage_audit_log.log ?? {}).map((h) => h.state);
  // @ts-expect-error a host's audit is RUNNING or DONE
  const odd: (typeof states)[number] = 'STARTED';
  void odd;
  return last.data?.instance_usage_audit_logs.hosts_not_run ?? [];
}
