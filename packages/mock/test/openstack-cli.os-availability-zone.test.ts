/**
 * `openstack availability zone list --compute` against the mock. OSC 6.0 asks for the detailed
 * list (GET /os-availability-zone/detail, admin by default); `--long` prints one row per service.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();

describe('openstack availability zone list against the mock', () => {
  it('lists zones with their state, and with --long their hosts and services', async () => {
    const [short, long] = [
      await cli().run(['availability', 'zone', 'list', '--compute']),
      await cli().run(['availability', 'zone', 'list', '--compute', '--long']),
    ];
    expect(short.code, short.stderr).toBe(0);
    expect(short.json).toEqual(expect.arrayContaining([{ 'Zone Name': 'rack-a', 'Zone Status': 'available' }, { 'Zone Name': 'rack-c-maintenance', 'Zone Status': 'not available' }]));
    expect(long.code, long.stderr).toBe(0);
    expect(long.json).toEqual(expect.arrayContaining([expect.objectContaining({ 'Zone Name': 'rack-a', 'Host Name': 'cmp-a-01', 'Service Name': 'nova-compute' })]));
  });
});
