/**
 * The images proxy (up to 2.35) and the image metadata proxy (up to 2.38), exactly: table tests over
 * the exact views (issue 13). Facts from Nova's controllers and schemas (nova/api/openstack/compute/
 * images.py, image_metadata.py, schemas/images.py, schemas/image_metadata.py, views/images.py) and
 * api_version_request.py (MAX_PROXY_API_SUPPORT_VERSION 2.35, MAX_IMAGE_META_PROXY_API_VERSION 2.38).
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { type Json, validatorFor, view } from './load.ts';
import { againstInventory } from './proxy-inventory.ts';

const deref = (doc: Json, node: Json): Json => dereference(doc, node);
const operation = (doc: Json, method: string, path: string) => doc.paths[path]?.[method];
const responseSchema = (doc: Json, method: string, path: string, code = '200') =>
  deref(doc, deref(doc, operation(doc, method, path).responses[code]).content['application/json'].schema);
const props = (schema: Json) => Object.keys(schema.properties ?? {});

describe('the images and image metadata proxies against Nova', () => {
  againstInventory(['images', 'image metadata']);
});

describe('images: present up to 2.35, gone at 2.36; metadata up to 2.38, gone at 2.39', () => {
  const table: { version: string; images: boolean; metadata: boolean }[] = [
    { version: '2.1', images: true, metadata: true },
    { version: '2.35', images: true, metadata: true },
    { version: '2.36', images: false, metadata: true },
    { version: '2.38', images: false, metadata: true },
    { version: '2.39', images: false, metadata: false },
    { version: '2.104', images: false, metadata: false },
  ];
  for (const { version, images, metadata } of table) {
    it(`at ${version}: images ${images ? 'present' : 'absent'}, image metadata ${metadata ? 'present' : 'absent'}`, () => {
      const paths = Object.keys(view(version).paths);
      for (const path of ['/images', '/images/detail']) expect(paths.includes(path), path).toBe(images);
      for (const path of ['/images/{image_id}/metadata', '/images/{image_id}/metadata/{key}']) expect(paths.includes(path), path).toBe(metadata);
      // The image's own path (show, delete) goes with the images, even while its metadata stays.
      expect(Boolean(operation(view(version), 'get', '/images/{image_id}'))).toBe(images);
    });
  }
});

describe('the image, as shown and in the detailed list', () => {
  const shown = () => deref(view('2.35'), responseSchema(view('2.35'), 'get', '/images/{image_id}').properties.image);
  const detailed = () => {
    const doc = view('2.35');
    return deref(doc, deref(doc, responseSchema(doc, 'get', '/images/detail').properties.images).items);
  };
  const listed = () => {
    const doc = view('2.35');
    return deref(doc, deref(doc, responseSchema(doc, 'get', '/images').properties.images).items);
  };
  it('has every field of Nova\'s view, the always-present ones required, and nothing else', () => {
    for (const image of [shown(), detailed()]) {
      expect(props(image).sort()).toEqual(['OS-DCF:diskConfig', 'OS-EXT-IMG-SIZE:size', 'created', 'id', 'links', 'metadata', 'minDisk', 'minRam', 'name', 'progress', 'server', 'status', 'updated']);
      expect([...image.required].sort()).toEqual(['OS-EXT-IMG-SIZE:size', 'created', 'id', 'links', 'metadata', 'minDisk', 'minRam', 'name', 'progress', 'status', 'updated']);
      expect(image.additionalProperties).toBe(false);
    }
  });
  it('the plain list has id, name and links only', () => {
    expect(props(listed()).sort()).toEqual(['id', 'links', 'name']);
    expect(listed().additionalProperties).toBe(false);
  });
  const enums: { field: string; values: unknown[] }[] = [
    { field: 'status', values: ['ACTIVE', 'SAVING', 'DELETED', 'ERROR', 'UNKNOWN'] },
    { field: 'progress', values: [0, 25, 50, 100] },
    { field: 'OS-DCF:diskConfig', values: ['AUTO', 'MANUAL'] },
  ];
  for (const { field, values } of enums) {
    it(`${field} is one of ${values.join(', ')}`, () => {
      expect(deref(view('2.35'), shown().properties[field]).enum).toEqual(values);
    });
  }
  it('three links (self, bookmark, alternate) and a snapshot\'s server with two', () => {
    const doc = view('2.35');
    const links = deref(doc, shown().properties.links);
    expect([links.minItems, links.maxItems]).toEqual([3, 3]);
    expect(links.prefixItems.map((link: Json) => link.properties.rel.const)).toEqual(['self', 'bookmark', 'alternate']);
    expect(links.prefixItems[2].required).toContain('type');
    const server = deref(doc, shown().properties.server);
    expect(server.required).toEqual(['id', 'links']);
    expect(server.properties.links.prefixItems.map((link: Json) => link.properties.rel.const)).toEqual(['self', 'bookmark']);
  });
  it('validates a queued snapshot with no size yet, and refuses an unknown status', () => {
    const validate = validatorFor('2.35')('/paths/~1images~1{image_id}/get/responses/200/content/application~1json/schema');
    const image = {
      id: 'c1a2e7d0-6b3f-4e58-a9d4-0f2b8c71e5a3', name: null, created: '2026-11-30T02:00:11Z', updated: null, status: 'SAVING', progress: 25, minDisk: 0, minRam: 0, metadata: {}, 'OS-EXT-IMG-SIZE:size': null,
      links: ['self', 'bookmark', 'alternate'].map((rel) => ({ rel, href: `http://compute.example.com/images/${rel}`, ...(rel === 'alternate' ? { type: 'application/vnd.openstack.image' } : {}) })),
    };
    expect(validate({ image }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ image: { ...image, status: 'queued' } })).toBe(false);
  });
});

describe('image metadata bodies', () => {
  const body = (method: string, path: string) => {
    const doc = view('2.38');
    return deref(doc, deref(doc, operation(doc, method, path).requestBody).content['application/json'].schema);
  };
  it('create and replace take a closed {metadata} of strings of at most 255 characters', () => {
    for (const method of ['post', 'put']) {
      const doc = view('2.38');
      const schema = body(method, '/images/{image_id}/metadata');
      expect(schema.required).toEqual(['metadata']);
      expect(schema.additionalProperties).toBe(false);
      expect(deref(doc, schema.properties.metadata).additionalProperties).toEqual({ type: 'string', maxLength: 255 });
    }
  });
  it('setting one item takes exactly one key in meta', () => {
    const meta = body('put', '/images/{image_id}/metadata/{key}').properties.meta;
    expect([meta.minProperties, meta.maxProperties]).toEqual([1, 1]);
  });
  it('deleting an item answers 204 with no body', () => {
    const doc = view('2.38');
    expect(deref(doc, operation(doc, 'delete', '/images/{image_id}/metadata/{key}').responses['204']).content).toBeUndefined();
  });
});
