/** Starts the mock compute API for a test file and stops it after; `mock()` is the running server. */
import { afterAll, beforeAll } from 'vitest';
import { startMockServer, type MockOptions, type MockServer } from '@novaspec/mock';

/** `options` go to the mock as they are (`{ stateful: true }` for the stateful mode). */
export function useMock(options: MockOptions = {}): () => MockServer {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the mock is not running: call useMock() at the top of a describe block');
    return server;
  };
}
