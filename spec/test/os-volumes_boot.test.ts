/**
 * os-volumes_boot, the undocumented alias of /servers (up to 2.102, removed at 2.103): table tests
 * over the exact views (issue 13). Facts from nova/api/openstack/compute/volumes_boot.py (each method
 * bounded by api_version 2.1-2.102, trigger_crash_dump from 2.17), routes.py (the collection, detail,
 * one server and the action endpoint) and api_version_request.py (2.103 removes it).
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, dereference } from '@novaspec/microversions';
import { type Json, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);

describe('os-volumes_boot against Nova', () => {
  againstInventory(['os-volumes_boot']);
});

/** The alias and its original, operation by operation. */
const PAIRS: [string, string, string][] = [
  ['get', '/os-volumes_boot', '/servers'], ['post', '/os-volumes_boot', '/servers'], ['get', '/os-volumes_boot/detail', '/servers/detail'],
  ['get', '/os-volumes_boot/{server_id}', '/servers/{server_id}'], ['put', '/os-volumes_boot/{server_id}', '/servers/{server_id}'],
  ['delete', '/os-volumes_boot/{server_id}', '/servers/{server_id}'],
];

/** An operation's parameters, body and answers with every reference resolved one level (what a client sees). */
function shape(doc: Json, operation: Json) {
  const responses = Object.fromEntries(Object.entries<Json>(operation.responses).map(([code, r]) => [code, deref(doc, deref(doc, r).content?.['application/json']?.schema ?? null)]));
  const body = operation.requestBody ? deref(doc, deref(doc, operation.requestBody).content['application/json'].schema) : undefined;
  const parameters = (operation.parameters ?? []).map((p: Json) => deref(doc, p).name);
  return { responses, body, parameters };
}

describe('the alias answers with the very schemas of /servers', () => {
  for (const version of ['2.1', '2.19', '2.47', '2.75', '2.90', '2.100', '2.102']) {
    it(`at ${version} every aliased operation has the same parameters, body and answers as its /servers original`, () => {
      const doc = view(version);
      for (const [method, alias, original] of PAIRS) {
        const a = shape(doc, doc.paths[alias][method]);
        const o = shape(doc, doc.paths[original][method]);
        expect(a.parameters, `${method} ${alias}`).toEqual(o.parameters);
        expect(a.body, `${method} ${alias}`).toEqual(o.body);
        for (const [code, schema] of Object.entries(o.responses)) if (schema) expect(a.responses[code], `${method} ${alias} ${code}`).toEqual(schema);
      }
    });
  }
  it('has its own operation ids', () => {
    const doc = view('2.102');
    for (const [method, alias, original] of PAIRS) expect(doc.paths[alias][method].operationId).not.toBe(doc.paths[original][method].operationId);
  });
});

describe('the alias\'s action endpoint', () => {
  const table: { version: string; actions: string[] }[] = [
    { version: '2.1', actions: ['confirmResize', 'revertResize', 'reboot', 'resize', 'rebuild', 'createImage', 'os-start', 'os-stop'] },
    { version: '2.17', actions: ['confirmResize', 'revertResize', 'reboot', 'resize', 'rebuild', 'createImage', 'os-start', 'os-stop', 'trigger_crash_dump'] },
    { version: '2.102', actions: ['confirmResize', 'revertResize', 'reboot', 'resize', 'rebuild', 'createImage', 'os-start', 'os-stop', 'trigger_crash_dump'] },
    { version: '2.103', actions: [] },
  ];
  for (const { version, actions } of table) {
    it(`at ${version} routes ${actions.length ? actions.join(', ') : 'nothing (404)'}`, () => {
      const doc = view(version);
      const operation = doc.paths['/os-volumes_boot/{server_id}/action']?.post;
      expect(operation ? actionsOf(doc, operation).map((a: { name: string }) => a.name) : []).toEqual(actions);
    });
  }
  it('each action takes the body of the same /servers action, under an operation id of its own', () => {
    const doc = view('2.50');
    const own = actionsOf(doc, doc.paths['/os-volumes_boot/{server_id}/action'].post);
    const servers = new Map(actionsOf(doc, doc.paths['/servers/{server_id}/action'].post).map((a: Json) => [a.name, a]));
    for (const action of own) {
      expect(action.schema, action.name).toEqual((servers.get(action.name) as Json).schema);
      expect(action.operationId, action.name).toMatch(/VolumesBoot/);
    }
  });
  it('createImage answers its image id in the body from 2.45, and confirmResize 204', () => {
    const at = (version: string) => view(version).paths['/os-volumes_boot/{server_id}/action'].post.responses;
    expect(Object.keys(at('2.44'))).toEqual(expect.arrayContaining(['202', '204']));
    const body = (version: string) => JSON.stringify(at(version)['202'].content?.['application/json']?.schema ?? {});
    expect(body('2.44')).not.toContain('ServerActionCreateImageResponse');
    expect(body('2.45')).toContain('ServerActionCreateImageResponse');
  });
});

describe('gone at 2.103', () => {
  for (const [version, present] of [['2.102', true], ['2.103', false], ['2.104', false]] as const) {
    it(`at ${version} the four paths are ${present ? 'there' : 'gone'}`, () => {
      for (const path of ['/os-volumes_boot', '/os-volumes_boot/detail', '/os-volumes_boot/{server_id}', '/os-volumes_boot/{server_id}/action']) {
        expect(path in view(version).paths, path).toBe(present);
      }
    });
  }
});
