/**
 * The spec's examples and response schemas, read from the view of a microversion: where the
 * state's seed comes from (the newest view) and what a rendered answer falls back on for a field
 * the record cannot know (the view of the requested microversion).
 */
import type { SpecIndex } from '../operations.ts';

type Json = Record<string, any>;

export interface ResponseView {
  schema: Json | undefined;
  /** The first named example (Prism's default answer), or the single `example`. */
  example: unknown;
}

export class SpecExamples {
  readonly #index: SpecIndex;
  readonly #cache = new Map<string, ResponseView>();

  constructor(index: SpecIndex) {
    this.#index = index;
  }

  /** The JSON schema and first example of an operation's response at a version. */
  response(version: string, template: string, method: string, status: string, action?: string): ResponseView {
    const key = [version, template, method, status, action ?? ''].join(' ');
    let found = this.#cache.get(key);
    if (!found) {
      const operation = this.#index.operation(version, template, method, action);
      const media = operation?.responses?.[status] ? this.#index.resolve(version, operation.responses[status])?.content?.['application/json'] : undefined;
      const named = Object.values<Json>(media?.examples ?? {})[0];
      found = { schema: media?.schema, example: named ? this.#index.resolve(version, named)?.value : media?.example };
      this.#cache.set(key, found);
    }
    return found;
  }

  /** Every named example of an operation's response at a version (a seed takes the union of them). */
  allExamples(version: string, template: string, method: string, status: string, action?: string): unknown[] {
    const operation = this.#index.operation(version, template, method, action);
    const media = operation?.responses?.[status] ? this.#index.resolve(version, operation.responses[status])?.content?.['application/json'] : undefined;
    const named = Object.values<Json>(media?.examples ?? {}).map((example) => this.#index.resolve(version, example)?.value);
    return named.length > 0 ? named : media?.example === undefined ? [] : [media.example];
  }

  resolver(version: string): (node: Json) => Json {
    return (node) => this.#index.resolve(version, node);
  }
}
