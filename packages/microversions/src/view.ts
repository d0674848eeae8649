/**
 * The exact view of the spec at one microversion (ADR 0002, "Derived views"). Input is a bundled
 * document whose references are all internal (`#/components/...`), as `redocly bundle` writes it.
 * Output is plain OpenAPI 3.1 with no ranges left, describing only what Nova has at that microversion.
 */
import {
  EXTENSION, MAX_KEY, MIN_KEY, OVERRIDES_KEY, documentBounds, extensionOf, hasRange, isObject,
  nodeRange, overridesOf, type JsonObject,
} from './annotations.ts';
import { formatVersion, inRange, intersect, parseVersion, type Range } from './version.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Keys whose values are data, not schema or structure: never searched for ranges. */
const DATA_KEYS = new Set(['value', 'example', 'enum', 'const']);

export interface ViewProblem {
  /** JSON pointer into the bundled document. */
  pointer: string;
  rule: string;
  message: string;
}

export interface View {
  version: string;
  document: JsonObject;
  problems: ViewProblem[];
}

const REMOVED = Symbol('removed');

/** Maps that are dropped when every entry in them was removed (an empty `content` is not "no body"). */
export const EMPTIED_AWAY = new Set(['content', 'headers', 'examples', 'parameters', 'links']);

/** Whether a container had entries and has none left. */
export function isEmptied(before: unknown, after: unknown): boolean {
  const size = (v: unknown) => (Array.isArray(v) ? v.length : isObject(v) ? Object.keys(v).length : -1);
  return size(before) > 0 && size(after) === 0;
}
type Transformed = unknown | typeof REMOVED;

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Resolves an internal reference such as `#/components/schemas/Server`. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Follows `$ref`s (internal ones) until a node that is not a reference. */
export function dereference(doc: unknown, node: unknown): unknown {
  let current = node;
  for (let guard = 0; isObject(current) && typeof current.$ref === 'string' && guard < 20; guard += 1) {
    current = resolvePointer(doc, current.$ref);
  }
  return current;
}

/**
 * The parameters that apply to an operation, dereferenced: the path item's, with the operation's own
 * taking the place of any with the same `in` and `name` (OpenAPI's rule for the two levels).
 */
export function operationParameters(doc: unknown, pathItem: unknown, operation: unknown): JsonObject[] {
  const byKey = new Map<string, JsonObject>();
  for (const level of [pathItem, operation]) {
    const list = isObject(level) ? level.parameters : undefined;
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = dereference(doc, raw);
      if (isObject(parameter)) byKey.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
    }
  }
  return [...byKey.values()];
}

/**
 * The range in which a node exists: its own range, narrowed by the range of what its `$ref` points
 * at (a component carries its range wherever it is used).
 */
export function effectiveRange(source: JsonObject, node: unknown, bounds: Range): Range | undefined {
  let range: Range | undefined = nodeRange(node, bounds);
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === 'string' && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    current = resolvePointer(source, current.$ref);
    if (range) range = intersect(range, nodeRange(current, bounds));
  }
  return range;
}

/** What stays of an x-openstack object in a view: everything but ranges, nested ranges decided. */
function viewExtension(ext: JsonObject, minor: number, bounds: Range): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(ext)) {
    if (key === MIN_KEY || key === MAX_KEY || key === OVERRIDES_KEY) continue;
    if (hasRange(value)) {
      if (inRange(minor, nodeRange({ [EXTENSION]: value }, bounds))) out[key] = true;
      continue;
    }
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function collapseSingleBranch(node: JsonObject, key: 'anyOf' | 'oneOf'): JsonObject {
  const branches = node[key] as unknown[];
  if (branches.length !== 1 || !isObject(branches[0])) return node;
  const { [key]: _dropped, ...rest } = node;
  const branch = branches[0];
  if (Object.keys(branch).some((k) => k in rest)) return node; // keep a valid one-branch anyOf
  return { ...rest, ...branch };
}

export function viewAt(source: JsonObject, version: string): View {
  const bounds = documentBounds(source);
  const minor = parseVersion(version);
  if (minor === undefined || !inRange(minor, bounds)) {
    throw new Error(`${version} is not a microversion between ${formatVersion(bounds.min)} and ${formatVersion(bounds.max)}`);
  }
  const problems: ViewProblem[] = [];

  const transform = (node: unknown, pointer: string): Transformed => {
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      node.forEach((item, index) => {
        const result = transform(item, `${pointer}/${index}`);
        if (result !== REMOVED) out.push(result);
      });
      return out;
    }
    if (!isObject(node)) return node;

    const range = effectiveRange(source, node, bounds);
    if (!range || !inRange(minor, range)) return REMOVED;

    let current: JsonObject = { ...node };
    for (const override of overridesOf(node, bounds)) {
      if (inRange(minor, override.range)) current = { ...current, ...override.keywords };
    }

    // `deprecated: true` on a ranged node says "removed after max-ver" (ADR 0002); inside the range,
    // which is where this view is, the node is current.
    if (MAX_KEY in (extensionOf(node) ?? {}) && current.deprecated === true) delete current.deprecated;

    const out: JsonObject = {};
    const removedProperties = new Set<string>();
    for (const [key, value] of Object.entries(current)) {
      const childPointer = `${pointer}/${escapePointer(key)}`;
      if (key === EXTENSION && isObject(value)) {
        const kept = viewExtension(value, minor, bounds);
        if (kept) out[key] = kept;
        continue;
      }
      if (DATA_KEYS.has(key)) {
        out[key] = value;
        continue;
      }
      if (key === 'properties' && isObject(value)) {
        const properties: JsonObject = {};
        for (const [name, schema] of Object.entries(value)) {
          const result = transform(schema, `${childPointer}/${escapePointer(name)}`);
          if (result === REMOVED) removedProperties.add(name);
          else properties[name] = result;
        }
        out[key] = properties;
        continue;
      }
      const result = transform(value, childPointer);
      if (result === REMOVED || (EMPTIED_AWAY.has(key) && isEmptied(value, result))) continue;
      out[key] = result;
    }

    if (Array.isArray(out.required) && removedProperties.size > 0) {
      out.required = out.required.filter((name) => !removedProperties.has(String(name)));
      if ((out.required as unknown[]).length === 0) delete out.required;
    }

    let shaped: JsonObject = out;
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = shaped[key];
      if (!Array.isArray(branches)) continue;
      if (branches.length === 0) {
        problems.push({
          pointer: `${pointer}/${key}`,
          rule: 'x-openstack-variants-cover',
          message: `no variant of this ${key} exists at ${version}`,
        });
        continue;
      }
      shaped = collapseSingleBranch(shaped, key);
    }
    return shaped;
  };

  const document = transform(source, '') as JsonObject;
  pruneEmptyPaths(document, version, problems);
  pruneUnusedComponents(document);
  const info = isObject(document.info) ? document.info : {};
  document.info = {
    ...info,
    title: `${String(info.title ?? 'API')} (microversion ${version})`,
    [EXTENSION]: { microversion: version },
  };
  return { version, document, problems };
}

function pruneEmptyPaths(document: JsonObject, version: string, problems: ViewProblem[]): void {
  const paths = document.paths;
  if (!isObject(paths)) return;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !HTTP_METHODS.some((method) => method in item)) {
      delete paths[path];
      continue;
    }
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation) && (!isObject(operation.responses) || Object.keys(operation.responses).length === 0)) {
        problems.push({
          pointer: `/paths/${escapePointer(path)}/${method}/responses`,
          rule: 'x-openstack-variants-cover',
          message: `${method.toUpperCase()} ${path} exists at ${version} but declares no response there`,
        });
      }
    }
  }
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') into.add(value);
    else collectRefs(value, into);
  }
}

/** Drops components nothing references any more (security schemes are referenced by name). */
function pruneUnusedComponents(document: JsonObject): void {
  const components = document.components;
  if (!isObject(components)) return;
  const reachable = new Set<string>();
  const { components: _components, ...rest } = document;
  const queue = new Set<string>();
  collectRefs(rest, queue);
  while (queue.size > 0) {
    const [ref] = queue;
    queue.delete(ref!);
    if (reachable.has(ref!)) continue;
    reachable.add(ref!);
    const found = new Set<string>();
    collectRefs(resolvePointer(document, ref!), found);
    for (const next of found) if (!reachable.has(next)) queue.add(next);
  }
  for (const [kind, group] of Object.entries(components)) {
    if (kind === 'securitySchemes' || !isObject(group)) continue;
    for (const name of Object.keys(group)) {
      if (!reachable.has(`#/components/${kind}/${escapePointer(name)}`)) delete group[name];
    }
    if (Object.keys(group).length === 0) delete components[kind];
  }
}

/** Whether anything in the document is annotated (used by tests to prove a fixture is not trivial). */
export function countAnnotated(node: unknown): number {
  if (Array.isArray(node)) return node.reduce<number>((sum, item) => sum + countAnnotated(item), 0);
  if (!isObject(node)) return 0;
  const own = extensionOf(node) && hasRange(extensionOf(node)) ? 1 : 0;
  return own + Object.values(node).reduce<number>((sum, value) => sum + countAnnotated(value), 0);
}
