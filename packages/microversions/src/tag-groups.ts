/**
 * The docs' navigation groups (Redoc's `x-tagGroups`), derived from the data: a tag whose every
 * operation is a removed API (`x-openstack.removed`, 410 at every microversion) goes to "Removed
 * APIs", every other tag to "Compute API", each group in the order of the root's tag list. Derived
 * rather than written so that a new tag can never fall out of the navigation (Redoc shows only the
 * tags a group names once there are groups) and a removed API can never land among the live ones.
 */
import { extensionOf, isObject, type JsonObject } from './annotations.ts';
import { HTTP_METHODS, dereference } from './view.ts';

export const LIVE_GROUP = 'Compute API';
export const REMOVED_GROUP = 'Removed APIs';

export function withTagGroups(doc: JsonObject): JsonObject {
  const order: string[] = [];
  const removed = new Map<string, boolean>();
  for (const tag of Array.isArray(doc.tags) ? doc.tags : []) if (isObject(tag) && typeof tag.name === 'string') order.push(tag.name);
  for (const raw of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    const item = dereference(doc, raw);
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const gone = extensionOf(operation)?.removed === true;
      for (const tag of Array.isArray(operation.tags) ? operation.tags : []) {
        if (typeof tag !== 'string') continue;
        if (!order.includes(tag)) order.push(tag);
        removed.set(tag, (removed.get(tag) ?? true) && gone);
      }
    }
  }
  const live = order.filter((tag) => removed.get(tag) !== true);
  const gone = order.filter((tag) => removed.get(tag) === true);
  return {
    ...doc,
    'x-tagGroups': [{ name: LIVE_GROUP, tags: live }, ...(gone.length > 0 ? [{ name: REMOVED_GROUP, tags: gone }] : [])],
  };
}
