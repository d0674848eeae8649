/** The scenarios of server groups: each brought into a state with plain HTTP first. */
import type { Deployment } from '../deployment.ts';
import { at, type Scenario } from './common.ts';

/** A policy body for the microversion: `policies` up to 2.63, `policy` (+ `rules`) from 2.64. */
function groupBody(v: string, name: string): Record<string, unknown> {
  if (at(v, '2.64')) return { name, policy: 'anti-affinity', rules: { max_server_per_host: 2 } };
  return { name, policies: [at(v, '2.15') ? 'soft-anti-affinity' : 'anti-affinity'] };
}

/** A server group made with plain HTTP (at the microversion's shape), deleted after the scenario. */
async function group(d: Deployment, v: string, name = 'novaspec-group'): Promise<string> {
  const answer = await d.nova('POST', '/os-server-groups', { server_group: groupBody(v, name) }, { version: v });
  const id = answer.server_group.id as string;
  d.onCleanup(async () => {
    await d.nova('DELETE', `/os-server-groups/${id}`, undefined, { ok: [204, 404] });
  });
  return id;
}

/** A group with one server in it, so `members` is not empty. */
async function groupWithMember(d: Deployment, v: string): Promise<string> {
  const id = await group(d, v, 'novaspec-group-member');
  const answer = await d.nova('POST', '/servers', {
    server: { name: 'novaspec-grouped', imageRef: d.imageId, flavorRef: d.flavors.small, networks: 'none' },
    'os:scheduler_hints': { group: id },
  });
  d.adopt(answer.server.id);
  await d.waitFor(answer.server.id, ['ACTIVE']);
  return id;
}

export const serverGroups: Record<string, Scenario> = {
  'GET /os-server-groups': {
    async arrange(d, v) {
      await groupWithMember(d, v);
      return { query: { limit: 20 }, more: [{ query: { all_projects: 'True' } }, { query: { limit: 1, offset: 1 } }] };
    },
  },
  'POST /os-server-groups': {
    async arrange(_d, v) {
      const refused: { body: unknown }[] = [{ body: { server_group: { name: 'novaspec-two', policies: ['affinity', 'anti-affinity'] } } }];
      // The soft policies before 2.15; the old list form from 2.64.
      if (!at(v, '2.15')) refused.push({ body: { server_group: { name: 'novaspec-soft', policies: ['soft-affinity'] } } });
      if (at(v, '2.64')) refused.push({ body: { server_group: { name: 'novaspec-old', policies: ['affinity'] } } });
      return { body: { server_group: groupBody(v, 'novaspec-created') }, refused };
    },
    async settle(d, status, answer) {
      const id = answer?.server_group?.id as string | undefined;
      if (status === 200 && id) d.onCleanup(async () => { await d.nova('DELETE', `/os-server-groups/${id}`, undefined, { ok: [204, 404] }); });
    },
  },
  'GET /os-server-groups/{server_group_id}': {
    async arrange(d, v) {
      return { path: { server_group_id: await groupWithMember(d, v) } };
    },
  },
  'DELETE /os-server-groups/{server_group_id}': {
    async arrange(d, v) {
      return { path: { server_group_id: await group(d, v, 'novaspec-doomed') } };
    },
  },
};
