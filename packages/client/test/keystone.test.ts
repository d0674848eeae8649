/** Keystone v3 authentication, catalog lookup, refresh and the retry after a 401, over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api as Api247 } from '@novaspec/types/2.47';
import { authBody, ComputeError, createComputeClient, KeystoneSession } from '../src/index.ts';
import { startFakeKeystone, type FakeKeystone } from './support/fake-keystone.ts';
import { useMock } from './support/mock.ts';

describe('authBody: what each kind of credentials sends', () => {
  const table: { name: string; given: Parameters<typeof authBody>[0]; want: unknown }[] = [
    {
      name: 'password, user by name, project by name',
      given: { type: 'password', username: 'demo', userDomainName: 'Default', password: 'pw', projectName: 'demo', projectDomainId: 'default' },
      want: { auth: { identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 'pw' } } }, scope: { project: { name: 'demo', domain: { id: 'default' } } } } },
    },
    {
      name: 'password, user by id, system scope',
      given: { type: 'password', userId: 'u1', password: 'pw', system: true },
      want: { auth: { identity: { methods: ['password'], password: { user: { id: 'u1', password: 'pw' } } }, scope: { system: { all: true } } } },
    },
    {
      name: 'application credential by id: no scope',
      given: { type: 'applicationCredential', applicationCredentialId: 'ac1', applicationCredentialSecret: 's' },
      want: { auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 's' } } } },
    },
    {
      name: 'application credential by name and user',
      given: { type: 'applicationCredential', applicationCredentialName: 'ci', applicationCredentialSecret: 's', username: 'demo', userDomainId: 'default' },
      want: { auth: { identity: { methods: ['application_credential'], application_credential: { name: 'ci', secret: 's', user: { name: 'demo', domain: { id: 'default' } } } } } },
    },
    {
      name: 'an existing token, rescoped to a domain',
      given: { type: 'token', token: 'gAAAA', projectId: 'p2' },
      want: { auth: { identity: { methods: ['token'], token: { id: 'gAAAA' } }, scope: { project: { id: 'p2' } } } },
    },
  ];
  for (const { name, given, want } of table) it(name, () => expect(authBody(given)).toEqual(want));
  it('refuses a user name without its domain', () => {
    expect(() => authBody({ type: 'password', username: 'demo', password: 'pw' })).toThrow(/userDomainId or userDomainName/);
  });
});

describe('KeystoneSession against a fake Keystone', () => {
  const mock = useMock();
  let keystone: FakeKeystone;
  beforeAll(async () => {
    keystone = await startFakeKeystone('http://placeholder.invalid/v2.1');
  });
  afterAll(async () => {
    await keystone.close();
  });

  it('logs in with an application credential and finds the public compute endpoint of a region', async () => {
    const session = new KeystoneSession({ authUrl: `${keystone.url}/v3`, credentials: { type: 'applicationCredential', applicationCredentialId: 'ac1', applicationCredentialSecret: 'correct' } });
    expect(await session.token()).toMatch(/^gAAAA-/);
    expect(await session.endpoint({ region: 'RegionTwo' })).toBe('http://nova.region-two/v2.1');
    expect(await session.endpoint({ interface: 'internal' })).toBe('http://nova.internal/v2.1');
    await expect(session.endpoint({ region: 'Nowhere' })).rejects.toThrow(/no public compute endpoint in region Nowhere/);
  });

  it('turns a refused login into a ComputeError with Keystone\'s message and no secret', async () => {
    const session = new KeystoneSession({ authUrl: keystone.url, credentials: { type: 'password', userId: 'u1', password: 'wrong-secret' } });
    const error = await session.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComputeError);
    expect(error).toMatchObject({ status: 401, fault: 'error' });
    expect(JSON.stringify((error as ComputeError).toJSON())).not.toContain('wrong-secret');
  });

  it('refreshes once for many waiting requests, before the token expires', async () => {
    keystone.lifetimeMs = 60_000; // inside the 120 s margin: every use wants a new token
    const session = new KeystoneSession({ authUrl: keystone.url, credentials: { type: 'password', userId: 'u1', password: 'correct' } });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => session.token()));
    expect(new Set(tokens).size).toBe(1);
    expect(session.issuedCount).toBe(1);
    await session.token();
    expect(session.issuedCount).toBe(2);
    keystone.lifetimeMs = 3_600_000;
  });

  it('retries once with a new token after a 401 from the compute API', async () => {
    const session = new KeystoneSession({ authUrl: keystone.url, credentials: { type: 'password', userId: 'u1', password: 'correct' } });
    let calls = 0;
    const fetch = async (request: Request) => {
      calls += 1;
      if (request.headers.get('x-auth-token') === keystone.tokens[0]) {
        return new Response('{"error": {"code": 401, "title": "Unauthorized", "message": "revoked"}}', { status: 401 });
      }
      return globalThis.fetch(request);
    };
    keystone.tokens.length = 0;
    const nova = createComputeClient<Api247>({ baseUrl: mock().endpoint, token: session, microversion: '2.47', fetch });
    const { response } = await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'x' } } });
    expect(response.status).toBe(200);
    expect(calls).toBe(2);
    expect(session.issuedCount).toBe(2);
  });
});
