/**
 * Flavors in the stateful mock: list (`minRam`, `minDisk`, `is_public`, paging), detail, show,
 * create, update (the description, from 2.55), delete, extra specs and the access list of a private
 * flavor with its addTenantAccess and removeTenantAccess actions. Nova 34,
 * nova/api/openstack/compute/flavors.py and its view, flavors_extraspecs.py, flavor_access.py,
 * nova/compute/flavors.py `create()` and nova/objects/flavor.py.
 *
 * Flavors are managed by admins: the mock's caller acts as one here (policies are not modelled),
 * in the project of the seeded servers, so `is_public` is read as Nova reads an admin's.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { bookmarkBase, empty, fault, json, minorOf, page, segment, versionedBase, type Json, type StateRequest } from './answers.ts';
import { project } from './render.ts';
import type { SpecExamples } from './spec-examples.ts';

/** A flavor as the API database keeps it (nova/db/api/models.py Flavors), with its specs and projects. */
export interface FlavorRecord {
  flavorid: string;
  name: string;
  memory_mb: number;
  vcpus: number;
  root_gb: number;
  ephemeral_gb: number;
  swap: number;
  rxtx_factor: number;
  is_public: boolean;
  disabled: boolean;
  description: string | null;
  extra_specs: Record<string, string>;
  projects: string[];
  /** The database id: the second sort key, after the one asked for. */
  id: number;
}

/** FlavorNotFound, as common.get_flavor() and show() answer it. */
const notFound = (id: string) => fault(404, `Flavor ${id} could not be found.`);

/** oslo's bool_from_string(strict=True) values; `none` (utils.is_none_string) means "public and private". */
const TRUE = new Set(['1', 't', 'true', 'on', 'y', 'yes']);
const FALSE = new Set(['0', 'f', 'false', 'off', 'n', 'no']);

export class FlavorState {
  readonly flavors = new Map<string, FlavorRecord>();
  readonly #examples: SpecExamples;
  readonly #newest: string;
  /** The project the caller acts in (a private flavor it has access to is listed with the public ones). */
  readonly #project: string;
  #nextId = 1;

  constructor(examples: SpecExamples, newest: string, projectId: string) {
    this.#examples = examples;
    this.#newest = newest;
    this.#project = projectId;
    this.reset();
  }

  /**
   * The seed: the flavors of the newest `GET /flavors/detail` examples and of `GET /flavors/{id}`'s
   * (one flavor per id and per name, as Nova's unique keys allow), with the projects of the access
   * list example.
   */
  reset(): void {
    this.flavors.clear();
    this.#nextId = 1;
    const listed = this.#examples.allExamples(this.#newest, '/flavors/detail', 'get', '200').flatMap((example) => ((example as Json | undefined)?.flavors ?? []) as Json[]);
    const shown = this.#examples.allExamples(this.#newest, '/flavors/{flavor_id}', 'get', '200').map((example) => (example as Json | undefined)?.flavor).filter(Boolean) as Json[];
    for (const flavor of [...listed, ...shown]) {
      const id = String(flavor.id);
      if (this.flavors.has(id) || this.#byName(flavor.name)) continue;
      this.#add({
        flavorid: id, name: flavor.name, memory_mb: flavor.ram, vcpus: flavor.vcpus, root_gb: flavor.disk,
        ephemeral_gb: flavor['OS-FLV-EXT-DATA:ephemeral'] ?? 0, swap: Number(flavor.swap || 0), rxtx_factor: Number(flavor.rxtx_factor || 1),
        is_public: flavor['os-flavor-access:is_public'] ?? true, disabled: flavor['OS-FLV-DISABLED:disabled'] ?? false,
        description: flavor.description ?? null, extra_specs: { ...flavor.extra_specs }, projects: [], id: 0,
      });
    }
    const access = this.#examples.allExamples(this.#newest, '/flavors/{flavor_id}/os-flavor-access', 'get', '200').flatMap((example) => ((example as Json | undefined)?.flavor_access ?? []) as Json[]);
    for (const { flavor_id, tenant_id } of access) {
      const flavor = this.flavors.get(String(flavor_id));
      if (flavor && !flavor.is_public && !flavor.projects.includes(tenant_id)) flavor.projects.push(tenant_id);
    }
  }

  /** A flavor by id, as a new server or a resize reads it (`read_deleted="no"`). */
  get(id: string): FlavorRecord | undefined {
    return this.flavors.get(id);
  }

  answer(request: StateRequest): Answer | undefined {
    const { method, template } = request;
    if (template === '/flavors' && method === 'get') return this.#list(request, false);
    if (template === '/flavors/detail' && method === 'get') return this.#list(request, true);
    if (template === '/flavors' && method === 'post') return this.#create(request);
    if (!template.startsWith('/flavors/{flavor_id}')) return undefined;
    const id = segment(request.path, 2);
    const flavor = this.flavors.get(id);
    if (!flavor) return notFound(id);
    if (template === '/flavors/{flavor_id}') {
      if (method === 'get') return this.#show(request, flavor, '/flavors/{flavor_id}', 'get', '200');
      if (method === 'put') {
        flavor.description = request.body.flavor.description ?? null;
        return this.#show(request, flavor, '/flavors/{flavor_id}', 'put', '200');
      }
      if (method === 'delete') {
        this.flavors.delete(id);
        return empty(202);
      }
      return undefined;
    }
    if (template.startsWith('/flavors/{flavor_id}/os-extra_specs')) return this.#extraSpecs(request, flavor);
    if (template === '/flavors/{flavor_id}/os-flavor-access' && method === 'get') {
      if (flavor.is_public) return fault(404, 'Access list not available for public flavors.');
      return json(200, this.#access(flavor));
    }
    if (template === '/flavors/{flavor_id}/action') return this.#act(request, flavor);
    return undefined;
  }

  #add(record: FlavorRecord): FlavorRecord {
    const stored = { ...record, id: this.#nextId++ };
    this.flavors.set(stored.flavorid, stored);
    return stored;
  }

  #byName(name: string): FlavorRecord | undefined {
    return [...this.flavors.values()].find((flavor) => flavor.name === name);
  }

  /** The union of the view's fields (views/flavors.py show()); the view of the version keeps its own. */
  wire(request: StateRequest, flavor: FlavorRecord): Json {
    const links = [
      { rel: 'self', href: `${versionedBase(request)}/flavors/${flavor.flavorid}` },
      { rel: 'bookmark', href: `${bookmarkBase(request)}/flavors/${flavor.flavorid}` },
    ];
    return {
      id: flavor.flavorid, name: flavor.name, ram: flavor.memory_mb, disk: flavor.root_gb,
      // `swap` is "" for none up to 2.74 and 0 from 2.75.
      swap: flavor.swap || (minorOf(request.version) >= 75 ? 0 : ''),
      'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeral_gb, 'OS-FLV-DISABLED:disabled': flavor.disabled, vcpus: flavor.vcpus,
      'os-flavor-access:is_public': flavor.is_public, rxtx_factor: flavor.rxtx_factor || '', links,
      description: flavor.description, extra_specs: { ...flavor.extra_specs },
    };
  }

  #render(request: StateRequest, template: string, method: string, status: string, body: Json, action?: string): Answer {
    const view = this.#examples.response(request.version, template, method, status, action);
    return json(Number(status), project(body, view.schema, this.#examples.resolver(request.version), view.example));
  }

  #show(request: StateRequest, flavor: FlavorRecord, template: string, method: string, status: string): Answer {
    return this.#render(request, template, method, status, { flavor: this.wire(request, flavor) });
  }

  /** flavors.py `_get_flavors()` with an admin's filters; sorted by flavorid then id, ascending (Nova's default). */
  #list(request: StateRequest, detail: boolean): Answer {
    const { query } = request;
    let flavors = [...this.flavors.values()];
    // _parse_is_public(): absent is "public", `none` is every flavor, else a strict boolean.
    const isPublic = query.get('is_public');
    let wanted: boolean | null = true;
    if (isPublic !== null) {
      const lower = isPublic.toLowerCase();
      if (lower === 'none') wanted = null;
      else if (TRUE.has(lower)) wanted = true;
      else if (FALSE.has(lower)) wanted = false;
      else return fault(400, `Invalid is_public filter [${isPublic}]`);
    }
    // _flavor_get_all_from_db(): "public" also takes in the private flavors of the caller's project.
    if (wanted !== null) flavors = flavors.filter((flavor) => flavor.is_public === wanted || (wanted && flavor.projects.includes(this.#project)));
    for (const [parameter, field] of [['minRam', 'memory_mb'], ['minDisk', 'root_gb']] as const) {
      const value = query.get(parameter);
      if (value === null) continue;
      // int() in Python: an optional sign, digits, surrounding spaces.
      if (!/^\s*[+-]?\d+\s*$/.test(value)) return fault(400, `Invalid ${parameter} filter [${value}]`);
      flavors = flavors.filter((flavor) => flavor[field] >= Number(value));
    }
    flavors.sort((a, b) => (a.flavorid < b.flavorid ? -1 : a.flavorid > b.flavorid ? 1 : a.id - b.id));
    const collection = detail ? 'flavors/detail' : 'flavors';
    // flavors.py: MarkerNotFound is answered with a message of its own.
    const listed = page(request, flavors, (flavor) => flavor.flavorid, collection, (marker) => `marker [${marker}] not found`);
    if ('status' in listed) return listed;
    const body: Json = { flavors: listed.items.map((flavor) => this.wire(request, flavor)) };
    if (listed.next) body.flavors_links = [{ rel: 'next', href: listed.next }];
    return this.#render(request, detail ? '/flavors/detail' : '/flavors', 'get', '200', body);
  }

  /** flavors.py `create()` and compute/flavors.py `create()`: a generated id when none is given, then the unique id and name (409). */
  #create(request: StateRequest): Answer {
    const asked: Json = request.body.flavor;
    const flavorid = asked.id === undefined || asked.id === null || asked.id === '' ? randomUUID() : String(asked.id);
    const name = String(asked.name).trim();
    if (this.flavors.has(flavorid)) return fault(409, `Flavor with ID ${flavorid} already exists.`);
    if (this.#byName(name)) return fault(409, `Flavor with name ${name} already exists.`);
    const isPublic = asked['os-flavor-access:is_public'];
    const flavor = this.#add({
      flavorid, name, memory_mb: Number(asked.ram), vcpus: Number(asked.vcpus), root_gb: Number(asked.disk),
      ephemeral_gb: Number(asked['OS-FLV-EXT-DATA:ephemeral'] ?? 0), swap: Number(asked.swap || 0), rxtx_factor: Number(asked.rxtx_factor ?? 1),
      is_public: isPublic === undefined ? true : isPublic === true || TRUE.has(String(isPublic).toLowerCase()), disabled: false,
      // The description is read from 2.55 only.
      description: minorOf(request.version) >= 55 ? asked.description ?? null : null,
      extra_specs: {}, projects: [], id: 0,
    });
    return this.#show(request, flavor, '/flavors', 'post', '200');
  }

  /** flavors_extraspecs.py; extra spec validation (from 2.86) is not modelled. The answers echo the body, as Nova's do. */
  #extraSpecs(request: StateRequest, flavor: FlavorRecord): Answer | undefined {
    const { method, template } = request;
    const noKey = (key: string) => fault(404, `Flavor ${flavor.flavorid} has no extra specs with key ${key}.`);
    if (template === '/flavors/{flavor_id}/os-extra_specs') {
      if (method === 'get') return json(200, { extra_specs: { ...flavor.extra_specs } });
      if (method === 'post') {
        flavor.extra_specs = { ...flavor.extra_specs, ...stringValues(request.body.extra_specs) };
        return json(200, request.body);
      }
      return undefined;
    }
    const key = segment(request.path, 4);
    if (method === 'get') return key in flavor.extra_specs ? json(200, { [key]: flavor.extra_specs[key] }) : noKey(key);
    if (method === 'put') {
      flavor.extra_specs = { ...flavor.extra_specs, ...stringValues(request.body) };
      return json(200, request.body);
    }
    if (method === 'delete') {
      if (!(key in flavor.extra_specs)) return noKey(key);
      delete flavor.extra_specs[key];
      return empty(200);
    }
    return undefined;
  }

  #access(flavor: FlavorRecord): Json {
    return { flavor_access: flavor.projects.map((tenant_id) => ({ flavor_id: flavor.flavorid, tenant_id })) };
  }

  /** flavor_access.py's actions; the project is not looked up in Keystone (identity.verify_project_id is not modelled). */
  #act(request: StateRequest, flavor: FlavorRecord): Answer | undefined {
    if (request.action === 'addTenantAccess') {
      const tenant = String(request.body.addTenantAccess.tenant);
      if (minorOf(request.version) >= 7 && flavor.is_public) return fault(409, 'Can not add access to a public flavor.');
      if (flavor.projects.includes(tenant)) return fault(409, `Flavor access already exists for flavor ${flavor.flavorid} and project ${tenant} combination.`);
      flavor.projects.push(tenant);
      return this.#render(request, '/flavors/{flavor_id}/action', 'post', '200', this.#access(flavor), 'addTenantAccess');
    }
    if (request.action === 'removeTenantAccess') {
      const tenant = String(request.body.removeTenantAccess.tenant);
      if (!flavor.projects.includes(tenant)) return fault(404, `Flavor access not found for ${flavor.flavorid} / ${tenant} combination.`);
      flavor.projects = flavor.projects.filter((held) => held !== tenant);
      return this.#render(request, '/flavors/{flavor_id}/action', 'post', '200', this.#access(flavor), 'removeTenantAccess');
    }
    return undefined;
  }
}

/** Nova stores extra spec values as strings (a number sent is saved as its text). */
const stringValues = (specs: Json): Record<string, string> => Object.fromEntries(Object.entries(specs ?? {}).map(([key, value]) => [key, String(value)]));
