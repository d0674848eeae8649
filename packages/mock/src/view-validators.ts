/**
 * JSON Schema validators for the schemas of a microversion's view, compiled once per schema (the
 * view document is added to one Ajv instance per microversion, so `$ref`s resolve inside it).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { SpecIndex } from './operations.ts';

export class ViewValidators {
  readonly #index: SpecIndex;
  readonly #ajv = new Map<string, Ajv2020>();
  readonly #compiled = new WeakMap<object, ValidateFunction>();

  constructor(index: SpecIndex) {
    this.#index = index;
  }

  validator(version: string, schema: Record<string, unknown>): ValidateFunction {
    let compiled = this.#compiled.get(schema);
    if (compiled) return compiled;
    let ajv = this.#ajv.get(version);
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
      (addFormats as unknown as (a: Ajv2020) => void)(ajv);
      ajv.addSchema(this.#index.document(version), 'view');
      this.#ajv.set(version, ajv);
    }
    const ref = typeof schema.$ref === 'string' ? `view${schema.$ref}` : undefined;
    compiled = ajv.compile(ref ? { $ref: ref } : { ...schema, $defs: {} });
    this.#compiled.set(schema, compiled);
    return compiled;
  }
}
