/**
 * The local Nova as the scenarios need it: the generated client at a microversion (with a recording
 * fetch, so every exchange can be judged), and the fixtures the spec does not describe yet (flavors,
 * an image, a key pair, quotas, compute services), made with plain HTTP calls.
 */
import { createComputeClient, type ComputeApi, type ComputeClient } from '@novaspec/client';
import type { Exchange } from './check.ts';

export interface Endpoints {
  compute: string;
  image: string;
}

/** The noauth2 token of an admin in project `admin` (see nova/start.sh). */
export const TOKEN = 'admin:admin';
/** The noauth2 token of a user without the admin role in project `demo`, for the checks that policy refuses a member. */
export const MEMBER_TOKEN = 'member:demo';
/** The microversion fixtures are made at: the oldest that has everything they use. */
const FIXTURE_VERSION = '2.53';

export type Client = ComputeClient<ComputeApi> & { action(serverId: string, name: string, body: unknown): Promise<{ response: Response }> };

/** Socket-level failures that come before any answer: the request never reached the service. */
const CLOSED_UNDER_US = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * fetch, sent once more when the connection failed before any answer came (undici's "fetch failed"
 * with a socket-level cause). Now and then the first request after a quiet spell (the fixtures, a
 * service restart) went out on a pooled connection gunicorn had just closed, and never reached Nova:
 * its log had no trace of it. Any answer, and any other error, is passed on as it is.
 */
async function fetchPastClosedConnection(input: Request | string, init?: RequestInit): Promise<Response> {
  const spare = input instanceof Request ? input.clone() : input;
  try {
    return await fetch(input, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (!(error instanceof TypeError) || !code || !CLOSED_UNDER_US.has(code)) throw error;
    return fetch(spare, init);
  }
}

export class Deployment {
  readonly endpoints: Endpoints;
  readonly exchanges: Exchange[] = [];
  private readonly clients = new Map<string, Client>();
  /** Servers made by the current scenario, deleted after it. */
  private created: string[] = [];
  imageId = '';
  readonly flavors = { small: 'novaspec-small', large: 'novaspec-large', huge: 'novaspec-huge' };
  readonly keyName = 'novaspec';

  /** Restarts one service of the local Nova by name (see nova/start.sh), e.g. `nova-compute1`. */
  private readonly restartService: (name: string) => Promise<void>;

  constructor(endpoints: Endpoints, restartService: (name: string) => Promise<void>) {
    this.endpoints = endpoints;
    this.restartService = restartService;
  }

  /** The generated client pinned at a microversion; its fetch records what went over the wire. */
  client(version: string): Client {
    return this.cachedClient(version, this.endpoints.compute);
  }

  /** The client for paths served from the unversioned root (the version documents). */
  rootClient(version: string): Client {
    return this.cachedClient(version, this.endpoints.compute.replace(/\/v2\.1\/?$/, ''));
  }

  private cachedClient(version: string, baseUrl: string): Client {
    const key = `${baseUrl} ${version}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createComputeClient<ComputeApi>({ baseUrl, token: TOKEN, microversion: version, fetch: (request) => this.record(version, request) }) as unknown as Client;
      this.clients.set(key, client);
    }
    return client;
  }

  /** The client's fetch: sends the request and keeps the exchange for judging. */
  private async record(version: string, request: Request): Promise<Response> {
    const response = await fetchPastClosedConnection(request);
    const text = await response.clone().text();
    this.exchanges.push({ method: request.method, url: request.url, version, status: response.status, headers: response.headers, text });
    return response;
  }

  /** A plain HTTP call to Nova (fixtures and state changes, not judged). Throws on an unexpected status. */
  async nova(method: string, path: string, body?: unknown, options: { version?: string; ok?: number[]; token?: string } = {}): Promise<any> {
    const response = await fetchPastClosedConnection(`${this.endpoints.compute}${path}`, {
      method,
      headers: {
        'X-Auth-Token': options.token ?? TOKEN, 'OpenStack-API-Version': `compute ${options.version ?? FIXTURE_VERSION}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const ok = options.ok ?? [200, 201, 202, 204];
    if (!ok.includes(response.status)) {
      throw new Error(`fixture ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return text ? JSON.parse(text) : undefined;
  }

  /** Flavors, an image (raw, 1 KiB, public), a key pair, and quotas Nova will not run out of. */
  async prepare(): Promise<void> {
    // huge: more memory than the fake driver reports (8 GiB per host), so its boots fail with a fault.
    for (const [id, ram] of [[this.flavors.small, 64], [this.flavors.large, 128], [this.flavors.huge, 16_777_216]] as const) {
      const found = await this.nova('GET', `/flavors/${id}`, undefined, { ok: [200, 404] });
      if (!found?.flavor) await this.nova('POST', '/flavors', { flavor: { id, name: id, ram, vcpus: 1, disk: 1 } });
    }
    const images = await this.glance('GET', '/v2/images?name=novaspec-raw');
    const existing = images.images.find((i: any) => i.status === 'active');
    if (existing) {
      this.imageId = existing.id;
    } else {
      const image = await this.glance('POST', '/v2/images', {
        name: 'novaspec-raw', disk_format: 'raw', container_format: 'bare', visibility: 'public',
      });
      await this.glanceUpload(image.id, new Uint8Array(1024));
      this.imageId = image.id;
    }
    const key = await this.nova('GET', `/os-keypairs/${this.keyName}`, undefined, { ok: [200, 404] });
    if (!key?.keypair) await this.nova('POST', '/os-keypairs', { keypair: { name: this.keyName } });
    // A run cut off during an evacuation leaves a host marked down (the restart of start.sh has
    // completed its evacuation records, so it can be marked up now).
    for (const service of await this.computeServices()) {
      if (service.forced_down) await this.forceDown(service.host, false);
    }
    await this.computesUp();
    await this.nova('PUT', '/os-quota-sets/admin', {
      quota_set: { instances: -1, cores: -1, ram: -1, metadata_items: 128, key_pairs: -1, server_groups: -1, server_group_members: -1 },
    });
  }

  async glance(method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${this.endpoints.image}${path}`, {
      method, headers: { 'X-Auth-Token': TOKEN, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`fixture glance ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }

  private async glanceUpload(id: string, data: Uint8Array<ArrayBuffer>): Promise<void> {
    const response = await fetch(`${this.endpoints.image}/v2/images/${id}/file`, {
      method: 'PUT', headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/octet-stream' }, body: data,
    });
    if (!response.ok) throw new Error(`fixture glance upload answered ${response.status}: ${await response.text()}`);
  }

  /** Boots a server (no network) and waits until it is ACTIVE. Deleted after the scenario. */
  async server(extra: Record<string, unknown> = {}): Promise<string> {
    const answer = await this.nova('POST', '/servers', {
      server: { name: `novaspec-${this.created.length}`, imageRef: this.imageId, flavorRef: this.flavors.small, networks: 'none', ...extra },
    });
    const id = answer.server.id as string;
    this.created.push(id);
    await this.waitFor(id, ['ACTIVE']);
    return id;
  }

  private sharedId: string | undefined;
  private afterwards: (() => Promise<void>)[] = [];

  /** One ACTIVE server kept for the whole run, for operations that only read or touch metadata. */
  async shared(): Promise<string> {
    if (!this.sharedId) {
      const answer = await this.nova('POST', '/servers', {
        server: { name: 'novaspec-shared', imageRef: this.imageId, flavorRef: this.flavors.small, networks: 'none', metadata: { role: 'conformance' } },
      });
      this.sharedId = answer.server.id as string;
      await this.waitFor(this.sharedId, ['ACTIVE']);
    }
    return this.sharedId;
  }

  private decoratedId: string | undefined;
  private erroredId: string | undefined;

  /**
   * A server with everything optional a server can show: a key pair, a description, tags, metadata,
   * access addresses, membership of a server group, and a lock with a reason. Kept for the run.
   */
  async decorated(): Promise<string> {
    if (!this.decoratedId) {
      const group = await this.nova('POST', '/os-server-groups', { server_group: { name: 'novaspec-group', policies: ['anti-affinity'] } }, { version: '2.1' });
      const answer = await this.nova('POST', '/servers', {
        server: {
          name: 'novaspec-decorated', imageRef: this.imageId, flavorRef: this.flavors.small, networks: 'none',
          key_name: this.keyName, description: 'every optional field set', tags: ['conformance', 'decorated'],
          metadata: { role: 'decorated' }, accessIPv4: '192.0.2.30', accessIPv6: '2001:db8::30',
          user_data: Buffer.from('#!/bin/sh\ntrue\n').toString('base64'),
        },
        'os:scheduler_hints': { group: group.server_group.id },
      });
      this.decoratedId = answer.server.id as string;
      await this.waitFor(this.decoratedId, ['ACTIVE']);
      await this.nova('POST', `/servers/${this.decoratedId}/action`, { lock: { locked_reason: 'kept by the conformance suite' } }, { version: '2.73' });
    }
    return this.decoratedId;
  }

  private apartId: string | undefined;

  /**
   * A server booted with a `different_host` hint (away from the shared server) and a `group` hint:
   * from 2.100 the server shows the hints it was booted with (`scheduler_hints`). Kept for the run.
   */
  async apart(): Promise<string> {
    if (!this.apartId) {
      const group = await this.nova('POST', '/os-server-groups', { server_group: { name: 'novaspec-apart', policies: ['affinity'] } }, { version: '2.1' });
      const answer = await this.nova('POST', '/servers', {
        server: { name: 'novaspec-apart', imageRef: this.imageId, flavorRef: this.flavors.small, networks: 'none' },
        'os:scheduler_hints': { group: group.server_group.id, different_host: [await this.shared()] },
      });
      this.apartId = answer.server.id as string;
      await this.waitFor(this.apartId, ['ACTIVE']);
    }
    return this.apartId;
  }

  /** A server whose boot failed (no host has the flavor's memory): ERROR, with a fault. Kept for the run. */
  async errored(): Promise<string> {
    if (!this.erroredId) {
      const answer = await this.nova('POST', '/servers', {
        server: { name: 'novaspec-errored', imageRef: this.imageId, flavorRef: this.flavors.huge, networks: 'none' },
      });
      this.erroredId = answer.server.id as string;
      await this.waitFor(this.erroredId, ['ERROR']);
    }
    return this.erroredId;
  }

  /** Something to undo after the scenario (a host marked down), before its servers are deleted. */
  onCleanup(undo: () => Promise<void>): void {
    this.afterwards.push(undo);
  }

  /** Remembers a server a scenario created through the operation under test, for deletion. */
  adopt(id: string | undefined): void {
    if (id) this.created.push(id);
  }

  async show(id: string): Promise<any> {
    return (await this.nova('GET', `/servers/${id}`)).server;
  }

  /** Polls until the server has one of the statuses (and no task), or fails on ERROR or after 60 s. */
  async waitFor(id: string, statuses: string[], timeoutMs = 60_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    let server: any;
    while (Date.now() < deadline) {
      server = await this.show(id);
      if (statuses.includes(server.status) && !server['OS-EXT-STS:task_state']) return server;
      if (server.status === 'ERROR' && !statuses.includes('ERROR')) {
        throw new Error(`server ${id} went to ERROR waiting for ${statuses.join('/')}: ${JSON.stringify(server.fault ?? {})}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server ${id} is ${server?.status} (task ${server?.['OS-EXT-STS:task_state']}) after ${timeoutMs / 1000} s, waiting for ${statuses.join('/')}`);
  }

  /** Runs an action by plain HTTP (to bring a server into a state) and waits for the status. */
  async act(id: string, body: unknown, status: string[]): Promise<void> {
    await this.nova('POST', `/servers/${id}/action`, body);
    await this.waitFor(id, status);
  }

  /** Deletes every server the scenario made (forceDelete first: soft-deleted ones are gone too). */
  async cleanup(): Promise<void> {
    const undo = this.afterwards;
    this.afterwards = [];
    for (const step of undo) await step();
    const ids = this.created;
    this.created = [];
    for (const id of ids) {
      // A server the case itself deleted may vanish between Nova's lookup and its save; unlock has no
      // InstanceNotFound handler (lock_server.py), so Nova then answers 500 naming InstanceNotFound
      // instead of 404. For cleanup that means "already gone" (seen once in CI after forceDelete).
      const stillThere = async (method: string, path: string, body: unknown, ok: number[]): Promise<boolean> => {
        try {
          await this.nova(method, path, body, { ok });
          return true;
        } catch (error) {
          if (/answered 500: .*InstanceNotFound/s.test((error as Error).message)) return false;
          throw error;
        }
      };
      if (!(await stillThere('POST', `/servers/${id}/action`, { unlock: null }, [202, 404, 409]))) continue;
      if (!(await stillThere('POST', `/servers/${id}/action`, { forceDelete: null }, [202, 404, 409]))) continue;
      await stillThere('DELETE', `/servers/${id}`, undefined, [204, 404, 409]);
    }
    for (const id of ids) {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const found = await this.nova('GET', `/servers/${id}`, undefined, { ok: [200, 404] });
        if (!found?.server || found.server.status === 'DELETED') break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** The compute services (os-services at 2.53: ids are UUIDs). */
  async computeServices(): Promise<{ id: string; host: string; forced_down: boolean; state: string; status: string }[]> {
    const answer = await this.nova('GET', '/os-services?binary=nova-compute');
    return answer.services;
  }

  /**
   * Brings a host back after an evacuation, as an operator must: Nova refuses to mark it up while
   * `done` evacuation records remain, and only the restarted compute service completes them.
   */
  async recoverEvacuatedHost(host: string): Promise<void> {
    await this.restartService(`nova-${host}`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await this.forceDown(host, false);
        await this.computesUp();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Waits until both compute services report in (state up, enabled, not forced down). */
  async computesUp(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let services: any[] = [];
    while (Date.now() < deadline) {
      services = await this.computeServices();
      if (services.length >= 2 && services.every((s) => s.state === 'up' && s.status === 'enabled' && !s.forced_down)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`compute services not all up: ${JSON.stringify(services.map((s) => [s.host, s.state, s.status, s.forced_down]))}`);
  }

  /** Marks a compute host down (or up again), as an operator does before evacuating. */
  async forceDown(host: string, down: boolean): Promise<void> {
    const service = (await this.computeServices()).find((s) => s.host === host);
    if (!service) throw new Error(`no compute service on ${host}`);
    await this.nova('PUT', `/os-services/${service.id}`, { forced_down: down });
  }
}
