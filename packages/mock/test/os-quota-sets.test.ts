/**
 * Quota sets and quota class sets through the mock: the limits of the requested microversion (network
 * limits to 2.35, or to 2.49 for classes; injected files to 2.56; class server group limits from
 * 2.50), the detail shape, 202 on delete, and Nova's 400 for limits a microversion no longer takes.
 */
import { describe, expect, it } from 'vitest';
import { useMockJson } from './support/mock-http.ts';

const PROJECT = '5d1b9e7c3a2f4068b4e6c8a0d2f13579';
const call = useMockJson();

describe('quota sets in the mock', () => {
  const shapes: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.1', has: ['floating_ips', 'injected_files', 'server_groups'], hasNot: [] },
    { version: '2.36', has: ['injected_files'], hasNot: ['floating_ips', 'fixed_ips'] },
    { version: '2.57', has: ['instances', 'server_group_members'], hasNot: ['injected_files', 'floating_ips'] },
  ];
  for (const { version, has, hasNot } of shapes) {
    it(`show, defaults and detail at ${version}`, async () => {
      for (const path of [`/os-quota-sets/${PROJECT}`, `/os-quota-sets/${PROJECT}/defaults`]) {
        const { status, body } = await call('GET', path, version);
        expect(status, path).toBe(200);
        expect(body.quota_set.id).toBe(PROJECT);
        for (const key of has) expect(body.quota_set).toHaveProperty(key);
        for (const key of hasNot) expect(body.quota_set).not.toHaveProperty(key);
      }
      const detail = await call('GET', `/os-quota-sets/${PROJECT}/detail`, version);
      expect(detail.body.quota_set.instances).toEqual({ in_use: expect.any(Number), limit: expect.any(Number), reserved: expect.any(Number) });
    });
  }

  const updates: { version: string; quota: object; status: number }[] = [
    { version: '2.35', quota: { floating_ips: 5 }, status: 200 },
    { version: '2.36', quota: { floating_ips: 5 }, status: 400 },
    { version: '2.56', quota: { injected_files: 2 }, status: 200 },
    { version: '2.57', quota: { injected_files: 2 }, status: 400 },
    { version: '2.57', quota: { instances: '20', force: 'True' }, status: 200 },
  ];
  for (const { version, quota, status } of updates) {
    it(`PUT at ${version} ${JSON.stringify(quota)}: ${status}`, async () => {
      const answer = await call('PUT', `/os-quota-sets/${PROJECT}`, version, { quota_set: quota });
      expect(answer.status).toBe(status);
      if (status === 200) expect(answer.body.quota_set).not.toHaveProperty('id');
      if (status === 400) expect(answer.body.badRequest.message).toMatch(/^Invalid input for field\/attribute/);
    });
  }

  it('DELETE answers 202 with no body', async () => {
    const answer = await call('DELETE', `/os-quota-sets/${PROJECT}?user_id=u`, '2.75');
    expect(answer.status).toBe(202);
    expect(answer.body).toBeUndefined();
  });
});

describe('quota class sets in the mock', () => {
  const shapes: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.49', has: ['floating_ips', 'injected_files'], hasNot: ['server_groups', 'server_group_members'] },
    { version: '2.50', has: ['server_groups', 'injected_files'], hasNot: ['floating_ips'] },
    { version: '2.57', has: ['server_groups', 'cores'], hasNot: ['injected_files'] },
  ];
  for (const { version, has, hasNot } of shapes) {
    it(`show at ${version}`, async () => {
      const { status, body } = await call('GET', '/os-quota-class-sets/default', version);
      expect(status).toBe(200);
      expect(body.quota_class_set.id).toBe('default');
      for (const key of has) expect(body.quota_class_set).toHaveProperty(key);
      for (const key of hasNot) expect(body.quota_class_set).not.toHaveProperty(key);
    });
  }
  it('PUT takes server group limits before 2.50 and refuses network limits from 2.50', async () => {
    expect((await call('PUT', '/os-quota-class-sets/default', '2.49', { quota_class_set: { server_groups: 5, floating_ips: 2 } })).status).toBe(200);
    expect((await call('PUT', '/os-quota-class-sets/default', '2.50', { quota_class_set: { floating_ips: 2 } })).status).toBe(400);
  });
});
