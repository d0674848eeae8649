/**
 * The old host API (2.1 to 2.42). The fake driver answers every host request (enable, maintenance,
 * reboot, shutdown, startup) with a string and changes nothing, so nothing needs restoring; the
 * compute services' own status is not touched by it.
 */
import { refusedToMember, type Scenario } from './common.ts';

const onHost = (segment: string): Scenario => ({
  async arrange(d, v) {
    await refusedToMember(d, 'GET', `/os-hosts/compute1/${segment}`, v);
    return { path: { host_name: 'compute1' } };
  },
});

export const hosts: Record<string, Scenario> = {
  'GET /os-hosts': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-hosts', v);
      return { more: [{ query: { zone: 'nova' } }, { query: { zone: 'internal' } }] };
    },
  },
  'GET /os-hosts/{host_name}': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-hosts/compute1', v);
      await d.server();
      return { path: { host_name: 'compute1' }, more: [{ path: { host_name: 'compute2' } }] };
    },
  },
  'PUT /os-hosts/{host_name}': {
    async arrange(d, v) {
      await refusedToMember(d, 'PUT', '/os-hosts/compute1', v, { status: 'enable' });
      const path = { host_name: 'compute1' };
      return {
        path, body: { status: 'enable', maintenance_mode: 'disable' },
        more: [{ path, body: { status: 'Disable' } }, { path, body: { maintenance_mode: 'ENABLE' } }, { path, body: { status: 'enable', maintenance_mode: 'disable' } }],
        refused: [{ path, body: {} }, { path, body: { status: 'on' } }],
      };
    },
  },
  'GET /os-hosts/{host_name}/reboot': onHost('reboot'),
  'GET /os-hosts/{host_name}/shutdown': onHost('shutdown'),
  'GET /os-hosts/{host_name}/startup': onHost('startup'),
};
