/**
 * `openstack floating ip list/create/delete` against the mock at 2.1. As for security groups, OSC 6.0
 * uses the Networking service when the catalog has a `network` endpoint and Nova's proxy,
 * `/os-floating-ips`, when it has none, as the mock's catalog (compute and image only).
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();
const IP = '6b2a4c8e-1d3f-4e5a-9b7c-0d2e4f6a8c1b';

describe('openstack floating ip against the mock (Compute proxy, 2.1)', () => {
  it('list shows the project\'s floating IPs from GET /os-floating-ips', async () => {
    const result = await cli().run(['floating', 'ip', 'list'], { microversion: '2.1' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ ID: IP, 'Floating IP Address': '203.0.113.57', 'Fixed IP Address': '10.0.0.12' })]));
  });

  it('create from a pool posts to /os-floating-ips', async () => {
    const result = await cli().run(['floating', 'ip', 'create', 'public'], { microversion: '2.1' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ pool: 'public', ip: expect.any(String) });
  });

  it('delete by id (no output)', async () => {
    const result = await cli().run(['floating', 'ip', 'delete', IP], { microversion: '2.1', json: false });
    expect(result.code, result.stderr).toBe(0);
  });
});
