/**
 * Key pairs through the mock: the shape of the requested microversion (no `type` at 2.1, paging
 * links from 2.35, no private key from 2.92), 200/201 on create and 202/204 on delete, and Nova's
 * 400 for bodies outside that microversion's schema (generation refused from 2.92).
 */
import { describe, expect, it } from 'vitest';
import { useMockJson } from './support/mock-http.ts';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPikdOQpiEv3JtmPhM7g2ZJih8HLvgJ+mpZARfO5bEbe deploy@ci';
const call = useMockJson();

describe('key pairs in the mock', () => {
  it('show: no type at 2.1, type from 2.2', async () => {
    const old = await call('GET', '/os-keypairs/build-agent', '2.1');
    expect(old.status).toBe(200);
    expect(old.body.keypair).not.toHaveProperty('type');
    const typed = await call('GET', '/os-keypairs/build-agent', '2.2');
    expect(typed.body.keypair).toMatchObject({ type: 'ssh', deleted: false, updated_at: null });
  });

  it('list: entries wrapped in keypair, a next link from 2.35', async () => {
    const paged = await call('GET', '/os-keypairs?limit=1', '2.35');
    expect(paged.status).toBe(200);
    expect(paged.body.keypairs[0].keypair).toHaveProperty('fingerprint');
    expect(paged.body.keypairs_links[0].rel).toBe('next');
    const old = await call('GET', '/os-keypairs', '2.34');
    expect(old.body).not.toHaveProperty('keypairs_links');
  });

  const creates: { version: string; keypair: object; status: number }[] = [
    { version: '2.1', keypair: { name: 'gen' }, status: 200 },
    { version: '2.2', keypair: { name: 'k', type: 'ssh', public_key: KEY }, status: 201 },
    { version: '2.9', keypair: { name: 'k', user_id: 'u', public_key: KEY }, status: 400 },
    { version: '2.10', keypair: { name: 'k', user_id: 'u', public_key: KEY }, status: 201 },
    { version: '2.91', keypair: { name: 'gen' }, status: 201 },
    { version: '2.92', keypair: { name: 'gen' }, status: 400 },
    { version: '2.92', keypair: { name: 'deploy@ci.example', public_key: KEY }, status: 201 },
  ];
  for (const { version, keypair, status } of creates) {
    it(`POST at ${version} ${JSON.stringify(keypair).slice(0, 60)}: ${status}`, async () => {
      const answer = await call('POST', '/os-keypairs', version, { keypair });
      expect(answer.status).toBe(status);
      if (status === 400) expect(answer.body.badRequest.message).toMatch(/^Invalid input for field\/attribute/);
      if (status === 201 && version === '2.92') expect(answer.body.keypair).not.toHaveProperty('private_key');
    });
  }

  it('DELETE answers 202 at 2.1 and 204 from 2.2; 404 itemNotFound when asked for', async () => {
    expect((await call('DELETE', '/os-keypairs/build-agent', '2.1')).status).toBe(202);
    expect((await call('DELETE', '/os-keypairs/build-agent', '2.2')).status).toBe(204);
    const missing = await call('DELETE', '/os-keypairs/build-agent', '2.2', undefined, { Prefer: 'code=404' });
    expect(missing.status).toBe(404);
    expect(missing.body.itemNotFound.code).toBe(404);
  });
});
