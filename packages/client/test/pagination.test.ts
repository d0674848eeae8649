/** Paging: next links, markers rebuilt on the configured endpoint, and the ways paging must stop. */
import { describe, expect, it } from 'vitest';
import { useMock } from './support/mock.ts';
import type { Api as ApiLatest } from '@novaspec/types';
import { MAX_MICROVERSION } from '@novaspec/types/microversions';
import { createComputeClient, paginate, paginateByOffset } from '../src/index.ts';

/** A fake collection of `total` servers served `size` at a time, as Nova pages them. */
function collection(total: number, options: { ignoreMarker?: boolean } = {}) {
  const ids = Array.from({ length: total }, (_, i) => `s${i + 1}`);
  const queries: Record<string, unknown>[] = [];
  const fetchPage = async (query: Record<string, unknown>) => {
    queries.push(query);
    const size = Number(query.limit ?? 3);
    const start = query.marker && !options.ignoreMarker ? ids.indexOf(String(query.marker)) + 1 : 0;
    const page = ids.slice(start, start + size);
    const full = page.length === size;
    return {
      servers: page.map((id) => ({ id })),
      ...(full ? { servers_links: [{ rel: 'next', href: `http://wrong-host.internal:8774/v2.1/servers?limit=${size}&marker=${page.at(-1)}` }] } : {}),
    };
  };
  return { fetchPage, queries };
}

const collect = async <T>(iterator: AsyncGenerator<T>) => {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
};

describe('paginate', () => {
  const table: { name: string; total: number; request: Parameters<typeof paginate>[2]; want: number; requests: number }[] = [
    { name: 'all items across pages', total: 7, request: { pageSize: 3 }, want: 7, requests: 3 },
    { name: 'a full last page is followed by one empty page', total: 6, request: { pageSize: 3 }, want: 6, requests: 3 },
    { name: 'a total limit separate from the page size', total: 10, request: { pageSize: 3, limit: 5 }, want: 5, requests: 2 },
    { name: 'an empty collection', total: 0, request: { pageSize: 3 }, want: 0, requests: 1 },
  ];
  for (const { name, total, request, want, requests } of table) {
    it(name, async () => {
      const { fetchPage, queries } = collection(total);
      const items = await collect(paginate<{ id: string }>(fetchPage, 'servers', request));
      expect(items).toHaveLength(want);
      expect(new Set(items.map((s) => s.id)).size).toBe(want);
      expect(queries).toHaveLength(requests);
    });
  }

  it('sends only the marker of the next link, not its host', async () => {
    const { fetchPage, queries } = collection(4);
    await collect(paginate(fetchPage, 'servers', { pageSize: 3, query: { status: 'ACTIVE' } }));
    expect(queries[1]).toEqual({ status: 'ACTIVE', limit: 3, marker: 's3' });
  });

  it('stops when the server repeats a marker instead of looping forever', async () => {
    const { fetchPage, queries } = collection(9, { ignoreMarker: true });
    const items = await collect(paginate(fetchPage, 'servers', { pageSize: 3 }));
    expect(queries.length).toBe(2);
    expect(items).toHaveLength(6);
  });
});

describe('paginateByOffset', () => {
  it('walks limit/offset pages until a short one', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}` }));
    const queries: Record<string, unknown>[] = [];
    const items = await collect(paginateByOffset<{ id: string }>(async (query) => {
      queries.push(query);
      const offset = Number(query.offset);
      return { volumeAttachments: ids.slice(offset, offset + Number(query.limit)) };
    }, 'volumeAttachments', { pageSize: 3 }));
    expect(items.map((i) => i.id)).toEqual(ids.map((i) => i.id));
    expect(queries.map((q) => q.offset)).toEqual([0, 3, 6]);
  });
});

describe('paginate through the client, against the mock', () => {
  const mockServer = useMock();

  it('pages through GET /servers/detail and stops on the repeated marker of the mock\'s fixed example', async () => {
    const nova = createComputeClient<ApiLatest>({ baseUrl: mockServer().endpoint, token: 't', microversion: MAX_MICROVERSION });
    let requests = 0;
    const servers = paginate<{ id: string }>(async (query) => {
      requests += 1;
      const { data } = await nova.GET('/servers/detail', { params: { query } });
      return data as Record<string, unknown> | undefined;
    }, 'servers', { pageSize: 2 });
    const items = await collect(servers);
    expect(items.length).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(2);
  });
});
