/**
 * Paging through Nova's collections. Nova pages with `limit` and `marker` (the id of the last item
 * seen) and adds a `<collection>_links` next link when a page is full. The next link's host comes
 * from the request as Nova saw it (often wrong behind a proxy), so only its `marker` is read and the
 * next request is rebuilt on the configured endpoint. Paging stops on a page without a next link, an
 * empty page, or a marker already used (a server that ignores the marker would loop forever).
 */

export interface PageRequest {
  /** The query of the first request (filters, sort); `limit` and `marker` are managed here. */
  query?: Record<string, unknown>;
  /** Items per request (Nova's `limit`); default: the server's own page size. */
  pageSize?: number;
  /** Stop after this many items in all. */
  limit?: number;
}

/** One page as a GET returned it: the parsed body, or an error the caller's fetcher threw. */
type FetchPage = (query: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;

function markerOf(link: unknown): string | undefined {
  if (!Array.isArray(link)) return undefined;
  const next = link.find((l): l is { rel: string; href: string } => typeof l === 'object' && l !== null && (l as { rel?: unknown }).rel === 'next');
  if (!next) return undefined;
  try {
    return new URL(next.href, 'http://relative.invalid').searchParams.get('marker') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Iterates the items of a collection across pages. `key` names the collection (`servers`, `flavors`...). */
export async function* paginate<Item>(fetchPage: FetchPage, key: string, request: PageRequest = {}): AsyncGenerator<Item> {
  const seen = new Set<string>();
  let marker: string | undefined;
  let yielded = 0;
  for (;;) {
    const query: Record<string, unknown> = { ...request.query };
    if (request.pageSize !== undefined) query.limit = request.limit !== undefined ? Math.min(request.pageSize, request.limit - yielded) : request.pageSize;
    if (marker !== undefined) query.marker = marker;
    const body = await fetchPage(query);
    const items = Array.isArray(body?.[key]) ? (body![key] as Item[]) : [];
    for (const item of items) {
      yield item;
      yielded += 1;
      if (request.limit !== undefined && yielded >= request.limit) return;
    }
    const next = markerOf(body?.[`${key}_links`]) ?? markerOf(body?.links);
    if (items.length === 0 || next === undefined || seen.has(next)) return;
    seen.add(next);
    marker = next;
  }
}

/**
 * Iterates a collection Nova pages by `limit` and `offset` with no next link (server groups, volume
 * attachments, security groups): stops on a page shorter than the page size.
 */
export async function* paginateByOffset<Item>(fetchPage: FetchPage, key: string, request: PageRequest & { pageSize: number }): AsyncGenerator<Item> {
  let offset = 0;
  let yielded = 0;
  for (;;) {
    const body = await fetchPage({ ...request.query, limit: request.pageSize, offset });
    const items = Array.isArray(body?.[key]) ? (body![key] as Item[]) : [];
    for (const item of items) {
      yield item;
      yielded += 1;
      if (request.limit !== undefined && yielded >= request.limit) return;
    }
    if (items.length < request.pageSize) return;
    offset += items.length;
  }
}
