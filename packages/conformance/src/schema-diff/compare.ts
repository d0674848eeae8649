/**
 * Compares two canonical schemas (normalise.ts), Nova's and the spec's, and lists where they
 * disagree: one entry per keyword at one place, recursing into properties, maps, array items and
 * variants, so a nested difference is named by its path (`server.flavor.extra_specs{}`).
 */
import { signature, type Canon } from './normalise.ts';

export interface Difference {
  /** `body` (request), `query` or `response`, then the path inside it: `.server.name`, `[]`, `{}`. */
  path: string;
  kind: string;
  nova: string;
  spec: string;
}

const text = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

const types = (c: Canon) => (c.types === undefined ? 'any' : c.types.length === 0 ? 'null' : c.types.join('|'));

function additional(a: Canon['additional']): string {
  return a === undefined ? '(not an object)' : typeof a === 'string' ? a : `schema ${types(a)}`;
}

export function compare(nova: Canon, spec: Canon, path: string, out: Difference[] = []): Difference[] {
  const add = (kind: string, n: unknown, s: unknown) => out.push({ path, kind, nova: text(n), spec: text(s) });
  // Only the types that the other side names are compared when one side says "any".
  if (nova.types !== undefined && spec.types !== undefined && types(nova) !== types(spec)) add('type', types(nova), types(spec));
  // A node of any type already lets null through, whatever it says about nullability.
  if (nova.types !== undefined && spec.types !== undefined && nova.types.length > 0 && spec.types.length > 0 && nova.nullable !== spec.nullable) {
    add('nullable', nova.nullable, spec.nullable);
  }
  if (text(nova.enum) !== text(spec.enum)) add('enum', nova.enum?.map((v) => JSON.parse(v)), spec.enum?.map((v) => JSON.parse(v)));
  if (nova.pattern !== spec.pattern) add('pattern', nova.pattern, spec.pattern);
  if (nova.format !== spec.format) add('format', nova.format, spec.format);
  for (const key of new Set([...Object.keys(nova.bounds), ...Object.keys(spec.bounds)])) {
    if (nova.bounds[key] !== spec.bounds[key]) add(key, nova.bounds[key], spec.bounds[key]);
  }
  if (Boolean(nova.uniqueItems) !== Boolean(spec.uniqueItems)) add('uniqueItems', Boolean(nova.uniqueItems), Boolean(spec.uniqueItems));

  // A node that only holds variants (`type: object` and a oneOf of whole shapes) says nothing about
  // properties itself: its branches do, and they are compared below.
  const container = (c: Canon) => c.variants !== undefined && Object.keys(c.properties ?? {}).length === 0;
  if ((nova.properties || spec.properties) && !container(nova) && !container(spec)) {
    const np = nova.properties ?? {};
    const sp = spec.properties ?? {};
    for (const name of Object.keys(np).sort()) {
      if (!(name in sp)) out.push({ path: `${path}.${name}`, kind: 'property only in Nova', nova: types(np[name]!), spec: '(absent)' });
    }
    for (const name of Object.keys(sp).sort()) {
      if (!(name in np)) out.push({ path: `${path}.${name}`, kind: 'property only in the spec', nova: '(absent)', spec: types(sp[name]!) });
    }
    for (const name of Object.keys(np).sort()) {
      if (name in sp) compare(np[name]!, sp[name]!, `${path}.${name}`, out);
    }
    // Named by what each side requires and the other does not, so a long list stays readable.
    const nr = nova.required ?? [];
    const sr = spec.required ?? [];
    const onlyNova = nr.filter((k) => !sr.includes(k));
    const onlySpec = sr.filter((k) => !nr.includes(k));
    if (onlyNova.length || onlySpec.length) add('required', onlyNova, onlySpec);
    if (nova.keyPattern !== spec.keyPattern) add('key pattern', nova.keyPattern, spec.keyPattern);
    if (text(nova.keyBounds) !== text(spec.keyBounds)) add('key length', nova.keyBounds, spec.keyBounds);
    const na = nova.additional;
    const sa = spec.additional;
    if (typeof na === 'object' && typeof sa === 'object') compare(na, sa, `${path}{}`, out);
    else if (additional(na) !== additional(sa)) add('additionalProperties', additional(na), additional(sa));
    const npp = nova.patternProperties ?? {};
    const spp = spec.patternProperties ?? {};
    if (text(Object.keys(npp).sort()) !== text(Object.keys(spp).sort())) {
      add('patternProperties', Object.keys(npp).sort(), Object.keys(spp).sort());
    } else {
      for (const key of Object.keys(npp)) compare(npp[key]!, spp[key]!, `${path}{${key}}`, out);
    }
  }

  if (nova.items && spec.items) compare(nova.items, spec.items, `${path}[]`, out);
  else if (nova.items || spec.items) add('items', nova.items ? types(nova.items) : undefined, spec.items ? types(spec.items) : undefined);

  if (nova.variants || spec.variants) {
    const nv = nova.variants ?? [nova];
    const sv = spec.variants ?? [spec];
    if (nv.length !== sv.length) {
      add('variants', nv.map(signature), sv.map(signature));
    } else if (nova.variants && spec.variants) {
      // Both sorted by signature, so the branches pair up by shape.
      nv.forEach((branch, i) => compare(branch, sv[i]!, `${path}|${i + 1}`, out));
    }
  }
  return out;
}
