import { describe, expect, it } from 'vitest';
import { negotiate } from '../src/microversion.ts';

const range = { min: 1, max: 104 };

describe('negotiate: the microversion of a request, as Nova picks it', () => {
  const table: { name: string; headers: Record<string, string>; want: unknown }[] = [
    { name: 'no header means 2.1', headers: {}, want: { ok: true, minor: 1, version: '2.1' } },
    { name: 'the modern header', headers: { 'openstack-api-version': 'compute 2.47' }, want: { ok: true, minor: 47, version: '2.47' } },
    { name: 'the legacy header', headers: { 'x-openstack-nova-api-version': '2.46' }, want: { ok: true, minor: 46, version: '2.46' } },
    {
      name: 'the modern header wins over the legacy one',
      headers: { 'openstack-api-version': 'compute 2.60', 'x-openstack-nova-api-version': '2.3' },
      want: { ok: true, minor: 60, version: '2.60' },
    },
    { name: 'other services in the modern header are skipped', headers: { 'openstack-api-version': 'volume 3.5, compute 2.9' }, want: { ok: true, minor: 9, version: '2.9' } },
    { name: 'latest is the newest served', headers: { 'openstack-api-version': 'compute latest' }, want: { ok: true, minor: 104, version: '2.104' } },
    { name: 'outside the range is 406', headers: { 'openstack-api-version': 'compute 2.999' }, want: expect.objectContaining({ ok: false, status: 406 }) },
    { name: 'another major version is 406', headers: { 'x-openstack-nova-api-version': '3.0' }, want: expect.objectContaining({ ok: false, status: 406 }) },
    { name: 'garbage is 400', headers: { 'openstack-api-version': 'compute two' }, want: expect.objectContaining({ ok: false, status: 400 }) },
  ];
  for (const { name, headers, want } of table) it(name, () => expect(negotiate(headers, range)).toEqual(want));

  it('honours a lower configured maximum', () => {
    expect(negotiate({ 'openstack-api-version': 'compute 2.60' }, { min: 1, max: 50 })).toMatchObject({ ok: false, status: 406 });
    expect(negotiate({ 'openstack-api-version': 'compute latest' }, { min: 1, max: 50 })).toMatchObject({ version: '2.50' });
  });
});
