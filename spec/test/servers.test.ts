/**
 * The servers collection, exactly, at the microversions that matter (issue 2): table tests over the
 * exact views. Facts from Nova's schemas and view builders (nova/api/openstack/compute/schemas/servers.py,
 * views/servers.py); a change here is a change of what we claim Nova does.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, view } from './load.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);

/** The object schema of a property, following refs and picking the fullest anyOf/oneOf branch. */
function objectAt(doc: Json, node: Json): Json {
  const schema = deref(doc, node);
  const branches = schema?.anyOf ?? schema?.oneOf;
  if (!branches) return schema;
  return branches.map((b: Json) => objectAt(doc, b)).sort((a: Json, b: Json) => Object.keys(b.properties ?? {}).length - Object.keys(a.properties ?? {}).length)[0];
}

const operation = (doc: Json, method: string, path: string) => doc.paths[path]?.[method];
const responseSchema = (doc: Json, method: string, path: string, code: string) =>
  deref(doc, deref(doc, operation(doc, method, path).responses[code]).content['application/json'].schema);

function shownServer(version: string): Json {
  const doc = view(version);
  return objectAt(doc, objectAt(doc, responseSchema(doc, 'get', '/servers/{server_id}', '200')).properties.server);
}
function detailServer(version: string): Json {
  const doc = view(version);
  const list = objectAt(doc, responseSchema(doc, 'get', '/servers/detail', '200'));
  return objectAt(doc, deref(doc, list.properties.servers).items);
}
function createBody(version: string): Json {
  const doc = view(version);
  const body = objectAt(doc, deref(doc, operation(doc, 'post', '/servers').requestBody).content['application/json'].schema);
  return objectAt(doc, body.properties.server);
}
function updateBody(version: string): Json {
  const doc = view(version);
  const body = objectAt(doc, deref(doc, operation(doc, 'put', '/servers/{server_id}').requestBody).content['application/json'].schema);
  return objectAt(doc, body.properties.server);
}
function queryNames(version: string, path: string): string[] {
  const doc = view(version);
  return (operation(doc, 'get', path).parameters ?? []).map((p: Json) => deref(doc, p)).filter((p: Json) => p.in === 'query').map((p: Json) => p.name);
}
const props = (schema: Json) => Object.keys(schema.properties ?? {});

describe('server show and detail: fields by microversion', () => {
  const table: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.1', has: ['id', 'name', 'status', 'flavor', 'image', 'addresses', 'OS-EXT-STS:vm_state', 'OS-EXT-SRV-ATTR:host', 'config_drive', 'OS-SRV-USG:launched_at'], hasNot: ['locked', 'OS-EXT-SRV-ATTR:hostname', 'description', 'tags', 'host_status'] },
    { version: '2.3', has: ['OS-EXT-SRV-ATTR:hostname', 'OS-EXT-SRV-ATTR:reservation_id', 'OS-EXT-SRV-ATTR:launch_index', 'OS-EXT-SRV-ATTR:kernel_id', 'OS-EXT-SRV-ATTR:ramdisk_id', 'OS-EXT-SRV-ATTR:root_device_name', 'OS-EXT-SRV-ATTR:user_data'], hasNot: ['locked'] },
    { version: '2.9', has: ['locked'], hasNot: ['host_status'] },
    { version: '2.16', has: ['host_status'], hasNot: ['description'] },
    { version: '2.19', has: ['description'], hasNot: ['tags'] },
    { version: '2.26', has: ['tags'], hasNot: ['trusted_image_certificates'] },
    { version: '2.63', has: ['trusted_image_certificates'], hasNot: ['locked_reason'] },
    { version: '2.73', has: ['locked_reason'], hasNot: ['pinned_availability_zone'] },
    { version: '2.96', has: ['pinned_availability_zone'], hasNot: ['scheduler_hints'] },
    { version: '2.100', has: ['scheduler_hints', 'pinned_availability_zone', 'locked_reason'], hasNot: [] },
    { version: '2.104', has: ['scheduler_hints'], hasNot: [] },
  ];
  for (const { version, has, hasNot } of table) {
    it(`at ${version} show has ${has.join(', ')} and not ${hasNot.join(', ') || '-'}`, () => {
      const shown = props(shownServer(version));
      const detail = props(detailServer(version));
      for (const field of has) {
        expect(shown, `show at ${version}`).toContain(field);
        expect(detail, `detail at ${version}`).toContain(field);
      }
      for (const field of hasNot) {
        expect(shown, `show at ${version}`).not.toContain(field);
        expect(detail, `detail at ${version}`).not.toContain(field);
      }
    });
  }

  it('server_groups appears in show from 2.71, never in detail', () => {
    expect(props(shownServer('2.70'))).not.toContain('server_groups');
    expect(props(shownServer('2.71'))).toContain('server_groups');
    expect(props(detailServer('2.71'))).not.toContain('server_groups');
  });

  it('the flavor is a reference up to 2.46 and embedded from 2.47', () => {
    for (const [version, want, wantNot] of [['2.1', 'id', 'vcpus'], ['2.46', 'id', 'vcpus'], ['2.47', 'vcpus', 'id'], ['2.104', 'vcpus', 'id']] as const) {
      const doc = view(version);
      const flavor = props(objectAt(doc, shownServer(version).properties.flavor));
      expect(flavor, version).toContain(want);
      expect(flavor, version).not.toContain(wantNot);
    }
    const embedded = props(objectAt(view('2.47'), shownServer('2.47').properties.flavor));
    expect(embedded).toEqual(expect.arrayContaining(['vcpus', 'ram', 'disk', 'ephemeral', 'swap', 'original_name']));
  });

  it('responses are closed objects, so an undeclared field is an error', () => {
    for (const version of ['2.1', '2.47', '2.104']) {
      expect(shownServer(version).additionalProperties, version).toBe(false);
      expect(detailServer(version).additionalProperties, version).toBe(false);
    }
  });
});

describe('server create body by microversion', () => {
  it('networks becomes required at 2.37 and takes "auto" or "none" there', () => {
    expect(createBody('2.36').required ?? []).not.toContain('networks');
    expect(createBody('2.37').required).toContain('networks');
    const networks = (version: string) => JSON.stringify(deref(view(version), createBody(version).properties.networks));
    expect(networks('2.36')).not.toContain('"auto"');
    expect(networks('2.37')).toContain('"auto"');
    expect(networks('2.37')).toContain('"none"');
  });

  const table: { field: string; from?: string; until?: string }[] = [
    { field: 'description', from: '2.19' },
    { field: 'tags', from: '2.52' },
    { field: 'personality', until: '2.56' },
    { field: 'trusted_image_certificates', from: '2.63' },
    { field: 'host', from: '2.74' },
    { field: 'hypervisor_hostname', from: '2.74' },
    { field: 'hostname', from: '2.90' },
  ];
  for (const { field, from, until } of table) {
    it(`${field} ${from ? `exists from ${from}` : ''}${until ? `exists up to ${until}` : ''}`, () => {
      if (from) {
        const before = `2.${Number(from.split('.')[1]) - 1}`;
        expect(props(createBody(before)), before).not.toContain(field);
        expect(props(createBody(from)), from).toContain(field);
        expect(props(createBody('2.104'))).toContain(field);
      }
      if (until) {
        const after = `2.${Number(until.split('.')[1]) + 1}`;
        expect(props(createBody('2.1'))).toContain(field);
        expect(props(createBody(until)), until).toContain(field);
        expect(props(createBody(after)), after).not.toContain(field);
      }
    });
  }

  it('the server body is closed: an unknown field is refused at every microversion', () => {
    for (const version of ['2.1', '2.37', '2.104']) expect(createBody(version).additionalProperties, version).toBe(false);
  });

  it('the update body takes description from 2.19 and hostname from 2.90', () => {
    expect(props(updateBody('2.18'))).not.toContain('description');
    expect(props(updateBody('2.19'))).toContain('description');
    expect(props(updateBody('2.89'))).not.toContain('hostname');
    expect(props(updateBody('2.90'))).toContain('hostname');
  });
});

describe('list filters by microversion', () => {
  const table: { name: string; from: string }[] = [
    { name: 'tags', from: '2.26' },
    { name: 'not-tags-any', from: '2.26' },
    { name: 'changes-before', from: '2.66' },
    { name: 'locked', from: '2.73' },
  ];
  for (const { name, from } of table) {
    it(`${name} is a filter from ${from}`, () => {
      const before = `2.${Number(from.split('.')[1]) - 1}`;
      for (const path of ['/servers', '/servers/detail']) {
        expect(queryNames(before, path), `${path} at ${before}`).not.toContain(name);
        expect(queryNames(from, path), `${path} at ${from}`).toContain(name);
      }
    });
  }
  it('limit, marker and changes-since exist at every microversion', () => {
    for (const version of ['2.1', '2.47', '2.104']) expect(queryNames(version, '/servers')).toEqual(expect.arrayContaining(['limit', 'marker', 'changes-since']));
  });
});

describe('status codes by microversion', () => {
  const table: { method: string; path: string; codes: string[] }[] = [
    { method: 'get', path: '/servers', codes: ['200'] },
    { method: 'post', path: '/servers', codes: ['202'] },
    { method: 'get', path: '/servers/detail', codes: ['200'] },
    { method: 'get', path: '/servers/{server_id}', codes: ['200'] },
    { method: 'put', path: '/servers/{server_id}', codes: ['200'] },
    { method: 'delete', path: '/servers/{server_id}', codes: ['204'] },
  ];
  for (const version of ['2.1', '2.37', '2.46', '2.47', '2.69', '2.73', '2.90', '2.100', '2.104']) {
    it(`at ${version} each operation's success codes are Nova's`, () => {
      for (const { method, path, codes } of table) {
        const declared = Object.keys(operation(view(version), method, path).responses).filter((code) => code.startsWith('2'));
        expect(declared, `${method} ${path}`).toEqual(codes);
      }
    });
  }
  it('every servers operation declares 401 and a fault for 404 or 400', () => {
    for (const { method, path } of table) {
      const codes = Object.keys(operation(view('2.104'), method, path).responses);
      expect(codes, `${method} ${path}`).toContain('401');
      expect(codes.some((c) => c === '400' || c === '404'), `${method} ${path}`).toBe(true);
    }
  });
});
