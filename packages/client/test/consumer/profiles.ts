// Vendor profiles (issue 15) as a team on one of those clouds uses them, compiled against the packed
// entry points with consumer.ts. Every @ts-expect-error below is an assertion: tsc fails if the line
// is NOT an error. The client takes a profile's Api unchanged.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api21 } from '@novaspec/types/2.1';
import type { Api as HuaweiApi21 } from '@novaspec/types/huawei-bms/2.1';
import type { Api as VhiApi21, Profile } from '@novaspec/types/vhi/2.1';
import type { Api as VhiLatest } from '@novaspec/types/vhi';

const baseUrl = 'http://nova.example:8774/v2.1';
const upstream = createComputeClient<Api21>({ baseUrl, token: 'token', microversion: '2.1' });
const vhi = createComputeClient<VhiApi21>({ baseUrl, token: 'token', microversion: '2.1' });
const vhiLatest = createComputeClient<VhiLatest>({ baseUrl, token: 'token', microversion: '2.104' });
const huawei = createComputeClient<HuaweiApi21>({ baseUrl: `${baseUrl}/0123456789abcdef0123456789abcdef`, token: 'token', microversion: '2.1' });
const profile: Profile = 'vhi';

export async function vhiFields(id: string): Promise<unknown[]> {
  const params = { params: { path: { server_id: id } } };
  const server = (await vhi.GET('/servers/{server_id}', params)).data?.server;
  const vcpus: number | undefined = server && 'vcpu_model' in server ? server.vcpus : undefined;
  const mode: string | undefined = server && 'vcpu_model' in server ? server.vcpu_model?.mode : undefined;
  const sockets: number | undefined = server && 'vcpu_model' in server ? server.vcpu_model?.topology?.['nova_object.data'].sockets : undefined;
  const agent: string | undefined = server && 'guest_agent' in server ? server.guest_agent?.status : undefined;

  const plain = (await upstream.GET('/servers/{server_id}', params)).data?.server;
  // @ts-expect-error upstream Nova has no vcpu_model
  void plain?.vcpu_model;
  // @ts-expect-error nor hci_info
  void plain?.hci_info;

  // VHI takes one field per update; the type still lets each field be set on its own.
  await vhi.PUT('/servers/{server_id}', { ...params, body: { server: { name: 'vm1-renamed' } } });
  const latest = (await vhiLatest.GET('/servers/{server_id}', params)).data?.server;
  const traits: string[] | undefined = latest && 'required_traits' in latest ? latest.required_traits : undefined;
  return [vcpus, mode, sockets, agent, traits, profile];
}

export async function huaweiFields(): Promise<unknown[]> {
  const list = (await huawei.GET('/servers/detail', { params: { query: { name: 'bms-test01' } } })).data?.servers ?? [];
  const first = list[0];
  const project: string | undefined = first && 'enterprise_project_id' in first ? first.enterprise_project_id : undefined;
  const groups: string[] | undefined = first && 'os:scheduler_hints' in first ? first['os:scheduler_hints']?.group : undefined;
  const sysTags: { key?: string; value?: string }[] | undefined = first && 'sys_tags' in first ? first.sys_tags : undefined;
  const plain = (await upstream.GET('/servers/detail', {})).data?.servers[0];
  // @ts-expect-error upstream Nova has no enterprise_project_id
  void plain?.enterprise_project_id;
  return [project, groups, sysTags];
}
