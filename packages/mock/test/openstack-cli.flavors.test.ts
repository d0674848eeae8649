/**
 * `openstack flavor list/show/create/set/delete` and `openstack server create --flavor NAME` against
 * the mock. OSC 6.0 runs the flavor commands through openstacksdk, which negotiates the microversion
 * from the version document (up to the 2.61 its flavor resource knows), and finds a flavor by name
 * by asking for it as an id first and then listing: the mock answers the id lookup from the spec's
 * example, so the name resolves to that flavor.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';

describe('openstack flavor against the mock', () => {
  it('list --long', async () => {
    const result = await cli().run(['flavor', 'list', '--long']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json[0]).toMatchObject({ ID: expect.any(String), Name: expect.any(String), RAM: expect.any(Number), VCPUs: expect.any(Number) });
  });

  it('show by name', async () => {
    const result = await cli().run(['flavor', 'show', 'c2.medium']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: expect.any(String), ram: expect.any(Number), vcpus: expect.any(Number) });
  });

  it('create with a description (2.55)', async () => {
    const result = await cli().run(['flavor', 'create', '--ram', '4096', '--vcpus', '2', '--disk', '20', '--description', 'two cores', 'c2.medium'], { microversion: '2.55' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: expect.any(String), ram: expect.any(Number) });
  });

  it('set a property (an extra spec) and a description', async () => {
    const result = await cli().run(['flavor', 'set', '--property', 'hw:cpu_policy=dedicated', '--description', 'pinned', 'c2.medium'], { microversion: '2.55', json: false });
    expect(result.code, result.stderr).toBe(0);
  });

  it('delete by name (no output)', async () => {
    const result = await cli().run(['flavor', 'delete', 'c2.medium'], { json: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });

  it('server create --flavor NAME --image ID', async () => {
    const result = await cli().run(['server', 'create', '--flavor', 'c2.medium', '--image', IMAGE, 'cli-by-name']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: expect.any(String) });
  });
});
