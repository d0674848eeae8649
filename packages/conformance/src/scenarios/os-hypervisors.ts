/**
 * The hypervisors: the two fake compute nodes `compute1` and `compute2` (their hypervisor host names
 * are the host names). Read-only, so nothing to restore.
 */
import type { Deployment } from '../deployment.ts';
import { at, refusedToMember, type Call, type Scenario } from './common.ts';

/** The id of compute1's hypervisor as the microversion shows it (integer up to 2.52, UUID from 2.53). */
async function hypervisorId(d: Deployment, v: string): Promise<string> {
  const answer = await d.nova('GET', '/os-hypervisors', undefined, { version: v });
  const found = (answer.hypervisors as { id: number | string; hypervisor_hostname: string }[]).find((h) => h.hypervisor_hostname === 'compute1');
  if (!found) throw new Error(`no hypervisor compute1: ${JSON.stringify(answer)}`);
  return String(found.id);
}

/** A list: a page of one from 2.33 (with its next link), the filter and the servers from 2.53. */
async function listing(d: Deployment, v: string, path: string): Promise<Call> {
  await refusedToMember(d, 'GET', path, v);
  const more: NonNullable<Call['more']> = [];
  if (at(v, '2.33')) more.push({ query: { limit: 1 } });
  if (at(v, '2.53')) {
    await d.server();
    more.push({ query: { hypervisor_hostname_pattern: 'compute' } }, { query: { with_servers: true } }, { query: { hypervisor_hostname_pattern: 'compute2', with_servers: 'yes' } });
  }
  return { more };
}

const UPTIME = 'the fake driver cannot tell its host\'s uptime (only libvirt and zVM can), which Nova answers with 501';

export const hypervisors: Record<string, Scenario> = {
  'GET /os-hypervisors': { arrange: (d, v) => listing(d, v, '/os-hypervisors') },
  'GET /os-hypervisors/detail': { arrange: (d, v) => listing(d, v, '/os-hypervisors/detail') },
  'GET /os-hypervisors/{hypervisor_id}': {
    async arrange(d, v) {
      const id = await hypervisorId(d, v);
      await refusedToMember(d, 'GET', `/os-hypervisors/${id}`, v);
      if (!at(v, '2.53')) return { path: { hypervisor_id: id } };
      await d.server();
      return { path: { hypervisor_id: id }, more: [{ path: { hypervisor_id: id }, query: { with_servers: 'true' } }] };
    },
  },
  'GET /os-hypervisors/{hypervisor_id}/uptime': {
    async arrange(d, v) {
      const id = await hypervisorId(d, v);
      await refusedToMember(d, 'GET', `/os-hypervisors/${id}/uptime`, v);
      return { path: { hypervisor_id: id } };
    },
    expect: { status: [501], why: UPTIME },
  },
  'GET /os-hypervisors/statistics': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-hypervisors/statistics', v);
      return {};
    },
  },
  'GET /os-hypervisors/{hypervisor_hostname_pattern}/search': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-hypervisors/compute/search', v);
      return { path: { hypervisor_hostname_pattern: 'compute' }, more: [{ path: { hypervisor_hostname_pattern: 'compute2' } }] };
    },
  },
  'GET /os-hypervisors/{hypervisor_hostname_pattern}/servers': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-hypervisors/compute/servers', v);
      await d.server();
      return { path: { hypervisor_hostname_pattern: 'compute' } };
    },
  },
};
