/**
 * `openstack keypair create/list/show/delete` against the mock. OSC 6.0 runs these through
 * openstacksdk, which negotiates the microversion from the version document (its key pair resource
 * knows up to 2.92), so the answers have the newest shape the SDK can read.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPikdOQpiEv3JtmPhM7g2ZJih8HLvgJ+mpZARfO5bEbe deploy@ci';

describe('openstack keypair against the mock', () => {
  it('create --public-key imports a key from a file', async () => {
    const file = join(tmpdir(), `novaspec-cli-key-${process.pid}.pub`);
    writeFileSync(file, `${KEY}\n`);
    const result = await cli().run(['keypair', 'create', '--public-key', file, 'build-agent']);
    rmSync(file, { force: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: 'build-agent', fingerprint: expect.stringMatching(/^[0-9a-f]{2}(:[0-9a-f]{2})+$/), type: 'ssh' });
  });

  it('list', async () => {
    const result = await cli().run(['keypair', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json[0]).toMatchObject({ Name: expect.any(String), Fingerprint: expect.any(String), Type: 'ssh' });
  });

  it('show by name', async () => {
    const result = await cli().run(['keypair', 'show', 'build-agent']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: 'build-agent', user_id: expect.any(String), type: 'ssh' });
  });

  it('delete by name (no output)', async () => {
    const result = await cli().run(['keypair', 'delete', 'build-agent'], { json: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });
});
