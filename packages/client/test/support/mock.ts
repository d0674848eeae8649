/** Starts the mock compute API for a test file and stops it after; `mock()` is the running server. */
import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type MockServer } from '@novaspec/mock';

export function useMock(): () => MockServer {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the mock is not running: call useMock() at the top of a describe block');
    return server;
  };
}
