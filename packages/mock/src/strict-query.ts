/**
 * Nova's closed query strings. From a microversion on (2.75 for most lists, 2.102 for most other
 * reads), Nova's query schemas have `additionalProperties: False` (nova/api/openstack/compute/schemas/,
 * e.g. servers.py `index_query_v275`, flavors.py `show_query_v2102`); the spec records that as
 * `x-openstack.strict-query` on the operation of each such view. Prism ignores a query parameter
 * its operation does not declare, so the mock refuses it here, before Prism's own validation, as
 * Nova does: jsonschema reports an error at the root of the query before any about one parameter
 * (best_match prefers the shortest path), and Nova words it as jsonschema does, with no parameter name.
 */
import type { IHttpOperation } from '@stoplight/types';
import { pythonRepr } from './validation-message.ts';
import type { SpecIndex } from './operations.ts';

/** Prism's own controls (`__code`, `__example`, `__dynamic`, `__seed`): the mock's, not Nova's, and always let through. */
const isPrismControl = (name: string) => name.startsWith('__');

export class StrictQuery {
  readonly #index: SpecIndex;
  /** The declared query parameter names of a strict operation, or null when its query is open; by version, template, method and action. */
  readonly #declared = new Map<string, Set<string> | null>();

  constructor(index: SpecIndex) {
    this.#index = index;
  }

  /**
   * Nova's 400 message for the undeclared parameters of a strict operation, or undefined when there
   * are none. `operation` is Prism's reading of it, whose `request.query` already holds the path
   * item's parameters and the operation's own, dereferenced.
   */
  refusal(version: string, template: string, method: string, action: string | undefined, operation: IHttpOperation, query: URLSearchParams): string | undefined {
    if (query.size === 0) return undefined;
    const key = `${version} ${template} ${method} ${action ?? ''}`;
    let declared = this.#declared.get(key);
    if (declared === undefined) {
      const strict = this.#index.operation(version, template, method, action)?.['x-openstack']?.['strict-query'] === true;
      declared = strict ? new Set((operation.request?.query ?? []).map((parameter) => parameter.name)) : null;
      this.#declared.set(key, declared);
    }
    if (!declared) return undefined;
    // jsonschema's additionalProperties message: every extra in the order the query gave them first.
    const extras = [...new Set(query.keys())].filter((name) => !declared.has(name) && !isPrismControl(name));
    if (extras.length === 0) return undefined;
    return `Additional properties are not allowed (${extras.map(pythonRepr).join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`;
  }
}
