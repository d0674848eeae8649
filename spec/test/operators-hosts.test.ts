/**
 * The operator APIs of issue 12's second part: host aggregates, hypervisors, compute services and
 * the old hosts API, at their change points (nova/api/openstack/compute/{aggregates,hypervisors,
 * services,hosts}.py and their schemas). Table tests over the exact views: which operations exist,
 * which fields, which are required, which enum values and status codes.
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, dereference } from '@novaspec/microversions';
import { type Json, allVersions, index, validatorFor, view } from './load.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const op = (version: string, method: string, path: string) => view(version).paths[path]?.[method];
function answer(version: string, method: string, path: string, code = '200'): Json {
  const doc = view(version);
  return deref(doc, deref(doc, op(version, method, path).responses[code]).content['application/json'].schema);
}
/** The type of a schema, through a one-branch anyOf (a variant component at one microversion). */
const typeOf = (version: string, node: Json): string | undefined => {
  const schema = deref(view(version), node);
  return schema.anyOf?.length === 1 ? deref(view(version), schema.anyOf[0]).type : schema.type;
};
const props = (schema: Json) => Object.keys(schema.properties ?? {}).sort();
const item = (version: string, list: Json, key: string) => deref(view(version), deref(view(version), list.properties[key]).items);
const queryNames = (version: string, path: string) => (op(version, 'get', path).parameters ?? []).map((p: Json) => deref(view(version), p)).filter((p: Json) => p.in === 'query').map((p: Json) => p.name).sort();
const codes = (version: string, method: string, path: string) => Object.keys(op(version, method, path).responses).sort();

describe('which operator operations exist', () => {
  const table: { path: string; method: string; from: string; to: string }[] = [
    { method: 'get', path: '/os-aggregates', from: '2.1', to: '2.104' },
    { method: 'post', path: '/os-aggregates/{aggregate_id}/images', from: '2.81', to: '2.104' },
    { method: 'get', path: '/os-hypervisors/statistics', from: '2.1', to: '2.87' },
    { method: 'get', path: '/os-hypervisors/{hypervisor_id}/uptime', from: '2.1', to: '2.87' },
    { method: 'get', path: '/os-hypervisors/{hypervisor_hostname_pattern}/search', from: '2.1', to: '2.52' },
    { method: 'get', path: '/os-hypervisors/{hypervisor_hostname_pattern}/servers', from: '2.1', to: '2.52' },
    { method: 'put', path: '/os-services/disable', from: '2.1', to: '2.52' },
    { method: 'put', path: '/os-services/force-down', from: '2.11', to: '2.52' },
    { method: 'put', path: '/os-services/{service_id}', from: '2.53', to: '2.104' },
    { method: 'delete', path: '/os-services/{service_id}', from: '2.1', to: '2.104' },
    { method: 'get', path: '/os-hosts', from: '2.1', to: '2.42' },
    { method: 'get', path: '/os-hosts/{host_name}/reboot', from: '2.1', to: '2.42' },
    { method: 'put', path: '/os-hosts/{host_name}', from: '2.1', to: '2.42' },
  ];
  for (const { path, method, from, to } of table) {
    it(`${method.toUpperCase()} ${path} exists from ${from} to ${to}`, () => {
      const minor = (v: string) => Number(v.split('.')[1]);
      for (const version of index.versions) {
        const want = minor(version) >= minor(from) && minor(version) <= minor(to);
        expect(Boolean(op(version, method, path)), `${path} at ${version}`).toBe(want);
      }
    });
  }
  it('the removed ones are deprecated', () => {
    const all = allVersions();
    for (const [path, method] of [['/os-hosts', 'get'], ['/os-hypervisors/statistics', 'get'], ['/os-services/enable', 'put']] as const) expect(all.paths[path][method].deprecated).toBe(true);
    expect(all.paths['/os-aggregates'].get.deprecated).toBeUndefined();
  });
});

describe('aggregates', () => {
  it('show uuid from 2.41, in every answer that carries an aggregate', () => {
    for (const [version, has] of [['2.40', false], ['2.41', true], ['2.104', true]] as const) {
      const shown = deref(view(version), answer(version, 'get', '/os-aggregates/{aggregate_id}').properties.aggregate);
      const listed = item(version, answer(version, 'get', '/os-aggregates'), 'aggregates');
      const created = deref(view(version), answer(version, 'post', '/os-aggregates').properties.aggregate);
      for (const schema of [shown, listed, created]) {
        expect(props(schema).includes('uuid'), version).toBe(has);
        expect(schema.required.includes('uuid'), version).toBe(has);
        expect(schema.additionalProperties).toBe(false);
      }
      expect(props(created)).not.toContain('hosts');
      expect(props(created)).not.toContain('metadata');
      expect(props(shown)).toEqual(expect.arrayContaining(['hosts', 'metadata', 'availability_zone', 'deleted']));
    }
  });
  it('has three actions, typed one by one, each answering the aggregate; 409 for add_host and remove_host only', () => {
    const doc = view('2.104');
    const action = op('2.104', 'post', '/os-aggregates/{aggregate_id}/action');
    expect(actionsOf(doc, action).map((a) => [a.name, a.operationId])).toEqual([
      ['add_host', 'addAggregateHost'], ['remove_host', 'removeAggregateHost'], ['set_metadata', 'setAggregateMetadata'],
    ]);
    expect(deref(doc, action.responses['409'])['x-openstack'].actions).toEqual(['add_host', 'remove_host']);
  });
  it('are strict about query parameters from 2.102', () => {
    expect(op('2.101', 'get', '/os-aggregates')['x-openstack']?.['strict-query']).toBeUndefined();
    expect(op('2.102', 'get', '/os-aggregates')['x-openstack']['strict-query']).toBe(true);
    expect(op('2.102', 'get', '/os-aggregates/{aggregate_id}')['x-openstack']['strict-query']).toBe(true);
  });
  it('refuse a zone with a colon, a create name with leading spaces and an empty update', () => {
    const create = validatorFor('2.104')('/paths/~1os-aggregates/post/requestBody/content/application~1json/schema');
    expect(create({ aggregate: { name: 'rack-a' } })).toBe(true);
    expect(create({ aggregate: { name: 'rack-a', availability_zone: null } })).toBe(true);
    expect(create({ aggregate: { name: 'rack-a', availability_zone: 'a:b' } })).toBe(false);
    expect(create({ aggregate: { name: ' rack-a' } })).toBe(false);
    const update = validatorFor('2.104')('/paths/~1os-aggregates~1{aggregate_id}/put/requestBody/content/application~1json/schema');
    expect(update({ aggregate: { name: ' rack-a ' } })).toBe(true);
    expect(update({ aggregate: {} })).toBe(false);
  });
  it('pre-cache images from 2.81 with 202', () => {
    expect(codes('2.81', 'post', '/os-aggregates/{aggregate_id}/images')).toContain('202');
  });
  it('change at 2.41 and 2.102 (and images appear at 2.81)', () => {
    expect(index.changesAt['GET /os-aggregates']).toEqual(expect.arrayContaining(['2.41', '2.102']));
    expect(index.changesAt['PUT /os-aggregates/{aggregate_id}']).toEqual(expect.arrayContaining(['2.41']));
  });
});

describe('hypervisors', () => {
  const detailItem = (version: string) => item(version, answer(version, 'get', '/os-hypervisors/detail'), 'hypervisors');
  const shown = (version: string) => deref(view(version), answer(version, 'get', '/os-hypervisors/{hypervisor_id}').properties.hypervisor);
  const COUNTERS = ['cpu_info', 'current_workload', 'disk_available_least', 'free_disk_gb', 'free_ram_mb', 'local_gb', 'local_gb_used', 'memory_mb', 'memory_mb_used', 'running_vms', 'vcpus', 'vcpus_used'];
  const table: { version: string; query: string[]; idType: string; cpuInfo: string | undefined; servers: boolean; uptime: boolean; links: boolean; strict: boolean; codes: string[] }[] = [
    { version: '2.1', query: [], idType: 'integer', cpuInfo: 'string', servers: false, uptime: false, links: false, strict: false, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.27', query: [], idType: 'integer', cpuInfo: 'string', servers: false, uptime: false, links: false, strict: false, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.28', query: [], idType: 'integer', cpuInfo: 'object', servers: false, uptime: false, links: false, strict: false, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.33', query: ['limit', 'marker'], idType: 'integer', cpuInfo: 'object', servers: false, uptime: false, links: true, strict: false, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.52', query: ['limit', 'marker'], idType: 'integer', cpuInfo: 'object', servers: false, uptime: false, links: true, strict: false, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.53', query: ['hypervisor_hostname_pattern', 'limit', 'marker', 'with_servers'], idType: 'string', cpuInfo: 'object', servers: true, uptime: false, links: true, strict: true, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.87', query: ['hypervisor_hostname_pattern', 'limit', 'marker', 'with_servers'], idType: 'string', cpuInfo: 'object', servers: true, uptime: false, links: true, strict: true, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.88', query: ['hypervisor_hostname_pattern', 'limit', 'marker', 'with_servers'], idType: 'string', cpuInfo: undefined, servers: true, uptime: true, links: true, strict: true, codes: ['200', '400', '401', '403', '404', '406'] },
    { version: '2.104', query: ['hypervisor_hostname_pattern', 'limit', 'marker', 'with_servers'], idType: 'string', cpuInfo: undefined, servers: true, uptime: true, links: true, strict: true, codes: ['200', '400', '401', '403', '404', '406'] },
  ];
  for (const { version, query, idType, cpuInfo, servers, uptime, links, strict, codes: statusCodes } of table) {
    it(`at ${version}: query ${query.join(', ') || '-'}, id ${idType}, cpu_info ${cpuInfo ?? 'gone'}, servers ${servers}, uptime ${uptime}`, () => {
      expect(queryNames(version, '/os-hypervisors')).toEqual(query);
      expect(queryNames(version, '/os-hypervisors/detail')).toEqual(query);
      const brief = item(version, answer(version, 'get', '/os-hypervisors'), 'hypervisors');
      for (const schema of [brief, detailItem(version), shown(version)]) {
        expect(typeOf(version, schema.properties.id), version).toBe(idType);
        expect('servers' in schema.properties, version).toBe(servers);
        expect(schema.required).not.toContain('servers');
        expect(schema.additionalProperties).toBe(false);
      }
      for (const schema of [detailItem(version), shown(version)]) {
        expect(schema.properties.cpu_info ? deref(view(version), schema.properties.cpu_info).type : undefined, version).toBe(cpuInfo);
        for (const counter of COUNTERS) {
          expect(counter in schema.properties, `${counter} at ${version}`).toBe(cpuInfo !== undefined);
          if (cpuInfo !== undefined) expect(schema.required).toContain(counter);
        }
        expect('uptime' in schema.properties).toBe(uptime);
        expect(typeOf(version, deref(view(version), schema.properties.service).properties.id)).toBe(idType);
      }
      expect('hypervisors_links' in answer(version, 'get', '/os-hypervisors').properties).toBe(links);
      expect(Boolean(op(version, 'get', '/os-hypervisors')['x-openstack']?.['strict-query'])).toBe(strict);
      expect(codes(version, 'get', '/os-hypervisors')).toEqual(statusCodes);
    });
  }
  it('show takes with_servers from 2.53 and is strict there', () => {
    expect(queryNames('2.52', '/os-hypervisors/{hypervisor_id}')).toEqual([]);
    expect(queryNames('2.53', '/os-hypervisors/{hypervisor_id}')).toEqual(['with_servers']);
  });
  it('the uptime answer has the uptime, with a UUID id from 2.53, and 501 for drivers that cannot tell', () => {
    const hyp = (v: string) => deref(view(v), answer(v, 'get', '/os-hypervisors/{hypervisor_id}/uptime').properties.hypervisor);
    expect(props(hyp('2.52'))).toEqual(['hypervisor_hostname', 'id', 'state', 'status', 'uptime']);
    expect(typeOf('2.53', hyp('2.53').properties.id)).toBe('string');
    expect(codes('2.87', 'get', '/os-hypervisors/{hypervisor_id}/uptime')).toContain('501');
  });
  it('changes at every change point Nova has (2.28, 2.33, 2.53, 2.88)', () => {
    expect(index.changesAt['GET /os-hypervisors/detail']).toEqual(expect.arrayContaining(['2.28', '2.33', '2.53', '2.88']));
    expect(index.changesAt['GET /os-hypervisors']).toEqual(expect.arrayContaining(['2.33', '2.53']));
    expect(index.changesAt['GET /os-hypervisors/{hypervisor_id}']).toEqual(expect.arrayContaining(['2.28', '2.53', '2.88']));
  });
});

describe('services', () => {
  const svc = (version: string) => item(version, answer(version, 'get', '/os-services'), 'services');
  const table: { version: string; idType: string; forcedDown: boolean; required: string[]; status: string[]; strict: boolean }[] = [
    { version: '2.1', idType: 'integer', forcedDown: false, required: ['binary', 'disabled_reason', 'host', 'id', 'state', 'status', 'updated_at', 'zone'], status: ['enabled', 'disabled'], strict: false },
    { version: '2.11', idType: 'integer', forcedDown: true, required: ['binary', 'disabled_reason', 'forced_down', 'host', 'id', 'state', 'status', 'updated_at', 'zone'], status: ['enabled', 'disabled'], strict: false },
    { version: '2.53', idType: 'string', forcedDown: true, required: ['binary', 'disabled_reason', 'forced_down', 'host', 'id', 'state', 'status', 'updated_at', 'zone'], status: ['enabled', 'disabled'], strict: false },
    { version: '2.69', idType: 'string', forcedDown: true, required: ['binary', 'host', 'status'], status: ['enabled', 'disabled', 'UNKNOWN'], strict: false },
    { version: '2.75', idType: 'string', forcedDown: true, required: ['binary', 'host', 'status'], status: ['enabled', 'disabled', 'UNKNOWN'], strict: true },
    { version: '2.104', idType: 'string', forcedDown: true, required: ['binary', 'host', 'status'], status: ['enabled', 'disabled', 'UNKNOWN'], strict: true },
  ];
  for (const { version, idType, forcedDown, required, status, strict } of table) {
    it(`at ${version}: id ${idType}, forced_down ${forcedDown}, required ${required.length}, status ${status.join('/')}`, () => {
      const s = svc(version);
      expect(typeOf(version, s.properties.id)).toBe(idType);
      expect('forced_down' in s.properties).toBe(forcedDown);
      expect([...s.required].sort()).toEqual(required);
      expect(deref(view(version), s.properties.status).enum).toEqual(status);
      expect(Boolean(op(version, 'get', '/os-services')['x-openstack']?.['strict-query'])).toBe(strict);
    });
  }
  it('PUT /os-services/{service_id} answers the service whole (the list\'s entity)', () => {
    const doc = view('2.104');
    const ref = deref(doc, op('2.104', 'put', '/os-services/{service_id}').responses['200']).content['application/json'].schema.$ref;
    expect(deref(doc, { $ref: ref }).properties.service.$ref).toBe('#/components/schemas/Service');
  });
  it('the legacy bodies take forced_down from 2.11 only', () => {
    const legacy = (v: string) => validatorFor(v)('/paths/~1os-services~1disable/put/requestBody/content/application~1json/schema');
    expect(legacy('2.10')({ host: 'h', binary: 'nova-compute' })).toBe(true);
    expect(legacy('2.10')({ host: 'h', binary: 'nova-compute', forced_down: true })).toBe(false);
    expect(legacy('2.11')({ host: 'h', binary: 'nova-compute', forced_down: true })).toBe(true);
  });
  it('DELETE answers 204; the 2.53 update refuses unknown fields', () => {
    expect(codes('2.1', 'delete', '/os-services/{service_id}')).toContain('204');
    const update = validatorFor('2.53')('/paths/~1os-services~1{service_id}/put/requestBody/content/application~1json/schema');
    expect(update({ status: 'disabled', disabled_reason: 'x' })).toBe(true);
    expect(update({ status: 'off' })).toBe(false);
    expect(update({ host: 'h' })).toBe(false);
  });
  it('changes at 2.11, 2.53, 2.69 and 2.75', () => {
    expect(index.changesAt['GET /os-services']).toEqual(expect.arrayContaining(['2.11', '2.53', '2.69', '2.75']));
  });
});

describe('hosts (to 2.42)', () => {
  it('take the update body without a wrapper, with one of two fields', () => {
    const update = validatorFor('2.42')('/paths/~1os-hosts~1{host_name}/put/requestBody/content/application~1json/schema');
    expect(update({ status: 'enable' })).toBe(true);
    expect(update({ maintenance_mode: 'DISABLE' })).toBe(true);
    expect(update({})).toBe(false);
    expect(update({ host: { status: 'enable' } })).toBe(false);
  });
  it('declare 501 for the driver requests', () => {
    for (const seg of ['reboot', 'shutdown', 'startup']) expect(codes('2.42', 'get', `/os-hosts/{host_name}/${seg}`)).toContain('501');
    expect(codes('2.42', 'put', '/os-hosts/{host_name}')).toContain('501');
  });
});
