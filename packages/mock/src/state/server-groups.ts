/**
 * Server groups in the stateful mock: `/os-server-groups` create, list (`limit`/`offset`), show and
 * delete; a server created with the `group` scheduler hint becomes a member, and a deleted server
 * is no longer listed as one. Nova 34, nova/api/openstack/compute/server_groups.py, and
 * API._provision_instances / _get_requested_instance_group in nova/compute/api.py.
 *
 * Groups belong to the caller's project and user (those of the seeded servers); `all_projects`
 * is an admin's, and the mock's caller is not one, so Nova ignores it as it does for a non-admin.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { empty, fault, json, minorOf, MAX_LIMIT, segment, type Json, type StateRequest } from './answers.ts';
import { project } from './render.ts';
import type { SpecExamples } from './spec-examples.ts';

/** The quotas' defaults (nova/conf/quota.py): groups per project, members per group. */
export const SERVER_GROUPS = 10;
export const SERVER_GROUP_MEMBERS = 10;

export interface ServerGroupRecord {
  id: string;
  name: string;
  policy: string;
  rules: Json;
  /** Server ids in the order they joined; the deleted ones are dropped when shown (`_get_not_deleted()`). */
  members: string[];
  project_id: string;
  user_id: string;
}

/** exception.InstanceGroupNotFound. */
export const groupNotFound = (id: string) => `Instance group ${id} could not be found.`;

export class ServerGroupState {
  readonly groups = new Map<string, ServerGroupRecord>();
  readonly #examples: SpecExamples;
  readonly #newest: string;
  readonly #caller: () => { projectId: string; userId: string };
  readonly #serverExists: (id: string) => boolean;

  constructor(examples: SpecExamples, newest: string, caller: () => { projectId: string; userId: string }, serverExists: (id: string) => boolean) {
    this.#examples = examples;
    this.#newest = newest;
    this.#caller = caller;
    this.#serverExists = serverExists;
    this.reset();
  }

  /** The seed: the groups of the newest list examples, the caller's (their members are shown only if they are servers of the state). */
  reset(): void {
    this.groups.clear();
    const { projectId, userId } = this.#caller();
    const listed = this.#examples.allExamples(this.#newest, '/os-server-groups', 'get', '200').flatMap((example) => ((example as Json | undefined)?.server_groups ?? []) as Json[]);
    for (const group of listed) {
      if (!group.id || this.groups.has(group.id)) continue;
      this.groups.set(group.id, {
        id: group.id, name: group.name, policy: group.policy ?? group.policies?.[0], rules: { ...group.rules },
        members: [...(group.members ?? [])], project_id: projectId, user_id: userId,
      });
    }
  }

  /** The ids of the groups a server is a member of (a server's `server_groups`, from 2.71). */
  groupsOf(serverId: string): string[] {
    return [...this.groups.values()].filter((group) => group.members.includes(serverId)).map((group) => group.id);
  }

  /**
   * What `POST /servers` with `os:scheduler_hints.group` does before the server exists: the group
   * must be there (InstanceGroupNotFound, 400) and have room (the server_group_members quota,
   * 403); undefined when the server may join. `join()` adds it.
   */
  refuseMember(groupId: string): Answer | undefined {
    const group = this.groups.get(groupId);
    if (!group) return fault(400, groupNotFound(groupId));
    if (this.#members(group).length >= SERVER_GROUP_MEMBERS) return fault(403, 'Quota exceeded, too many servers in group');
    return undefined;
  }

  join(groupId: string, serverId: string): void {
    this.groups.get(groupId)?.members.push(serverId);
  }

  answer(request: StateRequest): Answer | undefined {
    const { method, template } = request;
    if (template === '/os-server-groups' && method === 'get') return this.#list(request);
    if (template === '/os-server-groups' && method === 'post') return this.#create(request);
    if (template !== '/os-server-groups/{server_group_id}') return undefined;
    const id = segment(request.path, 2);
    const group = this.groups.get(id);
    if (!group) return fault(404, groupNotFound(id));
    if (method === 'get') return this.#render(request, '/os-server-groups/{server_group_id}', 'get', '200', { server_group: this.#wire(request, group) });
    if (method === 'delete') {
      this.groups.delete(id);
      return empty(204);
    }
    return undefined;
  }

  #members(group: ServerGroupRecord): string[] {
    return group.members.filter((member) => this.#serverExists(member));
  }

  /** _format_server_group(): `policy` and `rules` from 2.64, `policies` and an empty `metadata` before; the owner from 2.13 (the view keeps what its version has). */
  #wire(request: StateRequest, group: ServerGroupRecord): Json {
    const before264 = minorOf(request.version) < 64;
    return {
      id: group.id, name: group.name,
      ...(before264 ? { policies: [group.policy], metadata: {} } : { policy: group.policy, rules: { ...group.rules } }),
      members: this.#members(group), project_id: group.project_id, user_id: group.user_id,
    };
  }

  #render(request: StateRequest, template: string, method: string, status: string, body: Json): Answer {
    const view = this.#examples.response(request.version, template, method, status);
    return json(Number(status), project(body, view.schema, this.#examples.resolver(request.version), view.example));
  }

  /** index(): the project's groups in the order they were made, then common.limited() (`offset`, `limit` capped at max_limit). */
  #list(request: StateRequest): Answer {
    const { projectId } = this.#caller();
    const mine = [...this.groups.values()].filter((group) => group.project_id === projectId);
    const offset = Number(request.query.get('offset') ?? 0);
    const limit = Math.min(MAX_LIMIT, Number(request.query.get('limit') ?? 0) || MAX_LIMIT);
    const shown = mine.slice(offset, offset + limit);
    return this.#render(request, '/os-server-groups', 'get', '200', { server_groups: shown.map((group) => this.#wire(request, group)) });
  }

  /** create(): the project's quota (403), the rules check of 2.64 (400), then the group. */
  #create(request: StateRequest): Answer {
    const { projectId, userId } = this.#caller();
    if ([...this.groups.values()].filter((group) => group.project_id === projectId).length >= SERVER_GROUPS) {
      return fault(403, 'Quota exceeded, too many server groups.');
    }
    const asked: Json = request.body.server_group;
    let policy: string;
    let rules: Json = {};
    if (minorOf(request.version) >= 64) {
      policy = asked.policy;
      rules = { ...asked.rules };
      if (policy !== 'anti-affinity' && Object.keys(rules).length > 0) return fault(400, 'Only anti-affinity policy supports rules.');
      // InstanceGroup.rules: stored as strings, shown with max_server_per_host as an integer.
      if ('max_server_per_host' in rules) rules.max_server_per_host = Number(rules.max_server_per_host);
    } else {
      policy = asked.policies[0];
    }
    const group: ServerGroupRecord = { id: randomUUID(), name: asked.name, policy, rules: { ...rules }, members: [], project_id: projectId, user_id: userId };
    this.groups.set(group.id, group);
    return this.#render(request, '/os-server-groups', 'post', '200', { server_group: this.#wire(request, group) });
  }
}
