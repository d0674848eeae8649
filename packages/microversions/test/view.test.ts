import { describe, expect, it } from 'vitest';
import { viewAt, effectiveRange, operationParameters } from '../src/view.ts';
import { tiny } from './fixtures/tiny.ts';

type Doc = any; // views are plain JSON; the tests read them by path

const at = (version: string): Doc => viewAt(structuredClone(tiny), version).document;

describe('viewAt: what exists at a microversion', () => {
  const table: { version: string; paths: string[]; thingProps: string[]; required: string[] }[] = [
    { version: '2.1', paths: ['/things'], thingProps: ['id', 'legacy', 'flavor'], required: ['id', 'flavor', 'legacy'] },
    { version: '2.9', paths: ['/things'], thingProps: ['id', 'locked', 'legacy', 'flavor'], required: ['id', 'flavor', 'locked', 'legacy'] },
    { version: '2.47', paths: ['/things', '/gadgets'], thingProps: ['id', 'locked', 'legacy', 'flavor'], required: ['id', 'flavor', 'locked', 'legacy'] },
    { version: '2.57', paths: ['/things', '/gadgets'], thingProps: ['id', 'locked', 'flavor'], required: ['id', 'flavor', 'locked'] },
    { version: '2.104', paths: ['/things', '/gadgets'], thingProps: ['id', 'locked', 'flavor'], required: ['id', 'flavor', 'locked'] },
  ];
  for (const { version, paths, thingProps, required } of table) {
    it(`at ${version}: paths ${paths.join(' ')}, Thing has ${thingProps.join(' ')}`, () => {
      const doc = at(version);
      expect(Object.keys(doc.paths)).toEqual(paths);
      expect(Object.keys(doc.components.schemas.Thing.properties)).toEqual(thingProps);
      expect(doc.components.schemas.Thing.required).toEqual(required);
    });
  }

  it('collapses a variant anyOf to the one branch that exists', () => {
    expect(at('2.46').components.schemas.Thing.properties.flavor).toEqual({ $ref: '#/components/schemas/FlavorRef' });
    expect(at('2.47').components.schemas.Thing.properties.flavor).toEqual({ $ref: '#/components/schemas/FlavorEmbedded' });
  });

  it('drops components nothing references any more', () => {
    expect(at('2.46').components.schemas.FlavorEmbedded).toBeUndefined();
    expect(at('2.47').components.schemas.FlavorRef).toBeUndefined();
    expect(at('2.47').components.schemas.Unused).toBeUndefined();
  });

  it('keeps parameters by the range of the component they reference', () => {
    expect(at('2.25').paths['/things'].get.parameters).toHaveLength(1);
    expect(at('2.26').paths['/things'].get.parameters).toHaveLength(2);
  });

  it('switches status codes', () => {
    expect(Object.keys(at('2.9').paths['/things'].post.responses)).toEqual(['200']);
    expect(Object.keys(at('2.10').paths['/things'].post.responses)).toEqual(['202']);
  });

  it('applies overrides of required and enum inside their range only', () => {
    expect(at('2.36').components.schemas.ThingCreate.required).toEqual(['name']);
    expect(at('2.37').components.schemas.ThingCreate.required).toEqual(['name', 'networks']);
    expect(at('2.59').components.schemas.ThingCreate.properties.networks.enum).toEqual(['auto']);
    expect(at('2.60').components.schemas.ThingCreate.properties.networks.enum).toEqual(['auto', 'none']);
  });

  it('keeps only the examples valid at the version', () => {
    const examples = (v: string) => Object.keys(at(v).components.responses.Things.content['application/json'].examples);
    expect(examples('2.46')).toEqual(['old']);
    expect(examples('2.47')).toEqual(['new']);
  });

  it('does not mark as deprecated what is current at the version', () => {
    expect(at('2.1').components.schemas.Thing.properties.legacy.deprecated).toBeUndefined();
    expect(at('2.46').components.schemas.FlavorRef.deprecated).toBeUndefined();
  });

  it('leaves no range data in a view', () => {
    expect(JSON.stringify(at('2.60'))).not.toMatch(/min-ver|max-ver|overrides/);
  });

  it('states its microversion', () => {
    expect(at('2.60').info['x-openstack']).toEqual({ microversion: '2.60' });
  });

  it('reports a microversion where no variant exists', () => {
    const broken = structuredClone(tiny) as Doc;
    broken.components.schemas.FlavorEmbedded['x-openstack'] = { 'min-ver': '2.50' };
    const view = viewAt(broken, '2.48');
    expect(view.problems).toEqual([
      expect.objectContaining({ pointer: '/components/schemas/Thing/properties/flavor/anyOf', rule: 'x-openstack-variants-cover' }),
    ]);
    expect(viewAt(broken, '2.50').problems).toEqual([]);
  });

  it('refuses a version outside the document bounds', () => {
    expect(() => viewAt(structuredClone(tiny), '2.105')).toThrow(/not a microversion between 2.1 and 2.104/);
    expect(() => viewAt(structuredClone(tiny), 'latest')).toThrow();
  });

  it('narrows a reference by its target range', () => {
    expect(effectiveRange(tiny, { $ref: '#/components/parameters/Tag' }, { min: 1, max: 104 })).toEqual({ min: 26, max: 104 });
  });
});

describe('operationParameters: what applies to one operation', () => {
  const doc = {
    components: { parameters: { limit: { in: 'query', name: 'limit', schema: { type: 'integer' } } } },
    paths: {
      '/things/{id}': {
        parameters: [{ in: 'path', name: 'id', required: true }, { in: 'query', name: 'limit', description: 'path level' }],
        get: { parameters: [{ $ref: '#/components/parameters/limit' }, { in: 'header', name: 'X-Id' }] },
        delete: {},
      },
    },
  };
  const item = doc.paths['/things/{id}'];

  it('merges the path item\'s with the operation\'s, dereferenced, the operation\'s taking the place of the same in and name', () => {
    expect(operationParameters(doc, item, item.get)).toEqual([
      { in: 'path', name: 'id', required: true },
      { in: 'query', name: 'limit', schema: { type: 'integer' } },
      { in: 'header', name: 'X-Id' },
    ]);
  });

  it('keeps the path item\'s when the operation declares none', () => {
    expect(operationParameters(doc, item, item.delete).map((p) => p.name)).toEqual(['id', 'limit']);
  });
});
