/**
 * The compute client: openapi-fetch, typed by the generated module of one microversion, with a
 * middleware that sends the token and the microversion on every request.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { Api as LatestApi } from '@novaspec/types';
import { assertMicroversion, microversionHeaders } from './microversion.ts';
import { aggregateActions, flavorActions, serverActions, type AggregateActions, type FlavorActions, type ServerActions } from './actions.ts';
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

export type ComputeClient<A extends ComputeApi> = Client<A['paths'], 'application/json'> & ServerActions<A['paths']> & FlavorActions<A['paths']> & AggregateActions<A['paths']> & {
  /** The microversion this client sends, which is also the one its types describe. */
  readonly microversion: A['microversion'];
};

const GLOBAL_REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface MiddlewareOptions {
  token: TokenSource;
  microversion: string;
  fetch: (request: Request) => Promise<Response>;
  globalRequestId?: string | (() => string);
  throwOnError?: boolean;
}

/**
 * The client's one middleware (one, because each openapi-fetch middleware costs an await per
 * request; the benchmark measures it): the token, both microversion headers and the global request
 * id on the way out; on the way back, one retry with a fresh token after a 401 when the token comes
 * from a session, then a `ComputeError` for any failure when asked to throw.
 */
function computeMiddleware(options: MiddlewareOptions): Middleware {
  const { token } = options;
  const versionHeaders = Object.entries(microversionHeaders(options.microversion));
  const current = async () => (typeof token === 'string' ? token : typeof token === 'function' ? await token() : await token.token());
  // Bodies are read once by fetch: keep a copy of the ones a 401 retry would need to send again.
  const bodies = new WeakMap<Request, Request>();
  return {
    async onRequest({ request }) {
      request.headers.set('X-Auth-Token', await current());
      // A per-call `OpenStack-API-Version` overrides the client's microversion (types stay the pin's).
      const perCall = /^compute (2\.\d+)$/.exec(request.headers.get('OpenStack-API-Version') ?? '')?.[1];
      if (perCall) request.headers.set('X-OpenStack-Nova-API-Version', perCall);
      else for (const [name, value] of versionHeaders) request.headers.set(name, value);
      if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
      if (options.globalRequestId) {
        const id = typeof options.globalRequestId === 'function' ? options.globalRequestId() : options.globalRequestId;
        // oslo.middleware ignores an id that is not `req-<uuid>`; refuse it here rather than lose it there.
        if (!GLOBAL_REQUEST_ID.test(id)) throw new TypeError(`a global request id must look like req-<uuid>, got ${JSON.stringify(id)}`);
        request.headers.set('X-Openstack-Request-Id', id);
      }
      if (typeof token === 'object' && request.body !== null) bodies.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response }) {
      let answer = response;
      if (answer.status === 401 && typeof token === 'object') {
        token.invalidate();
        const again = bodies.get(request) ?? new Request(request.url, { method: request.method, headers: request.headers });
        again.headers.set('X-Auth-Token', await current());
        answer = await options.fetch(again);
      }
      if (options.throwOnError && !answer.ok) throw await ComputeError.fromResponse(request, answer);
      return answer;
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
  client.use(computeMiddleware({
    token: options.token, microversion: options.microversion, fetch: fetchImpl,
    ...(options.globalRequestId ? { globalRequestId: options.globalRequestId } : {}),
    ...(options.throwOnError ? { throwOnError: true } : {}),
  }));
  return Object.assign(client, serverActions(client), flavorActions(client), aggregateActions(client), { microversion: options.microversion });
}
