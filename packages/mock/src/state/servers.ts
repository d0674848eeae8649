/**
 * Servers in the stateful mock: create, show, list (filters, paging), delete, the modelled actions
 * and the instance actions log, each answered from the store and rendered at the requested
 * microversion by its view (render.ts). Nova's behaviour is cited where it is copied (Nova 34,
 * nova/api/openstack/compute/servers.py and instance_actions.py, nova/compute/api.py).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { faultBody } from '../faults.ts';
import { PROGRESS_STATUSES, POWER, statesForStatuses, statusOf } from './nova-states.ts';
import { project } from './render.ts';
import { DELETE_RULE, MODELLED_ACTIONS, refusal, ruleFor, type ActionRule, type MachineState } from './server-actions.ts';
import type { SpecExamples } from './spec-examples.ts';
import { isoSeconds, naiveMicros, newRequestId, StateStore, type InstanceActionRecord, type ServerRecord } from './store.ts';

type Json = Record<string, any>;

export interface StateRequest {
  method: string;
  template: string;
  action: string | undefined;
  version: string;
  /** The spec path (`/servers/abc`), without the project id. */
  path: string;
  query: URLSearchParams;
  body: any;
  requestId: string;
  /** `http://host:port`, as the client reached the mock. */
  origin: string;
  /** The project id of the URL form `/v2.1/{project_id}/...`, if used. */
  projectId: string | undefined;
}

export interface ServerTimings {
  /** How long a new server stays BUILD. */
  buildDelayMs: number;
  /** How long an action's task_state lasts before its end state. */
  actionDelayMs: number;
  /** The clock the delays are measured on, in ms since the epoch (Date.now, or a test's own). */
  now: () => number;
}

/** api.max_limit's default (nova/conf/api.py): the largest page. */
const MAX_LIMIT = 1000;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status, headers: { 'content-type': 'application/json', ...headers }, text: JSON.stringify(body),
});
const fault = (status: number, message: string): Answer => json(status, faultBody(status, message));
/** common.get_instance(): InstanceNotFound's message, as a 404. */
const notFound = (id: string) => fault(404, `Instance ${id} could not be found.`);
const minorOf = (version: string) => Number(version.split('.')[1]);

const serverIdOf = (path: string) => decodeURIComponent(path.split('/')[2] ?? '');

export class ServerState {
  readonly store: StateStore;
  readonly #examples: SpecExamples;
  readonly #newest: string;
  readonly #timings: ServerTimings;
  /** The first example server of the newest view: where a new server's unknowable fields come from. */
  readonly #template: Json;

  constructor(examples: SpecExamples, newest: string, timings: ServerTimings) {
    this.#examples = examples;
    this.#newest = newest;
    this.#timings = timings;
    const seed = () => ((examples.response(newest, '/servers/detail', 'get', '200').example as Json | undefined)?.servers ?? []) as Json[];
    this.#template = structuredClone(seed()[0] ?? {});
    this.store = new StateStore(() => seed().map((server) => this.#seedRecord(structuredClone(server))));
  }

  /** The answer for a request on servers, or undefined to let the stateless mock answer it. */
  answer(request: StateRequest): Answer | undefined {
    this.store.settle(this.#timings.now());
    const { method, template } = request;
    if (template === '/servers' && method === 'post') return this.#create(request);
    if ((template === '/servers' || template === '/servers/detail') && method === 'get') return this.#list(request, template === '/servers/detail');
    if (!template.startsWith('/servers/{server_id}')) return undefined;
    // Every controller under /servers/{server_id} looks the server up first.
    const id = serverIdOf(request.path);
    const server = this.store.servers.get(id);
    if (!server) return notFound(id);
    if (template === '/servers/{server_id}' && method === 'get') return this.#show(request, server);
    if (template === '/servers/{server_id}' && method === 'delete') return this.#delete(request, server);
    if (template === '/servers/{server_id}/action' && request.action && MODELLED_ACTIONS.has(request.action)) return this.#act(request, server);
    if (template === '/servers/{server_id}/os-instance-actions' && method === 'get') return this.#listActions(request, server);
    if (template === '/servers/{server_id}/os-instance-actions/{request_id}' && method === 'get') return this.#showAction(request, server);
    return undefined;
  }

  // -- rendering --------------------------------------------------------------------------------

  /** The server's wire fields with its state machine's: what views/servers.py `show()` reads. */
  #wire(server: ServerRecord): Json {
    const { machine } = server;
    const status = statusOf(machine.vmState, machine.taskState);
    const wire: Json = {
      ...server.fields,
      status,
      'OS-EXT-STS:vm_state': machine.vmState,
      'OS-EXT-STS:task_state': machine.taskState,
      'OS-EXT-STS:power_state': machine.powerState,
      'OS-SRV-USG:launched_at': machine.launchedAt,
      locked: machine.locked,
    };
    // views/servers.py: `progress` only for the statuses of _progress_statuses.
    if (PROGRESS_STATUSES.has(status)) wire.progress = server.fields.progress ?? 0;
    else delete wire.progress;
    // The fault is shown only while the server is in ERROR (views/servers.py show()).
    if (status !== 'ERROR') delete wire.fault;
    return wire;
  }

  #render(version: string, template: string, method: string, status: string, body: unknown, action?: string): unknown {
    const view = this.#examples.response(version, template, method, status, action);
    return project(body, view.schema, this.#examples.resolver(version), view.example);
  }

  // -- operations -------------------------------------------------------------------------------

  #show(request: StateRequest, server: ServerRecord): Answer {
    return json(200, this.#render(request.version, '/servers/{server_id}', 'get', '200', { server: this.#wire(server) }));
  }

  /** servers.py `_get_servers()`: the filters the state models, Nova's default order, then the page. */
  #list(request: StateRequest, detail: boolean): Answer {
    const { query } = request;
    let servers = [...this.store.servers.values()];
    const name = query.get('name');
    if (name !== null) {
      // Nova matches `name` as a regular expression anywhere in the name (the DB's REGEXP); a
      // pattern JavaScript cannot read matches nothing here.
      let pattern: RegExp;
      try {
        pattern = new RegExp(name);
      } catch {
        return json(200, { servers: [] });
      }
      servers = servers.filter((server) => typeof server.fields.name === 'string' && pattern.test(server.fields.name));
    }
    const statuses = query.getAll('status');
    if (statuses.length > 0) {
      // A status maps to vm_states, and to task_states unless `default` is among them
      // (common.task_and_vm_state_from_status(); controller-checks.ts has already refused unknown ones).
      const { vmStates, taskStates } = statesForStatuses(statuses);
      servers = servers.filter((server) => vmStates.has(server.machine.vmState)
        && (taskStates.has('default') || (server.machine.taskState !== null && taskStates.has(server.machine.taskState))));
    }
    // Nova's default sort: created_at then id, both descending.
    servers.sort((a, b) => String(b.fields.created).localeCompare(String(a.fields.created)) || b.id.localeCompare(a.id));
    // servers.py: MarkerNotFound is answered with a message of its own.
    const page = this.#page(request, servers, (server) => server.id, detail ? 'servers/detail' : 'servers', (marker) => `marker [${marker}] not found`);
    if ('status' in page) return page;
    const template = detail ? '/servers/detail' : '/servers';
    const body: Json = { servers: page.items.map((server) => this.#wire(server)) };
    if (page.next) body.servers_links = [{ rel: 'next', href: page.next }];
    return json(200, this.#render(request.version, template, 'get', '200', body));
  }

  /**
   * `limit` and `marker` (common.get_limit_and_marker(); a marker that is not there is Nova's
   * 400 "marker [x] not found"), and the next link of ViewBuilder._get_collection_links(): present
   * when the page is as long as the limit, with the request's parameters sorted and the marker set.
   */
  #page<T>(request: StateRequest, items: T[], idOf: (item: T) => string, collection: string, markerMissing: (marker: string) => string): { items: T[]; next?: string } | Answer {
    const { query } = request;
    const limit = Math.min(query.has('limit') ? Number(query.get('limit')) : MAX_LIMIT, MAX_LIMIT);
    const marker = query.get('marker');
    let start = 0;
    if (marker !== null) {
      const at = items.findIndex((item) => idOf(item) === marker);
      if (at === -1) return fault(400, markerMissing(marker));
      start = at + 1;
    }
    const pageItems = items.slice(start, start + limit);
    if (!(limit > 0 && pageItems.length === limit)) return { items: pageItems };
    const params = new URLSearchParams([...query.entries()].filter(([key]) => key !== 'marker').sort(([a], [b]) => a.localeCompare(b)));
    params.set('marker', idOf(pageItems.at(-1)!));
    return { items: pageItems, next: `${request.origin}/v2.1${request.projectId ? `/${request.projectId}` : ''}/${collection}?${params}` };
  }

  /** servers.py `create()`: one server (min_count and max_count are not modelled), BUILD until the build delay is over. */
  #create(request: StateRequest): Answer {
    const asked: Json = request.body?.server ?? {};
    const now = this.#timings.now();
    const id = randomUUID();
    const base = `${request.origin}/v2.1${request.projectId ? `/${request.projectId}` : ''}`;
    const bookmarkBase = `${request.origin}${request.projectId ? `/${request.projectId}` : ''}`;
    const template = this.#template;
    const bootsFromVolume = !asked.imageRef;
    const fields: Json = {
      ...structuredClone(template),
      id,
      name: asked.name,
      description: asked.description ?? null,
      created: isoSeconds(now),
      updated: isoSeconds(now),
      // Nova gives no address and no host until the build has placed the server.
      addresses: {},
      hostId: '',
      accessIPv4: asked.accessIPv4 ?? '',
      accessIPv6: asked.accessIPv6 ?? '',
      key_name: asked.key_name ?? null,
      metadata: asked.metadata ?? {},
      tags: asked.tags ?? [],
      image: bootsFromVolume ? '' : { id: asked.imageRef, links: [{ rel: 'bookmark', href: `${bookmarkBase}/images/${asked.imageRef}` }], ...(template.image?.properties ? { properties: template.image.properties } : {}) },
      flavor: this.#flavorOf(String(asked.flavorRef), bookmarkBase),
      links: [{ rel: 'self', href: `${base}/servers/${id}` }, { rel: 'bookmark', href: `${bookmarkBase}/servers/${id}` }],
      'OS-DCF:diskConfig': asked['OS-DCF:diskConfig'] ?? 'MANUAL',
      'OS-EXT-AZ:availability_zone': asked.availability_zone ?? template['OS-EXT-AZ:availability_zone'],
      'OS-EXT-SRV-ATTR:hostname': typeof asked.hostname === 'string' ? asked.hostname : String(asked.name ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || `server-${id}`,
      security_groups: Array.isArray(asked.security_groups) ? asked.security_groups.map((group: Json) => ({ name: group.name })) : [{ name: 'default' }],
      'os-extended-volumes:volumes_attached': [],
      config_drive: asked.config_drive === true ? 'True' : '',
      trusted_image_certificates: asked.trusted_image_certificates ?? null,
      locked_reason: null,
      pinned_availability_zone: asked.availability_zone ?? null,
      scheduler_hints: request.body?.['os:scheduler_hints'] ?? {},
      progress: 0,
    };
    delete fields.fault;
    const server: ServerRecord = {
      id,
      fields,
      machine: { vmState: 'building', taskState: 'scheduling', powerState: POWER.NOSTATE, launchedAt: null, locked: false },
      actions: [],
    };
    this.#log(server, 'create', 'compute__do_build_and_run_instance', request, now);
    server.pending = {
      due: now + this.#timings.buildDelayMs,
      apply: () => {
        const done = this.#timings.now();
        Object.assign(server.machine, { vmState: 'active', taskState: null, powerState: POWER.RUNNING, launchedAt: naiveMicros(done) });
        // Networking and scheduling are not modelled: the placed server has the example's address and host.
        Object.assign(server.fields, { addresses: structuredClone(template.addresses ?? {}), hostId: template.hostId ?? '', updated: isoSeconds(done) });
        this.#finishEvents(server, done);
      },
    };
    this.store.servers.set(id, server);
    const adminPass = randomBytes(9).toString('base64url');
    const body = this.#render(request.version, '/servers', 'post', '202', { server: { ...fields, adminPass } });
    return json(202, body, { location: `${base}/servers/${id}` });
  }

  /** The embedded flavor of a new server: the flavor the stateless mock shows (flavors are not in the state yet), under the id asked for. */
  #flavorOf(flavorRef: string, bookmarkBase: string): Json {
    const shown = (this.#examples.response(this.#newest, '/flavors/{flavor_id}', 'get', '200').example as Json | undefined)?.flavor ?? {};
    return {
      id: flavorRef,
      links: [{ rel: 'bookmark', href: `${bookmarkBase}/flavors/${flavorRef}` }],
      vcpus: shown.vcpus, ram: shown.ram, disk: shown.disk, ephemeral: shown['OS-FLV-EXT-DATA:ephemeral'] ?? 0, swap: shown.swap === '' ? 0 : shown.swap ?? 0,
      original_name: shown.name ?? flavorRef, extra_specs: shown.extra_specs ?? {},
    };
  }

  /** servers.py `delete()`: compute API.delete's checks, then gone once terminated; the stateless answer (204). */
  #delete(request: StateRequest, server: ServerRecord): Answer | undefined {
    const refused = refusal(DELETE_RULE, server.id, server.machine);
    if (refused) return fault(409, refused);
    server.machine.taskState = DELETE_RULE.task ?? null;
    this.#log(server, DELETE_RULE.logName!, DELETE_RULE.event!, request, this.#timings.now());
    server.pending = { due: this.#timings.now() + this.#timings.actionDelayMs, apply: () => this.store.servers.delete(server.id) };
    return undefined;
  }

  /** A modelled action: Nova's 409 when the state refuses it; otherwise the task starts and the stateless answer goes out. */
  #act(request: StateRequest, server: ServerRecord): Answer | undefined {
    const rule = ruleFor(request.action!, request.body);
    if (!rule) return undefined;
    const refused = refusal(rule, server.id, server.machine);
    if (refused) return fault(409, refused);
    const now = this.#timings.now();
    if (request.action === 'lock') {
      // API.lock: a server its owner already locked stays as it is, and no action is recorded.
      if (server.machine.locked) return undefined;
      server.machine.locked = true;
      if (minorOf(request.version) >= 73) server.fields.locked_reason = request.body?.lock?.locked_reason ?? null;
      this.#log(server, rule.logName!, rule.event!, request, now, true);
      return undefined;
    }
    if (request.action === 'unlock') {
      server.machine.locked = false;
      server.fields.locked_reason = null;
      this.#log(server, rule.logName!, rule.event!, request, now, true);
      return undefined;
    }
    this.#start(server, rule, request, now);
    if (request.action === 'resize') this.#resize(server, String(request.body?.resize?.flavorRef), request);
    if (request.action === 'revertResize' && server.flavorBeforeResize) {
      const previous = server.flavorBeforeResize;
      const finish = server.pending!.apply;
      server.pending!.apply = () => {
        finish();
        server.fields.flavor = previous;
        server.flavorBeforeResize = undefined;
      };
    }
    if (request.action === 'confirmResize') server.flavorBeforeResize = undefined;
    return undefined;
  }

  #start(server: ServerRecord, rule: ActionRule, request: StateRequest, now: number): void {
    if (rule.task !== undefined) server.machine.taskState = rule.task;
    server.fields.updated = isoSeconds(now);
    if (rule.logName) this.#log(server, rule.logName, rule.event!, request, now);
    const before: MachineState = { ...server.machine };
    server.pending = {
      due: now + this.#timings.actionDelayMs,
      apply: () => {
        const done = this.#timings.now();
        Object.assign(server.machine, rule.done?.(before) ?? { taskState: null });
        server.fields.updated = isoSeconds(done);
        this.#finishEvents(server, done);
      },
    };
  }

  /** The new flavor is the server's from RESIZED on; the old one is kept for a revert. */
  #resize(server: ServerRecord, flavorRef: string, request: StateRequest): void {
    const previous = server.fields.flavor;
    const next = this.#flavorOf(flavorRef, request.origin);
    const finish = server.pending!.apply;
    server.pending!.apply = () => {
      finish();
      server.flavorBeforeResize = previous;
      server.fields.flavor = next;
    };
  }

  // -- instance actions -------------------------------------------------------------------------

  /** compute API._record_action_start() and the event that wrap_instance_event writes; done at once for the API-only ones. */
  #log(server: ServerRecord, action: string, event: string, request: StateRequest, now: number, doneNow = false): void {
    const time = naiveMicros(now);
    server.actions.unshift({
      action,
      instance_uuid: server.id,
      request_id: request.requestId,
      user_id: server.fields.user_id,
      project_id: server.fields.tenant_id,
      start_time: time,
      updated_at: time,
      message: null,
      events: [{ event, start_time: time, finish_time: doneNow ? time : null, result: doneNow ? 'Success' : null }],
    });
  }

  #finishEvents(server: ServerRecord, now: number): void {
    const time = naiveMicros(now);
    for (const action of server.actions) {
      for (const event of action.events) {
        if (event.finish_time === null) Object.assign(event, { finish_time: time, result: 'Success' });
      }
      action.updated_at = time;
    }
  }

  /** instance_actions.py `index()`: newest first, paged by request id from 2.58. */
  #listActions(request: StateRequest, server: ServerRecord): Answer {
    const withoutEvents = (action: InstanceActionRecord) => {
      const { events: _events, ...rest } = action;
      return rest;
    };
    let actions = server.actions;
    let next: string | undefined;
    if (minorOf(request.version) >= 58) {
      // instance_actions.py: MarkerNotFound's own message.
      const page = this.#page(request, actions, (action) => action.request_id, `servers/${server.id}/os-instance-actions`, (marker) => `Marker ${marker} could not be found.`);
      if ('status' in page) return page;
      actions = page.items;
      next = page.next;
    }
    const body: Json = { instanceActions: actions.map(withoutEvents) };
    if (next) body.links = [{ rel: 'next', href: next }];
    return json(200, this.#render(request.version, '/servers/{server_id}/os-instance-actions', 'get', '200', body));
  }

  /** instance_actions.py `show()`: 404 "Action <id> not found" for a request id the server has not logged. */
  #showAction(request: StateRequest, server: ServerRecord): Answer {
    const requestId = decodeURIComponent(request.path.split('/').at(-1)!);
    const action = server.actions.find((candidate) => candidate.request_id === requestId);
    if (!action) return fault(404, `Action ${requestId} not found`);
    return json(200, this.#render(request.version, '/servers/{server_id}/os-instance-actions/{request_id}', 'get', '200', { instanceAction: action }));
  }

  // -- seed -------------------------------------------------------------------------------------

  /** An example server as a record: its state fields become the state machine, the rest its fields; its log holds its create. */
  #seedRecord(example: Json): ServerRecord {
    const machine: MachineState = {
      vmState: example['OS-EXT-STS:vm_state'] ?? 'active',
      taskState: example['OS-EXT-STS:task_state'] ?? null,
      powerState: example['OS-EXT-STS:power_state'] ?? POWER.RUNNING,
      launchedAt: example['OS-SRV-USG:launched_at'] ?? null,
      locked: example.locked ?? false,
    };
    const fields = { ...example };
    for (const key of ['status', 'OS-EXT-STS:vm_state', 'OS-EXT-STS:task_state', 'OS-EXT-STS:power_state', 'OS-SRV-USG:launched_at', 'locked']) delete fields[key];
    const server: ServerRecord = { id: example.id, fields, machine, actions: [] };
    const created = Date.parse(example.created);
    this.#log(server, 'create', 'compute__do_build_and_run_instance', { requestId: newRequestId() } as StateRequest, Number.isNaN(created) ? this.#timings.now() : created, true);
    return server;
  }
}
