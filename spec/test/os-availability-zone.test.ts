/**
 * Availability zones (issue 11): the summary and detailed shapes, and the 2.102 query rule, over the
 * exact views. Facts from nova/api/openstack/compute/availability_zone.py and its schema.
 */
import { describe, expect, it } from 'vitest';
import { escapePointer, validatorFor, view } from './load.ts';

const ptr = (path: string, method: string, rest: string) => `/paths/${escapePointer(path)}/${method}${rest}`;
const responseOf = (path: string, method: string, code: string) => ptr(path, method, `/responses/${code}/content/application~1json/schema`);
const valid = (version: string, pointer: string, body: unknown) => {
  const check = validatorFor(version)(pointer);
  return check(body) ? true : check.errors;
};

describe('availability zones: query rules', () => {
  const strict = (version: string, path: string) => view(version).paths[path].get['x-openstack']?.['strict-query'] === true;
  it('GET /os-availability-zone refuses unknown query parameters from 2.102', () => {
    expect(strict('2.101', '/os-availability-zone')).toBe(false);
    expect(strict('2.102', '/os-availability-zone')).toBe(true);
  });
  it('GET /os-availability-zone/detail refuses unknown query parameters from 2.102', () => {
    expect(strict('2.101', '/os-availability-zone/detail')).toBe(false);
    expect(strict('2.102', '/os-availability-zone/detail')).toBe(true);
  });
});

describe('availability zones', () => {
  const zone = { zoneName: 'rack-a', zoneState: { available: true } };
  const hosts = { 'cmp-a-01': { 'nova-compute': { available: true, active: true, updated_at: '2026-11-30T14:22:05.000000' } } };
  it('the summary list has hosts: null only', () => {
    expect(valid('2.1', responseOf('/os-availability-zone', 'get', '200'), { availabilityZoneInfo: [{ ...zone, hosts: null }] })).toBe(true);
    expect(valid('2.1', responseOf('/os-availability-zone', 'get', '200'), { availabilityZoneInfo: [{ ...zone, hosts }] })).not.toBe(true);
  });
  it('the detailed list names hosts and services, or null', () => {
    for (const version of ['2.1', '2.104']) {
      const pointer = responseOf('/os-availability-zone/detail', 'get', '200');
      expect(valid(version, pointer, { availabilityZoneInfo: [{ ...zone, hosts }, { zoneName: 'off', zoneState: { available: false }, hosts: null }] })).toBe(true);
      expect(valid(version, pointer, { availabilityZoneInfo: [{ ...zone, hosts: { h: { 'nova-compute': { available: true } } } }] })).not.toBe(true);
    }
  });
});
