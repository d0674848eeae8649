// Aggregates, hypervisors, compute services and hosts as an operator's tooling calls them: the
// fields and operations that change with the microversion. Every @ts-expect-error is an assertion.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api240 } from '@novaspec/types/2.40';
import type { Api as Api241 } from '@novaspec/types/2.41';
import type { Api as Api242 } from '@novaspec/types/2.42';
import type { Api as Api243 } from '@novaspec/types/2.43';
import type { Api as Api252 } from '@novaspec/types/2.52';
import type { Api as Api253 } from '@novaspec/types/2.53';
import type { Api as Api287 } from '@novaspec/types/2.87';
import type { Api as Api288 } from '@novaspec/types/2.88';
import type { Api as Api210 } from '@novaspec/types/2.10';
import type { Api as Api211 } from '@novaspec/types/2.11';

const baseUrl = 'http://nova.example:8774/v2.1';

export async function aggregates(): Promise<string | undefined> {
  const old = createComputeClient<Api240>({ baseUrl, token: 't', microversion: '2.40' });
  const listed = await old.GET('/os-aggregates', {});
  // @ts-expect-error an aggregate's uuid came with 2.41
  void listed.data?.aggregates[0]?.uuid;
  const now = createComputeClient<Api241>({ baseUrl, token: 't', microversion: '2.41' });
  const added = await now.aggregateAction(3, 'add_host', { add_host: { host: 'cmp-b-09' } });
  const hosts: string[] | null | undefined = added.data?.aggregate.hosts;
  await now.aggregateAction(3, 'set_metadata', { set_metadata: { metadata: { gpu: 'h100', old: null } } });
  // @ts-expect-error the body of one aggregate action cannot be sent as another
  await now.aggregateAction(3, 'remove_host', { add_host: { host: 'cmp-b-09' } });
  // @ts-expect-error image pre-caching came with 2.81
  await now.POST('/os-aggregates/{aggregate_id}/images', { params: { path: { aggregate_id: 3 } }, body: { cache: [{ id: 'x' }] } });
  void hosts;
  return added.data?.aggregate.uuid;
}

export async function hypervisorIds(): Promise<string | undefined> {
  const old = createComputeClient<Api252>({ baseUrl, token: 't', microversion: '2.52' });
  const before = await old.GET('/os-hypervisors', {});
  const intId: number | undefined = before.data?.hypervisors[0]?.id;
  // @ts-expect-error up to 2.52 a hypervisor's id is an integer
  const notYet: string | undefined = before.data?.hypervisors[0]?.id;
  // @ts-expect-error the hostname filter came with 2.53
  await old.GET('/os-hypervisors', { params: { query: { hypervisor_hostname_pattern: 'cmp' } } });
  await old.GET('/os-hypervisors/{hypervisor_hostname_pattern}/search', { params: { path: { hypervisor_hostname_pattern: 'cmp' } } });
  const now = createComputeClient<Api253>({ baseUrl, token: 't', microversion: '2.53' });
  const after = await now.GET('/os-hypervisors', { params: { query: { hypervisor_hostname_pattern: 'cmp', with_servers: true } } });
  // @ts-expect-error the search URL went away at 2.53
  await now.GET('/os-hypervisors/{hypervisor_hostname_pattern}/search', { params: { path: { hypervisor_hostname_pattern: 'cmp' } } });
  void [intId, notYet];
  return after.data?.hypervisors[0]?.id;
}

export async function hypervisorCounters(id: string): Promise<unknown[]> {
  const params = { params: { path: { hypervisor_id: id } } };
  const old = await createComputeClient<Api287>({ baseUrl, token: 't', microversion: '2.87' }).GET('/os-hypervisors/{hypervisor_id}', params);
  const vcpus: number | undefined = old.data?.hypervisor.vcpus;
  const now = createComputeClient<Api288>({ baseUrl, token: 't', microversion: '2.88' });
  const shown = await now.GET('/os-hypervisors/{hypervisor_id}', params);
  // @ts-expect-error the resource counters went away at 2.88
  void shown.data?.hypervisor.vcpus;
  const uptime: string | null | undefined = shown.data?.hypervisor.uptime;
  // @ts-expect-error the statistics went away at 2.88
  await now.GET('/os-hypervisors/statistics', {});
  return [vcpus, uptime];
}

export async function services(): Promise<unknown[]> {
  const old = await createComputeClient<Api210>({ baseUrl, token: 't', microversion: '2.10' }).GET('/os-services', {});
  // @ts-expect-error forced_down came with 2.11
  void old.data?.services[0]?.forced_down;
  const at211 = createComputeClient<Api211>({ baseUrl, token: 't', microversion: '2.11' });
  await at211.PUT('/os-services/force-down', { body: { host: 'cmp-b-08', binary: 'nova-compute', forced_down: true } });
  const down: boolean | undefined = (await at211.GET('/os-services', {})).data?.services[0]?.forced_down;
  const now = createComputeClient<Api253>({ baseUrl, token: 't', microversion: '2.53' });
  const id: string | undefined = (await now.GET('/os-services', { params: { query: { binary: 'nova-compute' } } })).data?.services[0]?.id;
  await now.PUT('/os-services/{service_id}', { params: { path: { service_id: id ?? '' } }, body: { status: 'disabled', disabled_reason: 'disk swap' } });
  // @ts-expect-error the action URLs went away at 2.53
  await now.PUT('/os-services/disable', { body: { host: 'cmp-b-08', binary: 'nova-compute' } });
  return [down, id];
}

export async function hosts(): Promise<void> {
  const old = createComputeClient<Api242>({ baseUrl, token: 't', microversion: '2.42' });
  const listed = await old.GET('/os-hosts', { params: { query: { zone: 'zone-b' } } });
  void listed.data?.hosts[0]?.host_name;
  await old.PUT('/os-hosts/{host_name}', { params: { path: { host_name: 'cmp-b-07' } }, body: { maintenance_mode: 'enable' } });
  // @ts-expect-error the hosts API went away at 2.43
  await createComputeClient<Api243>({ baseUrl, token: 't', microversion: '2.43' }).GET('/os-hosts', {});
}
