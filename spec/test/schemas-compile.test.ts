/**
 * No silent pass: a schema that does not compile makes Prism skip validation and accept anything.
 * Every schema of every view must compile in Ajv 2020-12 with unicode regular expressions.
 */
import { describe, expect, it } from 'vitest';
import { escapePointer, index, validatorFor, view } from './load.ts';

describe('every schema compiles', () => {
  for (const version of index.versions) {
    it(`at ${version}`, () => {
      const compile = validatorFor(version);
      const doc = view(version);
      const failures: string[] = [];
      for (const [name] of Object.entries(doc.components?.schemas ?? {})) {
        const pointer = `/components/schemas/${escapePointer(name)}`;
        try {
          compile(pointer);
        } catch (error) {
          failures.push(`${pointer}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
