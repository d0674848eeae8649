/**
 * GET /limits at the microversions where Nova changes it (issue 11). Facts from
 * nova/api/openstack/compute/limits.py, views/limits.py and schemas/limits.py.
 */
import { describe, expect, it } from 'vitest';
import { dereference } from '@novaspec/microversions';
import { validatorFor, view } from './load.ts';

const RESPONSE = '/paths/~1limits/get/responses/200/content/application~1json/schema';
const ALWAYS = ['maxServerMeta', 'maxServerGroups', 'maxServerGroupMembers', 'maxTotalCores', 'maxTotalInstances', 'maxTotalKeypairs', 'maxTotalRAMSize', 'totalCoresUsed', 'totalInstancesUsed', 'totalRAMUsed', 'totalServerGroupsUsed'];
const NETWORK = ['maxSecurityGroups', 'maxSecurityGroupRules', 'maxTotalFloatingIps', 'totalFloatingIpsUsed', 'totalSecurityGroupsUsed'];
const PERSONALITY = ['maxPersonality', 'maxPersonalitySize'];
const absolute = (names: string[]) => Object.fromEntries(names.map((n) => [n, n.startsWith('total') ? 0 : 10]));

describe('limits by microversion', () => {
  const table: { version: string; fields: string[]; gone: string[] }[] = [
    { version: '2.1', fields: [...ALWAYS, ...NETWORK, ...PERSONALITY, 'maxImageMeta'], gone: [] },
    { version: '2.35', fields: [...ALWAYS, ...NETWORK, ...PERSONALITY, 'maxImageMeta'], gone: [] },
    { version: '2.36', fields: [...ALWAYS, ...PERSONALITY, 'maxImageMeta'], gone: NETWORK },
    { version: '2.38', fields: [...ALWAYS, ...PERSONALITY, 'maxImageMeta'], gone: NETWORK },
    { version: '2.39', fields: [...ALWAYS, ...PERSONALITY], gone: [...NETWORK, 'maxImageMeta'] },
    { version: '2.56', fields: [...ALWAYS, ...PERSONALITY], gone: [...NETWORK, 'maxImageMeta'] },
    { version: '2.57', fields: ALWAYS, gone: [...NETWORK, 'maxImageMeta', ...PERSONALITY] },
    { version: '2.104', fields: ALWAYS, gone: [...NETWORK, 'maxImageMeta', ...PERSONALITY] },
  ];
  for (const { version, fields, gone } of table) {
    it(`${version}: ${fields.length} fields, all required`, () => {
      const check = validatorFor(version)(RESPONSE);
      expect(check({ limits: { rate: [], absolute: absolute(fields) } }), JSON.stringify(check.errors)).toBe(true);
      for (const field of fields) {
        const without = absolute(fields.filter((f) => f !== field));
        expect(check({ limits: { rate: [], absolute: without } }), `${field} required`).toBe(false);
      }
      for (const field of gone) {
        expect(check({ limits: { rate: [], absolute: absolute([...fields, field]) } }), `${field} absent`).toBe(false);
      }
      expect(check({ limits: { rate: [{ verb: 'POST' }], absolute: absolute(fields) } }), 'rate is empty').toBe(false);
    });
  }
  it('takes tenant_id at every microversion and refuses unknown parameters from 2.75', () => {
    for (const version of ['2.1', '2.74', '2.75', '2.104']) {
      const doc = view(version);
      const names = doc.paths['/limits'].get.parameters.map((p: object) => dereference(doc, p)).filter((p: { in?: string }) => p.in === 'query').map((p: { name: string }) => p.name);
      expect(names).toEqual(['tenant_id']);
    }
    expect(view('2.74').paths['/limits'].get['x-openstack']?.['strict-query']).not.toBe(true);
    expect(view('2.75').paths['/limits'].get['x-openstack']?.['strict-query']).toBe(true);
  });
});
