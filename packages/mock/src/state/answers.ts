/**
 * What every resource of the stateful mode answers with: JSON bodies, Nova's fault bodies, and
 * the paging of Nova's collection views (common.get_limit_and_marker() and
 * ViewBuilder._get_collection_links(), nova/api/openstack/common.py).
 */
import type { Answer } from '../answer-cache.ts';
import { faultBody } from '../faults.ts';

type Json = Record<string, any>;

/** What a stateful handler is given: the request as the front understood it. */
export interface StateRequest {
  method: string;
  template: string;
  action: string | undefined;
  version: string;
  /** The spec path (`/servers/abc`), without the project id. */
  path: string;
  query: URLSearchParams;
  body: any;
  requestId: string;
  /** `http://host:port`, as the client reached the mock. */
  origin: string;
  /** The project id of the URL form `/v2.1/{project_id}/...`, if used. */
  projectId: string | undefined;
}

/** api.max_limit's default (nova/conf/api.py): the largest page. */
export const MAX_LIMIT = 1000;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status, headers: { 'content-type': 'application/json', ...headers }, text: JSON.stringify(body),
});
export const fault = (status: number, message: string): Answer => json(status, faultBody(status, message));
/** A success without a body (204, or 202 with none). */
export const empty = (status: number, headers: Record<string, string> = {}): Answer => ({ status, headers, text: '' });
export const minorOf = (version: string) => Number(version.split('.')[1]);
/** The path segment at `index` (`/servers/{id}/tags/{tag}`: 2 is the id, 4 the tag), decoded. */
export const segment = (path: string, index: number) => decodeURIComponent(path.split('/')[index] ?? '');

/** `http://host:port/v2.1[/project]`: the versioned base of the links Nova writes. */
export const versionedBase = (request: StateRequest) => `${request.origin}/v2.1${request.projectId ? `/${request.projectId}` : ''}`;
/** `http://host:port[/project]`: the base of bookmark links (no version). */
export const bookmarkBase = (request: StateRequest) => `${request.origin}${request.projectId ? `/${request.projectId}` : ''}`;

/**
 * `limit` and `marker` (common.get_limit_and_marker(); a marker that is not there is the
 * resource's own 400), and the next link of ViewBuilder._get_collection_links(): present when the
 * page is as long as the limit, with the request's parameters sorted and the marker set.
 */
export function page<T>(request: StateRequest, items: T[], idOf: (item: T) => string, collection: string, markerMissing: (marker: string) => string): { items: T[]; next?: string } | Answer {
  const { query } = request;
  const limit = Math.min(query.has('limit') ? Number(query.get('limit')) : MAX_LIMIT, MAX_LIMIT);
  const marker = query.get('marker');
  let start = 0;
  if (marker !== null) {
    const at = items.findIndex((item) => idOf(item) === marker);
    if (at === -1) return fault(400, markerMissing(marker));
    start = at + 1;
  }
  const pageItems = items.slice(start, start + limit);
  if (!(limit > 0 && pageItems.length === limit)) return { items: pageItems };
  const params = new URLSearchParams([...query.entries()].filter(([key]) => key !== 'marker').sort(([a], [b]) => a.localeCompare(b)));
  params.set('marker', idOf(pageItems.at(-1)!));
  return { items: pageItems, next: `${versionedBase(request)}/${collection}?${params}` };
}

export type { Json };
