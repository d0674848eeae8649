/**
 * The proxy APIs Nova removed at 2.36 (issue 13): every operation answers its own status at 2.1
 * and 2.35, and 404 with Nova's itemNotFound at 2.36 and at the newest microversion.
 */
import { expect, it } from 'vitest';
import type { MockCall } from './mock-http.ts';

/** An operation: method, path, the status it answers while live, and its body if it takes one. */
export type ProxyOperation = [method: string, path: string, status: number, body?: unknown];

export function itAnswersUpTo235(send: MockCall, operations: ProxyOperation[]): void {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} every operation ${present ? 'answers' : 'is 404'}`, async () => {
      for (const [method, path, code, body] of operations) {
        const response = await send(method, path, version, body);
        const text = await response.text();
        expect(response.status, `${method} ${path} at ${version}: ${text}`).toBe(present ? code : 404);
        if (!present) expect(JSON.parse(text)).toMatchObject({ itemNotFound: { code: 404 } });
      }
    });
  }
}
