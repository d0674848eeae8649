/** Endpoint forms, version discovery and the choice of microversion. */
import { describe, expect, it } from 'vitest';
import { startMockServer } from '@novaspec/mock';
import type { Api as Api290 } from '@novaspec/types/2.90';
import type { Api as Api247 } from '@novaspec/types/2.47';
import { chooseMicroversion, computeEndpoint, connectComputeClient, discoverMicroversions } from '../src/index.ts';
import { useMock } from './support/mock.ts';

describe('computeEndpoint', () => {
  const table: { given: string; want: { endpoint: string; versionDocument: string } }[] = [
    { given: 'https://nova.example:8774/v2.1', want: { endpoint: 'https://nova.example:8774/v2.1', versionDocument: 'https://nova.example:8774/v2.1/' } },
    { given: 'https://nova.example:8774/v2.1/', want: { endpoint: 'https://nova.example:8774/v2.1', versionDocument: 'https://nova.example:8774/v2.1/' } },
    { given: 'https://nova.example:8774/v2.1/6f70656e737461636b', want: { endpoint: 'https://nova.example:8774/v2.1/6f70656e737461636b', versionDocument: 'https://nova.example:8774/v2.1/' } },
    { given: 'https://cloud.example/compute/v2.1', want: { endpoint: 'https://cloud.example/compute/v2.1', versionDocument: 'https://cloud.example/compute/v2.1/' } },
    { given: 'https://cloud.example/compute/v2/abc', want: { endpoint: 'https://cloud.example/compute/v2/abc', versionDocument: 'https://cloud.example/compute/v2.1/' } },
  ];
  for (const { given, want } of table) it(given, () => expect(computeEndpoint(given)).toEqual(want));
  it('refuses a URL that is not a compute endpoint', () => expect(() => computeEndpoint('https://cloud.example/identity/v3')).toThrow(/no \/v2.1/));
});

describe('chooseMicroversion', () => {
  const service = { min: '2.1', max: '2.93' };
  it('uses the pin when the service has it', () => expect(chooseMicroversion(service, '2.104', '2.47')).toBe('2.47'));
  it('refuses a pin outside the service range', () => expect(() => chooseMicroversion(service, '2.104', '2.95')).toThrow(/outside what the service supports \(2.1 to 2.93\)/));
  it('takes the newest both know without a pin', () => {
    expect(chooseMicroversion(service, '2.104')).toBe('2.93');
    expect(chooseMicroversion({ min: '2.1', max: '2.104' }, '2.90')).toBe('2.90');
  });
});

describe('discovery against the mock', () => {
  const mock = useMock();
  it('reads the range from the version document, through the legacy URL form too', async () => {
    await expect(discoverMicroversions(mock().endpoint)).resolves.toEqual({ min: '2.1', max: '2.104' });
    await expect(discoverMicroversions(`${mock().endpoint}/6f70656e737461636b`)).resolves.toEqual({ min: '2.1', max: '2.104' });
  });

  it('connects with a pin the service has, and refuses one it lacks before sending any API request', async () => {
    const nova = await connectComputeClient<Api247>({ baseUrl: mock().endpoint, token: 't', microversion: '2.47' });
    expect(nova.serviceRange.max).toBe('2.104');
    expect((await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'x' } } })).response.status).toBe(200);

    const older = await startMockServer({ port: 0, maxMicroversion: '2.60' });
    try {
      const requests: string[] = [];
      const fetch = (request: Request) => {
        requests.push(new URL(request.url).pathname);
        return globalThis.fetch(request);
      };
      await expect(connectComputeClient<Api290>({ baseUrl: older.endpoint, token: 't', microversion: '2.90', fetch })).rejects.toThrow(/2.90 is outside .*2.1 to 2.60/);
      expect(requests).toEqual(['/v2.1/']);
    } finally {
      await older.close();
    }
  });
});
