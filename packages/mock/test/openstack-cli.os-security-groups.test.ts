/**
 * `openstack security group list/show/create/delete` against the mock at 2.1. OSC 6.0 picks the
 * Networking service for security groups whenever the catalog has a `network` endpoint; the mock's
 * catalog has none (compute and image only), so it falls back to Nova's proxy, `/os-security-groups`
 * (openstackclient/network/common.py, is_network_endpoint_enabled; api/compute_v2.py). Against a
 * cloud with Neutron these commands never reach Compute.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();
const WEB = '8e4c1a7b-2f95-4d3e-a6b0-5c7d9e1f2a48';

describe('openstack security group against the mock (Compute proxy, 2.1)', () => {
  it('list shows the project\'s groups from GET /os-security-groups', async () => {
    const result = await cli().run(['security', 'group', 'list'], { microversion: '2.1' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ ID: WEB, Name: 'web', Description: 'HTTPS from anywhere' })]));
  });

  it('show by id reads GET /os-security-groups/{id}, rules included', async () => {
    const result = await cli().run(['security', 'group', 'show', WEB], { microversion: '2.1' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: WEB, name: 'web' });
    expect(JSON.stringify(result.json.rules)).toContain('443');
  });

  it('create posts to /os-security-groups', async () => {
    const result = await cli().run(['security', 'group', 'create', '--description', 'HTTPS from anywhere', 'web'], { microversion: '2.1' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: WEB, name: 'web', description: 'HTTPS from anywhere' });
  });

  it('delete by id (no output)', async () => {
    const result = await cli().run(['security', 'group', 'delete', WEB], { microversion: '2.1', json: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });
});
