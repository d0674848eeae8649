/**
 * A server's metadata in the stateful mock: `/servers/{id}/metadata` and `/metadata/{key}`, read
 * and written on the server's record, so the server's own show and detail answers carry it.
 * Nova 34, nova/api/openstack/compute/server_metadata.py and API.update_instance_metadata /
 * delete_instance_metadata in nova/compute/api.py. The controller checks (controller-checks.ts)
 * have already refused a `PUT /metadata/{key}` whose body names another key.
 */
import type { Answer } from '../answer-cache.ts';
import { empty, fault, json, segment, type Json, type StateRequest } from './answers.ts';
import { refusal, type ActionRule } from './server-actions.ts';
import { isoSeconds, type ServerRecord } from './store.ts';

/** The quota `metadata_items`' default (nova/conf/quota.py): the most items a server may hold. */
export const METADATA_ITEMS = 128;

/** The decorators of API.update_instance_metadata and delete_instance_metadata: lock, then these vm_states with no task, launched. */
const writeRule = (conflictName: string): ActionRule => ({
  novaMethod: conflictName === 'delete metadata' ? 'delete_instance_metadata' : 'update_instance_metadata',
  conflictName, lockChecked: true, vmStates: ['active', 'paused', 'suspended', 'stopped'], taskStates: [null], mustHaveLaunched: true,
});
const UPDATE = writeRule('update metadata');
const DELETE = writeRule('delete metadata');

/** Nova's 404 for a key the server does not have (show and delete). */
const noItem = () => fault(404, 'Metadata item was not found');

/** `now` is the request's time on the mock's clock (the server's `updated`). */
export function answerMetadata(request: StateRequest, server: ServerRecord, now: number): Answer | undefined {
  const { method, template } = request;
  const metadata: Json = server.fields.metadata ?? {};
  if (template === '/servers/{server_id}/metadata') {
    if (method === 'get') return json(200, { metadata });
    // POST merges into what is there; PUT replaces it all.
    if (method === 'post') return update(server, now, { ...metadata, ...request.body.metadata }, (merged) => ({ metadata: merged }));
    if (method === 'put') return update(server, now, { ...request.body.metadata }, (replaced) => ({ metadata: replaced }));
    return undefined;
  }
  if (template !== '/servers/{server_id}/metadata/{key}') return undefined;
  const key = segment(request.path, 4);
  if (method === 'get') return key in metadata ? json(200, { meta: { [key]: metadata[key] } }) : noItem();
  // update(): the answer is the item sent, not the whole metadata.
  if (method === 'put') return update(server, now, { ...metadata, ...request.body.meta }, () => ({ meta: request.body.meta }));
  if (method === 'delete') {
    // delete(): the key is looked up before the server's state is.
    if (!(key in metadata)) return noItem();
    const refused = refusal(DELETE, server.id, server.machine);
    if (refused) return fault(409, refused);
    const { [key]: _gone, ...rest } = metadata;
    server.fields.metadata = rest;
    server.fields.updated = isoSeconds(now);
    return empty(204);
  }
  return undefined;
}

/** _update_instance_metadata(): the state's 409, the quota's 403 (on the whole new metadata), then saved. */
function update(server: ServerRecord, now: number, next: Json, answer: (saved: Json) => Json): Answer {
  const refused = refusal(UPDATE, server.id, server.machine);
  if (refused) return fault(409, refused);
  // _check_metadata_properties_quota(): MetadataLimitExceeded, answered 403 by the controller.
  if (Object.keys(next).length > METADATA_ITEMS) return fault(403, `Maximum number of metadata items exceeds ${METADATA_ITEMS}`);
  server.fields.metadata = next;
  server.fields.updated = isoSeconds(now);
  return json(200, answer(next));
}
