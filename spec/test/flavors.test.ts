/**
 * Flavors, flavor access and flavor extra specs, exactly, at the microversions that matter (issue
 * 11): table tests over the exact views. Facts from Nova's schemas, controllers and view builder
 * (nova/api/openstack/compute/schemas/flavors.py, flavors.py, views/flavors.py, flavor_access.py,
 * flavors_extraspecs.py); a change here is a change of what we claim Nova does.
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, dereference } from '@novaspec/microversions';
import { type Json, index, validatorFor, view } from './load.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const operation = (doc: Json, method: string, path: string) => doc.paths[path]?.[method];
const props = (schema: Json) => Object.keys(schema.properties ?? {});
const jsonSchema = (doc: Json, node: Json) => deref(doc, deref(doc, node).content['application/json'].schema);

function shown(version: string, method = 'get', path = '/flavors/{flavor_id}', code = '200'): Json {
  const doc = view(version);
  return deref(doc, jsonSchema(doc, operation(doc, method, path).responses[code]).properties.flavor);
}
function listed(version: string, path: '/flavors' | '/flavors/detail'): Json {
  const doc = view(version);
  return deref(doc, deref(doc, jsonSchema(doc, operation(doc, 'get', path).responses['200']).properties.flavors).items);
}
function createBody(version: string): Json {
  const doc = view(version);
  return deref(doc, jsonSchema(doc, operation(doc, 'post', '/flavors').requestBody).properties.flavor);
}
function queryParam(version: string, path: string, name: string): Json {
  const doc = view(version);
  return (operation(doc, 'get', path).parameters ?? []).map((p: Json) => deref(doc, p)).find((p: Json) => p.in === 'query' && p.name === name);
}
const at = (minor: number) => `2.${minor}`;

/** The answers that carry the flavor whole: one Flavor schema with ranges (ADR 0007). */
const whole = (version: string) => [
  shown(version),
  shown(version, 'post', '/flavors'),
  listed(version, '/flavors/detail'),
  ...(Number(version.split('.')[1]) >= 55 ? [shown(version, 'put')] : []),
];

describe('the flavor, whole, by microversion (show, detail, create, update)', () => {
  const table: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.1', has: ['id', 'name', 'links', 'ram', 'disk', 'swap', 'vcpus', 'OS-FLV-EXT-DATA:ephemeral', 'OS-FLV-DISABLED:disabled', 'os-flavor-access:is_public', 'rxtx_factor'], hasNot: ['description', 'extra_specs'] },
    { version: '2.54', has: ['rxtx_factor'], hasNot: ['description', 'extra_specs'] },
    { version: '2.55', has: ['description'], hasNot: ['extra_specs'] },
    { version: '2.60', has: ['description'], hasNot: ['extra_specs'] },
    { version: '2.61', has: ['description', 'extra_specs', 'rxtx_factor'], hasNot: [] },
    { version: '2.101', has: ['extra_specs', 'rxtx_factor', 'OS-FLV-DISABLED:disabled'], hasNot: [] },
    { version: '2.102', has: ['id', 'ram', 'swap', 'description', 'extra_specs'], hasNot: ['rxtx_factor', 'OS-FLV-DISABLED:disabled'] },
    { version: '2.104', has: ['extra_specs'], hasNot: ['rxtx_factor', 'OS-FLV-DISABLED:disabled'] },
  ];
  for (const { version, has, hasNot } of table) {
    it(`at ${version} has ${has.join(', ')} and not ${hasNot.join(', ') || '-'}`, () => {
      for (const flavor of whole(version)) {
        for (const field of has) expect(props(flavor), version).toContain(field);
        for (const field of hasNot) expect(props(flavor), version).not.toContain(field);
        expect(flavor.additionalProperties, version).toBe(false);
      }
    });
  }
  it('description is required from 2.55; extra_specs never (it depends on the extra-specs policy)', () => {
    expect(shown('2.54').required).not.toContain('description');
    expect(shown('2.55').required).toContain('description');
    expect(shown('2.104').required).not.toContain('extra_specs');
    expect(shown('2.102').required).not.toContain('rxtx_factor');
    expect(shown('2.101').required).toEqual(expect.arrayContaining(['rxtx_factor', 'OS-FLV-DISABLED:disabled', 'swap']));
  });
  it('swap is an integer or "" up to 2.74 and an integer from 2.75', () => {
    const validate = (version: string, swap: unknown) => {
      const compile = validatorFor(version);
      return compile('/components/schemas/Flavor/properties/swap')(swap) as boolean;
    };
    expect(validate('2.1', '')).toBe(true);
    expect(validate('2.74', '')).toBe(true);
    expect(validate('2.74', 512)).toBe(true);
    expect(validate('2.75', '')).toBe(false);
    expect(validate('2.75', 0)).toBe(true);
  });
  it('is one schema: every answer that carries the flavor whole references the same component', () => {
    const doc = view('2.104');
    const refs = [
      operation(doc, 'get', '/flavors/{flavor_id}').responses['200'],
      operation(doc, 'post', '/flavors').responses['200'],
      operation(doc, 'put', '/flavors/{flavor_id}').responses['200'],
    ].map((r) => r.content['application/json'].schema.$ref);
    expect(new Set(refs).size).toBe(1);
    expect(jsonSchema(doc, operation(doc, 'get', '/flavors/detail').responses['200']).properties.flavors.items.$ref).toBe('#/components/schemas/Flavor');
  });
});

describe('the flavor list in brief', () => {
  it('has id, name, links, and description from 2.55; closed', () => {
    expect(props(listed('2.54', '/flavors')).sort()).toEqual(['id', 'links', 'name']);
    expect(props(listed('2.55', '/flavors')).sort()).toEqual(['description', 'id', 'links', 'name']);
    expect(listed('2.104', '/flavors').required).toContain('description');
    expect(listed('2.104', '/flavors').additionalProperties).toBe(false);
  });
});

describe('create and update bodies', () => {
  const table: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.1', has: ['name', 'id', 'ram', 'vcpus', 'disk', 'OS-FLV-EXT-DATA:ephemeral', 'swap', 'rxtx_factor', 'os-flavor-access:is_public'], hasNot: ['description'] },
    { version: '2.55', has: ['description', 'rxtx_factor'], hasNot: [] },
    { version: '2.101', has: ['description', 'rxtx_factor'], hasNot: [] },
    { version: '2.102', has: ['description'], hasNot: ['rxtx_factor'] },
  ];
  for (const { version, has, hasNot } of table) {
    it(`create at ${version} takes ${has.join(', ')} and not ${hasNot.join(', ') || '-'}`, () => {
      const body = createBody(version);
      for (const field of has) expect(props(body)).toContain(field);
      for (const field of hasNot) expect(props(body)).not.toContain(field);
      expect(body.required).toEqual(['name', 'ram', 'vcpus', 'disk']);
      expect(body.additionalProperties).toBe(false);
    });
  }
  it('create refuses ram 0 and takes sizes as digit strings; ids with leading spaces are refused', () => {
    const validate = validatorFor('2.104')('/paths/~1flavors/post/requestBody/content/application~1json/schema');
    const flavor = (extra: object) => ({ flavor: { name: 'x', ram: 1, vcpus: 1, disk: 0, ...extra } });
    expect(validate(flavor({}))).toBe(true);
    expect(validate(flavor({ ram: 0 }))).toBe(false);
    expect(validate(flavor({ ram: '2048', disk: '0' }))).toBe(true);
    expect(validate(flavor({ id: ' lead' }))).toBe(false);
    expect(validate(flavor({ id: 42 }))).toBe(true);
    expect(validate(flavor({ rxtx_factor: 1 }))).toBe(false);
    expect(validatorFor('2.101')('/paths/~1flavors/post/requestBody/content/application~1json/schema')(flavor({ rxtx_factor: 1.5 }))).toBe(true);
  });
  it('PUT /flavors/{flavor_id} exists from 2.55 and takes only the description', () => {
    expect(operation(view('2.54'), 'put', '/flavors/{flavor_id}')).toBeUndefined();
    const doc = view('2.55');
    const body = deref(doc, jsonSchema(doc, operation(doc, 'put', '/flavors/{flavor_id}').requestBody).properties.flavor);
    expect(props(body)).toEqual(['description']);
    expect(body.required).toEqual(['description']);
  });
});

describe('list and detail query parameters', () => {
  for (const path of ['/flavors', '/flavors/detail']) {
    it(`${path}: paging, sorting and filters at every microversion, name from 2.102`, () => {
      for (const version of ['2.1', '2.75', '2.101', '2.102']) {
        for (const name of ['limit', 'marker', 'sort_key', 'sort_dir', 'is_public', 'minRam', 'minDisk']) {
          expect(queryParam(version, path, name), `${name} at ${version}`).toBeDefined();
        }
      }
      expect(queryParam('2.101', path, 'name')).toBeUndefined();
      expect(queryParam('2.102', path, 'name')).toBeDefined();
    });
    it(`${path}: sort_key rxtx_factor up to 2.101 only`, () => {
      expect(queryParam('2.101', path, 'sort_key').schema.enum).toContain('rxtx_factor');
      expect(queryParam('2.102', path, 'sort_key').schema.enum).not.toContain('rxtx_factor');
      expect(queryParam('2.102', path, 'sort_key').schema.enum).toContain('memory_mb');
    });
    it(`${path}: unknown query parameters are refused from 2.75`, () => {
      expect(operation(view('2.74'), 'get', path)['x-openstack']?.['strict-query']).toBeFalsy();
      expect(operation(view('2.75'), 'get', path)['x-openstack']['strict-query']).toBe(true);
    });
  }
  it('show, access list and extra spec reads refuse query parameters from 2.102', () => {
    for (const path of ['/flavors/{flavor_id}', '/flavors/{flavor_id}/os-flavor-access', '/flavors/{flavor_id}/os-extra_specs', '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}']) {
      expect(operation(view('2.101'), 'get', path)['x-openstack']?.['strict-query'], path).toBeFalsy();
      expect(operation(view('2.102'), 'get', path)['x-openstack']['strict-query'], path).toBe(true);
    }
  });
});

describe('flavor actions (ADR 0005)', () => {
  it('one endpoint, two actions, each with its own operation id', () => {
    for (const version of ['2.1', '2.7', '2.104']) {
      const doc = view(version);
      const actions = actionsOf(doc, operation(doc, 'post', '/flavors/{flavor_id}/action'));
      expect(actions.map((a) => [a.name, a.operationId])).toEqual([['addTenantAccess', 'addFlavorTenantAccess'], ['removeTenantAccess', 'removeFlavorTenantAccess']]);
    }
  });
  it('bodies are closed and the tenant is 1 to 255 characters', () => {
    const validate = validatorFor('2.104')('/paths/~1flavors~1{flavor_id}~1action/post/requestBody/content/application~1json/schema');
    expect(validate({ addTenantAccess: { tenant: 'p1' } })).toBe(true);
    expect(validate({ removeTenantAccess: { tenant: 'p1' } })).toBe(true);
    expect(validate({ addTenantAccess: { tenant: '' } })).toBe(false);
    expect(validate({ addTenantAccess: { tenant: 'p1', other: 1 } })).toBe(false);
    expect(validate({ addTenantAccess: { tenant: 'p1' }, other: 1 })).toBe(false);
  });
  it('409 belongs to addTenantAccess only', () => {
    const conflict = operation(view('2.104'), 'post', '/flavors/{flavor_id}/action').responses['409'];
    expect(conflict['x-openstack'].actions).toEqual(['addTenantAccess']);
  });
});

describe('extra specs bodies', () => {
  const body = (version: string, path: string, method: string) =>
    validatorFor(version)(`/paths/${path.replaceAll('/', '~1')}/${method}/requestBody/content/application~1json/schema`);
  it('create takes strings and numbers as values, keys from the allowed characters', () => {
    const validate = body('2.104', '/flavors/{flavor_id}/os-extra_specs', 'post');
    expect(validate({ extra_specs: { 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': 2 } })).toBe(true);
    expect(validate({ extra_specs: { 'bad/key': 'x' } })).toBe(false);
    expect(validate({ extra_specs: { 'hw:cpu_policy': true } })).toBe(false);
    expect(validate({ extra_specs: { k: 'x'.repeat(256) } })).toBe(false);
    // The known-key checks (2.86) are not in the schema: documented only.
    expect(validate({ extra_specs: { 'hw:cpu_policy': 'sometimes' } })).toBe(true);
  });
  it('update takes exactly one key', () => {
    const validate = body('2.104', '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}', 'put');
    expect(validate({ 'hw:cpu_policy': 'mixed' })).toBe(true);
    expect(validate({})).toBe(false);
    expect(validate({ a: '1', b: '2' })).toBe(false);
  });
});

describe('status codes', () => {
  const table: { method: string; path: string; codes: string[]; from?: number }[] = [
    { method: 'get', path: '/flavors', codes: ['200'] },
    { method: 'post', path: '/flavors', codes: ['200'] },
    { method: 'get', path: '/flavors/detail', codes: ['200'] },
    { method: 'get', path: '/flavors/{flavor_id}', codes: ['200'] },
    { method: 'put', path: '/flavors/{flavor_id}', codes: ['200'], from: 55 },
    { method: 'delete', path: '/flavors/{flavor_id}', codes: ['202'] },
    { method: 'get', path: '/flavors/{flavor_id}/os-flavor-access', codes: ['200'] },
    { method: 'post', path: '/flavors/{flavor_id}/action', codes: ['200'] },
    { method: 'get', path: '/flavors/{flavor_id}/os-extra_specs', codes: ['200'] },
    { method: 'post', path: '/flavors/{flavor_id}/os-extra_specs', codes: ['200'] },
    { method: 'get', path: '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}', codes: ['200'] },
    { method: 'put', path: '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}', codes: ['200'] },
    { method: 'delete', path: '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}', codes: ['200'] },
  ];
  for (const version of ['2.1', '2.55', '2.61', '2.75', '2.102', '2.104']) {
    it(`at ${version} each operation's success codes are Nova's, and 401 is declared`, () => {
      for (const { method, path, codes, from } of table) {
        const op = operation(view(version), method, path);
        if (from && Number(version.split('.')[1]) < from) {
          expect(op, `${method} ${path}`).toBeUndefined();
          continue;
        }
        expect(Object.keys(op.responses).filter((code) => code.startsWith('2')), `${method} ${path}`).toEqual(codes);
        expect(Object.keys(op.responses), `${method} ${path}`).toContain('401');
      }
    });
  }
  it('the two deletes answer without a body', () => {
    const doc = view('2.104');
    expect(operation(doc, 'delete', '/flavors/{flavor_id}').responses['202'].content).toBeUndefined();
    expect(operation(doc, 'delete', '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}').responses['200'].content).toBeUndefined();
  });
});

describe('change points against Nova (nova-operations.json, flavor groups)', () => {
  // From the inventory; each also read in Nova's code. Existence ranges and the versions where our
  // views change must include Nova's. Two more change points are behaviour only and live in the
  // descriptions: addTenantAccess refuses a public flavor with 409 from 2.7 (flavor_access.py), and
  // extra spec create/update check known keys and values from 2.86 (flavors_extraspecs.py).
  const inventory: Record<string, { min: number; boundaries: number[] }> = {
    'get /flavors': { min: 1, boundaries: [55, 75, 102] },
    'post /flavors': { min: 1, boundaries: [55, 61, 75, 102] },
    'get /flavors/detail': { min: 1, boundaries: [55, 61, 75, 102] },
    'get /flavors/{flavor_id}': { min: 1, boundaries: [55, 61, 75, 102] },
    'put /flavors/{flavor_id}': { min: 55, boundaries: [61, 75, 102] },
    'delete /flavors/{flavor_id}': { min: 1, boundaries: [] },
    'get /flavors/{flavor_id}/os-flavor-access': { min: 1, boundaries: [102] },
    'get /flavors/{flavor_id}/os-extra_specs': { min: 1, boundaries: [102] },
    'post /flavors/{flavor_id}/os-extra_specs': { min: 1, boundaries: [] },
    'get /flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}': { min: 1, boundaries: [102] },
    'put /flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}': { min: 1, boundaries: [] },
    'delete /flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}': { min: 1, boundaries: [] },
  };
  for (const [id, { min, boundaries }] of Object.entries(inventory)) {
    const [method, path] = id.split(' ') as [string, string];
    it(`${id} exists from 2.${min} and changes at ${boundaries.map(at).join(', ') || 'no microversion'}`, () => {
      for (const version of index.versions) {
        expect(Boolean(operation(view(version), method, path)), `${id} at ${version}`).toBe(Number(version.split('.')[1]) >= min);
      }
      const ours = index.changesAt[`${method.toUpperCase()} ${path}`] ?? [];
      expect(ours).toEqual(expect.arrayContaining(boundaries.filter((minor) => minor !== min).map(at)));
    });
  }
});
