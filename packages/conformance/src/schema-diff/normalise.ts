/**
 * One canonical form for a JSON schema written in either dialect: Nova's draft-4 schemas (with the
 * helpers of nova/api/validation/parameter_types.py) and the spec's OpenAPI 3.1 (JSON Schema
 * 2020-12) views. Spellings that mean the same thing become the same value, so the comparison only
 * sees differences of meaning:
 * - `type: [X, null]`, an `anyOf`/`oneOf` branch `{type: null}` and `null` in an `enum` all become
 *   `nullable`;
 * - `const: X` is `enum: [X]`; draft-4 boolean `exclusiveMinimum` is the 2020-12 number;
 * - an object without `additionalProperties` is open (Nova's `'type': 'object'` alone accepts any
 *   property, as JSON Schema says); `additionalProperties: {}` or `true` is open too;
 * - `propertyNames: {pattern}` with `additionalProperties: S` (the spec's map idiom) is Nova's
 *   `patternProperties: {pattern: S}` with `additionalProperties: false`;
 * - branches that only differ in scalar type (`anyOf: [{type: integer}, {type: string, pattern}]`)
 *   are one node with both types, the way Nova writes `'type': ['integer', 'string']`;
 * - `allOf` is merged into its parent (Nova uses it to add a pattern to a shared helper).
 * Words (description, title, examples), `default`, `readOnly` and extensions are not compared.
 */

export type Json = any; // schemas of both dialects, read by key

export interface Canon {
  /** Sorted, without `null`; absent: any type. */
  types?: string[];
  nullable: boolean;
  /** Non-null values, each as JSON text, sorted. */
  enum?: string[];
  pattern?: string;
  format?: string;
  bounds: Record<string, number>;
  uniqueItems?: boolean;
  properties?: Record<string, Canon>;
  required?: string[];
  patternProperties?: Record<string, Canon>;
  /** For maps: what the keys must match (Nova's one patternProperties key, the spec's propertyNames). */
  keyPattern?: string;
  keyBounds?: Record<string, number>;
  /** For objects: what other properties may be. */
  additional?: 'open' | 'closed' | Canon;
  items?: Canon;
  /** Alternatives that are not a plain union of scalar types. */
  variants?: Canon[];
}

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

export type Resolve = (node: Json) => Json;

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function empty(): Canon {
  return { nullable: false, bounds: {} };
}

/** The canonical form of `schema`; `resolve` follows `$ref`s (the spec's) and is the identity for Nova. */
export function normalise(schema: Json, resolve: Resolve, depth = 0): Canon {
  const node = withSiblings(schema, resolve(schema));
  if (depth > 40 || node === true || !isObject(node)) return empty();
  let out = own(node, resolve, depth);
  for (const sub of Array.isArray(node.allOf) ? node.allOf : []) out = merge(out, normalise(sub, resolve, depth + 1)) ?? out;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!Array.isArray(node[key])) continue;
    const branches = node[key].map((b: Json) => normalise(b, resolve, depth + 1));
    const nullOnly = (b: Canon) => b.nullable && b.types !== undefined && b.types.length === 0;
    const nullable = out.nullable || branches.some((b: Canon) => b.nullable);
    const rest: Canon[] = branches.filter((b: Canon) => !nullOnly(b));
    const flat = rest.length > 0 ? rest.slice(1).reduce<Canon | undefined>((acc, b) => acc && union(acc, b), rest[0]) : undefined;
    if (flat) out = merge(out, flat) ?? { ...out, variants: rest };
    else if (rest.length > 0) out = { ...out, variants: rest.sort((a, b) => signature(a).localeCompare(signature(b))) };
    else out = { ...out, types: [] };
    out.nullable = nullable;
  }
  return out;
}

/**
 * In JSON Schema 2020-12 a `$ref` applies beside its siblings: a branch `{$ref: TenantUsage, required:
 * [..., server_usages]}` requires what both say. Following the reference alone would lose them.
 */
function withSiblings(schema: Json, resolved: Json): Json {
  if (!isObject(schema) || typeof schema.$ref !== 'string' || !isObject(resolved) || resolved === schema) return resolved;
  const { $ref: _ref, ...siblings } = schema;
  const required = [...new Set([...(Array.isArray(resolved.required) ? resolved.required : []), ...(Array.isArray(siblings.required) ? siblings.required : [])])];
  return { ...resolved, ...siblings, ...(required.length > 0 ? { required } : {}) };
}

/** The node's own keywords, without its combinators. */
function own(node: Record<string, Json>, resolve: Resolve, depth: number): Canon {
  const out = empty();
  if (node.type !== undefined) {
    const types: string[] = Array.isArray(node.type) ? node.type : [node.type];
    out.nullable = types.includes('null');
    out.types = [...new Set(types.filter((t) => t !== 'null'))].sort();
  }
  const values = 'const' in node ? [node.const] : Array.isArray(node.enum) ? node.enum : undefined;
  if (values) {
    if (values.includes(null)) out.nullable = true;
    out.enum = [...new Set(values.filter((v: Json) => v !== null).map((v: Json) => JSON.stringify(v)))].sort();
    // `enum: [null]` is what the spec writes for "always null".
    if (out.enum.length === 0 && out.types === undefined) { out.types = []; delete out.enum; }
  }
  // The bundles publish Unicode-class patterns as explicit BMP ranges (microversions'
  // portable-pattern.ts) and keep the readable original beside them: compare the original.
  const unicode = node['x-novaspec-unicode-pattern'];
  if (typeof unicode === 'string') out.pattern = unicode;
  else if (typeof node.pattern === 'string') out.pattern = node.pattern;
  if (typeof node.format === 'string') out.format = node.format;
  for (const key of BOUNDS) {
    if (typeof node[key] === 'number') out.bounds[key] = node[key];
  }
  // draft-4: `exclusiveMinimum: true` makes `minimum` exclusive.
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (node[flag] === true && typeof node[bound] === 'number') {
      out.bounds[flag] = node[bound];
      delete out.bounds[bound];
    }
  }
  if (node.uniqueItems === true) out.uniqueItems = true;
  const objectish = isObject(node.properties) || 'additionalProperties' in node || isObject(node.patternProperties) || isObject(node.propertyNames);
  if (out.types === undefined && objectish) out.types = ['object'];
  if (out.types === undefined && 'items' in node) out.types = ['array'];
  if (out.types?.includes('object')) {
    out.properties = {};
    for (const [name, sub] of Object.entries<Json>(isObject(node.properties) ? node.properties : {})) {
      out.properties[name] = normalise(sub, resolve, depth + 1);
    }
    const ap = node.additionalProperties;
    out.additional = ap === false ? 'closed'
      : isObject(ap) && Object.keys(ap).length > 0 ? normalise(ap, resolve, depth + 1)
        : 'open';
    const patterns = isObject(node.patternProperties) ? Object.entries<Json>(node.patternProperties) : [];
    if (patterns.length === 1 && out.additional === 'closed' && Object.keys(out.properties).length === 0) {
      // Nova's map idiom: one key pattern, nothing else allowed. `^.*$` lets every key through and
      // `^.+$` every non-empty one, which the spec says with additionalProperties (and propertyNames).
      const [pattern, sub] = patterns[0]!;
      out.additional = normalise(sub, resolve, depth + 1);
      if (pattern === '^.+$') out.keyBounds = { minLength: 1 };
      else if (pattern !== '^.*$' && pattern !== '.*') out.keyPattern = pattern;
    } else if (patterns.length > 0) {
      out.patternProperties = {};
      for (const [pattern, sub] of patterns) out.patternProperties[pattern] = normalise(sub, resolve, depth + 1);
    }
    const names = resolve(node.propertyNames);
    if (isObject(names)) {
      if (names.pattern === '^.+$') out.keyBounds = { minLength: 1 };
      else if (typeof names.pattern === 'string') out.keyPattern = names.pattern;
      for (const key of ['minLength', 'maxLength']) {
        if (typeof names[key] === 'number') out.keyBounds = { ...out.keyBounds, [key]: names[key] };
      }
    }
    if (Array.isArray(node.required) && node.required.length > 0) out.required = [...new Set<string>(node.required)].sort();
  }
  if ('items' in node && isObject(resolve(node.items))) out.items = normalise(node.items, resolve, depth + 1);
  return out;
}

/** A short text that tells variants apart (for a stable order and for matching them up). */
export function signature(c: Canon): string {
  const props = c.properties ? Object.keys(c.properties).sort().join(',') : '';
  return `${(c.types ?? ['any']).join('|')}{${props}}${c.required ? `!${c.required.join(',')}` : ''}`;
}

const isScalar = (c: Canon) => !c.properties && !c.items && !c.variants && !c.patternProperties
  && (c.types === undefined || c.types.every((t) => t !== 'object' && t !== 'array'));

/** Two scalar branches as one node, when no keyword of one contradicts the other. */
function union(a: Canon, b: Canon): Canon | undefined {
  if (!isScalar(a) || !isScalar(b) || a.types === undefined || b.types === undefined) return undefined;
  const merged = merge({ ...a, types: undefined }, { ...b, types: undefined });
  if (!merged) return undefined;
  return { ...merged, types: [...new Set([...a.types, ...b.types])].sort(), nullable: a.nullable || b.nullable };
}

/**
 * `a` and `b` as one node (both must hold, as `allOf` says), or undefined when a keyword has two
 * different values. Types are intersected; an absent keyword takes the other side's.
 */
function merge(a: Canon, b: Canon): Canon | undefined {
  const out: Canon = { ...a, bounds: { ...a.bounds } };
  if (b.types !== undefined) out.types = a.types === undefined ? b.types : a.types.filter((t) => b.types!.includes(t));
  // Both must hold: null passes when each side lets it (a side of any type does).
  out.nullable = (a.types === undefined || a.nullable) && (b.types === undefined || b.nullable);
  for (const key of ['enum', 'pattern', 'format', 'uniqueItems', 'items', 'additional', 'variants', 'patternProperties', 'keyPattern', 'keyBounds'] as const) {
    if (b[key] === undefined) continue;
    if (a[key] !== undefined && JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
      // An open object merged with a closed or typed one takes the stricter side.
      if (key === 'additional' && a[key] === 'open') { (out as Json)[key] = b[key]; continue; }
      if (key === 'additional' && b[key] === 'open') continue;
      return undefined;
    }
    (out as Json)[key] = b[key];
  }
  for (const [k, v] of Object.entries(b.bounds)) {
    if (k in out.bounds && out.bounds[k] !== v) return undefined;
    out.bounds[k] = v;
  }
  if (b.properties) out.properties = { ...a.properties, ...b.properties };
  if (b.required) out.required = [...new Set([...(a.required ?? []), ...b.required])].sort();
  return out;
}
