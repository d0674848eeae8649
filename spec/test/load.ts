/** Reads the built spec (spec/dist, made by `npm run bundle -w @novaspec/spec`) for the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const dist = join(import.meta.dirname, '..', 'dist');

export type Json = any; // specs are read by path in the tests

export const index = JSON.parse(readFileSync(join(dist, 'versions', 'index.json'), 'utf8')) as {
  min: string; max: string; versions: string[]; changesAt: Record<string, string[]>;
};

const cache = new Map<string, Json>();
export function view(version: string): Json {
  let doc = cache.get(version);
  if (!doc) {
    doc = JSON.parse(readFileSync(join(dist, 'versions', `${version}.json`), 'utf8'));
    cache.set(version, doc);
  }
  return doc;
}

export function allVersions(): Json {
  return JSON.parse(readFileSync(join(dist, 'openapi.all.json'), 'utf8'));
}

export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * An Ajv set up as the mock's validator is (JSON Schema 2020-12, formats, unicode regexps), holding a
 * whole view so that schemas are compiled by JSON pointer into it and their $refs resolve.
 */
export function validatorFor(version: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true, validateFormats: true });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  ajv.addSchema(view(version), 'view');
  return (pointer: string) => ajv.compile({ $ref: `view#${pointer}` });
}

export interface MediaExample {
  pointer: string;
  schemaPointer: string;
  name: string;
  value: unknown;
}

/** Every example under a media type of the view: request bodies and responses, in paths and components. */
export function mediaExamples(doc: Json): MediaExample[] {
  const found: MediaExample[] = [];
  const visit = (node: Json, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${pointer}/${i}`));
    if (pointer.match(/\/content\/[^/]+$/) && node.schema) {
      const schemaPointer = `${pointer}/schema`;
      if ('example' in node) found.push({ pointer: `${pointer}/example`, schemaPointer, name: 'example', value: node.example });
      for (const [name, example] of Object.entries<Json>(node.examples ?? {})) {
        found.push({ pointer: `${pointer}/examples/${escapePointer(name)}`, schemaPointer, name, value: example.value });
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key === 'value') continue;
      visit(value, `${pointer}/${escapePointer(key)}`);
    }
  };
  visit(doc, '');
  return found;
}
