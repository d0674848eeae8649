/**
 * The usage audit log (nova/api/openstack/compute/instance_usage_audit_log.py): the same report in
 * both answers, no query parameters, and any query parameter refused from 2.102.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, index, view } from './load.ts';

const LIST = '/os-instance_usage_audit_log';
const SHOW = '/os-instance_usage_audit_log/{before_timestamp}';
const operation = (version: string, path: string) => view(version).paths[path].get;
const deref = (version: string, node: Json) => dereference(view(version), node);
const body = (version: string, path: string) => deref(version, deref(version, operation(version, path).responses['200']).content['application/json'].schema);

describe('instance usage audit log by microversion', () => {
  const table: { version: string; strict: boolean; list: string[]; show: string[] }[] = [
    { version: '2.1', strict: false, list: ['200', '400', '401', '403', '406'], show: ['200', '400', '401', '403', '406'] },
    { version: '2.101', strict: false, list: ['200', '400', '401', '403', '406'], show: ['200', '400', '401', '403', '406'] },
    { version: '2.102', strict: true, list: ['200', '400', '401', '403', '406'], show: ['200', '400', '401', '403', '406'] },
    { version: '2.104', strict: true, list: ['200', '400', '401', '403', '406'], show: ['200', '400', '401', '403', '406'] },
  ];
  for (const { version, strict, list, show } of table) {
    it(`at ${version}: query parameters refused ${strict}`, () => {
      for (const path of [LIST, SHOW]) {
        expect(Boolean(operation(version, path)['x-openstack']?.['strict-query'])).toBe(strict);
        expect((operation(version, path).parameters ?? []).map((p: Json) => deref(version, p)).filter((p: Json) => p.in === 'query')).toEqual([]);
      }
      expect(Object.keys(operation(version, LIST).responses).sort()).toEqual(list);
      expect(Object.keys(operation(version, SHOW).responses).sort()).toEqual(show);
    });
  }

  it('answers the same report under a plural key (list) and a singular one (show)', () => {
    const listed = deref('2.1', body('2.1', LIST).properties.instance_usage_audit_logs);
    const shown = deref('2.1', body('2.1', SHOW).properties.instance_usage_audit_log);
    expect(listed).toEqual(shown);
    expect(listed.required).toHaveLength(11);
    expect(listed.properties.log.additionalProperties.properties.state.enum).toEqual(['RUNNING', 'DONE']);
  });

  it('takes the timestamp in Nova\'s two strptime forms only', () => {
    const parameter = deref('2.1', view('2.1').paths[SHOW].parameters.find((p: Json) => deref('2.1', p).in === 'path'));
    const pattern = new RegExp(parameter.schema.pattern);
    expect(pattern.test('2026-11-15 00:00:00')).toBe(true);
    expect(pattern.test('2026-11-15 00:00:00.250000')).toBe(true);
    expect(pattern.test('2026-11-15T00:00:00')).toBe(false);
    expect(pattern.test('2026-11-15 00:00:00Z')).toBe(false);
  });

  it('changes at 2.102 only', () => {
    expect(index.changesAt[`GET ${LIST}`]).toEqual(['2.102']);
    expect(index.changesAt[`GET ${SHOW}`]).toEqual(['2.102']);
  });
});
