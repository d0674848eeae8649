/**
 * The usage reports at their change points (nova/api/openstack/compute/simple_tenant_usage.py and
 * schemas/simple_tenant_usage.py): paging and next links from 2.40, unknown query parameters
 * refused from 2.75, `detailed` only on the list.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, index, view } from './load.ts';

const LIST = '/os-simple-tenant-usage';
const SHOW = '/os-simple-tenant-usage/{tenant_id}';
const operation = (version: string, path: string) => view(version).paths[path].get;
const deref = (version: string, node: Json) => dereference(view(version), node);
const queryNames = (version: string, path: string) => (operation(version, path).parameters ?? []).map((p: Json) => deref(version, p)).filter((p: Json) => p.in === 'query').map((p: Json) => p.name).sort();
const body = (version: string, path: string) => deref(version, deref(version, operation(version, path).responses['200']).content['application/json'].schema);

describe('simple tenant usage by microversion', () => {
  const table: { version: string; list: string[]; show: string[]; links: boolean; strict: boolean }[] = [
    { version: '2.1', list: ['detailed', 'end', 'start'], show: ['end', 'start'], links: false, strict: false },
    { version: '2.39', list: ['detailed', 'end', 'start'], show: ['end', 'start'], links: false, strict: false },
    { version: '2.40', list: ['detailed', 'end', 'limit', 'marker', 'start'], show: ['end', 'limit', 'marker', 'start'], links: true, strict: false },
    { version: '2.74', list: ['detailed', 'end', 'limit', 'marker', 'start'], show: ['end', 'limit', 'marker', 'start'], links: true, strict: false },
    { version: '2.75', list: ['detailed', 'end', 'limit', 'marker', 'start'], show: ['end', 'limit', 'marker', 'start'], links: true, strict: true },
    { version: '2.104', list: ['detailed', 'end', 'limit', 'marker', 'start'], show: ['end', 'limit', 'marker', 'start'], links: true, strict: true },
  ];
  for (const { version, list, show, links, strict } of table) {
    it(`at ${version}: list takes ${list.join(', ')}; show ${show.join(', ')}; links ${links}; unknown parameters refused ${strict}`, () => {
      expect(queryNames(version, LIST)).toEqual(list);
      expect(queryNames(version, SHOW)).toEqual(show);
      expect('tenant_usages_links' in body(version, LIST).properties).toBe(links);
      expect('tenant_usage_links' in body(version, SHOW).properties).toBe(links);
      for (const path of [LIST, SHOW]) {
        expect(Boolean(operation(version, path)['x-openstack']?.['strict-query'])).toBe(strict);
        expect(Object.keys(operation(version, path).responses).sort()).toEqual(['200', '400', '401', '403', '406']);
      }
    });
  }

  it('lists server usages only on request, always in a project report, and an empty object for a project with none', () => {
    const entry = deref('2.1', deref('2.1', body('2.1', LIST).properties.tenant_usages).items);
    expect(entry.required).not.toContain('server_usages');
    const shown = deref('2.1', body('2.1', SHOW).properties.tenant_usage);
    expect(shown.anyOf).toHaveLength(2);
    expect(shown.anyOf[0].required).toContain('server_usages');
    expect(shown.anyOf[1]).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('changes at 2.40 and 2.75, as Nova does', () => {
    expect(index.changesAt[`GET ${LIST}`]).toEqual(['2.40', '2.75']);
    expect(index.changesAt[`GET ${SHOW}`]).toEqual(['2.40', '2.75']);
  });
});
