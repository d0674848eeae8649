/**
 * What changes on the wire between two documents: two microversion views of one spec (2.46 and 2.47),
 * or one microversion of two revisions of the spec. Each operation is flattened into "facts" (this
 * field exists, has this type, is required, may take this enum value; this status code is returned;
 * this parameter exists...), and the diff is the facts one side has and the other has not. Prose,
 * examples, component names and operation ids are not the wire format and are not compared.
 */
import { createHash } from 'node:crypto';
import { isObject, type JsonObject } from './annotations.ts';
import { withActionOperations } from './actions.ts';
import { HTTP_METHODS, resolvePointer } from './view.ts';

/** One thing an operation says about the wire. */
export interface Fact {
  /** Where it stands: `request body`, `response 200 body`, `query parameter limit`, `status codes`... */
  where: string;
  /** The field inside a body or parameter: `server.flavor.id`, `servers[].status`; empty for the top. */
  field: string;
  /** `field`, `type`, `required`, `enum`, `status`, `parameter`, `header`, `body`, or a JSON Schema keyword. */
  kind: string;
  /** The value, as JSON text, when the kind has one (`"string"`, `"soft-affinity"`, `202`). */
  value?: string;
}

export interface OperationChange {
  /** `METHOD /path`; one action of an action endpoint is `POST /servers/{server_id}/action#reboot`. */
  operation: string;
  operationId?: string;
  tag?: string;
  /** `added` or `removed` when the whole operation comes or goes; `changed` otherwise. */
  change: 'added' | 'removed' | 'changed';
  added: Fact[];
  removed: Fact[];
}

/** Keywords that change what goes over the wire (descriptions, titles and examples do not). */
const KEYWORDS = [
  'type', 'const', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'default',
] as const;
const MAX_DEPTH = 24;

const targets = new WeakMap<JsonObject, Map<string, unknown>>();

function resolve(doc: JsonObject, ref: string): unknown {
  let cache = targets.get(doc);
  if (!cache) targets.set(doc, (cache = new Map()));
  if (!cache.has(ref)) cache.set(ref, resolvePointer(doc, ref));
  return cache.get(ref);
}

function deref(doc: JsonObject, node: unknown, stack: string[]): { node: unknown; stack: string[] } {
  let current = node;
  let refs = stack;
  for (let guard = 0; isObject(current) && typeof current.$ref === 'string' && guard < 20; guard += 1) {
    if (refs.includes(current.$ref)) return { node: { 'x-recursive': current.$ref }, stack: refs };
    refs = [...refs, current.$ref];
    current = resolve(doc, current.$ref);
  }
  return { node: current, stack: refs };
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

function schemaFacts(doc: JsonObject, where: string, field: string, schema: unknown, out: Fact[], stack: string[] = [], depth = 0): void {
  const { node, stack: refs } = deref(doc, schema, stack);
  if (!isObject(node) || depth > MAX_DEPTH) return;
  if (typeof node['x-recursive'] === 'string') {
    out.push({ where, field, kind: 'recursive', value: json(node['x-recursive']) });
    return;
  }
  for (const keyword of KEYWORDS) {
    if (!(keyword in node)) continue;
    const value = node[keyword];
    out.push({ where, field, kind: keyword, value: json(keyword === 'type' && Array.isArray(value) ? [...value].sort() : value) });
  }
  if (Array.isArray(node.enum)) for (const value of node.enum) out.push({ where, field, kind: 'enum', value: json(value) });
  if (Array.isArray(node.required)) for (const name of node.required) out.push({ where, field, kind: 'required', value: json(name) });
  if (node.additionalProperties === false) out.push({ where, field, kind: 'closed' });
  else if (isObject(node.additionalProperties)) schemaFacts(doc, where, `${field}.*`, node.additionalProperties, out, refs, depth + 1);
  if (isObject(node.patternProperties)) {
    for (const [pattern, sub] of Object.entries(node.patternProperties)) schemaFacts(doc, where, `${field}.<${pattern}>`, sub, out, refs, depth + 1);
  }
  if (isObject(node.properties)) {
    for (const [name, sub] of Object.entries(node.properties)) {
      const path = field ? `${field}.${name}` : name;
      out.push({ where, field: path, kind: 'field' });
      schemaFacts(doc, where, path, sub, out, refs, depth + 1);
    }
  }
  if (node.items !== undefined) schemaFacts(doc, where, `${field}[]`, node.items, out, refs, depth + 1);
  if (Array.isArray(node.prefixItems)) node.prefixItems.forEach((sub, i) => schemaFacts(doc, where, `${field}[${i}]`, sub, out, refs, depth + 1));
  if (Array.isArray(node.allOf)) for (const sub of node.allOf) schemaFacts(doc, where, field, sub, out, refs, depth + 1);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    branches.forEach((branch, index) => {
      const target = deref(doc, branch, refs).node;
      const name = isObject(target) && typeof target.title === 'string' ? target.title
        : isObject(target) && typeof target.type === 'string' ? target.type : String(index + 1);
      const variant = `${field}(${key} ${name})`;
      out.push({ where, field: variant, kind: 'variant' });
      schemaFacts(doc, where, variant, branch, out, refs, depth + 1);
    });
  }
  if (node.not !== undefined) schemaFacts(doc, where, `${field}(not)`, node.not, out, refs, depth + 1);
}

function contentFacts(doc: JsonObject, where: string, content: unknown, out: Fact[]): void {
  if (!isObject(content)) return;
  const types = Object.keys(content);
  for (const type of types) {
    out.push({ where, field: '', kind: 'media type', value: json(type) });
    const media = content[type];
    const at = types.length > 1 ? `${where} (${type})` : where;
    if (isObject(media) && media.schema !== undefined) schemaFacts(doc, at, '', media.schema, out);
  }
}

/** Everything an operation says about the wire, as facts. */
export function operationFacts(doc: JsonObject, path: string, method: string): Fact[] {
  const item = deref(doc, (doc.paths as JsonObject | undefined)?.[path], []).node;
  if (!isObject(item)) return [];
  const operation = item[method];
  if (!isObject(operation)) return [];
  const out: Fact[] = [];
  const parameters = new Map<string, JsonObject>();
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = deref(doc, raw, []).node;
      if (isObject(parameter)) parameters.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
    }
  }
  for (const [key, parameter] of parameters) {
    const where = `${key.replace(' ', ' parameter ')}`;
    out.push({ where, field: '', kind: 'parameter' });
    if (parameter.required === true) out.push({ where, field: '', kind: 'required parameter' });
    if (parameter.explode !== undefined) out.push({ where, field: '', kind: 'explode', value: json(parameter.explode) });
    if (parameter.style !== undefined) out.push({ where, field: '', kind: 'style', value: json(parameter.style) });
    if (parameter.schema !== undefined) schemaFacts(doc, where, '', parameter.schema, out);
    if (isObject(parameter.content)) contentFacts(doc, where, parameter.content, out);
  }
  const body = deref(doc, operation.requestBody, []).node;
  if (isObject(body)) {
    out.push({ where: 'request body', field: '', kind: 'body' });
    if (body.required === true) out.push({ where: 'request body', field: '', kind: 'required body' });
    contentFacts(doc, 'request body', body.content, out);
  }
  const responses = operation.responses;
  if (isObject(responses)) {
    for (const [status, raw] of Object.entries(responses)) {
      out.push({ where: 'status codes', field: '', kind: 'status', value: json(status) });
      const response = deref(doc, raw, []).node;
      if (!isObject(response)) continue;
      if (isObject(response.headers)) {
        for (const [name, header] of Object.entries(response.headers)) {
          const where = `response ${status} header ${name}`;
          out.push({ where, field: '', kind: 'header' });
          const target = deref(doc, header, []).node;
          if (isObject(target) && target.schema !== undefined) schemaFacts(doc, where, '', target.schema, out);
        }
      }
      contentFacts(doc, `response ${status} body`, response.content, out);
    }
  }
  return out;
}

export function factKey(fact: Fact): string {
  return `${fact.where}\u0000${fact.field}\u0000${fact.kind}\u0000${fact.value ?? ''}`;
}

/** One line per fact, for people: `response 200 body: server.flavor.vcpus: type "integer"`. */
export function describeFact(fact: Fact): string {
  const subject = fact.field ? `${fact.where}: ${fact.field}` : fact.where;
  switch (fact.kind) {
    case 'field': case 'variant': case 'parameter': case 'header': case 'body':
      return subject;
    case 'status':
      return `status ${JSON.parse(fact.value!) as string}`;
    case 'required parameter': case 'required body': case 'closed':
      return `${subject}: ${fact.kind === 'closed' ? 'closed (no other keys)' : 'required'}`;
    case 'required':
      return `${subject}: required ${fact.value}`;
    default:
      return `${subject}: ${fact.kind} ${fact.value ?? ''}`.trimEnd();
  }
}

export interface OperationInfo {
  path: string;
  method: string;
  operationId?: string;
  tag?: string;
}

/** The operations of a document keyed `METHOD /path`, one per action for action endpoints (ADR 0005). */
export function operationsOf(doc: JsonObject): Map<string, OperationInfo> {
  const result = new Map<string, OperationInfo>();
  const paths = doc.paths;
  if (!isObject(paths)) return result;
  for (const [path, raw] of Object.entries(paths)) {
    const item = deref(doc, raw, []).node;
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const tags = operation.tags;
      result.set(`${method.toUpperCase()} ${path}`, {
        path,
        method,
        ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
        ...(Array.isArray(tags) && typeof tags[0] === 'string' ? { tag: tags[0] } : {}),
      });
    }
  }
  return result;
}

/** Whether an operation key lies under a path filter (`/servers/{server_id}` matches its actions too). */
export function matchesPath(operation: string, filter: string | undefined): boolean {
  if (!filter) return true;
  const path = operation.slice(operation.indexOf(' ') + 1);
  const bare = path.split('#')[0]!;
  return path === filter || bare === filter || bare.startsWith(`${filter.replace(/\/$/, '')}/`);
}

export interface DiffOptions {
  /** Only operations at this path or under it. */
  path?: string;
  /** Split action endpoints into one operation per action (default true; false when already split). */
  actions?: boolean;
  /** Compare only these operation keys (and any operation present on one side only). */
  only?: ReadonlySet<string>;
}

/** The wire-format changes from `before` to `after`, per operation, in the order of `after` then `before`. */
export function diffDocuments(before: JsonObject, after: JsonObject, options: DiffOptions = {}): OperationChange[] {
  const split = options.actions !== false;
  const a = split ? withActionOperations(before, { replace: true }) : before;
  const b = split ? withActionOperations(after, { replace: true }) : after;
  const opsA = operationsOf(a);
  const opsB = operationsOf(b);
  const keys = [...new Set([...opsB.keys(), ...opsA.keys()])].filter((key) => matchesPath(key, options.path)
    && (!options.only || options.only.has(key) || !opsA.has(key) || !opsB.has(key)));
  const changes: OperationChange[] = [];
  for (const key of keys) {
    const infoA = opsA.get(key);
    const infoB = opsB.get(key);
    const factsA = infoA ? operationFacts(a, infoA.path, infoA.method) : [];
    const factsB = infoB ? operationFacts(b, infoB.path, infoB.method) : [];
    const keysA = new Set(factsA.map(factKey));
    const keysB = new Set(factsB.map(factKey));
    const added = dedupe(factsB.filter((fact) => !keysA.has(factKey(fact))));
    const removed = dedupe(factsA.filter((fact) => !keysB.has(factKey(fact))));
    if (infoA && infoB && added.length === 0 && removed.length === 0) continue;
    const info = infoB ?? infoA!;
    changes.push({
      operation: key,
      ...(info.operationId ? { operationId: info.operationId } : {}),
      ...(info.tag ? { tag: info.tag } : {}),
      change: !infoA ? 'added' : !infoB ? 'removed' : 'changed',
      added: infoA ? added : [],
      removed: infoB ? removed : [],
    });
  }
  return changes;
}

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = factKey(fact);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Drops facts implied by a field that comes or goes as a whole: when `server.flavor.id` is removed,
 * its type and its own sub-fields are not listed again (they went with it).
 */
export function summarizeFacts(facts: Fact[]): Fact[] {
  const fields = new Set(facts.filter((f) => f.kind === 'field' || f.kind === 'variant').map((f) => `${f.where}\u0000${f.field}`));
  const wheres = new Set(facts.filter((f) => ['parameter', 'header', 'body'].includes(f.kind)).map((f) => f.where));
  const under = (fact: Fact): boolean => {
    if (wheres.has(fact.where) && !['parameter', 'header', 'body'].includes(fact.kind)) return true;
    if (fact.where.startsWith('request body (') && wheres.has('request body')) return true;
    let field = fact.field;
    const self = fact.kind === 'field' || fact.kind === 'variant';
    if (!self && fields.has(`${fact.where}\u0000${field}`)) return true;
    while (field) {
      const cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['), field.lastIndexOf('('));
      if (cut <= 0) break;
      field = field.slice(0, cut);
      if (fields.has(`${fact.where}\u0000${field}`)) return true;
    }
    return false;
  };
  return facts.filter((fact) => !under(fact));
}

/** One readable line of a change: `+` appears, `-` goes, `~` changes in place. */
export interface ChangeLine {
  sign: '+' | '-' | '~';
  where: string;
  text: string;
}

const WHOLE = new Set(['parameter', 'header', 'body']);

function parentOf(field: string): { parent: string; name: string } | undefined {
  const cut = field.lastIndexOf('.');
  if (cut < 0) return { parent: '', name: field };
  return { parent: field.slice(0, cut), name: field.slice(cut + 1) };
}

/** The facts of one operation's change as lines: whole fields with their type, then in-place changes. */
export function changeLines(change: Pick<OperationChange, 'added' | 'removed'>): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const added = summarizeFacts(change.added);
  const removed = summarizeFacts(change.removed);
  const typeOf = (facts: Fact[], where: string, field: string) =>
    facts.find((f) => f.where === where && f.field === field && f.kind === 'type')?.value;
  const requiredIn = (facts: Fact[], where: string, field: string) => {
    const at = parentOf(field);
    return at !== undefined && facts.some((f) => f.where === where && f.field === at.parent && f.kind === 'required' && f.value === JSON.stringify(at.name));
  };
  const wholeFields = new Set([...added, ...removed].filter((f) => f.kind === 'field').map((f) => `${f.where}\u0000${f.field}`));
  const pairs = new Map<string, { before?: Fact; after?: Fact }>();
  const describe = (fact: Fact, sign: '+' | '-') => {
    const full = sign === '+' ? change.added : change.removed;
    if (fact.kind === 'field' || fact.kind === 'variant') {
      const notes = [typeOf(full, fact.where, fact.field)?.replaceAll('"', ''), requiredIn(full, fact.where, fact.field) ? 'required' : undefined].filter(Boolean);
      lines.push({ sign, where: fact.where, text: `${fact.field}${notes.length ? ` (${notes.join(', ')})` : ''}` });
    } else if (WHOLE.has(fact.kind)) {
      const notes = [typeOf(full, fact.where, '')?.replaceAll('"', ''), full.some((f) => f.where === fact.where && f.kind.startsWith('required ')) ? 'required' : undefined].filter(Boolean);
      lines.push({ sign, where: fact.where, text: `${fact.kind}${notes.length ? ` (${notes.join(', ')})` : ''}` });
    } else if (fact.kind === 'status') {
      lines.push({ sign, where: 'status codes', text: JSON.parse(fact.value!) as string });
    } else if (fact.kind === 'required') {
      const child = fact.field ? `${fact.field}.${JSON.parse(fact.value!) as string}` : (JSON.parse(fact.value!) as string);
      if (wholeFields.has(`${fact.where}\u0000${child}`)) return;
      lines.push({ sign: '~', where: fact.where, text: `${child}: ${sign === '+' ? 'now required' : 'no longer required'}` });
    } else if (fact.kind === 'required parameter' || fact.kind === 'required body') {
      lines.push({ sign: '~', where: fact.where, text: sign === '+' ? 'now required' : 'no longer required' });
    } else if (fact.kind === 'enum') {
      lines.push({ sign: '~', where: fact.where, text: `${fact.field || '(value)'}: enum value ${fact.value} ${sign === '+' ? 'added' : 'removed'}` });
    } else if (fact.kind === 'closed') {
      lines.push({ sign: '~', where: fact.where, text: `${fact.field || '(body)'}: ${sign === '+' ? 'now closed (unknown keys refused)' : 'no longer closed (other keys allowed)'}` });
    } else {
      const key = `${fact.where}\u0000${fact.field}\u0000${fact.kind}`;
      const pair = pairs.get(key) ?? {};
      if (sign === '+') pair.after = fact;
      else pair.before = fact;
      pairs.set(key, pair);
    }
  };
  for (const fact of removed) describe(fact, '-');
  for (const fact of added) describe(fact, '+');
  for (const { before, after } of pairs.values()) {
    const fact = (after ?? before)!;
    const subject = fact.field || '(value)';
    const text = before && after ? `${before.value} -> ${after.value}` : before ? `${before.value} (gone)` : `${after!.value} (new)`;
    lines.push({ sign: '~', where: fact.where, text: `${subject}: ${fact.kind} ${text}` });
  }
  const order = (line: ChangeLine) => (line.where === 'status codes' ? 0 : line.where.includes('parameter') ? 1 : line.where.startsWith('request') ? 2 : 3);
  return lines.sort((a, b) => order(a) - order(b) || a.where.localeCompare(b.where, 'en', { numeric: true }));
}

/** Lines for people: one per operation, then its changes grouped by where they stand. */
export function formatChanges(changes: OperationChange[]): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    if (change.change !== 'changed') {
      lines.push(`${change.change === 'added' ? '+' : '-'} ${change.operation} (operation ${change.change})`);
      continue;
    }
    lines.push(`~ ${change.operation}`);
    let where = '';
    for (const line of changeLines(change)) {
      if (line.where !== where) lines.push(`    ${(where = line.where)}`);
      lines.push(`      ${line.sign} ${line.text}`);
    }
  }
  return lines;
}

/** A short stable hash of an operation's facts: equal hashes, equal wire format. */
export function factsHash(facts: Fact[]): string {
  const keys = [...new Set(facts.map(factKey))].sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}

/** Every operation of a document with its facts hash (actions split). */
export function operationHashes(doc: JsonObject): Map<string, string> {
  const split = withActionOperations(doc, { replace: true });
  const result = new Map<string, string>();
  for (const [key, info] of operationsOf(split)) result.set(key, factsHash(operationFacts(split, info.path, info.method)));
  return result;
}
