/**
 * `openstack extension list --compute` against the mock (GET /extensions). `openstack extension
 * show` looks only in the network service in OSC 6.0, so it has nothing to do with Nova.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();

describe('openstack extension list against the mock', () => {
  it('lists the compute extensions by name and alias', async () => {
    const result = await cli().run(['extension', 'list', '--compute']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([{ Name: 'ServerGroups', Alias: 'os-server-groups', Description: 'Server group support.' }]));
  });
});
