// Server groups, availability zones and console auth tokens, per microversion (issue 11).
// Every @ts-expect-error below is an assertion: tsc fails if the line is NOT an error.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api212 } from '@novaspec/types/2.12';
import type { Api as Api213 } from '@novaspec/types/2.13';
import type { Api as Api263 } from '@novaspec/types/2.63';
import type { Api as Api264 } from '@novaspec/types/2.64';
import type { Api as Api298 } from '@novaspec/types/2.98';
import type { Api as Api299 } from '@novaspec/types/2.99';

const baseUrl = 'http://nova.example:8774/v2.1';
const at212 = createComputeClient<Api212>({ baseUrl, token: 'token', microversion: '2.12' });
const at213 = createComputeClient<Api213>({ baseUrl, token: 'token', microversion: '2.13' });
const at263 = createComputeClient<Api263>({ baseUrl, token: 'token', microversion: '2.63' });
const at264 = createComputeClient<Api264>({ baseUrl, token: 'token', microversion: '2.64' });
const at298 = createComputeClient<Api298>({ baseUrl, token: 'token', microversion: '2.98' });
const at299 = createComputeClient<Api299>({ baseUrl, token: 'token', microversion: '2.99' });

export async function groupPolicies(id: string): Promise<string[]> {
  const out: string[] = [];
  const path = { server_group_id: id };
  const old = await at212.GET('/os-server-groups/{server_group_id}', { params: { path } });
  if (old.data) {
    out.push(...old.data.server_group.policies);
    // @ts-expect-error the owner is shown from 2.13
    out.push(old.data.server_group.project_id);
  }
  const owned = await at213.GET('/os-server-groups/{server_group_id}', { params: { path } });
  if (owned.data) out.push(owned.data.server_group.project_id);
  const listed = await at263.GET('/os-server-groups', { params: { query: { limit: 10 } } });
  for (const group of listed.data?.server_groups ?? []) {
    out.push(...group.policies);
    // @ts-expect-error policy (one name) comes at 2.64
    out.push(group.policy);
  }
  const modern = await at264.GET('/os-server-groups/{server_group_id}', { params: { path } });
  if (modern.data) {
    const policy: 'affinity' | 'anti-affinity' | 'soft-affinity' | 'soft-anti-affinity' = modern.data.server_group.policy;
    out.push(policy, String(modern.data.server_group.rules.max_server_per_host ?? 1));
    // @ts-expect-error policies is gone at 2.64
    out.push(...modern.data.server_group.policies);
  }
  return out;
}

export async function createGroups(): Promise<void> {
  await at263.POST('/os-server-groups', { body: { server_group: { name: 'web', policies: ['soft-anti-affinity'] } } });
  await at264.POST('/os-server-groups', { body: { server_group: { name: 'db', policy: 'anti-affinity', rules: { max_server_per_host: 2 } } } });
  // @ts-expect-error from 2.64 the policy is `policy`, not `policies`
  await at264.POST('/os-server-groups', { body: { server_group: { name: 'db', policies: ['affinity'] } } });
  // @ts-expect-error an unknown policy name
  await at264.POST('/os-server-groups', { body: { server_group: { name: 'db', policy: 'spread' } } });
}

export async function consoleTarget(token: string): Promise<number | null | undefined> {
  const before = await at298.GET('/os-console-auth-tokens/{console_token}', { params: { path: { console_token: token } } });
  // @ts-expect-error tls_port comes at 2.99
  const none = before.data?.console.tls_port;
  const after = await at299.GET('/os-console-auth-tokens/{console_token}', { params: { path: { console_token: token } } });
  return after.data?.console.tls_port ?? none;
}

export async function zones(): Promise<string[]> {
  const { data } = await at264.GET('/os-availability-zone');
  return (data?.availabilityZoneInfo ?? []).map((zone) => zone.zoneName);
}
