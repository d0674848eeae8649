/**
 * The state of one stateful mock: its servers, each with its state machine, its wire fields and
 * its instance actions log, in memory. Work that Nova does asynchronously (a build, a reboot) is
 * a pending change with a due time; the store applies what is due before it answers anything
 * (`settle`), so no timer outlives the mock, and a delay of 0 means "done by the next request".
 */
import { randomUUID } from 'node:crypto';
import type { MachineState } from './server-actions.ts';

type Json = Record<string, any>;

export interface InstanceActionRecord {
  action: string;
  instance_uuid: string;
  request_id: string;
  user_id: string;
  project_id: string;
  start_time: string;
  updated_at: string;
  message: string | null;
  events: { event: string; start_time: string; finish_time: string | null; result: string | null }[];
}

export interface ServerRecord {
  id: string;
  /** The wire fields that are not the state machine's (name, flavor, addresses, ...), as the newest view has them and as older views need them. */
  fields: Json;
  machine: MachineState;
  /** Newest first, as Nova lists them. */
  actions: InstanceActionRecord[];
  pending?: { due: number; apply: () => void };
  /** The flavor a resize replaced, until it is confirmed or reverted. */
  flavorBeforeResize?: Json;
}

export class StateStore {
  readonly servers = new Map<string, ServerRecord>();
  readonly #seed: () => ServerRecord[];

  constructor(seed: () => ServerRecord[]) {
    this.#seed = seed;
    this.reset();
  }

  /** Back to the seed: the spec's example servers, nothing created, nothing pending. */
  reset(): void {
    this.servers.clear();
    for (const server of this.#seed()) this.servers.set(server.id, server);
  }

  /** Applies every pending change that is due. */
  settle(now: number): void {
    for (const server of [...this.servers.values()]) {
      if (server.pending && server.pending.due <= now) {
        const { apply } = server.pending;
        server.pending = undefined;
        apply();
      }
    }
  }
}

/** Nova's `created`/`updated` form: RFC 3339 to the second, in UTC. */
export const isoSeconds = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Nova's naive-UTC form with microseconds (`launched_at`, instance action times). */
export const naiveMicros = (time: number) => `${new Date(time).toISOString().slice(0, 23)}000`;

export const newRequestId = () => `req-${randomUUID()}`;
