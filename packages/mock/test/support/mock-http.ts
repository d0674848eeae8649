/**
 * A mock for one test file, and the plain HTTP call the resource tests make to it: the token, the
 * microversion header, JSON when there is a body. Returns the fetch Response, so a test reads the
 * status, headers and body as it needs.
 */
import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type MockServer } from '../../src/index.ts';

export function useMockHttp(): (method: string, path: string, version: string, body?: unknown, headers?: Record<string, string>) => Promise<Response> {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await mock.close();
  });
  return (method, path, version, body, headers = {}) =>
    fetch(`${mock.endpoint}${path}`, {
      method,
      headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
}
