/**
 * The images proxy (up to 2.35) and the image metadata proxy (up to 2.38) over HTTP (issue 13): each
 * operation answers from its view while it exists and 404 with Nova's itemNotFound after; bodies the
 * spec refuses get Nova's 400.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const IMAGE = '5f3c6e1d-8a41-4b2f-9c07-3e9d2a6b71f4';

const send = useMockHttp();

const IMAGES: [string, string, number, unknown?][] = [
  ['GET', '/images', 200], ['GET', '/images/detail', 200], ['GET', `/images/${IMAGE}`, 200], ['DELETE', `/images/${IMAGE}`, 204],
];
const METADATA: [string, string, number, unknown?][] = [
  ['GET', `/images/${IMAGE}/metadata`, 200], ['POST', `/images/${IMAGE}/metadata`, 200, { metadata: { hw_disk_bus: 'scsi' } }],
  ['PUT', `/images/${IMAGE}/metadata`, 200, { metadata: {} }], ['GET', `/images/${IMAGE}/metadata/os_distro`, 200],
  ['PUT', `/images/${IMAGE}/metadata/os_distro`, 200, { meta: { os_distro: 'debian' } }], ['DELETE', `/images/${IMAGE}/metadata/os_distro`, 204],
];

describe('the images proxy in the mock', () => {
  const table: { version: string; images: boolean; metadata: boolean }[] = [
    { version: '2.1', images: true, metadata: true },
    { version: '2.35', images: true, metadata: true },
    { version: '2.36', images: false, metadata: true },
    { version: '2.38', images: false, metadata: true },
    { version: '2.39', images: false, metadata: false },
  ];
  for (const { version, images, metadata } of table) {
    it(`at ${version}: images ${images ? 'answer' : '404'}, image metadata ${metadata ? 'answers' : '404'}`, async () => {
      for (const [group, present] of [[IMAGES, images], [METADATA, metadata]] as const) {
        for (const [method, path, code, body] of group) {
          const response = await send(method, path, version, body);
          const text = await response.text();
          expect(response.status, `${method} ${path} at ${version}: ${text}`).toBe(present ? code : 404);
          if (!present) expect(JSON.parse(text)).toMatchObject({ itemNotFound: { code: 404 } });
        }
      }
    });
  }

  it('shows an image in the shape of the old images API at 2.35', async () => {
    const response = await send('GET', `/images/${IMAGE}`, '2.35');
    const { image } = await response.json();
    expect(image).toMatchObject({ id: IMAGE, status: 'ACTIVE', progress: 100 });
    expect(image.links.map((link: { rel: string }) => link.rel)).toEqual(['self', 'bookmark', 'alternate']);
  });

  it('refuses a metadata value that is not a string, as Nova\'s schema does', async () => {
    const response = await send('POST', `/images/${IMAGE}/metadata`, '2.38', { metadata: { hw_disk_bus: 42 } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
  });

  it('refuses a set-item body with two keys', async () => {
    const response = await send('PUT', `/images/${IMAGE}/metadata/os_distro`, '2.38', { meta: { os_distro: 'debian', os_version: '12' } });
    expect(response.status).toBe(400);
  });
});
