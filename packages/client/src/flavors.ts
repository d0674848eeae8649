/**
 * Finding a flavor by its name, the everyday step before `POST /servers` (which takes a flavor id).
 * Nova has no exact-name lookup: `GET /flavors/{flavor_id}` takes an id, and the `name` filter that
 * came at 2.102 is a regular expression matched anywhere in the name (`small` also finds
 * `m1.small-gpu`). So the helper pages through `GET /flavors/detail`, anchored and escaped on the
 * server side from 2.102 to fetch less, and keeps only exact matches; none or several is an error
 * that says so, rather than the first regex hit. The flavor it returns has the client's
 * microversion's type.
 */
import type { ComputeApi, ComputeClient } from './client.ts';
import { ComputeError, parseFault, requestIdOf } from './errors.ts';
import { paginate } from './pagination.ts';

/** The flavor of `GET /flavors/detail` in the client's types, or a minimal shape when they lack it. */
export type DetailedFlavor<P> = P extends { '/flavors/detail': { get: { responses: { 200: { content: { 'application/json': { flavors: (infer F)[] } } } } } } }
  ? F
  : { id: string; name: string };

export interface FindFlavorOptions {
  /**
   * Which flavors to look among, Nova's `is_public`: public ones and the project's private ones
   * (`'true'`, Nova's default for members), only private ones (`'false'`), or every flavor
   * (`'none'`, for admins; members get the default).
   */
  isPublic?: 'true' | 'false' | 'none';
  /** Flavors per request; default Nova's own page size. */
  pageSize?: number;
}

export class FlavorLookupError extends Error {
  override readonly name = 'FlavorLookupError';
  /** The flavors with exactly this name: none, or more than one. */
  readonly matches: { id: string; name: string }[];
  constructor(message: string, matches: { id: string; name: string }[]) {
    super(message);
    this.matches = matches;
  }
}

/** The name as a regular expression that matches only itself (MySQL's REGEXP takes the same escapes). */
const exactly = (name: string) => `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

const minor = (version: string) => Number(version.split('.')[1]);

/**
 * The one flavor named exactly `name`, as `GET /flavors/detail` shows it at the client's
 * microversion. Throws a `FlavorLookupError` when there is none or there are several, and a
 * `ComputeError` when Nova refuses the list.
 */
export async function findFlavorByName<A extends ComputeApi>(client: ComputeClient<A>, name: string, options: FindFlavorOptions = {}): Promise<DetailedFlavor<A['paths']>> {
  const get = client.GET as unknown as (path: string, init: { params: { query: Record<string, unknown> } }) => Promise<{ data?: Record<string, unknown>; error?: unknown; response: Response }>;
  const query: Record<string, unknown> = {};
  if (options.isPublic) query.is_public = options.isPublic;
  if (minor(client.microversion) >= 102) query.name = exactly(name);
  const matches: { id: string; name: string }[] = [];
  const pages = paginate<{ id: string; name: string }>(async (q) => {
    const { data, error, response } = await get('/flavors/detail', { params: { query: q } });
    if (!data) {
      const fault = parseFault(typeof error === 'string' ? error : JSON.stringify(error ?? ''), 'application/json');
      throw new ComputeError({
        status: response.status, method: 'GET', url: response.url.split('?')[0] ?? '', microversion: client.microversion,
        ...(requestIdOf(response.headers) ? { requestId: requestIdOf(response.headers) } : {}), ...(fault.fault ? { fault: fault.fault } : {}), message: fault.message, ...(fault.details ? { details: fault.details } : {}),
      });
    }
    return data;
  }, 'flavors', { query, ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
  for await (const flavor of pages) if (flavor.name === name) matches.push(flavor);
  if (matches.length === 1) return matches[0] as DetailedFlavor<A['paths']>;
  const ids = matches.map((f) => f.id).join(', ');
  throw new FlavorLookupError(matches.length === 0 ? `no flavor is named ${JSON.stringify(name)}` : `${matches.length} flavors are named ${JSON.stringify(name)} (${ids}): use an id`, matches);
}
