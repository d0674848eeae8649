/**
 * The operations Prism serves at each microversion, read from the spec's exact views
 * (`@novaspec/spec/versions/2.N.json`) once per microversion and kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';

const require = createRequire(import.meta.url);

export interface SpecVersions {
  dir: string;
  min: string;
  max: string;
  versions: string[];
}

export function locateSpecVersions(): SpecVersions {
  const index = require.resolve('@novaspec/spec/versions/index.json');
  const parsed = JSON.parse(readFileSync(index, 'utf8')) as Omit<SpecVersions, 'dir'>;
  return { dir: dirname(index), ...parsed };
}

export class OperationCache {
  readonly #dir: string;
  readonly #loaded = new Map<string, Promise<IHttpOperation[]>>();
  readonly #documents = new Map<string, Record<string, unknown>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  document(version: string): Record<string, unknown> {
    let document = this.#documents.get(version);
    if (!document) {
      document = JSON.parse(readFileSync(join(this.#dir, `${version}.json`), 'utf8')) as Record<string, unknown>;
      this.#documents.set(version, document);
    }
    return document;
  }

  operations(version: string): Promise<IHttpOperation[]> {
    let loaded = this.#loaded.get(version);
    if (!loaded) {
      loaded = getHttpOperationsFromSpec(this.document(version));
      this.#loaded.set(version, loaded);
    }
    return loaded;
  }
}
