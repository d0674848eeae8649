/**
 * The stateful mode's key pairs (ADR 0012): imported or generated, listed by name (paged from
 * 2.35), shown, deleted, Nova's 409 for a name taken and 400 for a key it cannot read, and a new
 * server's `key_name` that must name one; at 2.1, 2.2 (type, 201), 2.10 (user_id), 2.35 (paging),
 * 2.91 (last to generate) and 2.92, every answer checked against the view of its microversion.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.2', '2.10', '2.35', '2.91', '2.92'];
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEu9vDxNq0m8kH3oXbq2hJm0fPp3rG4vYcW7Zs1tL2aB test@stateful';
/** crypto.generate_fingerprint(): MD5 of the base64 blob, colon-separated. */
const md5Fingerprint = (key: string) => createHash('md5').update(Buffer.from(key.split(' ')[1]!, 'base64')).digest('hex').match(/../g)!.join(':');
const minorOf = (version: string) => Number(version.split('.')[1]);

const { call } = useStatefulMock();
const LIST = '/os-keypairs';
const ONE = '/os-keypairs/{keypair_name}';

describe.each(VERSIONS)('stateful key pairs at %s', (version) => {
  const minor = minorOf(version);

  it('imports a key, lists, shows and deletes it; the name is then free', async () => {
    const created = await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name: 'stateful-key', public_key: KEY } });
    expect(created.status).toBe(minor >= 2 ? 201 : 200);
    expect(created.body.keypair).toMatchObject({ name: 'stateful-key', public_key: KEY, fingerprint: md5Fingerprint(KEY) });
    expect(created.body.keypair).not.toHaveProperty('private_key');
    if (minor >= 2) expect(created.body.keypair.type).toBe('ssh');
    const names = (await call(version, 'GET', '/os-keypairs', LIST)).body.keypairs.map((entry: any) => entry.keypair.name);
    expect(names).toContain('stateful-key');
    expect([...names].sort()).toEqual(names);
    const shown = await call(version, 'GET', '/os-keypairs/stateful-key', ONE);
    expect(shown.body.keypair).toMatchObject({ name: 'stateful-key', fingerprint: md5Fingerprint(KEY), deleted: false });
    const duplicate = await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name: 'stateful-key', public_key: KEY } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.conflictingRequest.message).toBe("Key pair 'stateful-key' already exists.");
    expect((await call(version, 'DELETE', '/os-keypairs/stateful-key', ONE)).status).toBe(minor >= 2 ? 204 : 202);
    const gone = await call(version, 'GET', '/os-keypairs/stateful-key', ONE);
    expect(gone.status).toBe(404);
    expect(gone.body.itemNotFound.message).toMatch(/^Keypair stateful-key not found for user \S+$/);
    expect((await call(version, 'DELETE', '/os-keypairs/stateful-key', ONE)).status).toBe(404);
  });

  it('refuses a public key it cannot read', async () => {
    const bad = await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name: 'bad-key', public_key: 'ssh-rsa not-base64!' } });
    expect(bad.status).toBe(400);
    expect(bad.body.badRequest.message).toBe('Keypair data is invalid: failed to generate fingerprint');
  });

  it.runIf(minor <= 91)('generates a key pair when no public key is given (up to 2.91)', async () => {
    const made = await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name: 'generated' } });
    expect(made.status).toBe(minor >= 2 ? 201 : 200);
    const { keypair } = made.body;
    expect(keypair.public_key).toMatch(/^ssh-rsa [A-Za-z0-9+/=]+ Generated-by-Nova$/);
    expect(keypair.private_key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(keypair.fingerprint).toBe(md5Fingerprint(keypair.public_key));
  });

  it.runIf(minor >= 10)('keeps key pairs per user: user_id names another user\'s', async () => {
    await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name: 'theirs', public_key: KEY, user_id: 'other-user' } });
    expect((await call(version, 'GET', '/os-keypairs/theirs', ONE)).status).toBe(404);
    expect((await call(version, 'GET', '/os-keypairs/theirs?user_id=other-user', ONE)).body.keypair.user_id).toBe('other-user');
    const theirs = (await call(version, 'GET', '/os-keypairs?user_id=other-user', LIST)).body.keypairs;
    expect(theirs.map((entry: any) => entry.keypair.name)).toEqual(['theirs']);
  });

  it.runIf(minor >= 35)('pages by name with limit, marker and the next link (from 2.35)', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name, public_key: KEY } });
    const all = (await call(version, 'GET', '/os-keypairs', LIST)).body.keypairs.map((entry: any) => entry.keypair.name);
    const first = (await call(version, 'GET', '/os-keypairs?limit=2', LIST)).body;
    expect(first.keypairs.map((entry: any) => entry.keypair.name)).toEqual(all.slice(0, 2));
    const next = new URL(first.keypairs_links[0].href);
    expect(next.searchParams.get('marker')).toBe(all[1]);
    const second = (await call(version, 'GET', `/os-keypairs${next.search}`, LIST)).body;
    expect(second.keypairs.map((entry: any) => entry.keypair.name)).toEqual(all.slice(2, 4));
    const missing = await call(version, 'GET', '/os-keypairs?marker=nope', LIST);
    expect(missing.status).toBe(400);
    expect(missing.body.badRequest.message).toBe('Marker nope could not be found.');
  });

  it('a new server\'s key_name must name one of the caller\'s key pairs', async () => {
    const server = (key_name: string) => ({
      server: { name: 'keyed', flavorRef: 'c2.medium', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', key_name, ...(minor >= 37 ? { networks: 'auto' } : {}) },
    });
    const refused = await call(version, 'POST', '/servers', '/servers', server('no-such-key'));
    expect(refused.status).toBe(400);
    expect(refused.body.badRequest.message).toBe('Invalid key_name provided.');
    await call(version, 'POST', '/os-keypairs', LIST, { keypair: { name: 'server-key', public_key: KEY } });
    const made = await call(version, 'POST', '/servers', '/servers', server('server-key'));
    expect(made.status).toBe(202);
    expect((await call(version, 'GET', `/servers/${made.body.server.id}`, '/servers/{server_id}')).body.server.key_name).toBe('server-key');
  });
});
