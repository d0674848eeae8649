/**
 * The headers Nova's v2.1 pipeline puts on every answer (ADR 0007): both microversion headers, `Vary`
 * naming them, and the two request id headers. The source does not repeat them on each of its
 * responses; the build adds them to every Response object of the bundle, so every derived document
 * (views, types, mock, docs) declares them as if they had been written out.
 *
 * A response that Nova's pipeline does not answer (Keystone's 401 from the token middleware, the
 * unversioned root) says `x-openstack: {standard-headers: false}` and keeps only what it declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isObject, type JsonObject } from './annotations.ts';

/** Header name on the wire -> component name (and file name under `shared/headers/`). */
export const STANDARD_HEADERS: Record<string, string> = {
  'OpenStack-API-Version': 'OpenStackApiVersion',
  'X-OpenStack-Nova-API-Version': 'XOpenStackNovaApiVersion',
  Vary: 'Vary',
  'x-openstack-request-id': 'XOpenStackRequestId',
  'x-compute-request-id': 'XComputeRequestId',
};

const OPT_OUT = 'standard-headers';

/** Every Response object of the document: components and inline ones under operations. */
function responsesOf(doc: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const components = (doc.components as JsonObject | undefined)?.responses;
  if (isObject(components)) found.push(...Object.values(components).filter(isObject));
  for (const item of Object.values((doc.paths as JsonObject | undefined) ?? {})) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      const responses = isObject(operation) ? operation.responses : undefined;
      if (isObject(responses)) found.push(...Object.values(responses).filter((r): r is JsonObject => isObject(r) && !('$ref' in r)));
    }
  }
  return found;
}

/**
 * Adds the standard headers (as references to `#/components/headers/<Name>`, read from
 * `<specDir>/shared/headers/<Name>.yaml`) to every response that does not opt out, in place, and
 * removes the opt-out marker. A header a response declares itself is left as it is.
 */
export function addStandardHeaders(doc: JsonObject, specDir: string): void {
  const components = ((doc.components ??= {}) as JsonObject);
  const headers = ((components.headers ??= {}) as JsonObject);
  for (const component of Object.values(STANDARD_HEADERS)) {
    headers[component] ??= parse(readFileSync(join(specDir, 'shared', 'headers', `${component}.yaml`), 'utf8'));
  }
  for (const response of responsesOf(doc)) {
    const extension = response['x-openstack'];
    if (isObject(extension) && OPT_OUT in extension) {
      const { [OPT_OUT]: optOut, ...rest } = extension;
      if (Object.keys(rest).length > 0) response['x-openstack'] = rest;
      else delete response['x-openstack'];
      if (optOut === false) continue;
    }
    const own = isObject(response.headers) ? response.headers : {};
    const standard = Object.fromEntries(Object.entries(STANDARD_HEADERS).map(([name, component]) => [name, { $ref: `#/components/headers/${component}` }]));
    response.headers = { ...standard, ...own };
  }
}
