/**
 * Every failed request as one typed error. Nova answers `{"<faultName>": {"code", "message",
 * "details"?}}`; Keystone's token middleware `{"error": {"code", "title", "message"}}`; some services
 * and proxies a flat `{"message"}` or an HTML page. `ComputeError` carries what happened and where,
 * with the request id an operator needs, and never the secrets a request or body may hold.
 */

/** Headers that carry the request id, preferred first. */
const REQUEST_ID_HEADERS = ['x-openstack-request-id', 'x-compute-request-id'];

/** The request id of a response: `x-openstack-request-id`, else `x-compute-request-id`. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

export interface ParsedFault {
  /** Nova's fault name (`itemNotFound`, `conflictingRequest`...), or `error` for Keystone's body. */
  fault?: string;
  message: string;
  details?: string;
}

/** Field names whose values are secrets wherever they appear. */
const SECRET_KEYS = /^(x-auth-token|x-subject-token|authorization|password|adminpass|secret|user_data|token)$/i;

/** Replaces the values of secret fields (and tokens in `key=value` text) with `***`. */
export function redact(text: string): string {
  return text
    .replace(/("(?:adminPass|password|secret|user_data|token|X-Auth-Token|X-Subject-Token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"***"')
    .replace(/((?:adminPass|password|secret|token)=)[^&\s]+/gi, '$1***');
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.test(key);
}

function stripHtml(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** What a failure body says, whichever of the four shapes it has. */
export function parseFault(body: string, contentType: string | null): ParsedFault {
  if (!body) return { message: '' };
  if (contentType?.includes('html') || /^\s*</.test(body)) return { message: stripHtml(body).slice(0, 500) };
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      if (typeof record.message === 'string') return { message: record.message };
      const keys = Object.keys(record);
      if (keys.length === 1) {
        const inner = record[keys[0]!];
        if (inner && typeof inner === 'object') {
          const fault = inner as { message?: unknown; details?: unknown; title?: unknown };
          return {
            fault: keys[0]!,
            message: typeof fault.message === 'string' ? fault.message : String(fault.title ?? ''),
            ...(typeof fault.details === 'string' ? { details: fault.details } : {}),
          };
        }
      }
    }
  } catch {
    // not JSON: fall through to the text itself
  }
  return { message: body.slice(0, 500) };
}

export interface ComputeErrorInit {
  status: number;
  method: string;
  url: string;
  microversion?: string;
  requestId?: string;
  fault?: string;
  message: string;
  details?: string;
  retryAfter?: string;
}

/** A request Nova (or what stands in front of it) did not carry out. */
export class ComputeError extends Error {
  override readonly name = 'ComputeError';
  readonly status: number;
  readonly fault: string | undefined;
  readonly details: string | undefined;
  readonly requestId: string | undefined;
  readonly method: string;
  /** The URL without its query string (queries can carry filters people consider private). */
  readonly url: string;
  readonly microversion: string | undefined;
  readonly retryAfter: string | undefined;

  constructor(init: ComputeErrorInit) {
    const where = `${init.method} ${init.url}`;
    const id = init.requestId ? ` [${init.requestId}]` : '';
    super(`${where} failed with ${init.status}${init.fault ? ` ${init.fault}` : ''}: ${redact(init.message) || '(no message)'}${id}`);
    this.status = init.status;
    this.fault = init.fault;
    this.details = init.details === undefined ? undefined : redact(init.details);
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = init.url;
    this.microversion = init.microversion;
    this.retryAfter = init.retryAfter;
  }

  /** Builds the error from a failed response (reads its body). */
  static async fromResponse(request: Request, response: Response): Promise<ComputeError> {
    const text = await response.clone().text();
    const fault = parseFault(text, response.headers.get('content-type'));
    const url = new URL(request.url);
    const version = response.headers.get('x-openstack-nova-api-version') ?? request.headers.get('x-openstack-nova-api-version') ?? undefined;
    return new ComputeError({
      status: response.status,
      method: request.method,
      url: `${url.origin}${url.pathname}`,
      message: fault.message,
      ...(fault.fault ? { fault: fault.fault } : {}),
      ...(fault.details ? { details: fault.details } : {}),
      ...(version ? { microversion: version } : {}),
      ...(requestIdOf(response.headers) ? { requestId: requestIdOf(response.headers)! } : {}),
      ...(response.headers.get('retry-after') ? { retryAfter: response.headers.get('retry-after')! } : {}),
    });
  }

  /** A plain object for logs: no secrets, nothing the constructor did not check. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name, status: this.status, fault: this.fault, message: this.message, details: this.details,
      requestId: this.requestId, method: this.method, url: this.url, microversion: this.microversion,
    };
  }
}
