/**
 * What the suite checks against: the spec's exact view at each microversion (the bundles
 * `@novaspec/spec/versions/2.N.json`), with every object schema closed so that a property the spec
 * does not declare is an error, and the list of operations (server actions one by one) to exercise.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { actionsOf, dereference, operationForAction, operationParameters, parseVersion } from '@novaspec/microversions';

export type Json = any; // spec documents, read by path

const require = createRequire(import.meta.url);
const versionsDir = dirname(require.resolve('@novaspec/spec/versions/index.json'));
export const index = JSON.parse(readFileSync(join(versionsDir, 'index.json'), 'utf8')) as {
  versions: string[];
  changesAt: Record<string, string[]>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation (or one server action) as the view of one microversion has it. */
export interface OperationView {
  /** `GET /servers/{server_id}`, or `POST /servers/{server_id}/action#reboot` for an action. */
  id: string;
  method: string;
  /** The URL template under /v2.1 (for an action, the real endpoint). */
  template: string;
  action?: string;
  /** The operation object of the view (for an action, the action's own operation). */
  operation: Json;
  removed: boolean;
}

/**
 * Closes every object schema that lists `properties` and says nothing about other properties, so a
 * property the spec does not declare fails validation. Maps (`additionalProperties: {...}`) and
 * schemas that decide for themselves are left as they are. The spec uses no `allOf`, so closing each
 * object on its own is exact (an `anyOf`/`oneOf` branch is a whole shape of its own).
 */
export function closeSchema(schema: Json, seen = new Set<object>()): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if (Array.isArray(schema)) {
    for (const item of schema) closeSchema(item, seen);
    return;
  }
  if (schema.properties && typeof schema.properties === 'object'
    && !('additionalProperties' in schema) && !('unevaluatedProperties' in schema) && !('patternProperties' in schema)) {
    schema.additionalProperties = false;
  }
  for (const key of ['properties', 'patternProperties', '$defs', 'dependentSchemas']) {
    if (schema[key] && typeof schema[key] === 'object') for (const sub of Object.values(schema[key])) closeSchema(sub, seen);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']) {
    if (schema[key] && typeof schema[key] === 'object') closeSchema(schema[key], seen);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(schema[key])) closeSchema(schema[key], seen);
}

/** Every schema of a view: components and the media types of paths and responses. */
function closeView(doc: Json): void {
  for (const schema of Object.values<Json>(doc.components?.schemas ?? {})) closeSchema(schema);
  const media = (holder: Json) => {
    for (const m of Object.values<Json>(holder?.content ?? {})) closeSchema(m?.schema);
  };
  for (const response of Object.values<Json>(doc.components?.responses ?? {})) media(response);
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      media(operation.requestBody);
      for (const response of Object.values<Json>(operation.responses ?? {})) media(response);
    }
  }
}

const views = new Map<string, Json>();
/** The view at a microversion, schemas closed. Read once and kept. */
export function viewAt(version: string): Json {
  let doc = views.get(version);
  if (!doc) {
    doc = JSON.parse(readFileSync(join(versionsDir, `${version}.json`), 'utf8'));
    closeView(doc);
    views.set(version, doc);
  }
  return doc;
}

export const deref = (doc: Json, node: Json): Json => dereference(doc, node);

/** The parameters of an operation in a view: the path item's and its own, dereferenced. */
export const parametersOf = (doc: Json, template: string, operation: Json): Json[] => operationParameters(doc, deref(doc, doc.paths[template]), operation);

/** The operations of one view, a server action being one operation each. */
export function operationsAt(version: string): Map<string, OperationView> {
  const doc = viewAt(version);
  const out = new Map<string, OperationView>();
  for (const [template, rawItem] of Object.entries<Json>(doc.paths)) {
    const item = deref(doc, rawItem);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const base = `${method.toUpperCase()} ${template}`;
      const actions = method === 'post' ? actionsOf(doc, operation) : [];
      const entries = actions.length > 0
        ? actions.map((a) => ({ id: `${base}#${a.name}`, action: a.name, operation: operationForAction(doc, operation, a) }))
        : [{ id: base, action: undefined, operation }];
      for (const entry of entries) {
        const codes = Object.keys(entry.operation.responses ?? {});
        const removed = entry.operation['x-openstack']?.removed === true
          || (entry.operation.deprecated === true && !codes.some((c) => c.startsWith('2')));
        out.set(entry.id, {
          id: entry.id, method, template, operation: entry.operation, removed,
          ...(entry.action ? { action: entry.action } : {}),
        });
      }
    }
  }
  return out;
}

export interface PlanEntry {
  id: string;
  /** Microversions to exercise it at: its first one and each where it changes, up to the ceiling. */
  versions: string[];
  /**
   * Microversions just outside its range (the one before it appears, the one where it goes), up to
   * the ceiling: Nova must refuse it there and the spec must not describe it. Each is paired with
   * the microversion whose view says how to send it.
   */
  outside: { version: string; shapeFrom: string }[];
  /** When it cannot be exercised here at all: why. */
  unreachable?: string;
}

/** Every operation of the spec and the microversions (up to `ceiling`) the suite exercises it at. */
export function plan(ceiling: string): PlanEntry[] {
  const first = new Map<string, string>();
  const present = new Map<string, Set<string>>();
  for (const version of index.versions) {
    for (const id of operationsAt(version).keys()) {
      if (!first.has(id)) first.set(id, version);
      if (!present.has(id)) present.set(id, new Set());
      present.get(id)!.add(version);
    }
  }
  const entries: PlanEntry[] = [];
  for (const [id, since] of first) {
    if (compareVersions(since, ceiling) > 0) {
      entries.push({ id, versions: [], outside: [], unreachable: `exists from ${since}; this Nova stops at ${ceiling}` });
      continue;
    }
    const reachable = index.versions.filter((v) => compareVersions(v, ceiling) <= 0);
    const has = present.get(id)!;
    const candidates = [since, ...(index.changesAt[id] ?? [])].filter((v) => compareVersions(v, ceiling) <= 0 && has.has(v));
    // The edges of its range: a version without it next to a version with it.
    const outside: { version: string; shapeFrom: string }[] = [];
    reachable.forEach((v, i) => {
      if (has.has(v)) return;
      const before = reachable[i - 1];
      const after = reachable[i + 1];
      if (after && has.has(after)) outside.push({ version: v, shapeFrom: after });
      else if (before && has.has(before)) outside.push({ version: v, shapeFrom: before });
    });
    entries.push({ id, versions: [...new Set(candidates)].sort(compareVersions), outside });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** Orders microversions `2.N` by N. */
export function compareVersions(a: string, b: string): number {
  return (parseVersion(a) ?? 0) - (parseVersion(b) ?? 0);
}
