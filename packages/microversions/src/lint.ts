/**
 * The checks behind the lint rules of ADR 0002, as pure functions over one node, so that they are
 * tested without Redocly and reported by the Redocly plugin (redocly-plugin.ts) at the node's file
 * and line.
 */
import {
  MAX_KEY, MIN_KEY, OVERRIDABLE_KEYWORDS, OVERRIDES_KEY, extensionOf, hasRange, isObject, rangeOf,
  type JsonObject,
} from './annotations.ts';
import { formatVersion, intersect, parseVersion, type Range } from './version.ts';

export interface Finding {
  rule: string;
  message: string;
  /** Path from the checked node to the offending value. */
  path: (string | number)[];
}

export const RULES = {
  format: 'x-openstack-version-format',
  order: 'x-openstack-range-order',
  nesting: 'x-openstack-range-nesting',
  cover: 'x-openstack-variants-cover',
  overrides: 'x-openstack-overrides',
  deprecated: 'x-openstack-removed-deprecated',
} as const;

function show(range: Range): string {
  return `${formatVersion(range.min)}..${formatVersion(range.max)}`;
}

/** Checks one holder of `min-ver`/`max-ver`: both well formed, inside the bounds, in order. */
function checkRangeHolder(holder: JsonObject, bounds: Range, path: (string | number)[]): Finding[] {
  const findings: Finding[] = [];
  for (const key of [MIN_KEY, MAX_KEY]) {
    if (!(key in holder)) continue;
    const value = holder[key];
    const minor = parseVersion(value);
    if (minor === undefined) {
      findings.push({
        rule: RULES.format, path: [...path, key],
        message: `${key} must be a quoted microversion string "2.N", got ${JSON.stringify(value)}`,
      });
    } else if (minor < bounds.min || minor > bounds.max) {
      findings.push({
        rule: RULES.format, path: [...path, key],
        message: `${key} ${String(value)} is outside the API's microversions ${show(bounds)}`,
      });
    }
  }
  const min = parseVersion(holder[MIN_KEY]);
  const max = parseVersion(holder[MAX_KEY]);
  if (min !== undefined && max !== undefined && min > max) {
    findings.push({
      rule: RULES.order, path,
      message: `${MIN_KEY} ${String(holder[MIN_KEY])} is after ${MAX_KEY} ${String(holder[MAX_KEY])}`,
    });
  }
  return findings;
}

/** Format and order of every range in a node's x-openstack, nested flags and overrides included. */
export function checkAnnotation(node: unknown, bounds: Range): Finding[] {
  const ext = extensionOf(node);
  if (!ext) return [];
  const base = ['x-openstack'];
  const findings = checkRangeHolder(ext, bounds, base);
  for (const [key, value] of Object.entries(ext)) {
    if (key === OVERRIDES_KEY || key === MIN_KEY || key === MAX_KEY) continue;
    if (hasRange(value)) findings.push(...checkRangeHolder(value as JsonObject, bounds, [...base, key]));
  }
  findings.push(...checkOverrides(ext, bounds));
  return findings;
}

function checkOverrides(ext: JsonObject, bounds: Range): Finding[] {
  if (!(OVERRIDES_KEY in ext)) return [];
  const list = ext[OVERRIDES_KEY];
  const path = ['x-openstack', OVERRIDES_KEY];
  if (!Array.isArray(list) || list.length === 0) {
    return [{ rule: RULES.overrides, path, message: 'overrides must be a non-empty list' }];
  }
  const findings: Finding[] = [];
  const own = rangeOf(ext, bounds);
  const seen: { range: Range; index: number }[] = [];
  list.forEach((entry, index) => {
    const at = [...path, index];
    if (!isObject(entry)) {
      findings.push({ rule: RULES.overrides, path: at, message: 'an override must be an object' });
      return;
    }
    if (!hasRange(entry)) {
      findings.push({ rule: RULES.overrides, path: at, message: `an override needs ${MIN_KEY} and/or ${MAX_KEY}` });
    }
    findings.push(...checkRangeHolder(entry, bounds, at));
    const keywords = Object.keys(entry).filter((key) => key !== MIN_KEY && key !== MAX_KEY);
    if (keywords.length === 0) {
      findings.push({ rule: RULES.overrides, path: at, message: 'an override must change at least one keyword' });
    }
    for (const keyword of keywords) {
      if (!OVERRIDABLE_KEYWORDS.has(keyword)) {
        findings.push({
          rule: RULES.overrides, path: [...at, keyword],
          message: `"${keyword}" cannot be overridden (allowed: ${[...OVERRIDABLE_KEYWORDS].join(', ')})`,
        });
      }
    }
    const range = rangeOf(entry, bounds);
    if (!intersect(range, own)) {
      findings.push({ rule: RULES.overrides, path: at, message: `override ${show(range)} lies outside the node's range ${show(own)}` });
    }
    for (const other of seen) {
      if (intersect(other.range, range)) {
        findings.push({
          rule: RULES.overrides, path: at,
          message: `override ${show(range)} overlaps override #${other.index} (${show(other.range)})`,
        });
      }
    }
    seen.push({ range, index });
  });
  return findings;
}

/**
 * anyOf/oneOf whose branches all carry ranges: together they must cover the node's own range with no
 * gap, or some microversion would have no shape at all.
 */
export function checkVariants(schema: unknown, bounds: Range): Finding[] {
  if (!isObject(schema)) return [];
  const own = rangeOf(extensionOf(schema), bounds);
  const findings: Finding[] = [];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const ranges = branches.map((branch) => extensionOf(branch));
    if (ranges.some((ext) => !ext || !hasRange(ext))) continue;
    const covered = ranges.map((ext) => rangeOf(ext, bounds)).sort((a, b) => a.min - b.min);
    let next = own.min;
    for (const range of covered) {
      if (range.min > next) break;
      next = Math.max(next, range.max + 1);
    }
    if (next <= own.max) {
      findings.push({
        rule: RULES.cover, path: [key],
        message: `no branch of ${key} exists at ${formatVersion(next)} (the node exists ${show(own)})`,
      });
    }
  }
  return findings;
}

/** A node whose range ends before the newest microversion must say `deprecated: true`. */
export function checkDeprecated(node: unknown, bounds: Range): Finding[] {
  const ext = extensionOf(node);
  if (!isObject(node) || !ext || !(MAX_KEY in ext)) return [];
  const max = parseVersion(ext[MAX_KEY]);
  if (max === undefined || max >= bounds.max || node.deprecated === true) return [];
  return [{
    rule: RULES.deprecated, path: ['deprecated'],
    message: `removed after ${formatVersion(max)}, so it must be marked deprecated: true`,
  }];
}

/** A node inside an operation cannot exist where the operation does not. */
export function checkNesting(child: unknown, parent: Range, bounds: Range): Finding[] {
  const ext = extensionOf(child);
  if (!ext || !hasRange(ext)) return [];
  const range = rangeOf(ext, bounds);
  if (range.min >= parent.min && range.max <= parent.max) return [];
  return [{
    rule: RULES.nesting, path: ['x-openstack'],
    message: `range ${show(range)} reaches outside its operation's range ${show(parent)}`,
  }];
}
