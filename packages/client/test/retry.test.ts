/** Retries and timeouts: what is retried, how long it waits, and what is never retried. */
import { describe, expect, it } from 'vitest';
import { retryAfterMs, withRetries } from '../src/index.ts';

function script(answers: (number | Error | { status: number; retryAfter: string })[]) {
  const calls: string[] = [];
  const fetch = async (request: Request) => {
    calls.push(`${request.method} ${await request.text()}`);
    const next = answers.shift() ?? 200;
    if (next instanceof Error) throw next;
    const { status, retryAfter } = typeof next === 'number' ? { status: next, retryAfter: undefined } : next;
    return new Response(status === 204 ? null : '{}', { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} });
  };
  return { fetch, calls };
}

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('withRetries', () => {
  const table: { name: string; method: string; answers: Parameters<typeof script>[0]; options?: object; status: number | 'throws'; attempts: number; sleeps: number[] }[] = [
    { name: '503 is retried with doubling backoff', method: 'GET', answers: [503, 503, 200], status: 200, attempts: 3, sleeps: [100, 200] },
    { name: 'a connection error is retried', method: 'DELETE', answers: [new TypeError('fetch failed'), 204], status: 204, attempts: 2, sleeps: [100] },
    { name: '429 waits as Retry-After says', method: 'GET', answers: [{ status: 429, retryAfter: '3' }, 200], status: 200, attempts: 2, sleeps: [3000] },
    { name: '413 without Retry-After is final (too large)', method: 'PUT', answers: [413], status: 413, attempts: 1, sleeps: [] },
    { name: 'the backoff is capped', method: 'GET', answers: [{ status: 429, retryAfter: '3600' }, 200], options: { maxDelayMs: 5000 }, status: 200, attempts: 2, sleeps: [5000] },
    { name: 'a POST is not retried by default', method: 'POST', answers: [503, 200], status: 503, attempts: 1, sleeps: [] },
    { name: 'a POST is retried when asked', method: 'POST', answers: [503, 202], options: { retryNonIdempotent: true }, status: 202, attempts: 2, sleeps: [100] },
    { name: 'retries run out', method: 'GET', answers: [503, 503, 503, 503], status: 503, attempts: 4, sleeps: [100, 200, 400] },
    { name: '4xx other than 429/413 is not retried', method: 'GET', answers: [404, 200], status: 404, attempts: 1, sleeps: [] },
  ];
  for (const { name, method, answers, options, status, attempts, sleeps } of table) {
    it(name, async () => {
      const { fetch, calls } = script([...answers]);
      const slept: number[] = [];
      const wrapped = withRetries(fetch, { baseDelayMs: 100, sleep: async (ms) => void slept.push(ms), ...options });
      const body = method === 'GET' || method === 'DELETE' ? undefined : '{"a":1}';
      const response = await wrapped(new Request('http://nova.test/v2.1/servers', { method, ...(body ? { body } : {}) }));
      expect(response.status).toBe(status);
      expect(calls).toHaveLength(attempts);
      if (body) expect(new Set(calls)).toEqual(new Set([`${method} ${body}`])); // the body is sent again, whole
      expect(slept).toEqual(sleeps);
    });
  }

  it('aborts an attempt that takes longer than the timeout, and does not retry it', async () => {
    let attempts = 0;
    const slow = (request: Request) => new Promise<Response>((_resolve, reject) => {
      attempts += 1;
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
    });
    const wrapped = withRetries(slow, { timeoutMs: 50, sleep: async () => undefined });
    await expect(wrapped(new Request('http://nova.test/v2.1/servers'))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(attempts).toBe(1);
  });
});
