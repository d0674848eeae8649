/**
 * The mock compute API: a small HTTP front that does what Nova's own API layer does before any
 * controller runs (URL forms, token presence, microversion negotiation, body parsing, action lookup,
 * fault bodies, version and request-id headers), then asks Prism to answer from the spec's exact
 * view at the negotiated microversion. Prism stays the engine for routing, validation and example
 * selection (including `Prefer: code=, example=, dynamic=`). See ADR 0004.
 */
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInstance, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { validateInput } from '@stoplight/prism-http/dist/validator/index.js';
import type { IHttpOperation } from '@stoplight/types';
import * as E from 'fp-ts/lib/Either.js';
import { LRUCache } from 'lru-cache';
import { AnswerCache, type Answer } from './answer-cache.ts';
import { faultBody } from './faults.ts';
import { silentLogger } from './logger.ts';
import { negotiate, type VersionRange } from './microversion.ts';
import { SpecIndex, locateSpecVersions, type PathFacts } from './operations.ts';
import { controllerCheck } from './controller-checks.ts';
import { fastVerdict } from './request-validation.ts';
import { ViewValidators } from './view-validators.ts';
import { locateProfileVersions } from './profiles.ts';
import { novaValidationMessage, type Violation } from './validation-message.ts';
import { StatefulMock } from './state/index.ts';
import { StrictQuery } from './strict-query.ts';

export interface MockOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The newest microversion to serve, "2.N"; default: the spec's newest. */
  maxMicroversion?: string;
  /** How many distinct answers to remember (0 turns the cache off); default 2000. */
  cacheEntries?: number;
  /** Answer from a vendor profile's views (`vhi`, `huawei-bms`) instead of upstream's (ADR 0013). */
  profile?: string;
  /**
   * Remember what requests create, change and delete (ADR 0012): servers, their actions and their
   * instance actions log, seeded from the spec's examples. Off by default.
   */
  stateful?: boolean;
  /** Stateful mode: how long a new server stays BUILD, in ms; default 0 (ACTIVE by the next request). */
  buildDelayMs?: number;
  /** Stateful mode: how long an action's task (rebooting, powering-off, deleting...) lasts, in ms; default 0. */
  actionDelayMs?: number;
  /**
   * Stateful mode: the clock the delays are measured on (ms since the epoch); default `Date.now`.
   * A test passes its own and moves it forward, to see BUILD and every task state without racing
   * real time on a busy machine.
   */
  clock?: () => number;
}

export interface MockServer {
  url: string;
  /** The compute endpoint, `${url}/v2.1`. */
  endpoint: string;
  range: { min: string; max: string };
  /** Stateful mode: back to the seed state (as `POST /_novaspec/reset` does); stateless: nothing to do. */
  reset(): void;
  close(): Promise<void>;
}

const JSON_TYPES = new Set(['', 'text/plain', 'application/json', 'application/vnd.openstack.compute+json']);

/** oslo.middleware's default limit on request bodies, which Nova's pipeline applies. */
const MAX_BODY_BYTES = 114_688;
const NOT_FOUND = 'The resource could not be found.';

const PRISM_CONFIG: IHttpConfig = {
  mock: { dynamic: false },
  checkSecurity: false,
  validateRequest: true,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
};

function minorOf(version: string, what: string): number {
  const match = /^2\.(\d+)$/.exec(version);
  if (!match) throw new Error(`${what} must be "2.N", got ${JSON.stringify(version)}`);
  return Number(match[1]);
}

type Json = Record<string, any>; // spec documents, read by path

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  text: JSON.stringify(body),
});
const fault = (status: number, message: string, headers: Record<string, string> = {}): Answer => json(status, faultBody(status, message), headers);

interface RawBody {
  text: string;
  parsed: unknown;
}

/**
 * Reads the body as Nova's WSGI layer would: size limit (413), JSON only (415); parsed later. Nova
 * reads a body without a Content-Type, or with `text/plain` (what some web servers default to), as
 * JSON too (wsgi.py, Request.get_content_type); its other JSON type is `application/vnd.openstack.compute+json`.
 */
async function readRawBody(request: IncomingMessage): Promise<string | Answer | undefined> {
  // No length and no chunked encoding: HTTP/1.1 says there is no body (most GETs); nothing to wait for.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // A body left unread would poison a kept-alive connection: answer, then close it.
    if (size > MAX_BODY_BYTES) return fault(413, 'Request is too large.', { connection: 'close' });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_TYPES.has(type)) return fault(415, 'Unsupported Content-Type');
  return Buffer.concat(chunks).toString('utf8');
}

/** Maps a request URL onto a spec path: both endpoint forms, `/v2.1/...` and `/v2.1/{project_id}/...`. */
function specPathOf(pathname: string, roots: Set<string>): string | undefined {
  if (pathname === '/') return '/';
  if (pathname === '/v2.1' || pathname === '/v2.1/') return '/v2.1/';
  if (!pathname.startsWith('/v2.1/')) return undefined;
  // Nova's routes have no trailing slash: `/servers/` and `/servers/detail/` are not found.
  if (pathname.endsWith('/')) return undefined;
  const rest = pathname.slice('/v2.1'.length);
  const [, first, ...more] = rest.split('/');
  if (first !== undefined && !roots.has(first) && more.length > 0) return `/${more.join('/')}`;
  return rest;
}

/** A list answer with no items: every top-level array is empty (`{"migrations": []}`). */
function isEmptyPage(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const arrays = Object.values(value).filter(Array.isArray);
  return arrays.length > 0 && arrays.every((items) => items.length === 0);
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const spec = options.profile ? locateProfileVersions(options.profile) : locateSpecVersions();
  const range: VersionRange = {
    min: minorOf(spec.min, 'the spec minimum'),
    max: minorOf(options.maxMicroversion ?? spec.max, 'maxMicroversion'),
  };
  if (range.max > minorOf(spec.max, 'the spec maximum') || range.max < range.min) {
    throw new Error(`maxMicroversion ${options.maxMicroversion} is outside the spec's ${spec.min} to ${spec.max}`);
  }
  const index = new SpecIndex(spec.dir);
  const newest = `2.${range.max}`;
  const roots = new Set(index.everywhere.map((facts) => facts.template.split('/')[1]!).filter(Boolean));
  await index.operations(newest);
  const prism = createInstance(PRISM_CONFIG, { logger: silentLogger });
  const answers = new AnswerCache(options.cacheEntries ?? 2000);
  const views = new ViewValidators(index);
  /** Answers by kind of valid request (operation, microversion, preferences), whatever its values. */
  const kinds = new AnswerCache(options.cacheEntries ?? 2000);
  const strictQuery = new StrictQuery(index);
  const state = options.stateful
    ? new StatefulMock(index, newest, { buildDelayMs: options.buildDelayMs ?? 0, actionDelayMs: options.actionDelayMs ?? 0, now: options.clock ?? Date.now })
    : undefined;

  /**
   * Two answers Prism would get wrong on its own: a removed API answers its removal code (410, or
   * what Nova really sends) rather than Prism's pick of the lowest code; and a success response the
   * spec has no example for at this microversion is generated from its schema (Prism's static
   * answer would not be valid against it).
   */
  const adjustConfig = (input: IHttpRequest, version: string, template: string, action: string | undefined, config: IHttpConfig): IHttpConfig => {
    if (config.mock.code || config.mock.dynamic) return config;
    const operation = index.operation(version, template, input.method, action);
    const codes = Object.keys(operation?.responses ?? {});
    if (operation?.['x-openstack']?.removed === true || operation?.deprecated === true && !codes.some((c) => c.startsWith('2'))) {
      // Nova's removed handlers raise before looking at the body (their schemas are `{}`), so the
      // body a removed API once took is not validated: the answer is the removal code whatever is sent.
      const code = codes.find((c) => c === '410') ?? codes.find((c) => c !== '401');
      return code ? { ...config, validateRequest: false, mock: { ...config.mock, code: Number(code) } } : config;
    }
    const success = codes.filter((c) => c.startsWith('2')).sort()[0];
    const media = success ? index.resolve(version, operation.responses[success])?.content?.['application/json'] : undefined;
    if (media && !media.example && Object.keys(media.examples ?? {}).length === 0) {
      return { ...config, mock: { ...config.mock, dynamic: true } };
    }
    // Prism cannot page: the page after a `marker` is answered with the spec's empty-list example
    // when it has one, so clients that follow markers until an empty page (novaclient's usage and
    // migration lists) stop instead of receiving the first page forever.
    if (input.method === 'get' && input.url.query?.marker !== undefined && !config.mock.exampleKey && media?.examples) {
      const empty = Object.entries<{ value?: unknown }>(media.examples).find(([, example]) => isEmptyPage(index.resolve(version, example)?.value));
      if (empty) return { ...config, mock: { ...config.mock, exampleKey: empty[0] } };
    }
    return config;
  };

  // Two pure functions of a few header and query values, decoded with io-ts and fp-ts for every
  // request before (a fifth of the mock's own time on varied requests): remembered by those values.
  const negotiations = boundedMemo<ReturnType<typeof negotiate>>(1000);
  const negotiatedOf = (headers: IncomingMessage['headers']) => {
    const modern = headers['openstack-api-version'];
    const legacy = headers['x-openstack-nova-api-version'];
    return negotiations.memo(JSON.stringify([modern, legacy]), { context: () => negotiate({ 'openstack-api-version': modern, 'x-openstack-nova-api-version': legacy }, range) });
  };
  const preferenceMemo = boundedMemo<ReturnType<typeof getHttpConfigFromRequest>>(1000);
  const preferencesOf = (input: IHttpRequest) => {
    const prefer = input.headers?.prefer;
    const query = input.url.query ?? {};
    // Prism reads the Prefer header when there is one, else the `__code`, `__dynamic`, `__seed` and `__example` query parameters.
    const key = prefer ? `h${prefer}` : `q${JSON.stringify([query.__code, query.__dynamic, query.__seed, query.__example])}`;
    return preferenceMemo.memo(key, { context: () => getHttpConfigFromRequest(input) });
  };

  /** The server action a request runs, if it is one (prechecks made sure the key is known). */
  const actionOf = (input: IHttpRequest, here: PathFacts): string | undefined => {
    if (input.method !== 'post' || !input.body || typeof input.body !== 'object' || here.actions.size === 0) return undefined;
    const [name] = Object.keys(input.body);
    return name && here.actions.has(name) ? name : undefined;
  };

  /** Nova's checks that come before any controller, in Nova's order. */
  const precheck = (method: string, specPath: string, here: PathFacts | undefined, body: RawBody | undefined): Answer | undefined => {
    // Nova routes a literal path (`/os-hypervisors/statistics`) before the template beside it
    // (`/os-hypervisors/{hypervisor_id}`); where the literal one is out of range, it is not found.
    const literal = index.find(specPath);
    if (here && literal && literal.template !== here.template && literal.methods.has(method) && literal.template.split('{').length < here.template.split('{').length) {
      return fault(404, NOT_FOUND);
    }
    // Nova's router matches method and path together: no route is 404 (webob's own page in Nova,
    // the JSON fault here), whether the method exists at other microversions or never (no 405).
    if (!here || !here.methods.has(method)) return fault(404, NOT_FOUND);
    if (method === 'post' && here.actions.size > 0) {
      const keys = body && typeof body.parsed === 'object' && body.parsed !== null ? Object.keys(body.parsed) : [];
      if (keys.length !== 1) return fault(400, 'Malformed request body');
      const action = keys[0]!;
      if (!here.actions.has(action)) {
        const anywhere = index.find(specPath);
        if (anywhere?.actions.has(action)) return fault(404, NOT_FOUND);
        return fault(400, `There is no such action: ${action}`);
      }
    }
    return undefined;
  };

  /** Prism's answer, from the view of the negotiated microversion (of the one action, for actions). */
  const askPrism = async (input: IHttpRequest, operations: IHttpOperation[], config: IHttpConfig): Promise<Answer> => {
    const result = await prism.request(input, operations, config)();
    if (E.isLeft(result)) {
      const error = result.left as Error & { status?: number };
      if (error.status === 404) return fault(404, NOT_FOUND);
      if (error.status === 405) return fault(405, 'The method specified is not allowed for this resource.');
      if (error.status === 422 || error.status === 400) return fault(400, error.message);
      return fault(500, `The mock could not answer: ${error.message}`);
    }
    const violations = result.right.validations.input.filter((v) => v.severity === 0 /* DiagnosticSeverity.Error */);
    if (violations.length > 0 && !config.mock.code) {
      return fault(400, novaValidationMessage(violations[0] as unknown as Violation, { body: input.body, query: input.url.query }));
    }
    const output = result.right.output;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(output.headers ?? {})) {
      const lower = name.toLowerCase();
      if (lower !== 'content-length' && !lower.startsWith('x-openstack') && !lower.startsWith('x-compute') && lower !== 'vary' && lower !== 'openstack-api-version') {
        headers[lower] = String(value);
      }
    }
    if (output.body === undefined || output.body === null || output.body === '') {
      delete headers['content-type'];
      return { status: output.statusCode, headers, text: '' };
    }
    const body = input.url.path === '/' || input.url.path === '/v2.1/' ? reportRange(output.body, range) : output.body;
    return { status: output.statusCode, headers: { ...headers, 'content-type': 'application/json' }, text: JSON.stringify(body) };
  };

  const answer = async (request: IncomingMessage, perRequest: Record<string, string>): Promise<Answer> => {
    // Nova's routes treat repeated slashes as one (`/servers//detail` is `/servers/detail`).
    const url = new URL((request.url ?? '/').replace(/^([^?]*)/, (path) => path.replace(/\/{2,}/g, '/')), 'http://mock.invalid');
    // The stateful mock's own endpoint, outside Nova's API: back to the seed, for test isolation.
    if (state && url.pathname === '/_novaspec/reset' && request.method === 'POST') {
      state.reset();
      return { status: 204, headers: {}, text: '' };
    }
    const specPath = specPathOf(url.pathname, roots);
    if (specPath === undefined) return fault(404, NOT_FOUND);

    // Nova's unversioned root (`GET /`) has no microversion handling and no request-id middleware.
    const isRoot = specPath === '/';
    if (isRoot) {
      delete perRequest['x-openstack-request-id'];
      delete perRequest['x-compute-request-id'];
    }
    const negotiated = isRoot ? { ok: true as const, minor: range.max, version: newest } : negotiatedOf(request.headers);
    if (!negotiated.ok) return fault(negotiated.status, negotiated.message);
    if (!isRoot) {
      Object.assign(perRequest, {
        'openstack-api-version': `compute ${negotiated.version}`,
        'x-openstack-nova-api-version': negotiated.version,
        vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
      });
    }
    const needsToken = !(isRoot || specPath === '/v2.1/');
    if (needsToken && !request.headers['x-auth-token']) {
      return json(401, { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } }, {
        'www-authenticate': `Keystone uri="http://${request.headers.host ?? 'localhost'}/identity"`,
      });
    }

    const raw = await readRawBody(request);
    if (typeof raw === 'object') return raw;
    const method = (request.method ?? 'GET').toLowerCase();

    // Everything from here on is a function of the request (microversion, method, path, query, the
    // headers Prism reads, the body) unless Prism generates data (dynamic): compute it once per
    // distinct request and replay it after that (ADR 0004). Generated answers are never replayed.
    const compute = () => answerFor(method, specPath, url, request.headers, negotiated.version, raw, perRequest['x-openstack-request-id']);
    const prefer = String(request.headers.prefer ?? '') + url.search;
    // In stateful mode an answer depends on the state, so no answer is replayed from this cache.
    if (state || /dynamic=true/.test(prefer)) return compute();
    const key = AnswerCache.key(negotiated.version, method, specPath, url.search, request.headers, raw);
    return answers.getOrCompute(key, compute);
  };

  /** The deterministic part: body parsing, Nova's pre-controller checks, then Prism. */
  const answerFor = async (
    method: string, specPath: string, url: URL, headers: IncomingMessage['headers'], version: string, raw: string | undefined,
    requestId?: string,
  ): Promise<Answer> => {
    let parsed: unknown;
    if (raw !== undefined) {
      try {
        parsed = JSON.parse(raw);
      } catch {
        return fault(400, 'Malformed request body');
      }
    }
    const here = index.find(specPath, version, method);
    const refused = precheck(method, specPath, here, raw === undefined ? undefined : { text: raw, parsed });
    if (refused) return refused;
    const input: IHttpRequest = {
      method: method as IHttpRequest['method'],
      url: { path: specPath, query: queryOf(url) },
      headers: prismHeaders(headers, version, raw !== undefined),
      body: parsed,
    };
    const preferences = preferencesOf(input);
    if (E.isLeft(preferences)) return fault(400, `Invalid Prefer header: ${preferences.left.message}`);
    const requested = { ...PRISM_CONFIG, mock: { ...PRISM_CONFIG.mock, ...stripUndefined(preferences.right) } } as IHttpConfig;
    const { template } = here!;
    const action = actionOf(input, here!);
    // Prism routes among the operations of the one path the request falls on (ADR 0004).
    const operations = action ? await index.actionOperations(version, template, action) : await index.pathOperations(version, template);
    const config = adjustConfig(input, version, template, action, requested);

    // Prism's answer to a request it finds valid depends on the operation, the microversion, the
    // mock preferences (Prefer, the marker's empty page) and Accept, not on the literal id, name or
    // query: validated with Prism's own validator (its compiled schemas are cached), a valid request
    // is answered with the answer Prism gave the first valid request of its kind. Generated
    // answers are not shared; invalid requests go to Prism, which writes the validation fault.
    const resource = operations.find((operation) => operation.method === method);
    // A closed query string (the view's strict-query) refuses what the operation does not declare,
    // before any finding of the validation about a declared parameter.
    const undeclared = resource && strictQuery.refusal(version, template, method, action, resource, url.searchParams);
    if (undeclared) return fault(400, undeclared);
    // The fast verdict (request-validation.ts) is trusted when it says valid; Prism judges the rest.
    const valid = resource !== undefined && (!config.validateRequest || fastVerdict(resource, input) === true || isValid(resource, input));
    // The stateful mode answers what Nova's controllers would act on; a request that asks for a
    // code, an example or generated data gets what it asked for.
    const asked = requested.mock;
    const fromState = state !== undefined && valid && !asked.code && !asked.exampleKey && !asked.dynamic;
    if (fromState) state.settle();
    // A controller under /servers/{server_id} looks the server up before its own checks.
    const missing = fromState ? state.unknownServer(template, specPath) : undefined;
    if (missing) return missing;
    // What Nova's controllers check once the schema let a request through.
    const checked = valid ? controllerCheck(method, template, version, input) : undefined;
    if (checked) return 'message' in checked ? fault(checked.status, checked.message) : json(checked.status, checked.body);
    if (fromState) {
      const projectId = url.pathname.slice('/v2.1'.length) === specPath ? undefined : url.pathname.split('/')[2];
      const stateful = state.answer({
        method, template, action, version, path: specPath, query: url.searchParams, body: parsed,
        requestId: requestId ?? `req-${randomUUID()}`, origin: `http://${headers.host ?? 'localhost'}`, projectId,
      });
      if (stateful) return stateful;
    }
    if (valid && !config.mock.dynamic) {
      const key = [version, method, template, action ?? '', JSON.stringify(config.mock), headers.accept ?? ''].join('\u0001');
      return kinds.getOrCompute(key, () => askPrism(input, operations, config));
    }
    return config.mock.dynamic ? generated(input, operations, config, version, template, action) : askPrism(input, operations, config);
  };

  /**
   * A generated answer, checked against the view's schema for its status: Prism's generator ignores
   * some keywords (`maxProperties` beside `additionalProperties`; `prefixItems`, which it fails on),
   * so an answer that breaks the view is generated again, a few times, and if none holds, the
   * spec's example (when it has one) is answered instead: an answer the view refuses never goes out.
   */
  const generated = async (input: IHttpRequest, operations: IHttpOperation[], config: IHttpConfig, version: string, template: string, action: string | undefined): Promise<Answer> => {
    const operation = index.operation(version, template, input.method, action);
    let answer: Answer | undefined;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answer = await askPrism(input, operations, config);
      if (answer.status >= 400 && answer.status !== 500) return answer; // a refusal: nothing was generated
      if (answer.status < 400 && fitsView(version, operation, answer)) return answer;
    }
    const statik = await askPrism(input, operations, { ...config, mock: { ...config.mock, dynamic: false } });
    return statik.status < 400 ? statik : answer!;
  };
  const fitsView = (version: string, operation: Json, answer: Answer): boolean => {
    const schema = index.resolve(version, operation.responses?.[String(answer.status)] ?? {})?.content?.['application/json']?.schema;
    if (!schema || answer.text === '') return true;
    try {
      return views.validator(version, schema)(JSON.parse(answer.text));
    } catch {
      return true; // a schema whose references Ajv cannot follow: the answer stays as Prism made it
    }
  };

  const server: Server = createHttpServer((request: IncomingMessage, response: ServerResponse) => {
    const requestId = `req-${randomUUID()}`;
    const perRequest: Record<string, string> = { 'x-openstack-request-id': requestId, 'x-compute-request-id': requestId };
    answer(request, perRequest)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`novaspec-mock: ${request.method} ${request.url}: ${message}`);
        return fault(500, `The mock failed: ${message}`);
      })
      .then((result) => {
        if (response.headersSent) return;
        response.writeHead(result.status, { ...result.headers, ...perRequest, 'content-length': Buffer.byteLength(result.text) });
        response.end(result.text);
      })
      .catch(() => response.destroy());
  });
  // Node closes an idle keep-alive connection after 5 s, which is about when fetch (undici) reuses it:
  // a request sent as the server closes the socket dies with ECONNRESET (seen on a loaded machine).
  // Keeping idle connections longer than clients do makes the client always the one to close them.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const base = `http://${host}:${address.port}`;
  return {
    url: base,
    endpoint: `${base}/v2.1`,
    range: { min: `2.${range.min}`, max: newest },
    reset: () => state?.reset(),
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/**
 * A memo of a pure function of a string key, bounded (the keys come from clients): the value is
 * computed by the `context` the caller passes to `memo(key, { context })`.
 */
function boundedMemo<T extends {}>(max: number): LRUCache<string, T, () => T> {
  return new LRUCache<string, T, () => T>({ max, memoMethod: (_key, _stale, { context }) => context() });
}

/**
 * The headers Prism validates, as Nova understood them: the microversion it negotiated (Nova reads
 * `compute` out of a list of services and ignores the legacy header when the modern one is there;
 * the spec's header parameters only describe the plain form), and JSON as the body's media type
 * (Nova's other spellings of JSON are JSON).
 */
function prismHeaders(headers: IncomingMessage['headers'], version: string, hasBody: boolean): Record<string, string> {
  const out = { ...headers, 'openstack-api-version': `compute ${version}`, 'x-openstack-nova-api-version': version } as unknown as Record<string, string>;
  if (hasBody) out['content-type'] = 'application/json';
  return out;
}

/** Prism's own input validation, as its pipeline runs it: valid when it reports no error. */
function isValid(resource: IHttpOperation, input: IHttpRequest): boolean {
  const result = validateInput({ resource, element: input });
  return E.isRight(result) || !result.left.some((violation) => violation.severity === 0 /* DiagnosticSeverity.Error */);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The version documents say which microversions this mock serves, as Nova's say which it does. */
function reportRange(body: unknown, range: VersionRange): unknown {
  const patch = (version: unknown) => {
    if (version && typeof version === 'object' && (version as { id?: string }).id === 'v2.1') {
      return { ...version, version: `2.${range.max}`, min_version: `2.${range.min}` };
    }
    return version;
  };
  if (body && typeof body === 'object') {
    const document = body as { versions?: unknown[]; version?: unknown };
    if (Array.isArray(document.versions)) return { ...document, versions: document.versions.map(patch) };
    if (document.version) return { ...document, version: patch(document.version) };
  }
  return body;
}
