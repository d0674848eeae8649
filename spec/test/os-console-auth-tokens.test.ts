/**
 * Console auth tokens (issue 11): 400-only up to 2.30, the connection information from 2.31,
 * `tls_port` and the strict query from 2.99, over the exact views. Facts from
 * nova/api/openstack/compute/console_auth_tokens.py and its schema.
 */
import { describe, expect, it } from 'vitest';
import { escapePointer, validatorFor, view } from './load.ts';

const ptr = (path: string, method: string, rest: string) => `/paths/${escapePointer(path)}/${method}${rest}`;
const responseOf = (path: string, method: string, code: string) => ptr(path, method, `/responses/${code}/content/application~1json/schema`);
const valid = (version: string, pointer: string, body: unknown) => {
  const check = validatorFor(version)(pointer);
  return check(body) ? true : check.errors;
};

describe('console auth tokens: query rules', () => {
  const strict = (version: string, path: string) => view(version).paths[path].get['x-openstack']?.['strict-query'] === true;
  it('GET /os-console-auth-tokens/{console_token} refuses unknown query parameters from 2.99', () => {
    expect(strict('2.98', '/os-console-auth-tokens/{console_token}')).toBe(false);
    expect(strict('2.99', '/os-console-auth-tokens/{console_token}')).toBe(true);
  });
});

describe('console auth tokens by microversion', () => {
  const path = '/os-console-auth-tokens/{console_token}';
  const codes = (version: string) => Object.keys(view(version).paths[path].get.responses).sort();
  it('up to 2.30 only refusals: no 200, no 404', () => {
    expect(codes('2.30')).toEqual(['400', '401', '403', '406']);
  });
  it('from 2.31 the connection information and 404 for an unknown token', () => {
    expect(codes('2.31')).toEqual(['200', '400', '401', '403', '404', '406']);
  });
  const console = { instance_uuid: '3c8a1f5e-7b2d-4e90-a6f4-d0e9b1c7a283', host: '10.40.2.17', port: 5902, internal_access_path: null };
  const table = [
    { version: '2.31', body: console, ok: true },
    { version: '2.98', body: { ...console, tls_port: 5903 }, ok: false },
    { version: '2.99', body: { ...console, tls_port: 5903 }, ok: true },
    { version: '2.99', body: console, ok: true },
  ];
  for (const { version, body, ok } of table) {
    it(`${version}: tls_port ${'tls_port' in body ? 'sent' : 'absent'} is ${ok ? 'valid' : 'refused'}`, () => {
      expect(valid(version, responseOf(path, 'get', '200'), { console: body }) === true).toBe(ok);
    });
  }
});

