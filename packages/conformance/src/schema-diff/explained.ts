/**
 * The reviewed list of differences (nova-schemas/explained.yaml): which entry explains a difference,
 * and which entries explain nothing any more.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseVersion } from '@novaspec/microversions';
import { parse } from 'yaml';
import type { Found } from './diff.ts';

export const EXPLAINED = fileURLToPath(new URL('../../nova-schemas/explained.yaml', import.meta.url));

export interface Explanation {
  operation?: string;
  path?: string;
  kind: string;
  nova?: string;
  spec?: string;
  versions?: string;
  status: 'explained' | 'spec-error';
  reason: string;
}

export function loadExplanations(file = EXPLAINED): Explanation[] {
  const entries = parse(readFileSync(file, 'utf8')) as Explanation[];
  for (const [i, e] of entries.entries()) {
    if (!e.kind || !e.reason || (e.status !== 'explained' && e.status !== 'spec-error')) {
      throw new Error(`${file}: entry ${i + 1} needs kind, reason and a status of explained or spec-error`);
    }
  }
  return entries;
}

/** A glob where `*` is any run of characters and everything else is itself. */
function glob(pattern: string, value: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's').test(value);
}

/** Whether each run of the difference's microversions ("2.3-2.8", "2.9") lies inside `range`. */
function within(range: string, runs: string[]): boolean {
  const [lo, hi] = range.split('-').map(parseVersion);
  return runs.every((run) => {
    const [a, b = a] = run.split('-').map(parseVersion);
    return a! >= lo! && b! <= (hi ?? lo)!;
  });
}

export function matches(e: Explanation, d: Found): boolean {
  return e.kind === d.kind
    && (e.operation === undefined || glob(e.operation, d.operation))
    && (e.path === undefined || glob(e.path, d.path))
    && (e.nova === undefined || glob(e.nova, d.nova))
    && (e.spec === undefined || glob(e.spec, d.spec))
    && (e.versions === undefined || within(e.versions, d.versions));
}

export interface Judged {
  explained: { difference: Found; by: Explanation }[];
  unexplained: Found[];
  /** Entries no difference matched: stale, to be removed. */
  unused: Explanation[];
}

export function judge(differences: Found[], explanations: Explanation[]): Judged {
  const used = new Set<Explanation>();
  const out: Judged = { explained: [], unexplained: [], unused: [] };
  for (const d of differences) {
    const by = explanations.find((e) => matches(e, d));
    if (by) {
      used.add(by);
      out.explained.push({ difference: d, by });
    } else out.unexplained.push(d);
  }
  out.unused = explanations.filter((e) => !used.has(e));
  return out;
}
