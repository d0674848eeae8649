/** findFlavorByName: exact names only, across pages, the 2.102 filter anchored, and clear errors. */
import { describe, expect, it } from 'vitest';
import type { Api as Api261 } from '@novaspec/types/2.61';
import { ComputeError, createComputeClient, FlavorLookupError, findFlavorByName } from '../src/index.ts';
import { useMock } from './support/mock.ts';

/** A client whose `GET /flavors/detail` serves `pages` in turn, with a next link on all but the last; it records each query. */
function fake(pages: { id: string; name: string }[][], microversion = '2.61') {
  const queries: Record<string, unknown>[] = [];
  const client = {
    microversion,
    async GET(_path: string, init: { params: { query: Record<string, unknown> } }) {
      queries.push(init.params.query);
      const page = pages[queries.length - 1] ?? [];
      const last = page.at(-1);
      const links = queries.length < pages.length && last ? { flavors_links: [{ rel: 'next', href: `http://nova/v2.1/flavors/detail?marker=${last.id}` }] } : {};
      return { data: { flavors: page, ...links }, response: new Response(null, { status: 200 }) };
    },
  };
  return { client: client as never, queries };
}

describe('findFlavorByName', () => {
  it('returns the one flavor with exactly that name, looking on later pages too', async () => {
    const { client, queries } = fake([[{ id: '1', name: 'm1.small-gpu' }, { id: '2', name: 'm1.tiny' }], [{ id: '3', name: 'm1.small' }]]);
    const flavor = await findFlavorByName(client, 'm1.small');
    expect(flavor).toEqual({ id: '3', name: 'm1.small' });
    expect(queries).toEqual([{}, { marker: '2' }]);
  });

  it('says so when no flavor has the name, or several have it', async () => {
    const none = await findFlavorByName(fake([[{ id: '1', name: 'm1.small-gpu' }]]).client, 'm1.small').catch((e: unknown) => e);
    expect(none).toBeInstanceOf(FlavorLookupError);
    expect((none as FlavorLookupError).message).toBe('no flavor is named "m1.small"');
    const two = await findFlavorByName(fake([[{ id: 'a', name: 'gp' }, { id: 'b', name: 'gp' }]]).client, 'gp').catch((e: unknown) => e);
    expect((two as FlavorLookupError).matches.map((f) => f.id)).toEqual(['a', 'b']);
    expect((two as Error).message).toMatch(/2 flavors are named "gp" \(a, b\): use an id/);
  });

  it('from 2.102 asks Nova for the name anchored and escaped, and passes is_public', async () => {
    const { client, queries } = fake([[{ id: '9', name: 'c2.medium' }]], '2.102');
    await findFlavorByName(client, 'c2.medium', { isPublic: 'none' });
    expect(queries[0]).toEqual({ is_public: 'none', name: '^c2\\.medium$' });
  });

  describe('against the mock', () => {
    const mock = useMock();
    it('finds the example flavor by name, typed for the pinned microversion', async () => {
      const nova = createComputeClient<Api261>({ baseUrl: mock().endpoint, token: 'token', microversion: '2.61' });
      const flavor = await findFlavorByName(nova, 'c2.medium');
      const specs: Record<string, string> | undefined = flavor.extra_specs;
      expect(flavor.name).toBe('c2.medium');
      expect(typeof flavor.id).toBe('string');
      void specs;
    });
    it('a refused list is a ComputeError with Nova\'s fault', async () => {
      const nova = createComputeClient<Api261>({ baseUrl: mock().endpoint, token: 'token', microversion: '2.61', headers: { Prefer: 'code=400' } });
      const error = await findFlavorByName(nova, 'c2.medium').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ComputeError);
      expect((error as ComputeError).status).toBe(400);
    });
  });
});
