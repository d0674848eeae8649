/**
 * `openstack limits show --absolute` against the mock. OSC 6.0 reads the compute limits with
 * novaclient at the microversion it is given (2.1 without `--os-compute-api-version`) and asks the
 * volume service only when the catalog has one (the test cloud's has not).
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();

describe('openstack limits against the mock', () => {
  it('show --absolute at the default microversion', async () => {
    const result = await cli().run(['limits', 'show', '--absolute']);
    expect(result.code, result.stderr).toBe(0);
    const names = (result.json as { Name: string }[]).map((row) => row.Name);
    expect(names).toEqual(expect.arrayContaining(['maxTotalInstances', 'totalRAMUsed', 'maxTotalFloatingIps']));
  });

  it('show --absolute at 2.57: the personality limits are gone', async () => {
    const result = await cli().run(['limits', 'show', '--absolute'], { microversion: '2.57' });
    expect(result.code, result.stderr).toBe(0);
    const names = (result.json as { Name: string }[]).map((row) => row.Name);
    expect(names).toContain('maxTotalCores');
    expect(names).not.toContain('maxPersonality');
  });
});
