/**
 * Remembers Prism's answers. Profiling the mock under load (ADR 0004) showed most of its time in
 * Prism's per-request routing and validation pipeline, for requests that contract-test suites send
 * again and again. Prism's answer is a function of the request (version, method, URL, the headers
 * Prism reads, the body) unless it generates data, so each distinct request is answered by Prism
 * once and replayed after that. Per-request headers (request ids) are added outside the cache.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Request headers that can change the answer (Prism's content negotiation and preferences). */
const PRISM_HEADERS = ['accept', 'content-type', 'prefer'] as const;

export class AnswerCache {
  readonly #limit: number;
  readonly #entries = new Map<string, Promise<Answer>>();
  hits = 0;
  misses = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  static key(version: string, method: string, path: string, search: string, headers: IncomingHttpHeaders, body: string | undefined): string {
    const prismHeaders = PRISM_HEADERS.map((name) => headers[name] ?? '').join('\u0000');
    return [version, method, path, search, prismHeaders, body ?? ''].join('\u0001');
  }

  getOrCompute(key: string, compute: () => Promise<Answer>): Promise<Answer> {
    if (this.#limit === 0) return compute();
    const found = this.#entries.get(key);
    if (found) {
      this.hits += 1;
      // Least recently used goes first: move the hit to the end.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    this.misses += 1;
    const pending = compute();
    this.#entries.set(key, pending);
    pending.catch(() => this.#entries.delete(key));
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
    return pending;
  }
}
