/** Errors: every failure body shape Nova's callers meet, as one typed error without secrets. */
import { describe, expect, it } from 'vitest';
import { useMock } from './support/mock.ts';
import type { Api as Api247 } from '@novaspec/types/2.47';
import { ComputeError, createComputeClient, parseFault, redact, requestIdOf } from '../src/index.ts';

describe('parseFault', () => {
  const table: { name: string; body: string; type: string | null; want: unknown }[] = [
    { name: 'a Nova fault', body: '{"itemNotFound": {"code": 404, "message": "Instance x could not be found."}}', type: 'application/json', want: { fault: 'itemNotFound', message: 'Instance x could not be found.' } },
    { name: 'a Nova fault with details', body: '{"computeFault": {"code": 500, "message": "boom", "details": "trace"}}', type: 'application/json', want: { fault: 'computeFault', message: 'boom', details: 'trace' } },
    { name: "Keystone's 401", body: '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}', type: 'application/json', want: { fault: 'error', message: 'The request you have made requires authentication.' } },
    { name: 'a flat message', body: '{"message": "Service Unavailable"}', type: 'application/json', want: { message: 'Service Unavailable' } },
    { name: 'an HTML page from a proxy', body: '<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', type: 'text/html', want: { message: '502 Bad Gateway nginx' } },
    { name: 'plain text', body: 'upstream connect error', type: 'text/plain', want: { message: 'upstream connect error' } },
    { name: 'no body', body: '', type: null, want: { message: '' } },
  ];
  for (const { name, body, type, want } of table) it(name, () => expect(parseFault(body, type)).toEqual(want));
});

describe('redact', () => {
  it('hides secrets in JSON and query text', () => {
    expect(redact('{"adminPass": "hunter2", "name": "web"}')).toBe('{"adminPass": "***", "name": "web"}');
    expect(redact('{"user_data": "IyEvYmluL3No", "password": "p\\"w"}')).toBe('{"user_data": "***", "password": "***"}');
    expect(redact('token=abc123&name=x')).toBe('token=***&name=x');
  });
});

describe('requestIdOf', () => {
  it('prefers x-openstack-request-id and falls back to x-compute-request-id', () => {
    expect(requestIdOf(new Headers({ 'x-openstack-request-id': 'req-a', 'x-compute-request-id': 'req-b' }))).toBe('req-a');
    expect(requestIdOf(new Headers({ 'x-compute-request-id': 'req-b' }))).toBe('req-b');
    expect(requestIdOf(new Headers())).toBeUndefined();
  });
});

describe('the client with throwOnError, against the mock', () => {
  const mockServer = useMock();

  it('throws a ComputeError with status, fault, message, request id, method, URL and microversion', async () => {
    const nova = createComputeClient<Api247>({ baseUrl: `${mockServer().endpoint}`, token: 'secret-token', microversion: '2.47', throwOnError: true });
    const error = await nova
      .GET('/servers/{server_id}', { params: { path: { server_id: 'abc' } }, headers: { Prefer: 'code=404' } })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ComputeError);
    const failure = error as ComputeError;
    expect(failure).toMatchObject({ status: 404, fault: 'itemNotFound', method: 'GET', url: `${mockServer().endpoint}/servers/abc`, microversion: '2.47' });
    expect(failure.requestId).toMatch(/^req-/);
    expect(failure.message).toContain('GET');
    expect(failure.message).toContain(failure.requestId);
    expect(JSON.stringify(failure.toJSON())).not.toContain('secret-token');
  });

  it('keeps data/error results without throwOnError', async () => {
    const nova = createComputeClient<Api247>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.47' });
    const result = await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'abc' } }, headers: { Prefer: 'code=404' } });
    expect(result.error).toMatchObject({ itemNotFound: { code: 404 } });
    expect(requestIdOf(result.response.headers)).toMatch(/^req-/);
  });

  it('sends a global request id, and refuses one oslo would ignore', async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.headers.get('x-openstack-request-id') ?? '');
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const id = 'req-3f0c6a9e-5b1d-4c2a-9a77-1e2f3d4c5b6a';
    const nova = createComputeClient<Api247>({ baseUrl: 'http://nova.test/v2.1', token: 't', microversion: '2.47', fetch, globalRequestId: id });
    await nova.GET('/servers', {});
    expect(seen).toEqual([id]);
    const bad = createComputeClient<Api247>({ baseUrl: 'http://nova.test/v2.1', token: 't', microversion: '2.47', fetch, globalRequestId: 'mine' });
    await expect(bad.GET('/servers', {})).rejects.toThrow(/req-<uuid>/);
  });
});
