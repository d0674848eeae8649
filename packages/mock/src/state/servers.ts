/**
 * Servers in the stateful mock: create, show, list (filters, paging), delete, the modelled actions
 * and the instance actions log, each answered from the store and rendered at the requested
 * microversion by its view (render.ts). Nova's behaviour is cited where it is copied (Nova 34,
 * nova/api/openstack/compute/servers.py and instance_actions.py, nova/compute/api.py).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { bookmarkBase, fault, json, minorOf, page, versionedBase, type StateRequest } from './answers.ts';
import { PROGRESS_STATUSES, POWER, statesForStatuses, statusOf } from './nova-states.ts';
import { project } from './render.ts';
import { METADATA_ITEMS, answerMetadata } from './server-metadata.ts';
import { answerTags, noMapping } from './server-tags.ts';
import { VolumeAttachmentState } from './volume-attachments.ts';
import { DELETE_RULE, MODELLED_ACTIONS, refusal, ruleFor, type ActionRule, type MachineState } from './server-actions.ts';
import type { FlavorRecord } from './flavors.ts';
import type { SpecExamples } from './spec-examples.ts';
import { isoSeconds, naiveMicros, newRequestId, StateStore, type InstanceActionRecord, type ServerRecord } from './store.ts';

type Json = Record<string, any>;

export type { StateRequest };

/** What a server needs to know of the other resources of the state. */
export interface ServerLinks {
  /** Whether the caller has a key pair of this name. */
  keypairExists(name: string): boolean;
  /** A flavor by id. */
  flavor(id: string): FlavorRecord | undefined;
  /** Nova's refusal of a new member for this server group, if any. */
  refuseGroupMember(groupId: string): Answer | undefined;
  joinGroup(groupId: string, serverId: string): void;
  /** The groups a server is a member of. */
  groupsOf(serverId: string): string[];
}

export interface ServerTimings {
  /** How long a new server stays BUILD. */
  buildDelayMs: number;
  /** How long an action's task_state lasts before its end state. */
  actionDelayMs: number;
  /** The clock the delays are measured on, in ms since the epoch (Date.now, or a test's own). */
  now: () => number;
}

/** common.get_instance(): InstanceNotFound's message, as a 404. */
const notFound = (id: string) => fault(404, `Instance ${id} could not be found.`);

/** common.get_id_from_href(): the last path segment of a link, or the value itself. */
const hrefId = (ref: string) => ref.split('?')[0]!.split('/').filter(Boolean).at(-1) ?? ref;

const serverIdOf = (path: string) => decodeURIComponent(path.split('/')[2] ?? '');

export class ServerState {
  readonly store: StateStore;
  readonly volumes = new VolumeAttachmentState();
  readonly #examples: SpecExamples;
  readonly #timings: ServerTimings;
  readonly #links: ServerLinks;
  /** The first example server of the newest view: where a new server's unknowable fields come from. */
  readonly #template: Json;

  constructor(examples: SpecExamples, newest: string, timings: ServerTimings, links: ServerLinks) {
    this.#examples = examples;
    this.#links = links;
    this.#timings = timings;
    const seed = () => ((examples.response(newest, '/servers/detail', 'get', '200').example as Json | undefined)?.servers ?? []) as Json[];
    this.#template = structuredClone(seed()[0] ?? {});
    this.store = new StateStore(() => seed().map((server) => this.#seedRecord(structuredClone(server))));
    this.volumes.seed(this.store.servers.values());
  }

  /** Back to the seed: the servers and their volume attachments. */
  reset(): void {
    this.store.reset();
    this.volumes.seed(this.store.servers.values());
  }

  /** The project of the seeded servers: the one the mock's caller works in. */
  get projectId(): string {
    return String(this.#template.tenant_id ?? '');
  }

  /** The caller's project and user: those of the seeded servers. */
  get caller(): { projectId: string; userId: string } {
    return { projectId: this.projectId, userId: String(this.#template.user_id ?? '') };
  }

  /**
   * The 404 for a server the state does not have, on any path under /servers/{server_id}: every
   * controller there looks the server up first (common.get_instance(); the tag controller's cell
   * mapping), before its own checks of the request.
   */
  unknown(template: string, path: string): Answer | undefined {
    if (!template.startsWith('/servers/{server_id}')) return undefined;
    const id = serverIdOf(path);
    if (this.store.servers.has(id)) return undefined;
    return template.startsWith('/servers/{server_id}/tags') ? noMapping(id) : notFound(id);
  }

  /** The answer for a request on servers, or undefined to let the stateless mock answer it. */
  answer(request: StateRequest): Answer | undefined {
    // The due work was settled by StatefulMock.settle() (index.ts), before any resource read the servers.
    const { method, template } = request;
    if (template === '/servers' && method === 'post') return this.#create(request);
    if ((template === '/servers' || template === '/servers/detail') && method === 'get') return this.#list(request, template === '/servers/detail');
    if (!template.startsWith('/servers/{server_id}')) return undefined;
    const missing = this.unknown(template, request.path);
    if (missing) return missing;
    const server = this.store.servers.get(serverIdOf(request.path))!;
    const tagged = template.startsWith('/servers/{server_id}/tags');
    if (template.startsWith('/servers/{server_id}/metadata')) return answerMetadata(request, server, this.#timings.now());
    if (tagged) return answerTags(request, server, this.#timings.now());
    if (template.startsWith('/servers/{server_id}/os-volume_attachments')) return this.volumes.answer(request, server);
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
      // From 2.71 (the view keeps it where it has it): the groups the server is in, now.
      server_groups: this.#links.groupsOf(server.id),
      'os-extended-volumes:volumes_attached': this.volumes.volumesOf(server.id),
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
    const listed = page(request, servers, (server) => server.id, detail ? 'servers/detail' : 'servers', (marker) => `marker [${marker}] not found`);
    if ('status' in listed) return listed;
    const template = detail ? '/servers/detail' : '/servers';
    const body: Json = { servers: listed.items.map((server) => this.#wire(server)) };
    if (listed.next) body.servers_links = [{ rel: 'next', href: listed.next }];
    return json(200, this.#render(request.version, template, 'get', '200', body));
  }

  /** servers.py `create()`: one server (min_count and max_count are not modelled), BUILD until the build delay is over. */
  #create(request: StateRequest): Answer {
    const asked: Json = request.body?.server ?? {};
    // servers.py create(): the flavor by id (common.get_id_from_href() takes a link's last segment);
    // FlavorNotFound is answered 400 with its message.
    const flavorId = hrefId(String(asked.flavorRef));
    const flavor = this.#links.flavor(flavorId);
    if (!flavor) return fault(400, `Flavor ${flavorId} could not be found.`);
    // API._validate_and_build_base_options(): the caller's key pair by name; KeypairNotFound is
    // answered 400 by servers.py create().
    if (typeof asked.key_name === 'string' && !this.#links.keypairExists(asked.key_name)) return fault(400, 'Invalid key_name provided.');
    // _checks_for_create_and_rebuild(), next in _validate_and_build_base_options(): the metadata_items
    // quota; MetadataLimitExceeded is a QuotaError, which servers.py create() answers 403.
    if (Object.keys(asked.metadata ?? {}).length > METADATA_ITEMS) return fault(403, `Maximum number of metadata items exceeds ${METADATA_ITEMS}`);
    // API._get_requested_instance_group() and the server_group_members quota of _provision_instances().
    const groupId: unknown = request.body?.['os:scheduler_hints']?.group;
    if (typeof groupId === 'string') {
      const refused = this.#links.refuseGroupMember(groupId);
      if (refused) return refused;
    }
    const now = this.#timings.now();
    const id = randomUUID();
    const base = versionedBase(request);
    const bookmarks = bookmarkBase(request);
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
      // A set, as the tag table keeps it (server-tags.ts).
      tags: [...new Set<string>(asked.tags ?? [])].sort(),
      image: bootsFromVolume ? '' : { id: asked.imageRef, links: [{ rel: 'bookmark', href: `${bookmarks}/images/${asked.imageRef}` }], ...(template.image?.properties ? { properties: template.image.properties } : {}) },
      flavor: this.#flavorOf(flavor, bookmarks),
      links: [{ rel: 'self', href: `${base}/servers/${id}` }, { rel: 'bookmark', href: `${bookmarks}/servers/${id}` }],
      'OS-DCF:diskConfig': asked['OS-DCF:diskConfig'] ?? 'MANUAL',
      'OS-EXT-AZ:availability_zone': asked.availability_zone ?? template['OS-EXT-AZ:availability_zone'],
      'OS-EXT-SRV-ATTR:hostname': typeof asked.hostname === 'string' ? asked.hostname : String(asked.name ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || `server-${id}`,
      security_groups: Array.isArray(asked.security_groups) ? asked.security_groups.map((group: Json) => ({ name: group.name })) : [{ name: 'default' }],
      'os-extended-volumes:volumes_attached': [],
      config_drive: asked.config_drive === true ? 'True' : '',
      trusted_image_certificates: asked.trusted_image_certificates ?? null,
      locked_reason: null,
      pinned_availability_zone: asked.availability_zone ?? null,
      // The request spec keeps every hint as a list (RequestSpec._from_hints()), and 2.100's view shows it so.
      scheduler_hints: Object.fromEntries(Object.entries<unknown>(request.body?.['os:scheduler_hints'] ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value : [value]])),
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
    if (typeof groupId === 'string') this.#links.joinGroup(groupId, id);
    const adminPass = randomBytes(9).toString('base64url');
    const body = this.#render(request.version, '/servers', 'post', '202', { server: { ...fields, adminPass } });
    return json(202, body, { location: `${base}/servers/${id}` });
  }

  /** A server's flavor (views/servers.py): the 2.1 reference (`id`, `links`) and the 2.47 embedded copy (_get_flavor_dict()), from the flavor state. */
  #flavorOf(flavor: FlavorRecord, bookmarks: string): Json {
    return {
      id: flavor.flavorid,
      links: [{ rel: 'bookmark', href: `${bookmarks}/flavors/${flavor.flavorid}` }],
      vcpus: flavor.vcpus, ram: flavor.memory_mb, disk: flavor.root_gb, ephemeral: flavor.ephemeral_gb, swap: flavor.swap,
      original_name: flavor.name, extra_specs: { ...flavor.extra_specs },
    };
  }

  /** servers.py `delete()`: compute API.delete's checks, then gone once terminated; the stateless answer (204). */
  #delete(request: StateRequest, server: ServerRecord): Answer | undefined {
    const refused = refusal(DELETE_RULE, server.id, server.machine);
    if (refused) return fault(409, refused);
    server.machine.taskState = DELETE_RULE.task ?? null;
    this.#log(server, DELETE_RULE.logName!, DELETE_RULE.event!, request, this.#timings.now());
    const gone = () => {
      this.store.servers.delete(server.id);
      this.volumes.forget(server.id);
    };
    server.pending = { due: this.#timings.now() + this.#timings.actionDelayMs, apply: gone };
    return undefined;
  }

  /** A modelled action: Nova's 409 when the state refuses it; otherwise the task starts and the stateless answer goes out. */
  #act(request: StateRequest, server: ServerRecord): Answer | undefined {
    const rule = ruleFor(request.action!, request.body);
    if (!rule) return undefined;
    const refused = refusal(rule, server.id, server.machine);
    if (refused) return fault(409, refused);
    // API.resize(), once its decorators let it through: the new flavor must exist (FlavorNotFound,
    // answered 400 by servers.py _resize()).
    let newFlavor: FlavorRecord | undefined;
    if (request.action === 'resize') {
      const flavorId = hrefId(String(request.body?.resize?.flavorRef));
      newFlavor = this.#links.flavor(flavorId);
      if (!newFlavor) return fault(400, `Flavor ${flavorId} could not be found.`);
    }
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
    if (newFlavor) this.#resize(server, newFlavor, request);
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
  #resize(server: ServerRecord, flavor: FlavorRecord, request: StateRequest): void {
    const previous = server.fields.flavor;
    const next = this.#flavorOf(flavor, bookmarkBase(request));
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
      const listed = page(request, actions, (action) => action.request_id, `servers/${server.id}/os-instance-actions`, (marker) => `Marker ${marker} could not be found.`);
      if ('status' in listed) return listed;
      actions = listed.items;
      next = listed.next;
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
