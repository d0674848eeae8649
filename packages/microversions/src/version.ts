/**
 * Microversion arithmetic. Nova's microversions are "2.N"; they compare by N, so 2.6 < 2.47 < 2.100.
 * Everything else in this package goes through these functions so that no caller compares strings.
 */

export type Microversion = `2.${number}`;

/** A closed range of microversions, both ends inclusive, as minor numbers. */
export interface Range {
  min: number;
  max: number;
}

const VERSION_PATTERN = /^2\.(0|[1-9][0-9]*)$/;

/** The minor number of "2.N", or undefined when the value is not a well-formed microversion. */
export function parseVersion(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = VERSION_PATTERN.exec(value);
  return match ? Number(match[1]) : undefined;
}

export function formatVersion(minor: number): Microversion {
  return `2.${minor}`;
}

/** Every microversion of a range, oldest first. */
export function versionsIn(range: Range): Microversion[] {
  const out: Microversion[] = [];
  for (let n = range.min; n <= range.max; n += 1) out.push(formatVersion(n));
  return out;
}

export function inRange(minor: number, range: Range): boolean {
  return minor >= range.min && minor <= range.max;
}

export function intersect(a: Range, b: Range): Range | undefined {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  return min <= max ? { min, max } : undefined;
}

/** "2.47 and later", "2.1 to 2.46", "2.5 only", "all microversions". */
export function describeRange(range: Range, bounds: Range): string {
  if (range.min <= bounds.min && range.max >= bounds.max) return 'all microversions';
  if (range.min === range.max) return `${formatVersion(range.min)} only`;
  if (range.max >= bounds.max) return `${formatVersion(range.min)} and later`;
  if (range.min <= bounds.min) return `up to ${formatVersion(range.max)}`;
  return `${formatVersion(range.min)} to ${formatVersion(range.max)}`;
}
