/**
 * Remembers Prism's answers. Profiling the mock under load (ADR 0004) showed most of its time in
 * Prism's per-request routing and validation pipeline, for requests that contract-test suites send
 * again and again. Prism's answer is a function of the request (version, method, URL, the headers
 * Prism reads, the body) unless it generates data, so each distinct request is answered by Prism
 * once and replayed after that. Per-request headers (request ids) are added outside the cache.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Request headers that can change the answer (Prism's content negotiation and preferences). */
const PRISM_HEADERS = ['accept', 'content-type', 'prefer'] as const;

export class AnswerCache {
  /** Least recently used goes first; none at all with a limit of 0 (every request asks Prism). */
  readonly #entries: LRUCache<string, Promise<Answer>> | undefined;
  hits = 0;
  misses = 0;

  constructor(limit: number) {
    this.#entries = limit > 0 ? new LRUCache({ max: limit }) : undefined;
  }

  static key(version: string, method: string, path: string, search: string, headers: IncomingHttpHeaders, body: string | undefined): string {
    const prismHeaders = PRISM_HEADERS.map((name) => headers[name] ?? '').join('\u0000');
    return [version, method, path, search, prismHeaders, body ?? ''].join('\u0001');
  }

  getOrCompute(key: string, compute: () => Promise<Answer>): Promise<Answer> {
    const entries = this.#entries;
    if (!entries) return compute();
    const found = entries.get(key);
    if (found) {
      this.hits += 1;
      return found;
    }
    this.misses += 1;
    const pending = compute();
    entries.set(key, pending);
    // A failed answer is not remembered (the next request asks again).
    pending.catch(() => {
      if (entries.peek(key) === pending) entries.delete(key);
    });
    return pending;
  }
}
