/**
 * The removed APIs and the nova-network proxies through the typed client (issue 13): a removed
 * operation is in every per-version module with no success answer, so `data` is never set and the
 * 410 is a typed error; the proxies are typed up to 2.35 and absent from the 2.36 module.
 */
import { describe, expect, it } from 'vitest';
import type { Api as Api21 } from '@novaspec/types/2.1';
import type { Api as Api235 } from '@novaspec/types/2.35';
import type { Api as Api236 } from '@novaspec/types/2.36';
import type { Api as ApiLatest } from '@novaspec/types';
import { ComputeError, createComputeClient } from '../src/index.ts';
import { useMock } from './support/mock.ts';

const mockServer = useMock();
const NET = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';

describe('removed APIs through the client', () => {
  it('a removed operation has no data, and its 410 is a typed computeFault', async () => {
    const nova = createComputeClient<ApiLatest>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.104' });
    const { data, error, response } = await nova.GET('/os-fping');
    // No success is declared: `data` can only be undefined.
    const none: undefined = data;
    expect(none).toBeUndefined();
    expect(response.status).toBe(410);
    if (error && 'computeFault' in error) expect(error.computeFault.code).toBe(410);
    else throw new Error(`expected a computeFault, got ${JSON.stringify(error)}`);
  });

  it('a removed operation takes its old body, typed, and answers 410 to it', async () => {
    const nova = createComputeClient<Api21>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.1' });
    const { response } = await nova.POST('/os-networks/{network_id}/action', { params: { path: { network_id: NET } }, body: { associate_host: 'compute1' } });
    expect(response.status).toBe(410);
    const cloudpipe = await nova.POST('/os-cloudpipe', { body: { cloudpipe: { project_id: '6f70656e737461636b20726f636b7321' } } });
    expect(cloudpipe.response.status).toBe(410);
    // @ts-expect-error: the old body's `project_id` was a string.
    await nova.POST('/os-cloudpipe', { body: { cloudpipe: { project_id: 3 } } });
  });

  it('with throwOnError the 410 is a ComputeError', async () => {
    const nova = createComputeClient<Api21>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.1', throwOnError: true });
    const failure = await nova.GET('/os-cells/info').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ComputeError);
    expect((failure as ComputeError).status).toBe(410);
    expect((failure as ComputeError).fault).toBe('computeFault');
  });
});

describe('the nova-network proxies through the client', () => {
  it('are typed up to 2.35 and absent from the 2.36 types', async () => {
    const at235 = createComputeClient<Api235>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.35' });
    const { data } = await at235.GET('/os-tenant-networks/{network_id}', { params: { path: { network_id: NET } } });
    const cidr: string | undefined = data?.network.cidr;
    expect(cidr).toBe('None');
    const list = await at235.GET('/os-networks');
    expect(Array.isArray(list.data?.networks)).toBe(true);

    const at236 = createComputeClient<Api236>({ baseUrl: mockServer().endpoint, token: 't', microversion: '2.36' });
    // @ts-expect-error: the proxy does not exist at 2.36.
    const gone = await at236.GET('/os-networks');
    expect(gone.response.status).toBe(404);
  });
});
