/**
 * Typed server actions (ADR 0005). The generated types of each microversion carry one pseudo-path per
 * action, `/servers/{server_id}/action#<key>`, whose request body and answers are that action's alone.
 * `action()` sends the real request to `/servers/{server_id}/action` and types the result through the
 * pseudo-path, so `nova.action(id, 'createImage', ...)` at 2.45 yields `{ image_id }`, not a union of 41.
 */
import type { Client, FetchResponse } from 'openapi-fetch';

const ACTION_PATH = '/servers/{server_id}/action';
type ActionPrefix = `${typeof ACTION_PATH}#`;

/** The action keys the pinned microversion has. */
export type ServerActionName<Paths> = keyof Paths extends infer K
  ? K extends `${ActionPrefix}${infer Name}` ? Name : never
  : never;

/** The operation of one action at the pinned microversion. */
export type ServerActionOperation<Paths, Name extends string> =
  Paths[`${ActionPrefix}${Name}` & keyof Paths] extends { post: infer Operation } ? Operation : never;

/** The request body of one action, e.g. `{ reboot: { type: 'SOFT' } }`. */
export type ServerActionBody<Paths, Name extends string> =
  ServerActionOperation<Paths, Name> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;

/** What `action()` resolves to: openapi-fetch's `{ data, error, response }` for that action alone. */
export type ServerActionResult<Paths, Name extends string> = FetchResponse<
  ServerActionOperation<Paths, Name> & Record<string | number, unknown>,
  Record<string, never>,
  'application/json'
>;

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

export function serverActions<Paths extends object>(client: Client<Paths, 'application/json'>): ServerActions<Paths> {
  return {
    async action(serverId, name, body) {
      if (!body || typeof body !== 'object' || !(name in body)) {
        throw new TypeError(`the body of the "${name}" action must be { "${name}": ... }`);
      }
      // The real endpoint is typed as the union of all actions; the pseudo-path types the answer.
      const post = client.POST as unknown as (path: string, init: object) => Promise<ServerActionResult<Paths, typeof name>>;
      return post(ACTION_PATH, { params: { path: { server_id: serverId } }, body });
    },
  };
}
