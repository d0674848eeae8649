// Key pairs, limits, quota sets and quota class sets, per microversion (issue 11).
// Every @ts-expect-error below is an assertion: tsc fails if the line is NOT an error.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api21 } from '@novaspec/types/2.1';
import type { Api as Api22 } from '@novaspec/types/2.2';
import type { Api as Api235 } from '@novaspec/types/2.35';
import type { Api as Api249 } from '@novaspec/types/2.49';
import type { Api as Api250 } from '@novaspec/types/2.50';
import type { Api as Api256 } from '@novaspec/types/2.56';
import type { Api as Api257 } from '@novaspec/types/2.57';
import type { Api as Api291 } from '@novaspec/types/2.91';
import type { Api as Api292 } from '@novaspec/types/2.92';

const baseUrl = 'http://nova.example:8774/v2.1';
const at21 = createComputeClient<Api21>({ baseUrl, token: 'token', microversion: '2.1' });
const at22 = createComputeClient<Api22>({ baseUrl, token: 'token', microversion: '2.2' });
const at235 = createComputeClient<Api235>({ baseUrl, token: 'token', microversion: '2.35' });
const at249 = createComputeClient<Api249>({ baseUrl, token: 'token', microversion: '2.49' });
const at250 = createComputeClient<Api250>({ baseUrl, token: 'token', microversion: '2.50' });
const at256 = createComputeClient<Api256>({ baseUrl, token: 'token', microversion: '2.56' });
const at257 = createComputeClient<Api257>({ baseUrl, token: 'token', microversion: '2.57' });
const at291 = createComputeClient<Api291>({ baseUrl, token: 'token', microversion: '2.91' });
const at292 = createComputeClient<Api292>({ baseUrl, token: 'token', microversion: '2.92' });

export async function keypairFields(name: string): Promise<unknown[]> {
  const path = { keypair_name: name };
  const old = (await at21.GET('/os-keypairs/{keypair_name}', { params: { path } })).data?.keypair;
  // @ts-expect-error the key type is shown from 2.2
  void old?.type;
  const kind: 'ssh' | 'x509' | undefined = (await at22.GET('/os-keypairs/{keypair_name}', { params: { path } })).data?.keypair.type;
  // @ts-expect-error paging (limit, marker) came at 2.35
  await at22.GET('/os-keypairs', { params: { query: { limit: 10 } } });
  const page = (await at235.GET('/os-keypairs', { params: { query: { limit: 10, marker: name } } })).data;
  const next: string | undefined = page?.keypairs_links?.[0]?.href;
  // Up to 2.91 Nova can generate the pair and answer its private key; from 2.92 the public key is required.
  const generated = await at291.POST('/os-keypairs', { body: { keypair: { name } } });
  const privateKey: string | undefined = generated.data?.keypair.private_key;
  // @ts-expect-error public_key is required from 2.92
  await at292.POST('/os-keypairs', { body: { keypair: { name } } });
  const imported = await at292.POST('/os-keypairs', { body: { keypair: { name, public_key: 'ssh-ed25519 AAAA...' } } });
  // @ts-expect-error no private key from 2.92
  void imported.data?.keypair.private_key;
  return [kind, next, privateKey];
}

export async function quotaFields(project: string): Promise<unknown[]> {
  const path = { tenant_id: project };
  const limits = (await at256.GET('/limits')).data?.limits.absolute;
  const personality: number | undefined = limits?.maxPersonality;
  // @ts-expect-error the personality limits went at 2.57
  void (await at257.GET('/limits')).data?.limits.absolute.maxPersonality;
  const injected: number | undefined = (await at256.GET('/os-quota-sets/{tenant_id}', { params: { path } })).data?.quota_set.injected_files;
  // @ts-expect-error the injected file quotas went at 2.57
  void (await at257.GET('/os-quota-sets/{tenant_id}', { params: { path } })).data?.quota_set.injected_files;
  const used: number | undefined = (await at257.GET('/os-quota-sets/{tenant_id}/detail', { params: { path } })).data?.quota_set.cores.in_use;
  const updated = await at257.PUT('/os-quota-sets/{tenant_id}', { params: { path }, body: { quota_set: { instances: 20, force: true } } });
  // @ts-expect-error the nova-network quotas went at 2.36
  void updated.data?.quota_set.floating_ips;
  // @ts-expect-error force is Nova's lenient boolean, not any string
  await at257.PUT('/os-quota-sets/{tenant_id}', { params: { path }, body: { quota_set: { force: 'maybe' } } });
  const classOld = (await at249.GET('/os-quota-class-sets/{id}', { params: { path: { id: 'default' } } })).data?.quota_class_set;
  // @ts-expect-error the class's server group limits are shown from 2.50
  void classOld?.server_groups;
  const groups: number | undefined = (await at250.GET('/os-quota-class-sets/{id}', { params: { path: { id: 'default' } } })).data?.quota_class_set.server_groups;
  return [personality, injected, used, groups];
}
