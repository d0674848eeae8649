/**
 * Typed actions (ADR 0005). The generated types of each microversion carry one pseudo-path per
 * action of every action endpoint, `<endpoint>#<key>` (`/servers/{server_id}/action#reboot`,
 * `/flavors/{flavor_id}/action#addTenantAccess`), whose request body and answers are that action's
 * alone. `action()`, `flavorAction()` and `aggregateAction()` send the real request to the endpoint and type the result
 * through the pseudo-path, so `nova.action(id, 'createImage', ...)` at 2.45 yields `{ image_id }`,
 * not a union of 41.
 */
import type { Client, FetchResponse } from 'openapi-fetch';

/** The action endpoints the client has a typed helper for. */
export const SERVER_ACTION_PATH = '/servers/{server_id}/action';
export const FLAVOR_ACTION_PATH = '/flavors/{flavor_id}/action';
export const AGGREGATE_ACTION_PATH = '/os-aggregates/{aggregate_id}/action';
export type ServerActionPath = typeof SERVER_ACTION_PATH;
export type FlavorActionPath = typeof FLAVOR_ACTION_PATH;
export type AggregateActionPath = typeof AGGREGATE_ACTION_PATH;

/** The action keys an action endpoint has at the pinned microversion. */
export type ActionName<Paths, Endpoint extends string> = keyof Paths extends infer K
  ? K extends `${Endpoint}#${infer Name}` ? Name : never
  : never;

/** The operation of one action of an endpoint at the pinned microversion. */
export type ActionOperation<Paths, Endpoint extends string, Name extends string> =
  Paths[`${Endpoint}#${Name}` & keyof Paths] extends { post: infer Operation } ? Operation : never;

/** The request body of one action, e.g. `{ reboot: { type: 'SOFT' } }`. */
export type ActionBody<Paths, Endpoint extends string, Name extends string> =
  ActionOperation<Paths, Endpoint, Name> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;

/** What an action call resolves to: openapi-fetch's `{ data, error, response }` for that action alone. */
export type ActionResult<Paths, Endpoint extends string, Name extends string> = FetchResponse<
  ActionOperation<Paths, Endpoint, Name> & Record<string | number, unknown>,
  Record<string, never>,
  'application/json'
>;

/** The server action keys the pinned microversion has. */
export type ServerActionName<Paths> = ActionName<Paths, ServerActionPath>;
/** The operation of one server action at the pinned microversion. */
export type ServerActionOperation<Paths, Name extends string> = ActionOperation<Paths, ServerActionPath, Name>;
/** The request body of one server action. */
export type ServerActionBody<Paths, Name extends string> = ActionBody<Paths, ServerActionPath, Name>;
/** What `action()` resolves to. */
export type ServerActionResult<Paths, Name extends string> = ActionResult<Paths, ServerActionPath, Name>;

/** The flavor action keys the pinned microversion has (`addTenantAccess`, `removeTenantAccess`). */
export type FlavorActionName<Paths> = ActionName<Paths, FlavorActionPath>;
/** The request body of one flavor action. */
export type FlavorActionBody<Paths, Name extends string> = ActionBody<Paths, FlavorActionPath, Name>;
/** What `flavorAction()` resolves to. */
export type FlavorActionResult<Paths, Name extends string> = ActionResult<Paths, FlavorActionPath, Name>;

/** The aggregate action keys the pinned microversion has (`add_host`, `remove_host`, `set_metadata`). */
export type AggregateActionName<Paths> = ActionName<Paths, AggregateActionPath>;
/** The request body of one aggregate action. */
export type AggregateActionBody<Paths, Name extends string> = ActionBody<Paths, AggregateActionPath, Name>;
/** What `aggregateAction()` resolves to. */
export type AggregateActionResult<Paths, Name extends string> = ActionResult<Paths, AggregateActionPath, Name>;

export interface ServerActions<Paths> {
  /**
   * Runs a server action: `await nova.action(serverId, 'reboot', { reboot: { type: 'SOFT' } })`.
   * The body must be the action's exact body at the pinned microversion.
   */
  action<Name extends ServerActionName<Paths>>(
    serverId: string,
    name: Name,
    body: ServerActionBody<Paths, Name>,
  ): Promise<ServerActionResult<Paths, Name>>;
}

export interface FlavorActions<Paths> {
  /**
   * Runs a flavor action: `await nova.flavorAction(flavorId, 'addTenantAccess', { addTenantAccess: { tenant } })`.
   * The body must be the action's exact body at the pinned microversion.
   */
  flavorAction<Name extends FlavorActionName<Paths>>(
    flavorId: string,
    name: Name,
    body: FlavorActionBody<Paths, Name>,
  ): Promise<FlavorActionResult<Paths, Name>>;
}

export interface AggregateActions<Paths> {
  /**
   * Runs an aggregate action: `await nova.aggregateAction(aggregateId, 'add_host', { add_host: { host } })`.
   * The body must be the action's exact body at the pinned microversion.
   */
  aggregateAction<Name extends AggregateActionName<Paths>>(
    aggregateId: number | string,
    name: Name,
    body: AggregateActionBody<Paths, Name>,
  ): Promise<AggregateActionResult<Paths, Name>>;
}

/** Sends one action to an endpoint; the real endpoint is typed as the union, the caller's types say which. */
async function send<R>(client: Client<any, 'application/json'>, endpoint: string, param: string, id: number | string, name: string, body: unknown): Promise<R> {
  if (!body || typeof body !== 'object' || !(name in body)) {
    throw new TypeError(`the body of the "${name}" action must be { "${name}": ... }`);
  }
  const post = client.POST as unknown as (path: string, init: object) => Promise<R>;
  return post(endpoint, { params: { path: { [param]: id } }, body });
}

export function serverActions<Paths extends object>(client: Client<Paths, 'application/json'>): ServerActions<Paths> {
  return {
    action(serverId, name, body) {
      return send(client, SERVER_ACTION_PATH, 'server_id', serverId, name, body);
    },
  };
}

export function flavorActions<Paths extends object>(client: Client<Paths, 'application/json'>): FlavorActions<Paths> {
  return {
    flavorAction(flavorId, name, body) {
      return send(client, FLAVOR_ACTION_PATH, 'flavor_id', flavorId, name, body);
    },
  };
}

export function aggregateActions<Paths extends object>(client: Client<Paths, 'application/json'>): AggregateActions<Paths> {
  return {
    aggregateAction(aggregateId, name, body) {
      return send(client, AGGREGATE_ACTION_PATH, 'aggregate_id', aggregateId, name, body);
    },
  };
}
