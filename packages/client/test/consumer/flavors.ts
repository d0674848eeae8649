// Flavors as a team's code uses them, compiled against the packed entry points with consumer.ts.
// Every @ts-expect-error below is an assertion: tsc fails if the line is NOT an error.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api254 } from '@novaspec/types/2.54';
import type { Api as Api255 } from '@novaspec/types/2.55';
import type { Api as Api260 } from '@novaspec/types/2.60';
import type { Api as Api261 } from '@novaspec/types/2.61';
import type { Api as Api274 } from '@novaspec/types/2.74';
import type { Api as Api275 } from '@novaspec/types/2.75';
import type { Api as Api2101 } from '@novaspec/types/2.101';
import type { Api as Api2102 } from '@novaspec/types/2.102';

const baseUrl = 'http://nova.example:8774/v2.1';
const at254 = createComputeClient<Api254>({ baseUrl, token: 'token', microversion: '2.54' });
const at255 = createComputeClient<Api255>({ baseUrl, token: 'token', microversion: '2.55' });
const at260 = createComputeClient<Api260>({ baseUrl, token: 'token', microversion: '2.60' });
const at261 = createComputeClient<Api261>({ baseUrl, token: 'token', microversion: '2.61' });
const at274 = createComputeClient<Api274>({ baseUrl, token: 'token', microversion: '2.74' });
const at275 = createComputeClient<Api275>({ baseUrl, token: 'token', microversion: '2.75' });
const at2101 = createComputeClient<Api2101>({ baseUrl, token: 'token', microversion: '2.101' });
const at2102 = createComputeClient<Api2102>({ baseUrl, token: 'token', microversion: '2.102' });

export async function flavorFields(id: string): Promise<unknown[]> {
  const params = { params: { path: { flavor_id: id } } };
  const old = (await at254.GET('/flavors/{flavor_id}', params)).data?.flavor;
  // @ts-expect-error the description came at 2.55
  void old?.description;
  const described = (await at255.GET('/flavors/{flavor_id}', params)).data?.flavor;
  const description: string | null | undefined = described?.description;

  // @ts-expect-error extra_specs in the flavor came at 2.61
  void (await at260.GET('/flavors/{flavor_id}', params)).data?.flavor.extra_specs;
  const specs: Record<string, string> | undefined = (await at261.GET('/flavors/{flavor_id}', params)).data?.flavor.extra_specs;

  // Up to 2.74 a flavor without swap shows "", from 2.75 0.
  const swapOld: number | '' | undefined = (await at274.GET('/flavors/{flavor_id}', params)).data?.flavor.swap;
  // @ts-expect-error at 2.74 swap may be "", so it is not a plain number
  const swapNumber: number | undefined = (await at274.GET('/flavors/{flavor_id}', params)).data?.flavor.swap;
  const swap: number | undefined = (await at275.GET('/flavors/{flavor_id}', params)).data?.flavor.swap;

  const legacy = (await at2101.GET('/flavors/detail', {})).data?.flavors[0];
  const disabled: boolean | undefined = legacy?.['OS-FLV-DISABLED:disabled'];
  const latest = (await at2102.GET('/flavors/detail', { params: { query: { name: '^g1\\.' } } })).data?.flavors[0];
  // @ts-expect-error rxtx_factor and OS-FLV-DISABLED:disabled went away at 2.102
  void latest?.rxtx_factor;
  // @ts-expect-error the name filter came at 2.102
  await at2101.GET('/flavors', { params: { query: { name: 'gpu' } } });
  return [description, specs, swapOld, swapNumber, swap, disabled];
}

export async function describeFlavor(id: string): Promise<void> {
  await at255.PUT('/flavors/{flavor_id}', { params: { path: { flavor_id: id } }, body: { flavor: { description: 'retired' } } });
  // @ts-expect-error PUT /flavors/{flavor_id} came at 2.55
  await at254.PUT('/flavors/{flavor_id}', { params: { path: { flavor_id: id } }, body: { flavor: { description: 'retired' } } });
}

// Flavor actions are typed one by one, as server actions are (ADR 0005).
export async function shareFlavor(flavorId: string, project: string): Promise<string[]> {
  const added = await at2102.flavorAction(flavorId, 'addTenantAccess', { addTenantAccess: { tenant: project } });
  const projects: string[] = added.data?.flavor_access.map((entry) => entry.tenant_id) ?? [];
  await at2102.flavorAction(flavorId, 'removeTenantAccess', { removeTenantAccess: { tenant: project } });
  // @ts-expect-error the body of one flavor action cannot be sent as the other
  await at2102.flavorAction(flavorId, 'addTenantAccess', { removeTenantAccess: { tenant: project } });
  // @ts-expect-error a server action is not a flavor action
  await at2102.flavorAction(flavorId, 'reboot', { reboot: { type: 'SOFT' } });
  // @ts-expect-error a flavor action is not a server action
  await at2102.action(flavorId, 'addTenantAccess', { addTenantAccess: { tenant: project } });
  return projects;
}
