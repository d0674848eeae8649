/**
 * The real `openstack` CLI against the stateful mock (ADR 0012), for the resources besides servers:
 * key pairs, flavors and their extra specs, server groups (and a server joining one), aggregates,
 * and a server's metadata and tags. Each flow reads back what the step before it changed, which
 * the stateless mock cannot do (there every list is the spec's example list).
 *
 * OSC 6.0 runs key pairs, flavors, server groups and aggregates through openstacksdk, which
 * negotiates the microversion from the version document; `server set` goes through novaclient at
 * the microversion given.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli({ stateful: true });
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';
const scratch = mkdtempSync(join(tmpdir(), 'novaspec-cli-stateful-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An OpenSSH ed25519 public key line made here, and the MD5 fingerprint Nova gives it (crypto.generate_fingerprint). */
function sshPublicKey(comment: string): { line: string; fingerprint: string } {
  const raw = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  const fingerprint = createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
  return { line: `ssh-ed25519 ${blob.toString('base64')} ${comment}`, fingerprint };
}

const names = (rows: any[], column = 'Name') => rows.map((row) => row[column]);

describe('openstack CLI against the stateful mock: key pairs', () => {
  it('keypair create (imported), list, show, delete: the list follows', async () => {
    const key = sshPublicKey('ci@novaspec');
    const file = join(scratch, 'ci.pub');
    writeFileSync(file, `${key.line}\n`);
    const created = await cli().run(['keypair', 'create', '--public-key', file, 'ci-imported']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ name: 'ci-imported', fingerprint: key.fingerprint });

    const listed = await cli().run(['keypair', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json.find((row: any) => row.Name === 'ci-imported')).toMatchObject({ Fingerprint: key.fingerprint });
    const shown = await cli().run(['keypair', 'show', 'ci-imported']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.json).toMatchObject({ name: 'ci-imported', fingerprint: key.fingerprint });

    expect((await cli().run(['keypair', 'delete', 'ci-imported'], { json: false })).code).toBe(0);
    const after = await cli().run(['keypair', 'list']);
    expect(names(after.json)).not.toContain('ci-imported');
    // Nova's 404 for the name, reported by the CLI.
    const gone = await cli().run(['keypair', 'show', 'ci-imported'], { json: false });
    expect(gone.code).toBe(1);
  });
});

describe('openstack CLI against the stateful mock: flavors', () => {
  it('flavor create with a property, list, set, show, delete', async () => {
    const created = await cli().run(['flavor', 'create', '--ram', '3072', '--vcpus', '3', '--disk', '30', '--property', 'hw:cpu_policy=dedicated', 'ci.m3']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ name: 'ci.m3', ram: 3072, vcpus: 3, disk: 30, properties: { 'hw:cpu_policy': 'dedicated' } });
    const id = created.json.id;

    const listed = await cli().run(['flavor', 'list']);
    expect(listed.json.find((row: any) => row.ID === id)).toMatchObject({ Name: 'ci.m3', RAM: 3072, VCPUs: 3 });
    expect((await cli().run(['flavor', 'set', '--property', 'hw:mem_page_size=large', id], { json: false })).code).toBe(0);
    const shown = await cli().run(['flavor', 'show', id]);
    expect(shown.json.properties).toEqual({ 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large' });

    expect((await cli().run(['flavor', 'delete', id], { json: false })).code).toBe(0);
    const after = await cli().run(['flavor', 'list']);
    expect(after.json.map((row: any) => row.ID)).not.toContain(id);
  });
});

describe('openstack CLI against the stateful mock: server groups', () => {
  it('server group create, a server created into it is a member, delete', async () => {
    const group = await cli().run(['server', 'group', 'create', '--policy', 'anti-affinity', 'ci-spread']);
    expect(group.code, group.stderr).toBe(0);
    expect(group.json).toMatchObject({ name: 'ci-spread', policy: 'anti-affinity', members: [] });
    const groupId = group.json.id;

    const server = await cli().run(['server', 'create', '--flavor', 'c2.medium', '--image', IMAGE, '--hint', `group=${groupId}`, 'ci-member']);
    expect(server.code, server.stderr).toBe(0);
    const shown = await cli().run(['server', 'group', 'show', groupId]);
    expect(shown.json.members).toEqual([server.json.id]);
    const listed = await cli().run(['server', 'group', 'list']);
    expect(names(listed.json)).toContain('ci-spread');

    expect((await cli().run(['server', 'group', 'delete', groupId], { json: false })).code).toBe(0);
    const after = await cli().run(['server', 'group', 'list']);
    expect(names(after.json)).not.toContain('ci-spread');
  });
});

describe('openstack CLI against the stateful mock: aggregates', () => {
  it('aggregate create, add host, set a property, show, remove host, delete', async () => {
    const created = await cli().run(['aggregate', 'create', '--zone', 'ci-zone', 'ci-rack']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ name: 'ci-rack', availability_zone: 'ci-zone' });

    // A compute host the spec's examples name (its services and aggregates).
    const added = await cli().run(['aggregate', 'add', 'host', 'ci-rack', 'cmp-b-07']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json.hosts).toEqual(['cmp-b-07']);
    expect((await cli().run(['aggregate', 'set', '--property', 'ssd=true', 'ci-rack'], { json: false })).code).toBe(0);
    const shown = await cli().run(['aggregate', 'show', 'ci-rack']);
    expect(shown.json).toMatchObject({ name: 'ci-rack', hosts: ['cmp-b-07'], availability_zone: 'ci-zone', properties: { ssd: 'true' } });

    // Nova refuses to delete an aggregate that still has hosts.
    const refused = await cli().run(['aggregate', 'delete', 'ci-rack'], { json: false });
    expect(refused.code).toBe(1);
    expect((await cli().run(['aggregate', 'remove', 'host', 'ci-rack', 'cmp-b-07'])).json.hosts).toEqual([]);
    expect((await cli().run(['aggregate', 'delete', 'ci-rack'], { json: false })).code).toBe(0);
    const after = await cli().run(['aggregate', 'list']);
    expect(names(after.json)).not.toContain('ci-rack');
  });
});

describe('openstack CLI against the stateful mock: server metadata and tags', () => {
  it('server set --property and --tag, then show carries them; unset removes one', async () => {
    const server = await cli().run(['server', 'create', '--flavor', 'c2.medium', '--image', IMAGE, 'ci-tagged']);
    expect(server.code, server.stderr).toBe(0);
    const id = server.json.id;
    const set = await cli().run(['server', 'set', '--property', 'role=db', '--property', 'tier=gold', '--tag', 'blue', id], { microversion: '2.26', json: false });
    expect(set.code, set.stderr).toBe(0);
    const unset = await cli().run(['server', 'unset', '--property', 'tier', id], { json: false });
    expect(unset.code, unset.stderr).toBe(0);
    const shown = await cli().run(['server', 'show', id], { microversion: '2.26' });
    expect(shown.json.properties).toEqual({ role: 'db' });
    expect(shown.json.tags).toEqual(['blue']);
  });
});
