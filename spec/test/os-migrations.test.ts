/**
 * GET /os-migrations at its change points (nova/api/openstack/compute/migrations.py and
 * schemas/migrations.py): the query parameters each microversion accepts, the fields of a record,
 * the next link, and the microversions where the view changes.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, index, view } from './load.ts';

const ID = 'GET /os-migrations';
const operation = (version: string) => view(version).paths['/os-migrations'].get;
const deref = (version: string, node: Json) => dereference(view(version), node);
const queryNames = (version: string) => (operation(version).parameters ?? []).map((p: Json) => deref(version, p)).filter((p: Json) => p.in === 'query').map((p: Json) => p.name).sort();
const listSchema = (version: string) => deref(version, deref(version, operation(version).responses['200']).content['application/json'].schema);
const record = (version: string) => deref(version, deref(version, listSchema(version).properties.migrations).items);

const FILTERS = ['hidden', 'host', 'instance_uuid', 'migration_type', 'source_compute', 'status'];

describe('GET /os-migrations by microversion', () => {
  const table: { version: string; query: string[]; has: string[]; hasNot: string[]; links: boolean; strict: boolean }[] = [
    { version: '2.1', query: FILTERS, has: ['id', 'instance_uuid', 'status', 'old_instance_type_id', 'new_instance_type_id', 'dest_host'], hasNot: ['migration_type', 'links', 'uuid', 'user_id', 'project_id'], links: false, strict: false },
    { version: '2.22', query: FILTERS, has: [], hasNot: ['migration_type', 'links'], links: false, strict: false },
    { version: '2.23', query: FILTERS, has: ['migration_type', 'links'], hasNot: ['uuid'], links: false, strict: false },
    { version: '2.58', query: FILTERS, has: ['migration_type'], hasNot: ['uuid'], links: false, strict: false },
    { version: '2.59', query: [...FILTERS, 'changes-since', 'limit', 'marker'], has: ['uuid'], hasNot: ['user_id'], links: true, strict: true },
    { version: '2.65', query: [...FILTERS, 'changes-since', 'limit', 'marker'], has: ['uuid'], hasNot: ['user_id'], links: true, strict: true },
    { version: '2.66', query: [...FILTERS, 'changes-before', 'changes-since', 'limit', 'marker'], has: ['uuid'], hasNot: ['user_id', 'project_id'], links: true, strict: true },
    { version: '2.80', query: [...FILTERS, 'changes-before', 'changes-since', 'limit', 'marker', 'project_id', 'user_id'], has: ['uuid', 'user_id', 'project_id'], hasNot: [], links: true, strict: true },
    { version: '2.104', query: [...FILTERS, 'changes-before', 'changes-since', 'limit', 'marker', 'project_id', 'user_id'], has: ['user_id', 'project_id'], hasNot: [], links: true, strict: true },
  ];
  for (const { version, query, has, hasNot, links, strict } of table) {
    it(`at ${version}: query ${query.length} parameters, record has ${has.join(', ') || '-'}, not ${hasNot.join(', ') || '-'}`, () => {
      expect(queryNames(version)).toEqual([...query].sort());
      const fields = Object.keys(record(version).properties);
      for (const field of has) expect(fields, version).toContain(field);
      for (const field of hasNot) expect(fields, version).not.toContain(field);
      // Every field present is required, except the links only in-progress live migrations carry.
      expect([...record(version).required].sort()).toEqual(fields.filter((f) => f !== 'links').sort());
      expect('migrations_links' in listSchema(version).properties).toBe(links);
      expect(Boolean(operation(version)['x-openstack']?.['strict-query'])).toBe(strict);
      expect(Object.keys(operation(version).responses).sort()).toEqual(['200', '400', '401', '403', '406']);
    });
  }

  it('names the four kinds of migration from 2.23', () => {
    expect(deref('2.23', record('2.23').properties.migration_type).enum).toEqual(['migration', 'resize', 'live-migration', 'evacuation']);
  });

  it('changes at every microversion where Nova changes it (2.23, 2.59, 2.66, 2.80)', () => {
    expect(index.changesAt[ID]).toEqual(['2.23', '2.59', '2.66', '2.80']);
  });
});
