/**
 * A fake Keystone that follows Keystone's api-ref for what a compute client uses: POST /v3/auth/tokens
 * with password, application_credential and token methods; 201 with the token in X-Subject-Token and
 * `expires_at`, `catalog` in the body; 401 in Keystone's error format for wrong secrets; 400 for a
 * scope sent with an application credential. A real Keystone (Debian's keystone package) would need
 * a database, a WSGI server and bootstrap on every CI run for the same checks; see the package README.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeKeystone {
  url: string;
  requests: Record<string, unknown>[];
  /** Tokens issued so far, newest last. */
  tokens: string[];
  /** Lifetime of new tokens in ms. */
  lifetimeMs: number;
  close(): Promise<void>;
}

export async function startFakeKeystone(computeUrl: string): Promise<FakeKeystone> {
  const state: Omit<FakeKeystone, 'url' | 'close'> = { requests: [], tokens: [], lifetimeMs: 3_600_000 };
  const fail = (status: number, title: string, message: string) => ({ status, body: { error: { code: status, title, message } } });
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      let answer: { status: number; body: unknown; token?: string };
      if (request.method !== 'POST' || request.url?.split('?')[0] !== '/v3/auth/tokens') {
        answer = fail(404, 'Not Found', 'The resource could not be found.');
      } else {
        const body = JSON.parse(text) as { auth: { identity: Record<string, any>; scope?: unknown } };
        state.requests.push(body);
        const identity = body.auth.identity;
        const method = identity.methods?.[0];
        if (method === 'password' && identity.password?.user?.password !== 'correct') {
          answer = fail(401, 'Unauthorized', 'The request you have made requires authentication.');
        } else if (method === 'application_credential' && body.auth.scope) {
          answer = fail(400, 'Bad Request', 'Application credentials cannot request a scope.');
        } else if (method === 'application_credential' && identity.application_credential?.secret !== 'correct') {
          answer = fail(401, 'Unauthorized', 'The request you have made requires authentication.');
        } else {
          const token = `gAAAA-${state.tokens.length + 1}`;
          state.tokens.push(token);
          answer = {
            status: 201,
            token,
            body: {
              token: {
                methods: [method], expires_at: new Date(Date.now() + state.lifetimeMs).toISOString(), issued_at: new Date().toISOString(),
                user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } },
                project: { id: 'p1', name: 'demo', domain: { id: 'default', name: 'Default' } },
                roles: [{ id: 'r1', name: 'member' }],
                catalog: [
                  { type: 'identity', name: 'keystone', endpoints: [{ interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://keystone.invalid/v3', id: 'e0' }] },
                  { type: 'compute', name: 'nova', endpoints: [
                    { interface: 'internal', region: 'RegionOne', region_id: 'RegionOne', url: 'http://nova.internal/v2.1', id: 'e1' },
                    { interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://nova.region-two/v2.1', id: 'e2' },
                    { interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: computeUrl, id: 'e3' },
                  ] },
                ],
              },
            },
          };
        }
      }
      response.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.token ? { 'x-subject-token': answer.token } : {}) });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
