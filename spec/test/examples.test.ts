/**
 * Every example is valid at every microversion it claims (ADR 0002): in each exact view, each example
 * left there validates against its schema there, with closed objects rejecting undeclared fields.
 */
import { describe, expect, it } from 'vitest';
import { index, mediaExamples, validatorFor, view } from './load.ts';

describe('examples at their microversions', () => {
  it('the spec has examples to check', () => {
    expect(mediaExamples(view(index.max)).length).toBeGreaterThan(10);
  });

  for (const version of index.versions) {
    it(`every example in the ${version} view matches its schema there`, () => {
      const compile = validatorFor(version);
      const failures: string[] = [];
      for (const example of mediaExamples(view(version))) {
        const validate = compile(example.schemaPointer);
        if (!validate(example.value)) {
          failures.push(`${example.pointer}: ${validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`).join('; ')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
