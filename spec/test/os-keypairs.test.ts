/**
 * Key pairs at the microversions where Nova changes them (issue 11): table tests over the exact
 * views. Facts from nova/api/openstack/compute/keypairs.py, views/keypairs.py and schemas/keypairs.py.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { escapePointer, validatorFor, view } from './load.ts';

const ptr = (path: string, method: string, rest: string) => `/paths/${escapePointer(path)}/${method}${rest}`;
const responseOf = (path: string, method: string, code: string) => ptr(path, method, `/responses/${code}/content/application~1json/schema`);
const requestOf = (path: string, method: string) => ptr(path, method, '/requestBody/content/application~1json/schema');
const valid = (version: string, pointer: string, body: unknown) => {
  const check = validatorFor(version)(pointer);
  return check(body) ? true : check.errors;
};
const ONE = '/os-keypairs/{keypair_name}';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPikdOQpiEv3JtmPhM7g2ZJih8HLvgJ+mpZARfO5bEbe deploy@ci';
const summary = { name: 'k', fingerprint: 'a5:4f', public_key: KEY };
const created = { ...summary, user_id: 'c0a4e8f2b6d14937a5c9e1f3b7d20468' };
const shown = { ...created, id: 1, created_at: '2026-09-14T07:32:05.000000', updated_at: null, deleted: false, deleted_at: null };

describe('key pair answers by microversion', () => {
  const table: { version: string; path: string; method: string; code: string; body: object; ok: boolean; why: string }[] = [
    { version: '2.1', path: '/os-keypairs', method: 'post', code: '200', body: { keypair: created }, ok: true, why: 'create answers 200 without type at 2.1' },
    { version: '2.1', path: '/os-keypairs', method: 'post', code: '200', body: { keypair: { ...created, type: 'ssh' } }, ok: false, why: 'no type at 2.1' },
    { version: '2.1', path: '/os-keypairs', method: 'post', code: '200', body: { keypair: { ...created, private_key: 'pem' } }, ok: true, why: 'private_key when generated' },
    { version: '2.2', path: '/os-keypairs', method: 'post', code: '201', body: { keypair: created }, ok: false, why: 'type required from 2.2' },
    { version: '2.2', path: '/os-keypairs', method: 'post', code: '201', body: { keypair: { ...created, type: 'x509' } }, ok: true, why: 'create answers 201 with type from 2.2' },
    { version: '2.2', path: '/os-keypairs', method: 'post', code: '201', body: { keypair: { ...created, type: 'rsa' } }, ok: false, why: 'type is ssh or x509' },
    { version: '2.91', path: '/os-keypairs', method: 'post', code: '201', body: { keypair: { ...created, type: 'ssh', private_key: 'pem' } }, ok: true, why: 'last with a generated private key' },
    { version: '2.92', path: '/os-keypairs', method: 'post', code: '201', body: { keypair: { ...created, type: 'ssh', private_key: 'pem' } }, ok: false, why: 'no private_key from 2.92' },
    { version: '2.92', path: '/os-keypairs', method: 'post', code: '201', body: { keypair: { ...created, name: 'a@b.c', type: 'ssh' } }, ok: true, why: 'names with @ and . from 2.92' },
    { version: '2.1', path: ONE, method: 'get', code: '200', body: { keypair: shown }, ok: true, why: 'show without type at 2.1' },
    { version: '2.2', path: ONE, method: 'get', code: '200', body: { keypair: { ...shown, type: 'ssh' } }, ok: true, why: 'show with type from 2.2' },
    { version: '2.2', path: ONE, method: 'get', code: '200', body: { keypair: { ...shown, type: 'ssh', deleted: true } }, ok: false, why: 'deleted is always false' },
    { version: '2.104', path: ONE, method: 'get', code: '200', body: { keypair: { ...shown, type: 'ssh', updated_at: '2026-01-01T00:00:00' } }, ok: false, why: 'updated_at is always null' },
    { version: '2.1', path: '/os-keypairs', method: 'get', code: '200', body: { keypairs: [{ keypair: summary }] }, ok: true, why: 'list without type at 2.1' },
    { version: '2.2', path: '/os-keypairs', method: 'get', code: '200', body: { keypairs: [{ keypair: summary }] }, ok: false, why: 'list entries have type from 2.2' },
    { version: '2.34', path: '/os-keypairs', method: 'get', code: '200', body: { keypairs: [], keypairs_links: [{ rel: 'next', href: 'http://x/os-keypairs?marker=k' }] }, ok: false, why: 'no links before 2.35' },
    { version: '2.35', path: '/os-keypairs', method: 'get', code: '200', body: { keypairs: [{ keypair: { ...summary, type: 'ssh' } }], keypairs_links: [{ rel: 'next', href: 'http://x/os-keypairs?marker=k' }] }, ok: true, why: 'a next link from 2.35' },
    { version: '2.35', path: '/os-keypairs', method: 'get', code: '200', body: { keypairs: [{ keypair: { ...summary, type: 'ssh', user_id: 'u' } }] }, ok: false, why: 'the list has no owner' },
  ];
  for (const { version, path, method, code, body, ok, why } of table) {
    it(`${version} ${method} ${path}: ${why}`, () => {
      expect(valid(version, responseOf(path, method, code), body) === true).toBe(ok);
    });
  }
});

describe('key pair create bodies by microversion', () => {
  const table: { version: string; keypair: object; ok: boolean; why: string }[] = [
    { version: '2.1', keypair: { name: 'gen' }, ok: true, why: 'generation without public_key' },
    { version: '2.1', keypair: { name: 'k', type: 'ssh', public_key: KEY }, ok: false, why: 'type from 2.2' },
    { version: '2.2', keypair: { name: 'k', type: 'x509', public_key: 'pem' }, ok: true, why: 'type from 2.2' },
    { version: '2.9', keypair: { name: 'k', user_id: 'u', public_key: KEY }, ok: false, why: 'user_id from 2.10' },
    { version: '2.10', keypair: { name: 'k', user_id: 'u', public_key: KEY }, ok: true, why: 'user_id from 2.10' },
    { version: '2.91', keypair: { name: 'gen' }, ok: true, why: 'last microversion that generates' },
    { version: '2.91', keypair: { name: 'a@b', public_key: KEY }, ok: false, why: '@ refused before 2.92' },
    { version: '2.92', keypair: { name: 'gen' }, ok: false, why: 'public_key required from 2.92' },
    { version: '2.92', keypair: { name: 'deploy@ci.example', public_key: KEY }, ok: true, why: '@ and . from 2.92' },
    { version: '2.92', keypair: { name: ' lead', public_key: KEY }, ok: false, why: 'no leading space' },
    { version: '2.92', keypair: { name: 'a/b', public_key: KEY }, ok: false, why: 'no slash' },
    { version: '2.104', keypair: { name: 'k', public_key: KEY, extra: 1 }, ok: false, why: 'closed' },
  ];
  for (const { version, keypair, ok, why } of table) {
    it(`${version}: ${why}`, () => {
      expect(valid(version, requestOf('/os-keypairs', 'post'), { keypair }) === true).toBe(ok);
    });
  }
});

describe('key pair parameters and status codes', () => {
  const queryOf = (version: string, path: string, method: string) => {
    const doc = view(version);
    return (doc.paths[path][method].parameters ?? []).map((p: object) => dereference(doc, p)).filter((p: { in?: string }) => p.in === 'query').map((p: { name: string }) => p.name).sort();
  };
  it('user_id from 2.10, limit and marker on the list from 2.35', () => {
    expect(queryOf('2.9', '/os-keypairs', 'get')).toEqual([]);
    expect(queryOf('2.10', '/os-keypairs', 'get')).toEqual(['user_id']);
    expect(queryOf('2.35', '/os-keypairs', 'get')).toEqual(['limit', 'marker', 'user_id']);
    for (const method of ['get', 'delete']) {
      expect(queryOf('2.9', ONE, method)).toEqual([]);
      expect(queryOf('2.104', ONE, method)).toEqual(['user_id']);
    }
  });
  it('create answers 200 at 2.1 and 201 from 2.2; delete 202 at 2.1 and 204 from 2.2', () => {
    const codes = (version: string, path: string, method: string) => Object.keys(view(version).paths[path][method].responses).filter((c) => c.startsWith('2'));
    expect(codes('2.1', '/os-keypairs', 'post')).toEqual(['200']);
    expect(codes('2.2', '/os-keypairs', 'post')).toEqual(['201']);
    expect(codes('2.1', ONE, 'delete')).toEqual(['202']);
    expect(codes('2.2', ONE, 'delete')).toEqual(['204']);
  });
  it('every key pair operation refuses unknown query parameters from 2.75', () => {
    for (const [path, method] of [['/os-keypairs', 'get'], [ONE, 'get'], [ONE, 'delete']] as const) {
      expect(view('2.74').paths[path][method]['x-openstack']?.['strict-query']).not.toBe(true);
      expect(view('2.75').paths[path][method]['x-openstack']?.['strict-query']).toBe(true);
    }
  });
});
