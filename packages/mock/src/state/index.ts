/**
 * The stateful mode of the mock (ADR 0012): one in-memory state per mock instance, consulted by
 * the front after Nova's prechecks and Prism's request validation, for the operations it models.
 * Anything it does not model (or a request with its own `Prefer` of code, example or generation)
 * is answered by the stateless mock as before. Each resource has its own file; this one routes.
 */
import type { Answer } from '../answer-cache.ts';
import type { SpecIndex } from '../operations.ts';
import type { StateRequest } from './answers.ts';
import { AggregateState } from './aggregates.ts';
import { FlavorState } from './flavors.ts';
import { KeypairState } from './keypairs.ts';
import { ServerGroupState } from './server-groups.ts';
import { ServerState, type ServerTimings } from './servers.ts';
import { SpecExamples } from './spec-examples.ts';

export type { StateRequest } from './answers.ts';

export class StatefulMock {
  readonly #servers: ServerState;
  readonly #keypairs: KeypairState;
  readonly #flavors: FlavorState;
  readonly #groups: ServerGroupState;
  readonly #aggregates: AggregateState;
  readonly #now: () => number;

  constructor(index: SpecIndex, newest: string, timings: ServerTimings) {
    this.#now = timings.now;
    const examples = new SpecExamples(index);
    this.#keypairs = new KeypairState(examples, newest, timings.now);
    this.#servers = new ServerState(examples, newest, timings, {
      keypairExists: (name) => this.#keypairs.has(name),
      flavor: (id) => this.#flavors.get(id),
      refuseGroupMember: (groupId) => this.#groups.refuseMember(groupId),
      joinGroup: (groupId, serverId) => this.#groups.join(groupId, serverId),
      groupsOf: (serverId) => this.#groups.groupsOf(serverId),
    });
    this.#flavors = new FlavorState(examples, newest, this.#servers.projectId);
    this.#groups = new ServerGroupState(examples, newest, () => this.#servers.caller, (id) => this.#servers.store.servers.has(id));
    this.#aggregates = new AggregateState(examples, newest, timings.now, () => [...this.#servers.store.servers.values()]
      .map((server) => server.fields['OS-EXT-SRV-ATTR:host']).filter((host): host is string => typeof host === 'string'));
  }

  /**
   * Does the pending work that is due (a build, a delete, an action's end). The server calls it once
   * for each request it answers from the state, before `unknownServer` and `answer` read the servers.
   */
  settle(): void {
    this.#servers.store.settle(this.#now());
  }

  /** The state's answer, or undefined for the stateless mock to answer (after any change the request made). */
  answer(request: StateRequest): Answer | undefined {
    const [, root] = request.template.split('/');
    if (root === 'servers') return this.#servers.answer(request);
    if (root === 'os-keypairs') return this.#keypairs.answer(request);
    if (root === 'flavors') return this.#flavors.answer(request);
    if (root === 'os-server-groups') return this.#groups.answer(request);
    if (root === 'os-aggregates') return this.#aggregates.answer(request);
    return undefined;
  }

  /** The 404 for a server the state does not have, which Nova answers before any controller check of the request. */
  unknownServer(template: string, path: string): Answer | undefined {
    return this.#servers.unknown(template, path);
  }

  /** Back to the seed state. */
  reset(): void {
    this.#servers.reset();
    this.#keypairs.reset();
    this.#flavors.reset();
    this.#groups.reset();
    this.#aggregates.reset();
  }
}
