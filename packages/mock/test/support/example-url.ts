/**
 * The URL a test sends for an operation when it has no scenario of its own: each path parameter and
 * each required query parameter filled with its example from the spec (or `x` when it has none).
 */
import { dereference, operationParameters } from '@novaspec/microversions';

type Json = any;

const exampleOf = (parameter: Json): string => String(parameter?.example ?? parameter?.schema?.example ?? 'x');

/** The path (template filled in, without /v2.1) and the required query of an operation in a view. */
export function exampleRequest(doc: Json, template: string, operation: Json): { path: string; query: URLSearchParams; parameters: Json[] } {
  const parameters = operationParameters(doc, dereference(doc, doc.paths[template]), operation);
  const path = template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(exampleOf(parameters.find((p: Json) => p.in === 'path' && p.name === name))));
  const query = new URLSearchParams(parameters.filter((p: Json) => p.in === 'query' && p.required).map((p: Json) => [String(p.name), exampleOf(p)]));
  return { path, query, parameters };
}

/** The same as one string under /v2.1: `/v2.1{path}` and `?query` when there is one. */
export function exampleUrl(doc: Json, template: string, operation: Json): string {
  const { path, query } = exampleRequest(doc, template, operation);
  return `/v2.1${path}${query.size > 0 ? `?${query}` : ''}`;
}
