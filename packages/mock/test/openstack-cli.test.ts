/**
 * The real `openstack` CLI against the mock: the harness itself, proved with existing server
 * commands. Other resources add their own file (openstack-cli.<resource>.test.ts) using the same
 * `useOpenstackCli()`; each CLI call is a Python process of about 1 s here, so keep calls few.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateSpecVersions } from '../src/operations.ts';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();
const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';

/** `server create --flavor <id>` looks the flavor up first; that needs GET /flavors/{flavor_id} in the spec. */
const specHasFlavors = (() => {
  const file = join(locateSpecVersions().dir, '2.1.json');
  return existsSync(file) && '/flavors/{flavor_id}' in (JSON.parse(readFileSync(file, 'utf8')) as { paths: object }).paths;
})();

describe('openstack CLI against the mock (servers)', () => {
  it('server list: the CLI logs in through the fake Keystone and lists the mock\'s servers', async () => {
    const result = await cli().run(['server', 'list']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ ID: expect.any(String), Status: expect.any(String) })]));
  });

  it('server show at 2.47: the flavor is embedded, so the CLI prints its name, not a link', async () => {
    const result = await cli().run(['server', 'show', SERVER], { microversion: '2.47' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: expect.any(String), status: expect.any(String) });
    expect(JSON.stringify(result.json.flavor)).not.toContain('links');
  });

  it.runIf(specHasFlavors)('server create --flavor <id> --image <id>: Nova\'s 202 with the new server', async () => {
    const result = await cli().run(['server', 'create', '--flavor', '1', '--image', IMAGE, 'cli-made']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: expect.any(String) });
  });

  // Until the flavors group is in the spec, the CLI's flavor lookup 404s before any server is sent.
  it.skipIf(specHasFlavors)('server create --flavor <id>: fails on the flavor lookup while /flavors is not in the spec', async () => {
    const result = await cli().run(['server', 'create', '--flavor', '1', '--image', IMAGE, 'cli-made']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No flavor with a name or ID of '1' exists.");
  });
});
