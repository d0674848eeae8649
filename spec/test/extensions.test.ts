/**
 * Extensions (issue 11): the 2.102 query rule and the entry shape, over the exact views. Facts from
 * nova/api/openstack/compute/extension_info.py and its schema.
 */
import { describe, expect, it } from 'vitest';
import { escapePointer, validatorFor, view } from './load.ts';

const ptr = (path: string, method: string, rest: string) => `/paths/${escapePointer(path)}/${method}${rest}`;
const responseOf = (path: string, method: string, code: string) => ptr(path, method, `/responses/${code}/content/application~1json/schema`);
const valid = (version: string, pointer: string, body: unknown) => {
  const check = validatorFor(version)(pointer);
  return check(body) ? true : check.errors;
};

describe('extensions: query rules', () => {
  const strict = (version: string, path: string) => view(version).paths[path].get['x-openstack']?.['strict-query'] === true;
  it('GET /extensions refuses unknown query parameters from 2.102', () => {
    expect(strict('2.101', '/extensions')).toBe(false);
    expect(strict('2.102', '/extensions')).toBe(true);
  });
  it('GET /extensions/{alias} refuses unknown query parameters from 2.102', () => {
    expect(strict('2.101', '/extensions/{alias}')).toBe(false);
    expect(strict('2.102', '/extensions/{alias}')).toBe(true);
  });
});

describe('extension entries', () => {
  const entry = { alias: 'os-server-groups', description: 'Server group support.', links: [], name: 'ServerGroups', namespace: 'http://docs.openstack.org/compute/ext/fake_xml', updated: '2014-12-03T00:00:00Z' };
  it('one shape at every microversion, closed', () => {
    for (const version of ['2.1', '2.102', '2.104']) {
      expect(valid(version, responseOf('/extensions/{alias}', 'get', '200'), { extension: entry })).toBe(true);
      expect(valid(version, responseOf('/extensions', 'get', '200'), { extensions: [entry] })).toBe(true);
      expect(valid(version, responseOf('/extensions', 'get', '200'), { extensions: [{ ...entry, enabled: true }] })).not.toBe(true);
    }
  });
});
