/**
 * Retries and timeouts in the fetch layer. Connection errors and 503 are retried with capped
 * exponential backoff; 429 and 413 wait as long as `Retry-After` says (seconds or an HTTP date).
 * Only idempotent methods are retried unless asked otherwise: a POST that reached Nova may have done
 * its work (booted a server) even if its answer was lost.
 */

export interface RetryOptions {
  /** Attempts after the first; default 3. */
  retries?: number;
  /** First backoff in ms, doubled each time; default 500. */
  baseDelayMs?: number;
  /** Cap on one backoff or Retry-After wait, in ms; default 60000. */
  maxDelayMs?: number;
  /** Retry POST (and PATCH) too; default false. */
  retryNonIdempotent?: boolean;
  /** Abort one attempt after this many ms; default: no timeout. */
  timeoutMs?: number;
  /** Sleeps; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Milliseconds a `Retry-After` value asks for: delta-seconds or an HTTP date; undefined if neither. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wraps a fetch with retries and a per-attempt timeout. */
export function withRetries(fetch: (request: Request) => Promise<Response>, options: RetryOptions = {}): (request: Request) => Promise<Response> {
  const retries = options.retries ?? 3;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  return async (request: Request) => {
    const retryable = options.retryNonIdempotent || IDEMPOTENT.has(request.method.toUpperCase());
    for (let attempt = 0; ; attempt += 1) {
      const copy = request.clone();
      const timed = options.timeoutMs === undefined ? copy
        : new Request(copy, { signal: AbortSignal.any([copy.signal, AbortSignal.timeout(options.timeoutMs)]) });
      const last = !retryable || attempt >= retries;
      let response: Response;
      try {
        response = await fetch(timed);
      } catch (error) {
        // A timeout or the caller's abort is final; a connection error is retried.
        if (last || request.signal.aborted || (error as Error).name === 'TimeoutError') throw error;
        await sleep(Math.min(cap, base * 2 ** attempt));
        continue;
      }
      if (last) return response;
      if (response.status === 429 || response.status === 413) {
        const wait = retryAfterMs(response.headers.get('retry-after'));
        if (wait === undefined) return response; // 413 without Retry-After is "too large", not "too many"
        await response.body?.cancel();
        await sleep(Math.min(cap, wait));
        continue;
      }
      if (response.status === 503) {
        await response.body?.cancel();
        await sleep(Math.min(cap, base * 2 ** attempt));
        continue;
      }
      return response;
    }
  };
}
