/**
 * `openstack server group create/list/show/delete` against the mock. OSC 6.0 runs these through
 * openstacksdk, which negotiates the microversion with the version document (up to the 2.64 its
 * server group resource knows), so the answers have the 2.64 shape: `policy` and `rules`.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();
const GROUP = '4a8e1c3f-6b2d-4f97-8e05-d1c7b9a2f364';

describe('openstack server group against the mock', () => {
  it('create with a policy and a rule', async () => {
    const result = await cli().run(['server', 'group', 'create', '--policy', 'anti-affinity', '--rule', 'max_server_per_host=2', 'db-replicas']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: GROUP, policy: 'anti-affinity', rules: { max_server_per_host: 2 }, members: [] });
  });

  it('list --long shows policy, members and owner', async () => {
    const result = await cli().run(['server', 'group', 'list', '--long']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json[0]).toMatchObject({ ID: GROUP, Policy: 'anti-affinity', 'Project Id': expect.any(String), 'User Id': expect.any(String) });
  });

  it('show by id', async () => {
    const result = await cli().run(['server', 'group', 'show', GROUP]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: GROUP, name: 'db-replicas', members: expect.any(Array) });
  });

  it('delete by id (no output)', async () => {
    const result = await cli().run(['server', 'group', 'delete', GROUP], { json: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });
});
