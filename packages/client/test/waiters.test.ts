/** Waiters: polling a server to a status, failing on ERROR, deletes done on 404, timeouts and aborts. */
import { describe, expect, it } from 'vitest';
import type { Api as Api247 } from '@novaspec/types/2.47';
import { createComputeClient, WaitError, waitForServerDeleted, waitForServerStatus, type ShowsServers } from '../src/index.ts';
import { useMock } from './support/mock.ts';

/** A client whose server goes through the given states, one per poll. */
function sequence(states: ({ status: string; task?: string | null; fault?: string } | 404)[]): ShowsServers & { polls: number } {
  const client = {
    polls: 0,
    async GET() {
      const state = states[Math.min(client.polls, states.length - 1)]!;
      client.polls += 1;
      if (state === 404) return { error: { itemNotFound: { code: 404 } }, response: new Response(null, { status: 404 }) };
      const server = { id: 's1', status: state.status, 'OS-EXT-STS:task_state': state.task ?? null, ...(state.fault ? { fault: { code: 500, message: state.fault } } : {}) };
      return { data: { server }, response: new Response(null, { status: 200 }) };
    },
  };
  return client;
}
const fast = { intervalMs: 1, sleep: async () => undefined };

describe('waitForServerStatus', () => {
  it('polls until the status is reached with no task in progress, reporting progress', async () => {
    const client = sequence([{ status: 'BUILD', task: 'spawning' }, { status: 'ACTIVE', task: 'networking' }, { status: 'ACTIVE' }]);
    const seen: string[] = [];
    const server = await waitForServerStatus(client, 's1', 'ACTIVE', { ...fast, onProgress: (s) => seen.push(s.status) });
    expect(server.status).toBe('ACTIVE');
    expect(client.polls).toBe(3);
    expect(seen).toEqual(['BUILD', 'ACTIVE', 'ACTIVE']);
  });

  it('fails with the fault message when the server goes to ERROR', async () => {
    const client = sequence([{ status: 'BUILD' }, { status: 'ERROR', fault: 'No valid host was found.' }]);
    await expect(waitForServerStatus(client, 's1', 'ACTIVE', fast)).rejects.toThrow(/went to ERROR: No valid host was found/);
  });

  it('gives up after the timeout', async () => {
    const client = sequence([{ status: 'BUILD' }]);
    const error = await waitForServerStatus(client, 's1', 'ACTIVE', { timeoutMs: 20, intervalMs: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect(String(error)).toMatch(/gave up waiting/);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const client = sequence([{ status: 'BUILD' }]);
    setTimeout(() => controller.abort(new Error('caller stopped')), 20);
    await expect(waitForServerStatus(client, 's1', 'ACTIVE', { intervalMs: 5, signal: controller.signal })).rejects.toThrow('caller stopped');
  });
});

describe('waitForServerDeleted', () => {
  it('is done on 404, or on status DELETED', async () => {
    const gone = sequence([{ status: 'ACTIVE', task: 'deleting' }, 404]);
    await waitForServerDeleted(gone, 's1', fast);
    expect(gone.polls).toBe(2);
    const soft = sequence([{ status: 'DELETED' }]);
    await waitForServerDeleted(soft, 's1', fast);
    expect(soft.polls).toBe(1);
  });
});

describe('a waiter through the client, against the mock', () => {
  const mock = useMock();
  it('reboots a server and waits for it to be ACTIVE again', async () => {
    const nova = createComputeClient<Api247>({ baseUrl: mock().endpoint, token: 't', microversion: '2.47' });
    const rebooted = await nova.action('9168b536-cd40-4630-b43f-b259807c6e87', 'reboot', { reboot: { type: 'SOFT' } });
    expect(rebooted.response.status).toBe(202);
    const server = await waitForServerStatus(nova, '9168b536-cd40-4630-b43f-b259807c6e87', 'ACTIVE', fast);
    expect(server.status).toBe('ACTIVE');
  });
});

describe('the waiters against the stateful mock (ADR 0012)', () => {
  const BUILD_MS = 400;
  // The mock's delays run on this clock, and the waiters' sleep moves it: each poll is one interval
  // later in the mock's time whatever the machine's load, so BUILD and the task states are always seen.
  let now = Date.parse('2026-12-03T12:00:00Z');
  const mock = useMock({ stateful: true, buildDelayMs: BUILD_MS, actionDelayMs: 200, clock: () => now });
  const poll = { intervalMs: 50, timeoutMs: 10_000, sleep: async (ms: number) => { now += ms; } };

  it('waits for a new server to leave BUILD, for a reboot and a stop to finish, and for a delete', async () => {
    const nova = createComputeClient<Api247>({ baseUrl: mock().endpoint, token: 't', microversion: '2.47' });
    const created = await nova.POST('/servers', { body: { server: { name: 'waited-for', flavorRef: 'c2.medium', imageRef: '70a599e0-31e7-49b7-b260-868f441e862b', networks: 'auto' } } });
    expect(created.response.status).toBe(202);
    const id = (created.data as { server: { id: string } }).server.id;

    const seen: string[] = [];
    const started = now;
    const active = await waitForServerStatus(nova, id, 'ACTIVE', { ...poll, onProgress: (s) => seen.push(s.status) });
    expect(active.status).toBe('ACTIVE');
    expect(seen[0]).toBe('BUILD');
    expect(now - started).toBeGreaterThanOrEqual(BUILD_MS);

    const rebooting: string[] = [];
    expect((await nova.action(id, 'reboot', { reboot: { type: 'HARD' } })).response.status).toBe(202);
    await waitForServerStatus(nova, id, 'ACTIVE', { ...poll, onProgress: (s) => rebooting.push(`${s.status}/${s['OS-EXT-STS:task_state']}`) });
    expect(rebooting[0]).toBe('HARD_REBOOT/rebooting_hard');

    expect((await nova.action(id, 'os-stop', { 'os-stop': null })).response.status).toBe(202);
    expect((await waitForServerStatus(nova, id, 'SHUTOFF', poll)).status).toBe('SHUTOFF');

    const deleted = await nova.DELETE('/servers/{server_id}', { params: { path: { server_id: id } } });
    expect(deleted.response.status).toBe(204);
    await waitForServerDeleted(nova, id, poll);
    const gone = await nova.GET('/servers/{server_id}', { params: { path: { server_id: id } } });
    expect(gone.response.status).toBe(404);
  });

  it('a waiter on a server in ERROR fails with its fault', async () => {
    const nova = createComputeClient<Api247>({ baseUrl: mock().endpoint, token: 't', microversion: '2.47' });
    // The seed's second server is in ERROR: waiting for ACTIVE fails at once with its fault.
    await expect(waitForServerStatus(nova, '91a3c5e7-2b4d-4f6a-8c0e-1d3f5a7b9c2e', 'ACTIVE', poll)).rejects.toThrow(/went to ERROR: Build of instance/);
  });
});
