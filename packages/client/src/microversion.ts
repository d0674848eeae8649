/**
 * The two request headers that carry a microversion. Nova reads `OpenStack-API-Version` (2.27+) and
 * the older `X-OpenStack-Nova-API-Version`; sending both works against every Nova since Liberty.
 */
export const OPENSTACK_API_VERSION = 'OpenStack-API-Version';
export const NOVA_API_VERSION = 'X-OpenStack-Nova-API-Version';

const MICROVERSION = /^2\.(0|[1-9][0-9]*)$/;

export function assertMicroversion(value: string): void {
  if (!MICROVERSION.test(value)) {
    throw new TypeError(`microversion must look like "2.N" (for example "2.47"), got ${JSON.stringify(value)}`);
  }
}

export function microversionHeaders(microversion: string): Record<string, string> {
  return {
    [OPENSTACK_API_VERSION]: `compute ${microversion}`,
    [NOVA_API_VERSION]: microversion,
  };
}
