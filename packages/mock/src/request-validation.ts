/**
 * Prism's verdict on a request (valid or not), without Prism's per-request pipeline.
 *
 * Profiling varied requests (a new server id, name or query in each, what a contract test suite
 * sends; issue 14) put about 70% of the mock's own time in Prism's `validateInput`: fp-ts pipes,
 * lodash's keyBy/mapValues/mapKeys over every header for every declared parameter, a URI template
 * compiled again for every request, the schema of the parameters rebuilt. The validation itself,
 * Ajv's compiled functions, is a small part. This module does the same steps once per operation
 * (the parameters' JSON Schema, the path template, the body's normalised schema, Ajv compiled with
 * Prism's options) and per request only what depends on the request: deserialising the parameters
 * with Prism's own deserializers and running the compiled functions.
 *
 * It answers `true` (Prism would report no error), `false` (it would) or `undefined` (a case this
 * module does not reproduce: a media type other than JSON, a schema Ajv cannot compile). The mock
 * trusts only `true`; anything else goes to Prism, which also writes the fault. The test
 * test/request-validation.test.ts checks the verdicts against Prism's on every operation of the
 * spec and on generated malformed requests.
 */
import { createRequire } from 'node:module';
import type { IHttpOperation, IHttpParam } from '@stoplight/types';
import type { IHttpRequest } from '@stoplight/prism-http';
import type { Ajv as AjvInstance, ValidateFunction } from 'ajv';

// Prism's own pieces, loaded from where Prism loads them (its Ajv, not ours), so that the steps are
// its steps: its deserializers, its date-time format, its body-schema normaliser (allOf merged,
// readOnly properties dropped), the URI template it matches paths with.
const prismRequire = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'));
const deserializers = prismRequire('./validator/deserializers/index.js') as Record<'header' | 'query' | 'path', Record<string, Deserializer>>;
const dateTime = prismRequire('./validator/validators/dateTime.js') as { fmtDef: (f: unknown, c: unknown) => unknown; date_time: unknown; compareDateTime: unknown };
const { stripReadOnlyProperties } = prismRequire('./utils/filterRequiredProperties.js') as { stripReadOnlyProperties: (schema: Schema) => { _tag: 'Some'; value: Schema } | { _tag: 'None' } };
const mergeAllOf = prismRequire('@stoplight/json-schema-merge-allof') as (schema: Schema, options: object) => Schema;
const { URI } = prismRequire('uri-template-lite') as { URI: { Template: new (template: string) => { match(path: string): Record<string, string> | null } } };
type AjvClass = new (options: object) => AjvInstance;
const Ajv = (prismRequire('ajv') as { default: AjvClass }).default;
const Ajv2019 = (prismRequire('ajv/dist/2019') as { default: AjvClass }).default;
const Ajv2020 = (prismRequire('ajv/dist/2020') as { default: AjvClass }).default;
const addFormats = (prismRequire('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;

type Deserializer = (name: string, parameters: Record<string, unknown>, schema: unknown, explode: boolean) => unknown;
type Schema = Record<string, any>;

/** Prism's Ajv options (validator/validators/utils.js), one instance per draft and coercion. */
const AJV_OPTIONS = { allErrors: true, allowUnionTypes: true, allowMatchingProperties: true, strict: false, logger: false as const };
function makeAjv(Class: AjvClass, coerce: boolean): AjvInstance {
  const ajv = new Class({ ...AJV_OPTIONS, coerceTypes: coerce });
  addFormats(ajv);
  ajv.addFormat('date-time', dateTime.fmtDef(dateTime.date_time, dateTime.compareDateTime) as never);
  return ajv;
}
const instances = new Map<string, AjvInstance>();
/** Prism's choice of instance: by the schema's `$schema`, the draft-07 one when there is none. */
function ajvFor($schema: unknown, coerce: boolean): AjvInstance {
  const text = String($schema);
  const draft = /^https?:\/\/json-schema.org\/draft\/2019-09\/schema#?$/.test(text) ? '2019' : /^https?:\/\/json-schema.org\/draft\/2020-12\/schema#?$/.test(text) ? '2020' : 'default';
  const key = `${draft} ${coerce}`;
  let ajv = instances.get(key);
  if (!ajv) instances.set(key, ajv = makeAjv(draft === '2019' ? Ajv2019 : draft === '2020' ? Ajv2020 : Ajv, coerce));
  return ajv;
}

/** Compiled as Prism compiles (the bundle beside the schema, for its references); undefined if Ajv cannot. */
function compile(schema: Schema, coerce: boolean, bundle: unknown): ValidateFunction | undefined {
  try {
    return ajvFor(schema.$schema, coerce).compile({ ...schema, __bundled__: bundle });
  } catch {
    return undefined;
  }
}

interface ParamCheck {
  specs: Array<{ key: string; spec: IHttpParam; deserialize: Deserializer | undefined; schema: unknown }>;
  validate: ValidateFunction | undefined;
}

/** validateParams of Prism (validator/validators/params.js), the static half. */
function paramCheck(specs: IHttpParam[] | undefined, styles: Record<string, Deserializer>, defaultStyle: string, bundle: unknown): ParamCheck | undefined {
  if (!specs || specs.length === 0) return undefined;
  // keyBy: the last spec of a (lower-cased) name wins, for the values and for the schema's properties.
  const byName = new Map<string, IHttpParam>();
  for (const spec of specs) byName.set(spec.name.toLowerCase(), spec);
  const properties: Record<string, unknown> = {};
  for (const [name, spec] of byName) if (spec.schema) properties[name] = spec.schema;
  const schema = { type: 'object', properties, required: specs.filter((s) => s.required).map((s) => s.name.toLowerCase()) };
  return {
    specs: [...byName].map(([key, spec]) => ({ key, spec, deserialize: styles[(spec as { style?: string }).style ?? defaultStyle], schema: properties[key] })),
    validate: compile(schema, true, bundle),
  };
}

/** Runs one parameter check: `undefined` when the schema could not be compiled. */
function runParams(check: ParamCheck | undefined, target: Record<string, unknown>): boolean | undefined {
  if (!check) return true;
  if (!check.validate) return undefined;
  const lowered: Record<string, unknown> = {};
  for (const key of Object.keys(target)) lowered[key.toLowerCase()] = target[key];
  const values: Record<string, unknown> = {};
  for (const { key, spec, deserialize, schema } of check.specs) {
    if (!deserialize) continue;
    const value = deserialize(key, lowered, schema, (spec as { explode?: boolean }).explode || false);
    if (value) values[key] = value; // lodash's pickBy without a predicate keeps truthy values only
  }
  return check.validate(values) as boolean;
}

interface OperationCheck {
  headers: ParamCheck | undefined;
  query: ParamCheck | undefined;
  path: ParamCheck | undefined;
  template: { match(path: string): Record<string, string> | null };
  body: {
    required: boolean;
    /** The body's validator; undefined when no JSON schema; 'unknown' when this module cannot say. */
    validate: ValidateFunction | undefined | 'unknown';
  } | undefined;
}

function bodySchema(schema: Schema): Schema | undefined {
  let merged = schema;
  try {
    merged = mergeAllOf(schema, { deep: true, ignoreAdditionalProperties: true });
  } catch {
    // Prism keeps the schema as it is when allOf cannot be merged.
  }
  const stripped = stripReadOnlyProperties(merged);
  return stripped._tag === 'Some' ? stripped.value : undefined;
}

function operationCheck(resource: IHttpOperation): OperationCheck {
  const bundle = (resource as unknown as { __bundled__?: unknown }).__bundled__;
  const request = resource.request;
  let body: OperationCheck['body'];
  if (request?.body) {
    const contents = request.body.contents ?? [];
    const json = contents.length === 1 && contents[0]!.mediaType === 'application/json' ? contents[0] : undefined;
    const schema = json?.schema ? bodySchema(json.schema as Schema) : undefined;
    body = {
      required: Boolean(request.body.required),
      validate: !json ? 'unknown' : !schema ? undefined : compile(schema, false, bundle) ?? 'unknown',
    };
  }
  return {
    headers: paramCheck(request?.headers, deserializers.header, 'simple', bundle),
    query: paramCheck(request?.query, deserializers.query, 'form', bundle),
    path: paramCheck(request?.path, deserializers.path, 'simple', bundle),
    template: new URI.Template(resource.path),
    body,
  };
}

const checks = new WeakMap<IHttpOperation, OperationCheck>();

/**
 * Prism's verdict on `input` for `resource`: true (valid), false (invalid) or undefined (ask Prism).
 * `headers` are the ones Prism is given (the mock sets the JSON content type when there is a body).
 */
export function fastVerdict(resource: IHttpOperation, input: IHttpRequest): boolean | undefined {
  try {
    return verdict(resource, input);
  } catch {
    return undefined; // Prism would catch what threw (a validator, a deserializer) its own way
  }
}

function verdict(resource: IHttpOperation, input: IHttpRequest): boolean | undefined {
  let check = checks.get(resource);
  if (!check) checks.set(resource, check = operationCheck(resource));
  const headers = (input.headers ?? {}) as Record<string, string>;
  const body = input.body;

  // The body: required, media type, schema (validator/index.js, validateInputBody).
  if (check.body?.required && !body) return false;
  const contentType = headers['content-type'];
  const contentLength = Number.parseInt(headers['content-length'] ?? '', 10) || 0;
  if (contentType !== undefined && contentType !== 'application/json') return undefined;
  if (contentLength > 0 && !check.body) return false; // a body where the operation takes none
  if (check.body && body !== undefined && body !== null) {
    if (check.body.validate === 'unknown') return undefined;
    if (contentType === undefined) return undefined; // Prism then takes the first content as "random"
    if (check.body.validate && !check.body.validate(body)) return false;
  }

  const verdicts = [
    runParams(check.headers, headers),
    runParams(check.query, (input.url.query ?? {}) as Record<string, unknown>),
  ];
  if (check.path) {
    const params = check.template.match(input.url.path);
    verdicts.push(params ? runParams(check.path, params) : undefined);
  }
  if (verdicts.includes(false)) return false;
  return verdicts.includes(undefined) ? undefined : true;
}
