/**
 * The compute services. Scenarios change only `compute2` (disable, enable, force down) and restore it
 * afterwards: enabled, not forced down, reporting in, so the other scenarios schedule on both hosts.
 * DELETE is sent for a service that does not exist: deleting a real one would take a host (or the
 * scheduler or conductor) away from the rest of the run.
 */
import type { Deployment } from '../deployment.ts';
import { at, refusedToMember, UNKNOWN, type Scenario } from './common.ts';

/** Restores compute2 after the scenario: enabled, reason cleared, not forced down, up. */
function restoreAfterwards(d: Deployment): void {
  d.onCleanup(async () => {
    const service = (await d.computeServices()).find((s) => s.host === 'compute2');
    if (!service) throw new Error('no compute service on compute2');
    await d.nova('PUT', `/os-services/${service.id}`, { status: 'enabled', forced_down: false });
    await d.computesUp();
  });
}

const compute2 = { host: 'compute2', binary: 'nova-compute' };

/** One of the four legacy actions (up to 2.52): the member is refused, compute2 is restored. */
const legacy = (segment: string, extra: Record<string, unknown> = {}, before?: (d: Deployment) => Promise<void>): Scenario => ({
  async arrange(d, v) {
    restoreAfterwards(d);
    await refusedToMember(d, 'PUT', `/os-services/${segment}`, v, { ...compute2, ...extra });
    if (before) await before(d);
    // Only nova-compute services can be changed: the scheduler's binary is refused by Nova's code (400).
    return { body: { ...compute2, ...extra } };
  },
});

export const services: Record<string, Scenario> = {
  'GET /os-services': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-services', v);
      return { query: { binary: 'nova-compute' }, more: [{ query: { host: 'compute1' } }, {}] };
    },
  },
  'PUT /os-services/disable': legacy('disable'),
  'PUT /os-services/disable-log-reason': legacy('disable-log-reason', { disabled_reason: 'novaspec conformance: maintenance' }),
  'PUT /os-services/enable': legacy('enable', {}, async (d) => {
    await d.nova('PUT', '/os-services/disable', compute2, { version: '2.1' });
  }),
  'PUT /os-services/force-down': legacy('force-down', { forced_down: true }),
  'PUT /os-services/{service_id}': {
    async arrange(d, v) {
      restoreAfterwards(d);
      const service = (await d.computeServices()).find((s) => s.host === 'compute2')!;
      await refusedToMember(d, 'PUT', `/os-services/${service.id}`, v, { status: 'disabled' });
      const path = { service_id: service.id };
      return {
        path, body: { status: 'disabled', disabled_reason: 'novaspec conformance: maintenance' },
        more: [{ path, body: { status: 'enabled' } }, { path, body: { forced_down: true } }, { path, body: { forced_down: 'false', status: 'enabled' } }],
      };
    },
  },
  'DELETE /os-services/{service_id}': {
    async arrange(d, v) {
      const id = at(v, '2.53') ? UNKNOWN : '999999';
      await refusedToMember(d, 'DELETE', `/os-services/${id}`, v);
      return { path: { service_id: id } };
    },
    expect: { status: [404], why: 'sent for a service that does not exist: deleting a real one would take a compute host, the scheduler or the conductor away from the rest of the run' },
  },
};
