/**
 * The compute client: openapi-fetch, typed by the generated module of one microversion, with a
 * middleware that sends the token and the microversion on every request.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { Api as LatestApi } from '@novaspec/types';
import { assertMicroversion, microversionHeaders } from './microversion.ts';
import { serverActions, type ServerActions } from './actions.ts';
import { ComputeError } from './errors.ts';
import { withRetries, type RetryOptions } from './retry.ts';

/** What a generated `@novaspec/types/2.N` module exports as `Api`. */
export interface ComputeApi {
  microversion: string;
  paths: object;
}

/** A fixed token, a function returning the current one, or a session that can also be told a token failed. */
export type TokenSource = string | (() => string | Promise<string>) | { token(): Promise<string>; invalidate(): void };

export interface ComputeClientOptions<Version extends string> {
  /** The compute endpoint from the catalog: `https://host:8774/v2.1` or `https://host:8774/v2.1/{project_id}`. */
  baseUrl: string;
  /** A Keystone token, or a function returning the current one (called for every request). */
  token: TokenSource;
  /** The microversion every request asks for. Must match the `Api` type argument. */
  microversion: Version;
  /** A fetch implementation (tests, proxies, instrumentation). Defaults to the global fetch. */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /**
   * Throw a `ComputeError` for every non-2xx answer instead of returning openapi-fetch's
   * `{ error }`. The error says what happened, where, at which microversion, with the request id.
   */
  throwOnError?: boolean;
  /**
   * A global request id (`req-` + UUID) sent as `X-Openstack-Request-Id` on every request, so that
   * Nova's logs tie its work to the caller's; a function is asked once per request.
   */
  globalRequestId?: string | (() => string);
  /** Retries (connection errors, 503, 429/413 with Retry-After) and a per-request timeout. */
  retry?: RetryOptions;
}

export type ComputeClient<A extends ComputeApi> = Client<A['paths'], 'application/json'> & ServerActions<A['paths']> & {
  /** The microversion this client sends, which is also the one its types describe. */
  readonly microversion: A['microversion'];
};

function authMiddleware(token: TokenSource, microversion: string, fetchImpl: (request: Request) => Promise<Response>): Middleware {
  // A session gets one retry after a 401 with a fresh token (the token may have been revoked).
  const copies = new WeakMap<Request, Request>();
  const current = async () => (typeof token === 'string' ? token : typeof token === 'function' ? await token() : await token.token());
  return {
    async onResponse({ request, response }) {
      if (response.status !== 401 || typeof token !== 'object') return response;
      const copy = copies.get(request);
      if (!copy) return response;
      token.invalidate();
      copy.headers.set('X-Auth-Token', await current());
      return fetchImpl(copy);
    },
    async onRequest({ request }) {
      const value = await current();
      request.headers.set('X-Auth-Token', value);
      for (const [name, header] of Object.entries(microversionHeaders(microversion))) request.headers.set(name, header);
      if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
      if (typeof token === 'object') copies.set(request, request.clone());
      return request;
    },
  };
}

const GLOBAL_REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function globalRequestIdMiddleware(source: string | (() => string)): Middleware {
  return {
    onRequest({ request }) {
      const id = typeof source === 'function' ? source() : source;
      // oslo.middleware ignores an id that is not `req-<uuid>`; refuse it here rather than lose it there.
      if (!GLOBAL_REQUEST_ID.test(id)) throw new TypeError(`a global request id must look like req-<uuid>, got ${JSON.stringify(id)}`);
      request.headers.set('X-Openstack-Request-Id', id);
      return request;
    },
  };
}

function throwingMiddleware(): Middleware {
  return {
    async onResponse({ request, response }) {
      if (!response.ok) throw await ComputeError.fromResponse(request, response);
      return response;
    },
  };
}

/**
 * Creates a client typed for one microversion:
 *
 * ```ts
 * import type { Api } from '@novaspec/types/2.47';
 * const nova = createComputeClient<Api>({ baseUrl, token, microversion: '2.47' });
 * ```
 *
 * Without a type argument the client is typed for the newest microversion, and `microversion` must
 * then be that one.
 */
export function createComputeClient<A extends ComputeApi = LatestApi>(
  options: ComputeClientOptions<A['microversion']>,
): ComputeClient<A> {
  assertMicroversion(options.microversion);
  const client = createClient<A['paths'], 'application/json'>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch || options.retry ? { fetch: options.retry ? withRetries(options.fetch ?? ((request: Request) => fetch(request)), options.retry) : options.fetch! } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const fetchImpl = options.retry ? withRetries(options.fetch ?? ((request: Request) => fetch(request)), options.retry) : (options.fetch ?? ((request: Request) => fetch(request)));
  // openapi-fetch runs onResponse hooks last-registered first: the throwing one is registered first
  // so that it sees the answer after the auth middleware's retry on 401.
  if (options.throwOnError) client.use(throwingMiddleware());
  client.use(authMiddleware(options.token, options.microversion, fetchImpl));
  if (options.globalRequestId) client.use(globalRequestIdMiddleware(options.globalRequestId));
  return Object.assign(client, serverActions(client), { microversion: options.microversion });
}
