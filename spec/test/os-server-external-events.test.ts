/**
 * External events (nova/api/openstack/compute/server_external_events.py and its schemas): the event
 * names each microversion accepts and answers, 200 and 207, and the per-event codes.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, index, view } from './load.ts';

const PATH = '/os-server-external-events';
const operation = (version: string) => view(version).paths[PATH].post;
const deref = (version: string, node: Json) => dereference(view(version), node);
const requestEvent = (version: string) => {
  const schema = deref(version, deref(version, operation(version).requestBody).content['application/json'].schema);
  return deref(version, deref(version, schema.properties.events).items);
};
const answerEvent = (version: string, code: string) => {
  const schema = deref(version, deref(version, operation(version).responses[code]).content['application/json'].schema);
  return deref(version, deref(version, schema.properties.events).items);
};

const BASE = ['network-changed', 'network-vif-plugged', 'network-vif-unplugged', 'network-vif-deleted'];

describe('server external events by microversion', () => {
  const table: { version: string; names: string[] }[] = [
    { version: '2.1', names: BASE },
    { version: '2.50', names: BASE },
    { version: '2.51', names: [...BASE, 'volume-extended'] },
    { version: '2.75', names: [...BASE, 'volume-extended'] },
    { version: '2.76', names: [...BASE, 'volume-extended', 'power-update'] },
    { version: '2.81', names: [...BASE, 'volume-extended', 'power-update'] },
    { version: '2.82', names: [...BASE, 'volume-extended', 'power-update', 'accelerator-request-bound'] },
    { version: '2.92', names: [...BASE, 'volume-extended', 'power-update', 'accelerator-request-bound'] },
    { version: '2.93', names: [...BASE, 'volume-extended', 'power-update', 'accelerator-request-bound', 'volume-reimaged'] },
    { version: '2.104', names: [...BASE, 'volume-extended', 'power-update', 'accelerator-request-bound', 'volume-reimaged'] },
  ];
  for (const { version, names } of table) {
    it(`at ${version} accepts and answers ${names.length} event names`, () => {
      expect(deref(version, requestEvent(version).properties.name).enum).toEqual(names);
      for (const code of ['200', '207']) expect(deref(version, answerEvent(version, code).properties.name).enum).toEqual(names);
      expect(requestEvent(version).required).toEqual(['name', 'server_uuid']);
      expect(Object.keys(operation(version).responses).sort()).toEqual(['200', '207', '400', '401', '403', '406']);
    });
  }

  it('answers each event with a code and a status', () => {
    const event = answerEvent('2.1', '207');
    expect(event.required).toEqual(['code', 'name', 'server_uuid', 'status']);
    expect(event.properties.code.enum).toEqual([200, 400, 404, 422]);
    expect(deref('2.1', event.properties.status).enum).toEqual(['failed', 'completed', 'in-progress']);
  });

  it('changes at 2.51, 2.76, 2.82 and 2.93', () => {
    expect(index.changesAt[`POST ${PATH}`]).toEqual(['2.51', '2.76', '2.82', '2.93']);
  });
});
