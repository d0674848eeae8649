/**
 * Reading the `x-openstack` extension (see docs/adr/0002-microversion-model.md). Only this module knows
 * its key names; views, prose and lint rules ask it for ranges and overrides.
 */
import { parseVersion, type Range } from './version.ts';

export const EXTENSION = 'x-openstack';
export const MIN_KEY = 'min-ver';
export const MAX_KEY = 'max-ver';
export const OVERRIDES_KEY = 'overrides';

/** JSON Schema keywords an override may replace. */
export const OVERRIDABLE_KEYWORDS = new Set([
  'required', 'enum', 'type', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'additionalProperties', 'default',
]);

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function extensionOf(node: unknown): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  const ext = node[EXTENSION];
  return isObject(ext) ? ext : undefined;
}

/** Whether a node (or a nested x-openstack value) states a range at all. */
export function hasRange(holder: unknown): boolean {
  return isObject(holder) && (MIN_KEY in holder || MAX_KEY in holder);
}

/**
 * The range stated by an object holding `min-ver`/`max-ver` (an x-openstack object, an override or a
 * nested flag), with missing ends filled from `bounds`. Malformed ends are left to lint; here they
 * fall back to the bounds so that a view never throws on them.
 */
export function rangeOf(holder: unknown, bounds: Range): Range {
  if (!isObject(holder)) return bounds;
  const min = parseVersion(holder[MIN_KEY]) ?? bounds.min;
  const max = parseVersion(holder[MAX_KEY]) ?? bounds.max;
  return { min, max };
}

/** The range of a node from its own x-openstack; the whole bounds when it has none. */
export function nodeRange(node: unknown, bounds: Range): Range {
  return rangeOf(extensionOf(node), bounds);
}

export interface Override {
  range: Range;
  keywords: JsonObject;
}

export function overridesOf(node: unknown, bounds: Range): Override[] {
  const list = extensionOf(node)?.[OVERRIDES_KEY];
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((entry) => {
    const keywords: JsonObject = {};
    for (const [key, value] of Object.entries(entry)) {
      if (key !== MIN_KEY && key !== MAX_KEY) keywords[key] = value;
    }
    return { range: rangeOf(entry, bounds), keywords };
  });
}

/** The microversion bounds of the whole document, from `info.x-openstack`. */
export function documentBounds(doc: unknown): Range {
  const info = isObject(doc) ? doc.info : undefined;
  const ext = extensionOf(info);
  const min = parseVersion(ext?.[MIN_KEY]);
  const max = parseVersion(ext?.[MAX_KEY]);
  if (min === undefined || max === undefined) {
    throw new Error(`info.${EXTENSION} must give ${MIN_KEY} and ${MAX_KEY} as "2.N" strings`);
  }
  return { min, max };
}
