/**
 * The suite's machinery: for every operation of the spec and each microversion of the plan, arrange
 * the scenario, send the request through the generated client, and judge the exchange against the
 * spec's view at that microversion. Nothing here names an operation: scenarios/ does, and an
 * operation without a scenario is exercised from the spec's own example.
 */
import { queryProblems, requestProblems, responseProblems, type Exchange } from './check.ts';
import type { Deployment } from './deployment.ts';
import { scenarios, type Call, type Expected, type Scenario } from './scenarios/index.ts';
import { deref, index, operationsAt, parametersOf, plan, viewAt, type Json, type OperationView } from './spec.ts';
import { unvalidatedInZed, zedAnswer } from './zed.ts';

export interface Result {
  id: string;
  version: string;
  /** pass: conforms and the outcome was the expected one; fail: it did not. */
  outcome: 'pass' | 'fail';
  /** in-range: at a microversion that has it; outside: just outside its range, where Nova must refuse it. */
  kind: 'in-range' | 'outside';
  status?: number;
  expected?: Expected;
  generic: boolean;
  problems: string[];
  /** Checks not made on this Nova and why (a Zed difference from the newest Nova). */
  notes: string[];
  exchanges: number;
}

export interface Report {
  results: Result[];
  unreachable: { id: string; why: string }[];
  ceiling: string;
}

/** The release under test: the Zed differences (src/zed.ts) apply to Zed only. */
export type Release = 'sid' | 'zed';

const PROBE_KEY = 'novaspec_undeclared';

/** The spec's first request example, and parameter examples, for an operation with no scenario. */
export function genericScenario(view: OperationView, version: string): Scenario {
  return {
    async arrange(d) {
      const doc = viewAt(version);
      const parameters = parametersOf(doc, view.template, view.operation);
      const path: Record<string, string> = {};
      for (const p of parameters.filter((p: Json) => p.in === 'path')) {
        path[p.name] = p.name === 'server_id' ? await d.shared() : String(p.example ?? p.schema?.example ?? 'x');
      }
      const media = deref(doc, view.operation.requestBody)?.content?.['application/json'];
      const example = Object.values<Json>(media?.examples ?? {})[0];
      const body = example ? deref(doc, example).value : media?.example;
      return { path, ...(body !== undefined ? { body } : {}) };
    },
  };
}

/**
 * Every query parameter the view declares for the operation, each with its example: Nova must accept
 * them all together. `marker` is left out (its example names no real item, which is a 400).
 */
function everyQueryParameter(version: string, view: OperationView): Record<string, unknown> | undefined {
  const query: Record<string, unknown> = {};
  for (const p of parametersOf(viewAt(version), view.template, view.operation)) {
    if (p.in !== 'query' || p.name === 'marker') continue;
    const example = p.example ?? p.schema?.example ?? p.schema?.enum?.[0] ?? p.schema?.items?.enum?.[0];
    if (example !== undefined) query[p.name] = example;
  }
  return Object.keys(query).length > 0 ? query : undefined;
}

/** Whether the path item is served from the unversioned root rather than under /v2.1. */
function atRoot(version: string, template: string): boolean {
  const item = deref(viewAt(version), viewAt(version).paths[template]);
  return Array.isArray(item?.servers) && item.servers.some((s: Json) => s.url === '{endpoint}');
}

/** Sends one call through the generated client and returns the exchange the client's fetch saw. */
async function send(d: Deployment, view: OperationView, version: string, call: Call): Promise<Exchange> {
  const before = d.exchanges.length;
  const client = atRoot(version, view.template) ? d.rootClient(version) : d.client(version);
  if (view.action && view.template === '/servers/{server_id}/action') {
    await client.action(call.path!.server_id!, view.action, call.body);
  } else {
    const method = view.method.toUpperCase() as 'GET';
    const init: Record<string, unknown> = { params: { path: call.path ?? {}, query: call.query ?? {} } };
    if (call.body !== undefined) init.body = call.body;
    await (client[method] as unknown as (p: string, i: object) => Promise<unknown>)(view.template, init);
  }
  const exchange = d.exchanges[before];
  if (!exchange) throw new Error('the client sent nothing');
  return exchange;
}

/** How Nova's JSON-schema validation words a refusal (jsonschema's messages, wrapped by Nova). */
const NOVA_SCHEMA_REFUSAL = /Invalid input for field\/attribute|Additional properties are not allowed|is a required property|is not of type|is not valid under any of the given schemas/;

/** Bodies Nova must refuse with a 400 whenever the spec refuses them. */
const PROBES: { name: string; mutate(body: unknown): unknown }[] = [
  { name: 'undeclared-property', mutate: withUndeclaredProperty },
  { name: 'wrong-type', mutate: withWrongType },
];

/** The body with its wrapper's value (`{"server": {...}}`, `{"pause": null}`) replaced by a number. */
function withWrongType(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  return keys.length === 1 ? { [keys[0]!]: 1 } : undefined;
}

/**
 * A body the spec refuses, sent anyway: Nova must refuse it with a 400 whose body the operation
 * declares. Returns the problems, each prefixed with `label`.
 */
async function refusedByBoth(d: Deployment, view: OperationView, version: string, call: Call, body: unknown, label: string, queryOnly = false): Promise<string[]> {
  const problems: string[] = [];
  if (queryOnly) {
    if (queryProblems(version, view.template, view.operation, call.query).length === 0) problems.push(`${label} the spec accepts the query ${JSON.stringify(call.query).slice(0, 160)}`);
  } else if (requestProblems(version, view.operation, body).length === 0) problems.push(`${label} the spec accepts ${JSON.stringify(body).slice(0, 160)}`);
  const answer = await send(d, view, version, queryOnly ? call : { ...call, body });
  const what = JSON.stringify(queryOnly ? call.query : body).slice(0, 120);
  if (answer.status !== 400) problems.push(`${label} Nova answered ${answer.status} to ${what}, not 400: ${answer.text.slice(0, 200)}`);
  else problems.push(...responseProblems(view.operation, answer).map((p) => `${label} ${p}`));
  return problems;
}

/** A further request that must succeed and conform. Returns the problems, each prefixed with `label`. */
async function succeeds(d: Deployment, view: OperationView, version: string, call: Call, label: string): Promise<string[]> {
  const answer = await send(d, view, version, call);
  const problems = responseProblems(view.operation, answer).map((p) => `${label} ${p}`);
  if (answer.status >= 300) problems.push(`${label} expected a success, Nova answered ${answer.status} to ${JSON.stringify(call.query ?? call.body ?? {}).slice(0, 200)}: ${answer.text.slice(0, 200)}`);
  return problems;
}

/**
 * For an answer that is a known bug of the Nova under test: whatever its status, it must be one of
 * Nova's fault bodies (`{"<name>": {"code": <status>, "message": "..."}}`), as every error from its
 * API layer is.
 */
function faultProblems(exchange: Exchange): string[] {
  let body: unknown;
  try {
    body = JSON.parse(exchange.text);
  } catch {
    return [`the answer to a known Nova bug is not JSON: ${exchange.text.slice(0, 200)}`];
  }
  const entries = body && typeof body === 'object' && !Array.isArray(body) ? Object.values(body) : [];
  const fault = entries.length === 1 ? entries[0] as { code?: unknown; message?: unknown } : undefined;
  return fault && fault.code === exchange.status && typeof fault.message === 'string'
    ? [] : [`the answer to a known Nova bug is not a Nova fault body: ${exchange.text.slice(0, 200)}`];
}

/** A copy of the body with one property the spec does not declare, inside the action or resource wrapper. */
function withUndeclaredProperty(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length === 1 && entries[0]![1] && typeof entries[0]![1] === 'object' && !Array.isArray(entries[0]![1])) {
    const [key, inner] = entries[0]!;
    return { [key]: { ...(inner as object), [PROBE_KEY]: true } };
  }
  return { ...(body as object), [PROBE_KEY]: true };
}

/**
 * What a removed API answers: 410 where the spec declares it (Nova's `removed` controllers raise
 * HTTPGone), else the spec's answer to every request (os-getRDPConsole keeps its route and answers
 * 400 since Nova 29.0.0).
 */
function removedStatus(view: OperationView): number[] {
  const codes = Object.keys(view.operation.responses ?? {});
  return codes.includes('410') ? [410] : [400];
}

/** Whether the operation's query is closed (`strict-query`) at some microversion of the spec. */
let strictOperations: Set<string> | undefined;
function strictSomewhere(id: string): boolean {
  strictOperations ??= new Set(index.versions.flatMap((v) => [...operationsAt(v).values()]
    .filter((o) => o.operation['x-openstack']?.['strict-query'] === true).map((o) => o.id)));
  return strictOperations.has(id);
}

interface CaseRun {
  problems: string[];
  status?: number;
  exchanges: number;
}

/**
 * Runs the steps of one case, then the deployment's cleanup; a step or cleanup that throws becomes
 * a problem. The steps report the status of the request under test through `answered`.
 */
async function runCase(d: Deployment, steps: (problems: string[], answered: (status: number) => void) => Promise<void>): Promise<CaseRun> {
  const problems: string[] = [];
  const before = d.exchanges.length;
  let status: number | undefined;
  try {
    await steps(problems, (s) => {
      status = s;
    });
  } catch (error) {
    // "fetch failed" says nothing on its own: undici puts the reason in the cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    problems.push(`could not run: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})`.replace('( ', '(') : ''}`);
  } finally {
    try {
      await d.cleanup();
    } catch (error) {
      problems.push(`cleanup failed: ${(error as Error).message}`);
    }
  }
  return {
    // Nova's 500 answers carry a traceback: the first 400 characters say enough.
    problems: problems.map((p) => (p.length > 400 ? `${p.slice(0, 400)}...` : p)),
    exchanges: d.exchanges.length - before,
    ...(status !== undefined ? { status } : {}),
  };
}

async function exercise(d: Deployment, view: OperationView, version: string, release: Release): Promise<Result> {
  const scenario = scenarios[view.id];
  const generic = !scenario;
  const chosen = scenario ?? genericScenario(view, version);
  const notes: string[] = [];
  const expectation = typeof chosen.expect === 'function' ? chosen.expect(version, release) : chosen.expect;
  const run = await runCase(d, async (problems, answered) => {
    const call = await chosen.arrange(d, version);
    const rejected = requestProblems(version, view.operation, call.body);
    if (rejected.length > 0) problems.push(`the spec rejects the request body sent: ${rejected.join('; ')}`);

    const query = queryProblems(version, view.template, view.operation, call.query);
    if (query.length > 0) problems.push(`the spec refuses the query sent: ${query.join('; ')}`);

    // Probes: bodies the spec refuses must be refused by Nova with a 400 (and a declared fault body).
    const zed = release === 'zed' ? unvalidatedInZed(view.action ?? view.id, version) : undefined;
    if (zed && call.body !== undefined) notes.push(`probes not sent: ${zed}`);
    const laxProbes: { name: string; body: unknown }[] = [];
    for (const probe of view.removed || zed ? [] : PROBES) {
      const body = probe.mutate(call.body);
      if (body === undefined) continue;
      if (requestProblems(version, view.operation, body).length === 0) laxProbes.push({ name: probe.name, body });
      else problems.push(...await refusedByBoth(d, view, version, call, body, `(${probe.name} probe)`));
    }

    const exchange = await send(d, view, version, call);
    answered(exchange.status);
    const differs = release === 'zed' ? zedAnswer(view.id, exchange.status) : undefined;
    if (differs) notes.push(differs);
    else if (expectation?.novaBug && expectation.status.includes(exchange.status)) problems.push(...faultProblems(exchange));
    else problems.push(...responseProblems(view.operation, exchange));
    const wanted = view.removed ? removedStatus(view) : expectation?.status;
    if (!differs && (wanted ? !wanted.includes(exchange.status) : exchange.status >= 300)) {
      problems.push(`expected ${wanted ? wanted.join(' or ') : 'a success'}${expectation ? ` (${expectation.why})` : ''}, Nova answered ${exchange.status}: ${exchange.text.slice(0, 300)}`);
    }
    if (exchange.status === 400 && rejected.length === 0 && !expectation && !view.removed) {
      problems.push('Nova refused with 400 a body the spec accepts');
    }
    let answer: unknown;
    try {
      answer = exchange.text ? JSON.parse(exchange.text) : undefined;
    } catch {
      answer = undefined;
    }
    await chosen.settle?.(d, exchange.status, answer, call);
    const everyQuery = view.method === 'get' && exchange.status < 300 ? everyQueryParameter(version, view) : undefined;
    if (everyQuery) {
      problems.push(...await succeeds(d, view, version, { ...call, query: everyQuery }, '(every declared query parameter, with its example)'));
    }
    // The query probe: an undeclared query parameter. Where the view records `strict-query` (Nova's
    // query schema closed, 2.102 for most reads) Nova must refuse it with a declared 400; at an
    // earlier microversion of an operation that becomes strict, Nova must still ignore it.
    if (view.method === 'get' && exchange.status < 300 && strictSomewhere(view.id)) {
      const strict = view.operation['x-openstack']?.['strict-query'] === true;
      const probe = { ...call, query: { ...(call.query ?? {}), [PROBE_KEY]: '1' } };
      if (strict) {
        problems.push(...await refusedByBoth(d, view, version, probe, undefined, '(undeclared query parameter, strict-query)', true));
      } else {
        problems.push(...await succeeds(d, view, version, probe, '(undeclared query parameter, before strict-query)'));
      }
    }
    // Probes the spec accepts go after the real request (they may change state): Nova's schema
    // validation must accept them too (nova/api/validation/validators.py words its refusals so).
    for (const probe of laxProbes) {
      const answer = await send(d, view, version, { ...call, body: probe.body });
      if (answer.status === 400 && NOVA_SCHEMA_REFUSAL.test(answer.text)) {
        problems.push(`(${probe.name} probe) the spec accepts ${JSON.stringify(probe.body).slice(0, 120)}, Nova's schema refuses it: ${answer.text.slice(0, 200)}`);
      } else {
        const bug = expectation?.novaBug && expectation.status.includes(answer.status);
        problems.push(...(bug ? faultProblems(answer) : responseProblems(view.operation, answer)).map((p) => `(${probe.name} probe, accepted by the spec) ${p}`));
      }
    }
    for (const refused of call.refused ?? []) {
      problems.push(...await refusedByBoth(d, view, version, refused, refused.body, '(a request the spec refuses)'));
    }
    for (const [i, extra] of (call.more ?? []).entries()) {
      const label = `(request ${i + 2})`;
      if (extra.body !== undefined) problems.push(...requestProblems(version, view.operation, extra.body).map((p) => `${label} the spec rejects the body sent: ${p}`));
      problems.push(...queryProblems(version, view.template, view.operation, extra.query).map((p) => `${label} ${p}`));
      problems.push(...await succeeds(d, view, version, extra, label));
    }
  });
  return {
    id: view.id, version, outcome: run.problems.length === 0 ? 'pass' : 'fail', kind: 'in-range', generic, notes, ...run,
    ...(expectation ? { expected: expectation } : {}),
  };
}

/**
 * Just outside an operation's range: sent at a microversion where the spec does not have it, shaped
 * as at the nearest one where it does. Nova must refuse it (4xx); for a server action the spec's
 * action endpoint must refuse the body too, and Nova's answer must be one the endpoint declares.
 */
async function exerciseOutside(d: Deployment, id: string, version: string, shapeFrom: string): Promise<Result> {
  const view = operationsAt(shapeFrom).get(id)!;
  const chosen = scenarios[id] ?? genericScenario(view, shapeFrom);
  const expected: Expected = { status: [400, 404, 405], why: `outside its range: the spec has it at ${shapeFrom}, not at ${version}` };
  const run = await runCase(d, async (problems, answered) => {
    const call = await chosen.arrange(d, shapeFrom);
    const exchange = await send(d, view, version, call);
    answered(exchange.status);
    if (!expected.status.includes(exchange.status)) {
      problems.push(`Nova ${exchange.status < 300 ? 'accepted' : 'answered'} it at ${version} (${exchange.status}), where the spec says it does not exist: ${exchange.text.slice(0, 200)}`);
    }
    // The whole endpoint as the view has it (for an action: every action's body in one oneOf).
    const doc = viewAt(version);
    const endpoint = deref(doc, doc.paths[view.template])?.[view.method];
    if (endpoint) {
      if (requestProblems(version, endpoint, call.body).length === 0) problems.push(`the spec at ${version} accepts this body for ${view.method.toUpperCase()} ${view.template}`);
      problems.push(...responseProblems(endpoint, exchange));
    }
  });
  return {
    id, version, outcome: run.problems.length === 0 ? 'pass' : 'fail', kind: 'outside', generic: !scenarios[id], notes: [], expected, ...run,
  };
}

export interface RunOptions {
  /** The newest microversion the service announces in its version document. */
  ceiling: string;
  release: Release;
  /** Only operations whose id contains one of these (a quick local run); all when empty. */
  only?: string[];
  onResult?(result: Result): void;
}

export async function run(d: Deployment, options: RunOptions): Promise<Report> {
  const report: Report = { results: [], unreachable: [], ceiling: options.ceiling };
  for (const entry of plan(options.ceiling)) {
    if (options.only?.length && !options.only.some((o) => entry.id.includes(o))) continue;
    if (entry.unreachable) {
      report.unreachable.push({ id: entry.id, why: entry.unreachable });
      continue;
    }
    for (const version of entry.versions) {
      const view = operationsAt(version).get(entry.id)!;
      const result = await exercise(d, view, version, options.release);
      report.results.push(result);
      options.onResult?.(result);
    }
    for (const { version, shapeFrom } of entry.outside) {
      const result = await exerciseOutside(d, entry.id, version, shapeFrom);
      report.results.push(result);
      options.onResult?.(result);
    }
  }
  return report;
}
