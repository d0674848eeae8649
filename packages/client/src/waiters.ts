/**
 * Waiting for asynchronous work: most server operations answer 202 and finish later. A waiter polls
 * `GET /servers/{server_id}` until the status is reached with no task in progress, and fails at once
 * with Nova's fault message when the server goes to ERROR; a delete is done on 404 (or `DELETED`).
 */

export interface WaitOptions {
  /** Give up after this many ms; default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Poll every this many ms; default 2000. */
  intervalMs?: number;
  signal?: AbortSignal;
  /** Called with each server seen while waiting. */
  onProgress?: (server: ServerState) => void;
  /** Sleeps; tests pass a fake. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The part of a server a waiter reads. */
export interface ServerState {
  id: string;
  status: string;
  'OS-EXT-STS:task_state'?: string | null;
  fault?: { code?: number; message?: string };
}

/** What a waiter needs of a client: the show call, at any microversion. */
export interface ShowsServers {
  GET(path: '/servers/{server_id}', init: { params: { path: { server_id: string } } }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export class WaitError extends Error {
  override readonly name = 'WaitError';
  readonly server: ServerState | undefined;
  constructor(message: string, server?: ServerState) {
    super(message);
    this.server = server;
  }
}

const defaultSleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(signal.reason);
  }, { once: true });
});

async function poll<T>(step: () => Promise<T | undefined>, what: string, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const sleep = options.sleep ?? defaultSleep;
  for (;;) {
    options.signal?.throwIfAborted();
    const done = await step();
    if (done !== undefined) return done;
    if (Date.now() >= deadline) throw new WaitError(`gave up waiting for ${what} after ${options.timeoutMs ?? 600_000} ms`);
    await sleep(options.intervalMs ?? 2000, options.signal);
  }
}

/** Waits until the server has one of `statuses` and no task in progress. */
export function waitForServerStatus(client: ShowsServers, serverId: string, statuses: string | string[], options: WaitOptions = {}): Promise<ServerState> {
  const wanted = new Set(Array.isArray(statuses) ? statuses : [statuses]);
  return poll(async () => {
    const { data, error, response } = await client.GET('/servers/{server_id}', { params: { path: { server_id: serverId } } });
    if (!data) throw new WaitError(`server ${serverId} could not be read while waiting (${response.status}): ${JSON.stringify(error)}`);
    const server = (data as { server: ServerState }).server;
    options.onProgress?.(server);
    if (server.status === 'ERROR' && !wanted.has('ERROR')) {
      throw new WaitError(`server ${serverId} went to ERROR: ${server.fault?.message ?? 'no fault recorded'}`, server);
    }
    const idle = server['OS-EXT-STS:task_state'] === undefined || server['OS-EXT-STS:task_state'] === null;
    return wanted.has(server.status) && idle ? server : undefined;
  }, `server ${serverId} to reach ${[...wanted].join(' or ')}`, options);
}

/** Waits until the server is gone: 404, or status DELETED (soft delete). */
export function waitForServerDeleted(client: ShowsServers, serverId: string, options: WaitOptions = {}): Promise<void> {
  return poll(async () => {
    const { data, response } = await client.GET('/servers/{server_id}', { params: { path: { server_id: serverId } } });
    if (response.status === 404) return true;
    const server = (data as { server?: ServerState } | undefined)?.server;
    if (server) options.onProgress?.(server);
    return server?.status === 'DELETED' ? true : undefined;
  }, `server ${serverId} to be deleted`, options).then(() => undefined);
}
