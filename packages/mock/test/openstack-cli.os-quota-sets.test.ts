/**
 * `openstack quota show` against the mock. OSC 6.0.0's `quota show` has no `--compute` flag: it
 * reads the compute quotas with novaclient (`GET /os-quota-sets/{project}`), and the volume and
 * network quotas only when the catalog has those services (the test cloud's has compute, identity
 * and image only, so the volume client finds no endpoint and is skipped, and no network quota is
 * asked for). Without a project argument it uses the token's project and needs no Keystone lookup.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();

describe('openstack quota against the mock', () => {
  it('show (the token\'s project)', async () => {
    const result = await cli().run(['quota', 'show']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ instances: expect.any(Number), cores: expect.any(Number), ram: expect.any(Number), project: expect.any(String) });
  });

  it('show --default', async () => {
    const result = await cli().run(['quota', 'show', '--default']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ instances: expect.any(Number) });
  });
});
