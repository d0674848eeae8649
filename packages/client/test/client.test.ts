/** The client through an injected fetch: what it sends, whatever server is behind it. */
import { describe, expect, it } from 'vitest';
import type { Api as Api247 } from '@novaspec/types/2.47';
import { createComputeClient } from '../src/index.ts';

function recordingFetch() {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    return new Response(JSON.stringify({ server: {} }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetch };
}

describe('createComputeClient', () => {
  it('sends the token, both microversion headers and JSON accept on every request', async () => {
    const { seen, fetch } = recordingFetch();
    const nova = createComputeClient<Api247>({ baseUrl: 'http://nova.test/v2.1/', token: 'secret', microversion: '2.47', fetch });
    await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'abc' } } });
    const [request] = seen;
    expect(request!.url).toBe('http://nova.test/v2.1/servers/abc');
    expect(request!.headers.get('x-auth-token')).toBe('secret');
    expect(request!.headers.get('openstack-api-version')).toBe('compute 2.47');
    expect(request!.headers.get('x-openstack-nova-api-version')).toBe('2.47');
    expect(request!.headers.get('accept')).toBe('application/json');
    expect(nova.microversion).toBe('2.47');
  });

  it('asks a token function for the current token on each request', async () => {
    const { seen, fetch } = recordingFetch();
    let n = 0;
    const nova = createComputeClient<Api247>({ baseUrl: 'http://nova.test/v2.1', token: async () => `t${++n}`, microversion: '2.47', fetch });
    await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'a' } } });
    await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'b' } } });
    expect(seen.map((r) => r.headers.get('x-auth-token'))).toEqual(['t1', 't2']);
  });

  it('refuses a malformed microversion before sending anything', () => {
    const { seen, fetch } = recordingFetch();
    expect(() => createComputeClient({ baseUrl: 'http://nova.test/v2.1', token: 't', microversion: 'latest' as '2.104', fetch })).toThrow(/must look like "2.N"/);
    expect(seen).toHaveLength(0);
  });

  it('lets one call ask for another microversion, keeping both headers consistent', async () => {
    const { seen, fetch } = recordingFetch();
    const nova = createComputeClient<Api247>({ baseUrl: 'http://nova.test/v2.1', token: 't', microversion: '2.47', fetch });
    await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'a' } }, headers: { 'OpenStack-API-Version': 'compute 2.60' } });
    expect(seen[0]!.headers.get('openstack-api-version')).toBe('compute 2.60');
    expect(seen[0]!.headers.get('x-openstack-nova-api-version')).toBe('2.60');
  });
});
