/**
 * The README's quick start for the client: log in with an application credential from clouds.yaml,
 * pin a microversion, page through every server, reboot one and wait for it, handle a typed error.
 * Run: `node examples/quickstart.ts <cloud>` (Node 24; with OS_CLOUD set the argument is optional).
 */
import type { Api } from '@novaspec/types/2.90';
import {
  ComputeError, KeystoneSession, connectComputeClient, loadCloudConfig, paginate, waitForServerStatus,
} from '@novaspec/client/node';

export async function quickstart(cloud?: string, options: { cwd?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<string[]> {
  const log = options.log ?? console.log;
  const config = loadCloudConfig(cloud, options);
  const session = new KeystoneSession(config.keystone);
  const endpoint = config.computeEndpointOverride ?? await session.endpoint({ interface: config.interface ?? 'public', ...(config.regionName ? { region: config.regionName } : {}) });

  // The types and the header follow the pin; a cloud older than 2.90 is refused before any API call.
  const nova = await connectComputeClient<Api>({ baseUrl: endpoint, token: session, microversion: '2.90', throwOnError: true });

  const names: string[] = [];
  for await (const server of paginate<{ id: string; name: string; status: string }>(
    (query) => nova.GET('/servers/detail', { params: { query } }).then((r) => r.data as Record<string, unknown> | undefined),
    'servers', { pageSize: 100 },
  )) {
    names.push(server.name);
    log(`${server.id} ${server.name} ${server.status}`);
  }

  const [first] = names.length > 0 ? (await nova.GET('/servers', {})).data!.servers : [];
  if (first) {
    await nova.action(first.id, 'reboot', { reboot: { type: 'SOFT' } });
    const server = await waitForServerStatus(nova, first.id, 'ACTIVE', { intervalMs: 2000, timeoutMs: 300_000 });
    log(`rebooted ${server.id}: ${server.status}`);
  }

  try {
    await nova.GET('/servers/{server_id}', { params: { path: { server_id: 'no-such-server' } }, headers: { Prefer: 'code=404' } });
  } catch (error) {
    if (!(error instanceof ComputeError)) throw error;
    log(`typed error: ${error.status} ${error.fault} (request ${error.requestId})`);
  }
  return names;
}

if (import.meta.main) {
  await quickstart(process.argv[2]);
}
