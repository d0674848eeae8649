/**
 * The action dimension of ADR 0005. An action endpoint is an operation whose request body is a
 * `oneOf` of branches carrying `x-openstack.action-name`; response nodes carry
 * `x-openstack.actions` when they belong to some actions only. From that one operation this module
 * derives one operation per action: for the docs (one entry each) and the types (one answer each).
 *
 * Action tags are read on nodes inside the operation and on the top level of the components those
 * nodes reference; a tag deeper inside a shared component is not looked at.
 */
import { MAX_KEY, MIN_KEY, extensionOf, isObject, type JsonObject } from './annotations.ts';
import { EMPTIED_AWAY, HTTP_METHODS, dereference as deref, isEmptied, resolvePointer } from './view.ts';

export const ACTION_NAME_KEY = 'action-name';
export const ACTIONS_KEY = 'actions';

export interface ActionInfo {
  name: string;
  /** The request-body branch (a $ref or an inline schema). */
  branch: JsonObject;
  /** The branch's schema, with its $ref resolved. */
  schema: JsonObject;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  removed: boolean;
}

function bodySchema(doc: JsonObject, operation: JsonObject): JsonObject | undefined {
  const body = deref(doc, operation.requestBody);
  const content = isObject(body) && isObject(body.content) ? body.content['application/json'] : undefined;
  const schema = isObject(content) ? deref(doc, content.schema) : undefined;
  return isObject(schema) ? schema : undefined;
}

/** The actions of an operation, in the order of its `oneOf`; empty when it is not an action endpoint. */
export function actionsOf(doc: JsonObject, operation: JsonObject): ActionInfo[] {
  const schema = bodySchema(doc, operation);
  const branches = schema?.oneOf;
  if (!Array.isArray(branches)) {
    // A view at one microversion may have collapsed a one-action oneOf into the branch itself.
    const ext = extensionOf(schema);
    if (schema && ext && typeof ext[ACTION_NAME_KEY] === 'string') {
      // The branch is the body's schema node itself (a $ref or inline), not the requestBody.
      const body = deref(doc, operation.requestBody);
      const content = isObject(body) && isObject(body.content) ? body.content['application/json'] : undefined;
      const branch = isObject(content) && isObject(content.schema) ? content.schema : schema;
      return [info(doc, branch, schema)];
    }
    return [];
  }
  return branches.filter(isObject).flatMap((branch) => {
    const target = deref(doc, branch);
    return isObject(target) && typeof extensionOf(target)?.[ACTION_NAME_KEY] === 'string' ? [info(doc, branch, target)] : [];
  });
}

function info(_doc: JsonObject, branch: JsonObject, schema: JsonObject): ActionInfo {
  // A branch that references an action schema may give its own `x-openstack` keys next to the
  // `$ref` (an alias endpoint such as /os-volumes_boot/{server_id}/action reuses the schemas of
  // /servers/{server_id}/action, with operation ids of its own); they win over the schema's.
  const own = branch !== schema ? extensionOf(branch) : undefined;
  const ext = { ...(extensionOf(schema) ?? {}), ...(own ?? {}) };
  return {
    name: String(ext[ACTION_NAME_KEY]),
    branch,
    schema,
    ...(typeof ext['operation-id'] === 'string' ? { operationId: ext['operation-id'] } : {}),
    ...(typeof ext.summary === 'string' ? { summary: ext.summary } : {}),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    deprecated: schema.deprecated === true,
    removed: ext.removed === true,
  };
}

/** Whether a node (or the component it references) belongs to the action. */
function belongsTo(doc: JsonObject, node: unknown, action: string): boolean {
  let current = node;
  for (let guard = 0; guard < 20 && isObject(current); guard += 1) {
    const tags = extensionOf(current)?.[ACTIONS_KEY];
    if (Array.isArray(tags) && !tags.includes(action)) return false;
    if (typeof current.$ref !== 'string') break;
    current = resolvePointer(doc, current.$ref);
  }
  return true;
}

/** Marks a node that does not exist for the action (see `filterForAction`). */
const ABSENT = Symbol('absent for this action');

/**
 * The responses of one action: every node tagged for other actions removed, one-branch anyOfs
 * collapsed. A schema left without any variant for the action (an `anyOf`/`oneOf` whose branches all
 * belong to other actions, or a `schema` tagged for other actions) does not exist for it, and neither
 * does the media type, header or parameter it describes: `content` and `headers` emptied that way go
 * too, so an action whose body variants all lie outside the view has no body.
 */
function filterForAction(doc: JsonObject, node: unknown, action: string): unknown {
  if (Array.isArray(node)) {
    return node
      .filter((item) => belongsTo(doc, item, action))
      .map((item) => filterForAction(doc, item, action))
      .filter((item) => item !== ABSENT);
  }
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'value' || key === 'example' || key === 'x-openstack') {
      out[key] = value;
      continue;
    }
    const filtered = isObject(value) && !belongsTo(doc, value, action) ? ABSENT : filterForAction(doc, value, action);
    if (filtered === ABSENT) {
      if (key === 'schema') return ABSENT;
      continue;
    }
    if (EMPTIED_AWAY.has(key) && isEmptied(value, filtered)) continue;
    out[key] = filtered;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const before = node[key];
    const branches = out[key];
    if (Array.isArray(before) && before.length > 0 && Array.isArray(branches) && branches.length === 0) return ABSENT;
    if (Array.isArray(branches) && branches.length === 1 && isObject(branches[0])) {
      const { [key]: _dropped, ...rest } = out;
      if (!Object.keys(branches[0]).some((k) => k in rest)) return { ...rest, ...branches[0] };
    }
  }
  return out;
}

function rangeKeys(ext: JsonObject | undefined): JsonObject {
  const out: JsonObject = {};
  for (const key of [MIN_KEY, MAX_KEY]) if (ext && key in ext) out[key] = ext[key];
  return out;
}

/** The operation as one action has it: its request branch and its own responses. */
export function operationForAction(doc: JsonObject, operation: JsonObject, action: ActionInfo): JsonObject {
  const { requestBody: _body, responses, ...rest } = operation;
  const body = deref(doc, operation.requestBody) as JsonObject;
  const content = (body.content as JsonObject)['application/json'] as JsonObject;
  const examples = isObject(content.examples)
    ? Object.fromEntries(Object.entries(content.examples).filter(([, example]) => belongsTo(doc, example, action.name)))
    : undefined;
  const out: JsonObject = {
    ...rest,
    operationId: action.operationId ?? `${String(operation.operationId)}_${action.name}`,
    summary: action.summary ?? action.name,
    ...(action.description ? { description: action.description } : {}),
    ...(action.deprecated ? { deprecated: true } : {}),
    requestBody: {
      required: true,
      content: { 'application/json': { schema: action.branch, ...(examples && Object.keys(examples).length > 0 ? { examples } : {}) } },
    },
    responses: filterForAction(doc, responses, action.name) as JsonObject,
    'x-openstack': {
      ...(extensionOf(operation) ?? {}),
      ...rangeKeys(extensionOf(action.schema)),
      [ACTION_NAME_KEY]: action.name,
      ...(action.removed ? { removed: true } : {}),
    },
  };
  return out;
}

/** The pseudo-path of one action: `/servers/{server_id}/action#reboot`. */
export function actionPath(path: string, action: string): string {
  return `${path}#${action}`;
}

/**
 * Adds one operation per action under its pseudo-path, after the real endpoint. With `replace`, the
 * real endpoint is dropped (the docs want one entry per action, not a 41-way union).
 */
export function withActionOperations(doc: JsonObject, options: { replace: boolean }): JsonObject {
  const paths = doc.paths;
  if (!isObject(paths)) return doc;
  const rebuilt: JsonObject = {};
  for (const [path, item] of Object.entries(paths)) {
    const resolved = deref(doc, item);
    const post = isObject(resolved) ? resolved.post : undefined;
    const actions = isObject(post) ? actionsOf(doc, post) : [];
    if (actions.length === 0 || !isObject(resolved) || !isObject(post)) {
      rebuilt[path] = item;
      continue;
    }
    if (!options.replace) rebuilt[path] = item;
    for (const action of actions) {
      const pathItem: JsonObject = {};
      if (resolved.parameters) pathItem.parameters = resolved.parameters;
      if (resolved.servers) pathItem.servers = resolved.servers;
      pathItem.post = operationForAction(doc, post, action);
      if (options.replace) {
        // Readers see the pseudo-path; say what actually goes over the wire.
        const wire = `Sent as \`POST ${path}\` with a JSON body whose only key is \`${action.name}\`.`;
        const own = (pathItem.post as JsonObject).description;
        (pathItem.post as JsonObject).description = typeof own === 'string' && own ? `${wire}\n\n${own}` : wire;
      }
      rebuilt[actionPath(path, action.name)] = pathItem;
    }
    for (const method of HTTP_METHODS) {
      if (method !== 'post' && isObject(resolved[method]) && options.replace) {
        rebuilt[path] = { ...(rebuilt[path] as JsonObject | undefined), [method]: resolved[method] };
      }
    }
  }
  return { ...doc, paths: rebuilt };
}
