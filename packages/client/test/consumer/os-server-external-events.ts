// External events: each event name from its microversion; 200 and 207 answer the same shape.
import { createComputeClient } from '@novaspec/client';
import type { Api as Api292 } from '@novaspec/types/2.92';
import type { Api as Api293 } from '@novaspec/types/2.93';

const baseUrl = 'http://nova.example:8774/v2.1';

export async function reimaged(server: string, volume: string): Promise<number[]> {
  await createComputeClient<Api292>({ baseUrl, token: 't', microversion: '2.92' }).POST('/os-server-external-events', {
    // @ts-expect-error volume-reimaged came with 2.93
    body: { events: [{ name: 'volume-reimaged', server_uuid: server, tag: volume }] },
  });
  const sent = await createComputeClient<Api293>({ baseUrl, token: 't', microversion: '2.93' }).POST('/os-server-external-events', {
    body: { events: [{ name: 'volume-reimaged', server_uuid: server, tag: volume }] },
  });
  return (sent.data?.events ?? []).map((e) => e.code);
}
