/**
 * A server's tags in the stateful mock (from 2.26): `/servers/{id}/tags` and `/tags/{tag}`, kept
 * on the server's record, so the server's show and detail answers carry them from 2.26 too.
 * Nova 34, nova/api/openstack/compute/server_tags.py, and the tag table of nova/db/main/api.py
 * (a set per server, read in the order of its primary key, which sorts the tags).
 */
import type { Answer } from '../answer-cache.ts';
import { empty, fault, json, segment, versionedBase, type StateRequest } from './answers.ts';
import type { VmState } from './nova-states.ts';
import { isoSeconds, type ServerRecord } from './store.ts';

/** objects.instance.MAX_TAG_COUNT. */
export const MAX_TAG_COUNT = 50;

/** _check_instance_in_valid_state(): only the vm_state is checked (no lock, no task). */
const WRITABLE: readonly VmState[] = ['active', 'paused', 'suspended', 'stopped'];

/** The 404 of _get_instance_mapping() for a server Nova has no record of, which the tag controller answers first. */
export const noMapping = (id: string) => fault(404, `Instance ${id} has no mapping to a cell.`);

const sorted = (tags: Iterable<string>) => [...new Set(tags)].sort();

/** `now` is the request's time on the mock's clock (the server's `updated`). */
export function answerTags(request: StateRequest, server: ServerRecord, now: number): Answer | undefined {
  const { method, template } = request;
  const tags: string[] = server.fields.tags ?? [];
  const conflict = (action: string) => (WRITABLE.includes(server.machine.vmState)
    ? undefined
    : fault(409, `Cannot '${action}' instance ${server.id} while it is in vm_state ${server.machine.vmState}`));
  const save = (next: string[]) => {
    server.fields.tags = sorted(next);
    server.fields.updated = isoSeconds(now);
  };
  if (template === '/servers/{server_id}/tags') {
    if (method === 'get') return json(200, { tags });
    if (method === 'put') {
      const refused = conflict('update tags');
      if (refused) return refused;
      save(request.body.tags);
      return json(200, { tags: server.fields.tags });
    }
    if (method === 'delete') {
      const refused = conflict('delete tags');
      if (refused) return refused;
      save([]);
      return empty(204);
    }
    return undefined;
  }
  if (template !== '/servers/{server_id}/tags/{tag}') return undefined;
  const tag = segment(request.path, 4);
  if (method === 'get') return tags.includes(tag) ? empty(204) : fault(404, `Server ${server.id} has no tag '${tag}'`);
  if (method === 'put') {
    const refused = conflict('update tag');
    if (refused) return refused;
    // update(): the count is checked before whether the server already has the tag.
    if (tags.length >= MAX_TAG_COUNT) return fault(400, `The number of tags exceeded the per-server limit ${MAX_TAG_COUNT}`);
    if (tags.includes(tag)) return empty(204);
    save([...tags, tag]);
    return empty(201, { location: `${versionedBase(request)}/servers/${server.id}/tags/${tag}` });
  }
  if (method === 'delete') {
    const refused = conflict('delete tag');
    if (refused) return refused;
    // exception.InstanceTagNotFound.
    if (!tags.includes(tag)) return fault(404, `Instance ${server.id} has no tag '${tag}'`);
    save(tags.filter((held) => held !== tag));
    return empty(204);
  }
  return undefined;
}
