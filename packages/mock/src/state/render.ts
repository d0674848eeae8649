/**
 * Renders a stored record at a microversion by the view's own schema, so that which fields an
 * answer has at 2.1, 2.47 or 2.104 is decided by the spec and never by a list of ours: a field the
 * schema does not have at that version is dropped; a field it requires that the record lacks is
 * taken from the spec's example of the same answer at that version (the record cannot know it).
 *
 * Records hold the union of what the views of every microversion can ask for (a server's `flavor`
 * keeps both the 2.1 reference, `id` and `links`, and the embedded copy of 2.47): these shapes use
 * disjoint keys, so projecting by the schema picks the right one.
 */
type Json = Record<string, any>;

export type Resolve = (node: Json) => Json;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const typesOf = (schema: Json): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

function typeMatches(value: unknown, schema: Json): boolean {
  const types = typesOf(schema);
  if (types.length === 0) return true;
  return types.some((type) => {
    if (type === 'null') return value === null;
    if (type === 'array') return Array.isArray(value);
    if (type === 'object') return isObject(value);
    if (type === 'integer') return Number.isInteger(value);
    return typeof value === type;
  });
}

/**
 * Whether a projected value could be the branch's: type, `const`, `enum` and required keys. Enough
 * to choose among the `anyOf` branches of Nova's views (an empty-string image or an image
 * reference; a full server or the reduced one of a down cell); the tests validate the whole answer.
 */
function plausible(value: unknown, schema: Json, resolve: Resolve): boolean {
  const s = resolve(schema);
  if (!typeMatches(value, s)) return false;
  if ('const' in s && value !== s.const) return false;
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return false;
  if (isObject(value) && Array.isArray(s.required) && !s.required.every((key: string) => key in value)) return false;
  for (const branch of s.allOf ?? []) if (!plausible(value, branch, resolve)) return false;
  const branches = s.anyOf ?? s.oneOf;
  if (branches && !branches.some((branch: Json) => plausible(value, branch, resolve))) return false;
  return true;
}

/** The value as the schema has it: see the module comment. `example` is the spec's value at the same place, if any. */
export function project(value: unknown, schema: Json | undefined, resolve: Resolve, example?: unknown): unknown {
  if (!schema) return value;
  const s = resolve(schema);
  const branches: Json[] | undefined = s.anyOf ?? s.oneOf;
  if (branches) {
    // A branch the example follows is tried too, so a required field the record lacks can come from it.
    for (const branch of branches) {
      const candidate = project(value, { ...s, anyOf: undefined, oneOf: undefined, ...resolve(branch) }, resolve, example);
      if (plausible(candidate, branch, resolve) && plausible(candidate, { ...s, anyOf: undefined, oneOf: undefined }, resolve)) return candidate;
    }
    return value;
  }
  if (Array.isArray(s.allOf) && s.allOf.length > 0) {
    const merged = s.allOf.map(resolve).reduce((all: Json, part: Json) => ({
      ...all, ...part,
      properties: { ...all.properties, ...part.properties },
      required: [...(all.required ?? []), ...(part.required ?? [])],
    }), { ...s, allOf: undefined });
    return project(value, merged, resolve, example);
  }
  if (Array.isArray(value)) {
    const itemExample = Array.isArray(example) ? example[0] : undefined;
    return value.map((item) => project(item, s.items, resolve, itemExample));
  }
  if (!isObject(value) || (!s.properties && s.additionalProperties === undefined)) return value;
  const properties: Json = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const exampleObject = isObject(example) ? example : {};
  const out: Json = {};
  // In the record's order (the order Nova's views write), then what only the example has.
  for (const key of Object.keys(value)) {
    if (key in properties) out[key] = project(value[key], properties[key] as Json, resolve, exampleObject[key]);
  }
  for (const key of required) {
    if (!(key in out) && key in properties && key in exampleObject) out[key] = exampleObject[key];
  }
  // A free-form map (`metadata`, `addresses`) keeps every entry the record has.
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
    const entrySchema = isObject(s.additionalProperties) ? s.additionalProperties : undefined;
    for (const [key, entry] of Object.entries(value)) {
      if (!(key in properties)) out[key] = project(entry, entrySchema, resolve);
    }
  }
  return out;
}
