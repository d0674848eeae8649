/**
 * The stateful mode of the mock (ADR 0012): one in-memory state per mock instance, consulted by
 * the front after Nova's prechecks and Prism's request validation, for the operations it models.
 * Anything it does not model (or a request with its own `Prefer` of code, example or generation)
 * is answered by the stateless mock as before.
 */
import type { Answer } from '../answer-cache.ts';
import type { SpecIndex } from '../operations.ts';
import { ServerState, type StateRequest, type ServerTimings } from './servers.ts';
import { SpecExamples } from './spec-examples.ts';

export type { StateRequest } from './servers.ts';

export class StatefulMock {
  readonly #servers: ServerState;

  constructor(index: SpecIndex, newest: string, timings: ServerTimings) {
    this.#servers = new ServerState(new SpecExamples(index), newest, timings);
  }

  /** The state's answer, or undefined for the stateless mock to answer (after any change the request made). */
  answer(request: StateRequest): Answer | undefined {
    if (request.template === '/servers' || request.template.startsWith('/servers/')) return this.#servers.answer(request);
    return undefined;
  }

  /** Back to the seed state. */
  reset(): void {
    this.#servers.store.reset();
  }
}
