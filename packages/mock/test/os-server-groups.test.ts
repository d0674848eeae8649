/**
 * Server groups through the mock: the shape of the requested microversion (policies to 2.63, policy
 * and rules from 2.64, owner from 2.13), Nova's 400 for bodies outside that microversion's schema,
 * 204 on delete and the 404 Prism gives on request.
 */
import { describe, expect, it } from 'vitest';
import { useMockJson } from './support/mock-http.ts';

const GROUP = '4a8e1c3f-6b2d-4f97-8e05-d1c7b9a2f364';
const call = useMockJson();

describe('server groups in the mock', () => {
  const shapes: { version: string; has: string[]; hasNot: string[] }[] = [
    { version: '2.1', has: ['policies', 'metadata'], hasNot: ['project_id', 'policy', 'rules'] },
    { version: '2.13', has: ['policies', 'metadata', 'project_id', 'user_id'], hasNot: ['policy'] },
    { version: '2.63', has: ['policies', 'project_id'], hasNot: ['policy', 'rules'] },
    { version: '2.64', has: ['policy', 'rules', 'project_id', 'user_id'], hasNot: ['policies', 'metadata'] },
  ];
  for (const { version, has, hasNot } of shapes) {
    it(`GET one at ${version}: ${has.join(', ')}`, async () => {
      const { status, body } = await call('GET', `/os-server-groups/${GROUP}`, version);
      expect(status).toBe(200);
      for (const key of has) expect(body.server_group).toHaveProperty(key);
      for (const key of hasNot) expect(body.server_group).not.toHaveProperty(key);
    });
  }

  it('list at 2.64 carries policy and rules', async () => {
    const { status, body } = await call('GET', '/os-server-groups?limit=5&offset=0', '2.64');
    expect(status).toBe(200);
    expect(body.server_groups[0]).toMatchObject({ policy: expect.any(String), rules: expect.any(Object) });
  });

  const bodies: { version: string; group: object; status: number }[] = [
    { version: '2.14', group: { name: 'g', policies: ['soft-affinity'] }, status: 400 },
    { version: '2.15', group: { name: 'g', policies: ['soft-affinity'] }, status: 200 },
    { version: '2.63', group: { name: 'g', policy: 'affinity' }, status: 400 },
    { version: '2.64', group: { name: 'g', policies: ['affinity'] }, status: 400 },
    { version: '2.64', group: { name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 3 } }, status: 200 },
  ];
  for (const { version, group, status } of bodies) {
    it(`POST at ${version} ${JSON.stringify(group)}: ${status}`, async () => {
      const answer = await call('POST', '/os-server-groups', version, { server_group: group });
      expect(answer.status).toBe(status);
      if (status === 400) expect(answer.body.badRequest.message).toMatch(/^Invalid input for field\/attribute/);
    });
  }

  it('DELETE answers 204 with no body, and 404 itemNotFound when asked for', async () => {
    expect((await call('DELETE', `/os-server-groups/${GROUP}`, '2.64')).status).toBe(204);
    const missing = await call('DELETE', `/os-server-groups/${GROUP}`, '2.64', undefined, { Prefer: 'code=404' });
    expect(missing.status).toBe(404);
    expect(missing.body.itemNotFound.code).toBe(404);
  });
});
