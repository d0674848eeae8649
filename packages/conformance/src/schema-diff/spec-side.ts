/**
 * The spec's side of the schema diff: the operations of the exact view at each microversion (the
 * bundles `@novaspec/spec/versions/2.N.json`, read as built, without the closing the wire suite
 * applies), a server action being one operation (ADR 0005's action view), and for each the three
 * things Nova has schemas for: the request body, the query parameters, the success response body.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { actionsOf, dereference, operationForAction } from '@novaspec/microversions';

type Json = any; // OpenAPI documents, read by key

const require = createRequire(import.meta.url);
const versionsDir = dirname(require.resolve('@novaspec/spec/versions/index.json'));

export const specVersions = (): string[] =>
  (JSON.parse(readFileSync(join(versionsDir, 'index.json'), 'utf8')) as { versions: string[] }).versions;

export interface SpecOperation {
  /** `GET /servers/{server_id}`, or `POST /servers/{server_id}/action#reboot`. */
  id: string;
  method: string;
  template: string;
  action?: string;
  removed: boolean;
  /** The JSON request body's schema, if the operation has one. */
  body?: Json;
  /** Query parameters by name. */
  query: Record<string, { required: boolean; schema: Json }>;
  /** Success responses: status code -> the JSON body's schema (undefined: no body). */
  success: Record<string, Json | undefined>;
}

export interface SpecView {
  doc: Json;
  resolve: (node: Json) => Json;
  operations: SpecOperation[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function jsonSchema(doc: Json, holder: Json): Json | undefined {
  const media = (dereference(doc, holder) as Json)?.content?.['application/json'];
  return media?.schema;
}

function describe(doc: Json, template: string, method: string, pathParams: Json[], operation: Json, action?: string): SpecOperation {
  const query: SpecOperation['query'] = {};
  for (const raw of [...pathParams, ...(operation.parameters ?? [])]) {
    const param = dereference(doc, raw) as Json;
    if (param?.in === 'query') query[param.name] = { required: param.required === true, schema: param.schema };
  }
  const success: SpecOperation['success'] = {};
  for (const [code, response] of Object.entries<Json>(operation.responses ?? {})) {
    if (code.startsWith('2')) success[code] = jsonSchema(doc, response);
  }
  const codes = Object.keys(success);
  const removed = operation['x-openstack']?.removed === true || (operation.deprecated === true && codes.length === 0);
  const body = operation.requestBody ? jsonSchema(doc, operation.requestBody) : undefined;
  return {
    id: `${method.toUpperCase()} ${template}${action ? `#${action}` : ''}`,
    method, template, removed, query, success,
    ...(action ? { action } : {}),
    ...(body ? { body } : {}),
  };
}

const views = new Map<string, SpecView>();

/** The view at `version` and its operations, read once. */
export function specView(version: string): SpecView {
  const cached = views.get(version);
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(join(versionsDir, `${version}.json`), 'utf8'));
  const operations: SpecOperation[] = [];
  for (const [template, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const item = dereference(doc, rawItem) as Json;
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const actions = method === 'post' ? actionsOf(doc, operation) : [];
      if (actions.length === 0) operations.push(describe(doc, template, method, item.parameters ?? [], operation));
      for (const action of actions) {
        operations.push(describe(doc, template, method, item.parameters ?? [], operationForAction(doc, operation, action), action.name));
      }
    }
  }
  const view = { doc, resolve: (node: Json) => dereference(doc, node), operations };
  views.set(version, view);
  return view;
}
