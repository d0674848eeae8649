/**
 * Nova words a validation failure as `Invalid input for field/attribute <name>. Value: <value>.
 * <message>` (body) or `Invalid input for query parameters <name>. ...` (query), with Python
 * jsonschema's message (nova/api/validation/validators.py). Prism reports Ajv's findings; this turns
 * the first one into Nova's sentence, using Python's way of printing values and jsonschema's wording
 * for the common keywords.
 */

export interface Violation {
  /** Prism's location: ['body', 'server', 'name'] or ['query', 'limit']. */
  location?: (string | number)[];
  path?: (string | number)[];
  code?: string | number;
  message: string;
}

/** A value as Python's repr() prints it, which is what Nova's messages contain. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return node;
}

const PY_TYPES: Record<string, string> = { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', object: 'object', array: 'array', null: 'null' };

/** jsonschema's message for an Ajv finding, when the keyword is a common one; Ajv's own otherwise. */
function jsonschemaMessage(violation: Violation, value: unknown): string {
  const text = violation.message;
  const quoted = /'([^']+)'/.exec(text)?.[1];
  switch (violation.code) {
    case 'type': {
      const types = (/must be ([a-z,\s]+)/.exec(text)?.[1] ?? '').split(',').map((t) => PY_TYPES[t.trim()] ?? t.trim()).filter(Boolean);
      return `${pythonRepr(value)} is not of type ${types.map((t) => `'${t}'`).join(', ')}`;
    }
    case 'required':
      return quoted ? `'${quoted}' is a required property` : text;
    case 'additionalProperties':
      return quoted ? `Additional properties are not allowed ('${quoted}' was unexpected)` : 'Additional properties are not allowed';
    case 'enum':
      return `${pythonRepr(value)} is not one of the allowed values`;
    case 'minLength':
      return `${pythonRepr(value)} is too short`;
    case 'maxLength':
      return `${pythonRepr(value)} is too long`;
    case 'pattern':
      return `${pythonRepr(value)} does not match the required pattern`;
    case 'minimum':
      return `${pythonRepr(value)} is less than the minimum of ${/(\d+)/.exec(text)?.[1] ?? ''}`.trim();
    case 'maximum':
      return `${pythonRepr(value)} is greater than the maximum of ${/(\d+)/.exec(text)?.[1] ?? ''}`.trim();
    default:
      return text;
  }
}

/** Nova's sentence for the first violation of a request. */
export function novaValidationMessage(violation: Violation, input: { body?: unknown; query?: Record<string, unknown> }): string {
  const location = (violation.location ?? violation.path ?? []).map(String);
  const [where, ...rest] = location;
  // Ajv reports a missing or extra property at the object that should hold it.
  const field = violation.code === 'required' || violation.code === 'additionalProperties' ? rest : rest;
  if (where === 'query') {
    const name = field[0] ?? '';
    const value = input.query?.[name];
    return `Invalid input for query parameters ${name}. Value: ${pythonRepr(value)}. ${jsonschemaMessage(violation, value)}`;
  }
  if (where === 'body') {
    const value = valueAt(input.body, field);
    const message = jsonschemaMessage(violation, value);
    if (field.length === 0) return message;
    return `Invalid input for field/attribute ${field.at(-1)}. Value: ${pythonRepr(value)}. ${message}`;
  }
  return violation.message;
}
