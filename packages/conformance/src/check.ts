/**
 * Judges one exchange against the spec's view at its microversion: is the status declared for the
 * operation there, are the body and the declared headers valid, with no undeclared property (the
 * view's schemas are closed, see spec.ts), and would the spec itself accept the request body sent.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { deref, parametersOf, viewAt, type Json } from './spec.ts';

/** What went over the wire, as the client's fetch saw it. */
export interface Exchange {
  method: string;
  url: string;
  version: string;
  status: number;
  headers: Headers;
  text: string;
}

const ajvs = new Map<string, Ajv2020>();
function ajvFor(version: string): Ajv2020 {
  let ajv = ajvs.get(version);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema(viewAt(version), 'view');
    ajvs.set(version, ajv);
  }
  return ajv;
}

/** Points internal references of a schema copied out of the view back into the view. */
function intoView(node: Json): Json {
  if (Array.isArray(node)) return node.map(intoView);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `view${value}` : intoView(value);
  }
  return out;
}

const compiled = new WeakMap<object, ValidateFunction>();
function validatorFor(version: string, schema: Json): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajvFor(version).compile(intoView(schema));
    compiled.set(schema, validate);
  }
  return validate;
}

function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).slice(0, 6).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty?: string }).additionalProperty)}"` : '';
    return `${e.instancePath || '(body)'} ${e.message}${extra}`;
  });
}

/** The request body's schema at this version, if the operation takes one. */
export function requestSchema(version: string, operation: Json): Json | undefined {
  const body = deref(viewAt(version), operation.requestBody);
  return body?.content?.['application/json']?.schema;
}

/** Problems the spec has with a request body (empty when it accepts it). */
export function requestProblems(version: string, operation: Json, body: unknown): string[] {
  const schema = requestSchema(version, operation);
  if (!schema) return body === undefined ? [] : ['the spec declares no request body'];
  const validate = validatorFor(version, schema);
  return validate(body) ? [] : errorsOf(validate);
}

/** Problems the spec has with a response (empty when it conforms). */
export function responseProblems(operation: Json, exchange: Exchange): string[] {
  const doc = viewAt(exchange.version);
  const declared = operation.responses?.[String(exchange.status)] ?? undefined;
  if (!declared) {
    const codes = Object.keys(operation.responses ?? {}).join(', ');
    return [`status ${exchange.status} is not declared at ${exchange.version} (declared: ${codes}): ${exchange.text.slice(0, 240)}`];
  }
  const response = deref(doc, declared);
  const problems: string[] = [];
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) {
    if (exchange.text.trim() !== '') problems.push(`a body was sent where the spec declares none: ${exchange.text.slice(0, 200)}`);
  } else {
    let body: unknown;
    try {
      body = JSON.parse(exchange.text);
    } catch {
      return [`the body is not JSON: ${exchange.text.slice(0, 200)}`];
    }
    const validate = validatorFor(exchange.version, schema);
    if (!validate(body)) problems.push(...errorsOf(validate).map((e) => `body ${e}`));
  }
  for (const [name, rawHeader] of Object.entries<Json>(response?.headers ?? {})) {
    const header = deref(doc, rawHeader);
    const value = exchange.headers.get(name);
    if (value === null) {
      if (header?.required) problems.push(`header ${name} is required but was not sent`);
      continue;
    }
    if (header?.schema) {
      const validate = validatorFor(exchange.version, header.schema);
      if (!validate(value)) problems.push(`header ${name}: ${JSON.stringify(value)} ${errorsOf(validate).join('; ')}`);
    }
  }
  return problems;
}

/** Problems the spec has with query parameters: each must be declared for the operation and valid. */
export function queryProblems(version: string, template: string, operation: Json, query: Record<string, unknown> | undefined): string[] {
  if (!query) return [];
  const declared = parametersOf(viewAt(version), template, operation).filter((p: Json) => p.in === 'query');
  const problems: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const parameter = declared.find((p: Json) => p.name === name);
    if (!parameter) {
      problems.push(`query parameter ${name} is not declared at ${version}`);
      continue;
    }
    if (!parameter.schema) continue;
    const validate = validatorFor(version, parameter.schema);
    // Query values travel as strings; the spec types them as Nova parses them.
    const wire = Array.isArray(value) ? value.map(String) : String(value);
    const parsed = (text: string) => (/^-?\d+$/.test(text) ? Number(text) : text === 'true' ? true : text === 'false' ? false : text);
    const candidates = [wire, Array.isArray(wire) ? wire.map(parsed) : parsed(wire)];
    if (!candidates.some((v) => validate(v))) problems.push(`query parameter ${name}=${JSON.stringify(value)}: ${errorsOf(validate).join('; ')}`);
  }
  return problems;
}
