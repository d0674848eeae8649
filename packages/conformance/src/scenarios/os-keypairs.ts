/**
 * Key pairs. Each scenario imports its own key pairs (named after the microversion, so runs and
 * microversions never collide) and deletes them afterwards; the deployment's own `novaspec` key pair
 * is only read. The admin token's user is `admin`; `OTHER` is a user id no token has, for the
 * `user_id` calls an admin may make (Nova does not check that a user exists).
 */
import type { Deployment } from '../deployment.ts';
import { at, refusedToMember, type Call, type Scenario } from './common.ts';

/** A real OpenSSH public key (ed25519), made for these tests; Nova parses it to compute the fingerprint. */
export const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPikdOQpiEv3JtmPhM7g2ZJih8HLvgJ+mpZARfO5bEbe deploy@ci';
/** The user id of the spec's `user_id` examples, so the every-parameter call finds the key pair too. */
export const OTHER = 'c0a4e8f2b6d14937a5c9e1f3b7d20468';

const tag = (v: string) => v.replace('.', '-');

/** Imports a key pair (for `user` when given) with plain HTTP, first removing one a cut-off run left; deleted after the scenario. */
async function keypair(d: Deployment, name: string, user?: string): Promise<string> {
  const query = user ? `?user_id=${user}` : '';
  await d.nova('DELETE', `/os-keypairs/${encodeURIComponent(name)}${query}`, undefined, { ok: [204, 404] });
  await d.nova('POST', '/os-keypairs', { keypair: { name, public_key: PUBLIC_KEY, ...(user ? { user_id: user } : {}) } });
  d.onCleanup(async () => {
    await d.nova('DELETE', `/os-keypairs/${encodeURIComponent(name)}${query}`, undefined, { ok: [204, 404] });
  });
  return name;
}

export const keypairs: Record<string, Scenario> = {
  'GET /os-keypairs': {
    async arrange(d, v) {
      // Two key pairs at least (the deployment's and this one), so a page of one has a next link.
      const name = await keypair(d, `novaspec-list-${tag(v)}`);
      const more: NonNullable<Call['more']> = [];
      if (at(v, '2.10')) {
        more.push({ query: { user_id: 'admin' } });
        // A member may list only their own key pairs.
        await refusedToMember(d, 'GET', '/os-keypairs?user_id=admin', v);
      }
      if (at(v, '2.35')) more.push({ query: { limit: 1 } }, { query: { limit: 5, marker: name } });
      return { query: {}, more };
    },
  },
  'POST /os-keypairs': {
    async arrange(d, v) {
      const name = at(v, '2.92') ? `novaspec@key.${tag(v)}` : `novaspec-new-${tag(v)}`;
      const refused: { body: unknown }[] = [];
      let keypair: Record<string, unknown>;
      if (!at(v, '2.2')) {
        // 2.1: no public key, so Nova generates the pair and answers its private key (200).
        keypair = { name };
      } else if (!at(v, '2.10')) {
        keypair = { name, type: 'ssh', public_key: PUBLIC_KEY };
        refused.push({ body: { keypair: { name: `${name}-u`, public_key: PUBLIC_KEY, user_id: OTHER } } });
      } else if (!at(v, '2.92')) {
        // An admin imports a key pair for another user.
        keypair = { name, type: 'ssh', public_key: PUBLIC_KEY, user_id: OTHER };
        refused.push({ body: { keypair: { name: 'novaspec@dotted.key', public_key: PUBLIC_KEY } } });
      } else {
        keypair = { name, type: 'ssh', public_key: PUBLIC_KEY };
        // From 2.92 Nova no longer generates key pairs.
        refused.push({ body: { keypair: { name: `novaspec-gen-${tag(v)}` } } });
      }
      if (!at(v, '2.2')) refused.push({ body: { keypair: { name: `${name}-t`, type: 'ssh', public_key: PUBLIC_KEY } } });
      const user = keypair.user_id as string | undefined;
      const query = user ? `?user_id=${user}` : '';
      await d.nova('DELETE', `/os-keypairs/${encodeURIComponent(name)}${query}`, undefined, { ok: [204, 404] });
      d.onCleanup(async () => {
        await d.nova('DELETE', `/os-keypairs/${encodeURIComponent(name)}${query}`, undefined, { ok: [204, 404] });
      });
      return { body: { keypair }, refused };
    },
  },
  'GET /os-keypairs/{keypair_name}': {
    async arrange(d, v) {
      // The same name for the caller and for OTHER, so the call with the example `user_id` finds one too.
      const name = await keypair(d, `novaspec-shown-${tag(v)}`);
      const more: NonNullable<Call['more']> = [];
      if (at(v, '2.10')) {
        await keypair(d, name, OTHER);
        more.push({ path: { keypair_name: name }, query: { user_id: OTHER } });
      }
      return { path: { keypair_name: name }, more };
    },
  },
  'DELETE /os-keypairs/{keypair_name}': {
    async arrange(d, v) {
      if (at(v, '2.10')) {
        // An admin deletes another user's key pair.
        const name = await keypair(d, `novaspec-doomed-${tag(v)}`, OTHER);
        return { path: { keypair_name: name }, query: { user_id: OTHER } };
      }
      return { path: { keypair_name: await keypair(d, `novaspec-doomed-${tag(v)}`) } };
    },
  },
};
