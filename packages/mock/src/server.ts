/**
 * The mock compute API: a small HTTP front that does what Nova's own API layer does before any
 * controller runs (URL forms, token presence, microversion negotiation, body parsing, fault bodies,
 * version and request-id headers), then asks Prism to answer from the spec's exact view at the
 * negotiated microversion. Prism stays the engine for routing, validation and example selection
 * (including the `Prefer: code=, example=, dynamic=` header).
 */
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInstance, type IHttpConfig, type IHttpRequest } from '@stoplight/prism-http';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import * as E from 'fp-ts/lib/Either.js';
import { faultBody } from './faults.ts';
import { negotiate, type VersionRange } from './microversion.ts';
import { OperationCache, locateSpecVersions } from './operations.ts';
import { silentLogger } from './logger.ts';

export interface MockOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The newest microversion to serve, "2.N"; default: the spec's newest. */
  maxMicroversion?: string;
}

export interface MockServer {
  url: string;
  /** The compute endpoint, `${url}/v2.1`. */
  endpoint: string;
  range: { min: string; max: string };
  close(): Promise<void>;
}

/** oslo.middleware's default limit on request bodies, which Nova's pipeline applies. */
const MAX_BODY_BYTES = 114_688;

const PRISM_CONFIG: IHttpConfig = {
  mock: { dynamic: false },
  checkSecurity: false,
  validateRequest: true,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
};

class HttpFault extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function minorOf(version: string, what: string): number {
  const match = /^2\.(\d+)$/.exec(version);
  if (!match) throw new Error(`${what} must be "2.N", got ${JSON.stringify(version)}`);
  return Number(match[1]);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpFault(413, 'Request is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const type = (request.headers['content-type'] ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpFault(415, `Unsupported Content-Type`);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpFault(400, 'Malformed request body');
  }
}

/** Maps a request URL onto a spec path: both endpoint forms, `/v2.1/...` and `/v2.1/{project_id}/...`. */
function specPathOf(pathname: string, roots: Set<string>): string | undefined {
  if (pathname === '/') return '/';
  if (pathname === '/v2.1' || pathname === '/v2.1/') return '/v2.1/';
  if (!pathname.startsWith('/v2.1/')) return undefined;
  const rest = pathname.slice('/v2.1'.length).replace(/\/+$/, '');
  const [, first, ...more] = rest.split('/');
  if (first !== undefined && !roots.has(first) && more.length > 0) return `/${more.join('/')}`;
  return rest;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function describeViolation(violation: { path?: (string | number)[]; message: string }): string {
  const [where, ...field] = violation.path ?? [];
  const name = field.length > 0 ? field.join('.') : String(where ?? 'request');
  return `Invalid input for field/attribute ${name}. ${violation.message}`;
}

export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const spec = locateSpecVersions();
  const range: VersionRange = {
    min: minorOf(spec.min, 'the spec minimum'),
    max: minorOf(options.maxMicroversion ?? spec.max, 'maxMicroversion'),
  };
  if (range.max > minorOf(spec.max, 'the spec maximum') || range.max < range.min) {
    throw new Error(`maxMicroversion ${options.maxMicroversion} is outside the spec's ${spec.min} to ${spec.max}`);
  }
  const cache = new OperationCache(spec.dir);
  const newest = `2.${range.max}`;
  const roots = new Set(Object.keys((cache.document(newest).paths ?? {}) as object).map((path) => path.split('/')[1]!).filter(Boolean));
  await cache.operations(newest);
  const prism = createInstance(PRISM_CONFIG, { logger: silentLogger });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = `req-${randomUUID()}`;
    const headers: Record<string, string> = {
      'x-openstack-request-id': requestId,
      'x-compute-request-id': requestId,
    };
    const send = (status: number, body: unknown) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, {
        ...headers,
        ...(text ? { 'content-type': 'application/json' } : {}),
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
    };
    const fault = (status: number, message: string) => send(status, faultBody(status, message));

    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const specPath = specPathOf(url.pathname, roots);
    if (specPath === undefined) return fault(404, 'The resource could not be found.');
    const isVersionDocument = specPath === '/' || specPath === '/v2.1/';

    // Nova's unversioned root (`GET /`) has no microversion handling and no request-id middleware.
    const isRoot = specPath === '/';
    if (isRoot) {
      delete headers['x-openstack-request-id'];
      delete headers['x-compute-request-id'];
    }
    const negotiated = isRoot ? { ok: true as const, minor: range.max, version: newest } : negotiate(request.headers, range);
    if (!negotiated.ok) return fault(negotiated.status, negotiated.message);
    if (!isRoot) {
      Object.assign(headers, {
        'openstack-api-version': `compute ${negotiated.version}`,
        'x-openstack-nova-api-version': negotiated.version,
        vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
      });
    }
    if (!isVersionDocument) {
      if (!request.headers['x-auth-token']) {
        headers['www-authenticate'] = `Keystone uri="http://${request.headers.host ?? 'localhost'}/identity"`;
        return send(401, { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
      }
    }

    let body: unknown;
    try {
      body = await readBody(request);
    } catch (error) {
      if (!(error instanceof HttpFault)) throw error;
      // A body left unread (413) would poison a kept-alive connection: answer, then close it.
      if (!request.readableEnded) headers.connection = 'close';
      return fault(error.status, error.message);
    }
    const input: IHttpRequest = {
      method: (request.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
      url: { path: specPath, query: queryOf(url) },
      headers: request.headers as Record<string, string>,
      body,
    };
    const preferences = getHttpConfigFromRequest(input);
    if (E.isLeft(preferences)) return fault(400, `Invalid Prefer header: ${preferences.left.message}`);
    const config = { ...PRISM_CONFIG, mock: { ...PRISM_CONFIG.mock, ...stripUndefined(preferences.right) } } as IHttpConfig;
    const result = await prism.request(input, await cache.operations(negotiated.version), config)();
    if (E.isLeft(result)) {
      const error = result.left as Error & { status?: number };
      if (error.status === 404) return fault(404, 'The resource could not be found.');
      if (error.status === 405) return fault(405, 'The method specified is not allowed for this resource.');
      if (error.status === 422 || error.status === 400) return fault(400, error.message);
      return fault(500, `The mock could not answer: ${error.message}`);
    }
    const violations = result.right.validations.input.filter((v) => v.severity === 0 /* DiagnosticSeverity.Error */);
    if (violations.length > 0 && !config.mock.code) return fault(400, describeViolation(violations[0]!));
    const output = result.right.output;
    for (const [name, value] of Object.entries(output.headers ?? {})) {
      const lower = name.toLowerCase();
      if (!(lower in headers) && lower !== 'content-type' && lower !== 'content-length') headers[lower] = String(value);
    }
    if (isVersionDocument) return send(output.statusCode, reportRange(output.body, range));
    return send(output.statusCode, output.body);
  };

  const server: Server = createHttpServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpFault ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) {
        const text = JSON.stringify(faultBody(status, message));
        response.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(request.readableEnded ? {} : { connection: 'close' }),
        });
        response.end(text);
      } else {
        response.destroy();
      }
      if (status >= 500) console.error(`novaspec-mock: ${request.method} ${request.url}: ${message}`);
    });
  });

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
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
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
