/**
 * A mock for one test file, and the plain HTTP call the resource tests make to it: the token, the
 * microversion header, JSON when there is a body. `useMockHttp` returns the fetch Response, so a
 * test reads the status, headers and body as it needs; `useMockJson` reads the body as JSON (or
 * undefined when there is none) for the tests that only compare status and body.
 */
import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type MockServer } from '../../src/index.ts';

export type MockCall = (method: string, path: string, version: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
export type MockJsonCall = (...args: Parameters<MockCall>) => Promise<{ status: number; headers: Headers; body: any }>;

/** The call, plus `mock()` for a test that needs the server itself (its url, a raw fetch). */
export function useMockHttp(): MockCall & { mock: () => MockServer } {
  let mock: MockServer;
  // Generous: under a loaded CI machine the first start reads and indexes the whole spec.
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
  }, 60_000);
  afterAll(async () => {
    await mock.close();
  });
  const call: MockCall = (method, path, version, body, headers = {}) =>
    fetch(`${mock.endpoint}${path}`, {
      method,
      headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  return Object.assign(call, { mock: () => mock });
}

export function useMockJson(): MockJsonCall {
  const call = useMockHttp();
  return async (...args) => {
    const response = await call(...args);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}
