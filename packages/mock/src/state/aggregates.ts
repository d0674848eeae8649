/**
 * Host aggregates in the stateful mock: `/os-aggregates` create, list, show, update, delete and the
 * add_host, remove_host and set_metadata actions. Nova 34, nova/api/openstack/compute/aggregates.py,
 * AggregateAPI in nova/compute/api.py, nova/objects/aggregate.py. The availability zone is the
 * `availability_zone` metadata key, as Aggregate.availability_zone reads it.
 *
 * Which hosts exist: the hosts of the spec's aggregate and compute service examples and of the
 * seeded servers. Not modelled: AggregateAPI.is_safe_to_update_az() (a host in two zones, a zone
 * with servers in it) and placement.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { fault, json, segment, type Json, type StateRequest } from './answers.ts';
import { project } from './render.ts';
import type { SpecExamples } from './spec-examples.ts';
import { naiveMicros } from './store.ts';

export interface AggregateRecord {
  id: number;
  uuid: string;
  name: string;
  hosts: string[];
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string | null;
}

/** exception.AggregateNotFound. */
const notFound = (id: string | number) => fault(404, `Aggregate ${id} could not be found.`);

export class AggregateState {
  readonly aggregates = new Map<number, AggregateRecord>();
  readonly #examples: SpecExamples;
  readonly #newest: string;
  readonly #extraHosts: () => string[];
  #hosts = new Set<string>();
  readonly #now: () => number;
  #nextId = 1;

  /** `now` is the mock's clock, which `created_at` and `updated_at` are read from. */
  constructor(examples: SpecExamples, newest: string, now: () => number, extraHosts: () => string[]) {
    this.#examples = examples;
    this.#newest = newest;
    this.#now = now;
    this.#extraHosts = extraHosts;
    this.reset();
  }

  /** The seed: the aggregates of the newest list examples, and the hosts the spec's examples name. */
  reset(): void {
    this.aggregates.clear();
    const listed = this.#examples.allExamples(this.#newest, '/os-aggregates', 'get', '200').flatMap((example) => ((example as Json | undefined)?.aggregates ?? []) as Json[]);
    for (const aggregate of listed) {
      if (typeof aggregate.id !== 'number' || this.aggregates.has(aggregate.id) || this.#byName(aggregate.name)) continue;
      this.aggregates.set(aggregate.id, {
        id: aggregate.id, uuid: aggregate.uuid ?? randomUUID(), name: aggregate.name, hosts: [...(aggregate.hosts ?? [])],
        metadata: { ...aggregate.metadata }, created_at: aggregate.created_at ?? naiveMicros(this.#now()), updated_at: aggregate.updated_at ?? null,
      });
    }
    this.#nextId = Math.max(0, ...this.aggregates.keys()) + 1;
    const services = this.#examples.allExamples(this.#newest, '/os-services', 'get', '200').flatMap((example) => ((example as Json | undefined)?.services ?? []) as Json[]);
    this.#hosts = new Set([
      ...[...this.aggregates.values()].flatMap((aggregate) => aggregate.hosts),
      ...services.filter((service) => service.binary === 'nova-compute').map((service) => String(service.host)),
      ...this.#extraHosts(),
    ]);
  }

  answer(request: StateRequest): Answer | undefined {
    const { method, template } = request;
    if (template === '/os-aggregates' && method === 'get') {
      return this.#render(request, '/os-aggregates', 'get', '200', { aggregates: [...this.aggregates.values()].sort((a, b) => a.id - b.id).map((aggregate) => this.#wire(aggregate)) });
    }
    if (template === '/os-aggregates' && method === 'post') return this.#create(request);
    if (template !== '/os-aggregates/{aggregate_id}' && template !== '/os-aggregates/{aggregate_id}/action') return undefined;
    const raw = segment(request.path, 2);
    // utils.validate_integer(id, 'id'), before the aggregate is looked up.
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) return fault(400, 'Invalid input received: id must be an integer');
    const aggregate = this.aggregates.get(Number(raw));
    if (template === '/os-aggregates/{aggregate_id}/action') return this.#act(request, raw, aggregate);
    if (!aggregate) return notFound(raw);
    if (method === 'get') return this.#show(request, aggregate, 'get');
    if (method === 'put') return this.#update(request, aggregate);
    if (method === 'delete') {
      // AggregateAPI.delete_aggregate(): InvalidAggregateActionDelete, answered 400.
      if (aggregate.hosts.length > 0) return fault(400, `Cannot remove host from aggregate ${aggregate.id}. Reason: Host aggregate is not empty.`);
      this.aggregates.delete(aggregate.id);
      return { status: 200, headers: {}, text: '' };
    }
    return undefined;
  }

  #byName(name: string): AggregateRecord | undefined {
    return [...this.aggregates.values()].find((aggregate) => aggregate.name === name);
  }

  /** _marshall_aggregate(): every field of the object (`uuid` from 2.41: the view keeps it where it has it). */
  #wire(aggregate: AggregateRecord): Json {
    return {
      availability_zone: aggregate.metadata.availability_zone ?? null, created_at: aggregate.created_at, deleted: false, deleted_at: null,
      hosts: [...aggregate.hosts], id: aggregate.id, metadata: { ...aggregate.metadata }, name: aggregate.name, updated_at: aggregate.updated_at, uuid: aggregate.uuid,
    };
  }

  #render(request: StateRequest, template: string, method: string, status: string, body: Json, action?: string): Answer {
    const view = this.#examples.response(request.version, template, method, status, action);
    return json(Number(status), project(body, view.schema, this.#examples.resolver(request.version), view.example));
  }

  #show(request: StateRequest, aggregate: AggregateRecord, method: string, action?: string): Answer {
    const template = action ? '/os-aggregates/{aggregate_id}/action' : '/os-aggregates/{aggregate_id}';
    return this.#render(request, template, method, '200', { aggregate: this.#wire(aggregate) }, action);
  }

  /** create(): the name (and zone) stripped, the unique name (409); the answer has no hosts and no metadata. */
  #create(request: StateRequest): Answer {
    const asked: Json = request.body.aggregate;
    const name = String(asked.name).trim();
    if (this.#byName(name)) return fault(409, `Aggregate ${name} already exists.`);
    const zone = typeof asked.availability_zone === 'string' ? asked.availability_zone.trim() : undefined;
    const aggregate: AggregateRecord = {
      id: this.#nextId++, uuid: randomUUID(), name, hosts: [], metadata: zone ? { availability_zone: zone } : {},
      created_at: naiveMicros(this.#now()), updated_at: null,
    };
    this.aggregates.set(aggregate.id, aggregate);
    const { hosts: _hosts, metadata: _metadata, ...shown } = this.#wire(aggregate);
    return this.#render(request, '/os-aggregates', 'post', '200', { aggregate: shown });
  }

  /** update(): a new name (unique, 409) and the zone, which is metadata. */
  #update(request: StateRequest, aggregate: AggregateRecord): Answer {
    const updates: Json = { ...request.body.aggregate };
    if ('name' in updates) {
      const name = String(updates.name).trim();
      const holder = this.#byName(name);
      if (holder && holder !== aggregate) return fault(409, `Aggregate ${name} already exists.`);
      aggregate.name = name;
      delete updates.name;
    }
    if (Object.keys(updates).length > 0) {
      this.#setMetadata(aggregate, updates);
      aggregate.updated_at = naiveMicros(this.#now());
    }
    return this.#show(request, aggregate, 'put');
  }

  /** Aggregate.update_metadata(): a null value removes the key. */
  #setMetadata(aggregate: AggregateRecord, updates: Json): void {
    for (const [key, value] of Object.entries(updates)) {
      if (value === null) delete aggregate.metadata[key];
      else aggregate.metadata[key] = String(value);
    }
  }

  /** The three actions, with the errors their handlers map (404 for AggregateNotFound first, as AggregateAPI looks the host up first only for add_host). */
  #act(request: StateRequest, raw: string, aggregate: AggregateRecord | undefined): Answer | undefined {
    const { action } = request;
    if (action === 'add_host') {
      const host = String(request.body.add_host.host);
      // _get_service_in_cell_by_host() runs before the aggregate is read: HostMappingNotFound, 404 here.
      if (!this.#hosts.has(host)) return fault(404, `Host '${host}' is not mapped to any cell`);
      if (!aggregate) return notFound(raw);
      // Aggregate.add_host(): exception.AggregateHostExists, 409.
      if (aggregate.hosts.includes(host)) return fault(409, `Aggregate ${aggregate.id} already has host ${host}.`);
      aggregate.hosts.push(host);
      return this.#show(request, aggregate, 'post', 'add_host');
    }
    if (action === 'remove_host') {
      const host = String(request.body.remove_host.host);
      // HostMappingNotFound is not among remove_host's caught errors: an Invalid, answered 400.
      if (!this.#hosts.has(host)) return fault(400, `Host '${host}' is not mapped to any cell`);
      // AggregateNotFound and AggregateHostNotFound share the controller's message.
      if (!aggregate || !aggregate.hosts.includes(host)) return fault(404, `Cannot remove host ${host} in aggregate ${raw}`);
      aggregate.hosts = aggregate.hosts.filter((held) => held !== host);
      return this.#show(request, aggregate, 'post', 'remove_host');
    }
    if (action === 'set_metadata') {
      if (!aggregate) return notFound(raw);
      this.#setMetadata(aggregate, request.body.set_metadata.metadata);
      aggregate.updated_at = naiveMicros(this.#now());
      return this.#show(request, aggregate, 'post', 'set_metadata');
    }
    return undefined;
  }
}
