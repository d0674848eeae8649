/**
 * Quota sets. Reads look at the admin project (whose quotas the deployment set); writes go to a
 * scratch project, `novaspec-quota` (the Keystone stand-in says every project exists), so that no
 * other scenario's servers run out of quota. Update and delete are admin only: a member's request
 * must get a 403.
 */
import { MEMBER_TOKEN, type Deployment } from '../deployment.ts';
import { at, refusedToMember, type Scenario } from './common.ts';

const SCRATCH = 'novaspec-quota';

/** A limit change valid at the microversion: the network limits up to 2.35, injected files up to 2.56. */
function limitsAt(v: string): Record<string, unknown> {
  const body: Record<string, unknown> = { instances: 12, cores: '24', key_pairs: -1 };
  if (!at(v, '2.36')) body.floating_ips = 5;
  if (!at(v, '2.57')) body.injected_files = 4;
  return body;
}

/** Limits a microversion no longer takes: Nova must refuse them with 400. */
function removedAt(v: string): { body: unknown }[] {
  const refused: { body: unknown }[] = [{ body: { quota_set: { networks: 3 } } }];
  if (at(v, '2.36')) refused.push({ body: { quota_set: { security_groups: 3 } } });
  if (at(v, '2.57')) refused.push({ body: { quota_set: { injected_file_content_bytes: 1024 } } });
  return refused;
}

/** Gives the scratch project a limit of its own, and removes every limit again after the scenario. */
async function scratch(d: Deployment): Promise<string> {
  await d.nova('PUT', `/os-quota-sets/${SCRATCH}`, { quota_set: { server_groups: 7 } });
  d.onCleanup(async () => {
    await d.nova('DELETE', `/os-quota-sets/${SCRATCH}`, undefined, { ok: [202] });
  });
  return SCRATCH;
}

export const quotaSets: Record<string, Scenario> = {
  'GET /os-quota-sets/{tenant_id}': {
    async arrange(d, v) {
      // A project reader may read their own project's quotas, not another's.
      await d.nova('GET', '/os-quota-sets/demo', undefined, { version: v, token: MEMBER_TOKEN });
      await refusedToMember(d, 'GET', '/os-quota-sets/admin', v);
      return { path: { tenant_id: 'admin' }, more: [{ path: { tenant_id: 'admin' }, query: { user_id: 'admin' } }] };
    },
  },
  'PUT /os-quota-sets/{tenant_id}': {
    async arrange(d, v) {
      const tenant_id = await scratch(d);
      await refusedToMember(d, 'PUT', `/os-quota-sets/${tenant_id}`, v, { quota_set: { instances: 1 } });
      return {
        path: { tenant_id },
        body: { quota_set: limitsAt(v) },
        more: [
          // One user's limit, and a limit below the usage forced through.
          { path: { tenant_id }, query: { user_id: 'novaspec-user' }, body: { quota_set: { instances: 3 } } },
          { path: { tenant_id }, body: { quota_set: { ram: 0, force: 'True' } } },
        ],
        refused: removedAt(v).map((r) => ({ path: { tenant_id }, ...r })),
      };
    },
  },
  'DELETE /os-quota-sets/{tenant_id}': {
    async arrange(d, v) {
      const tenant_id = await scratch(d);
      await refusedToMember(d, 'DELETE', `/os-quota-sets/${tenant_id}`, v);
      await d.nova('PUT', `/os-quota-sets/${tenant_id}?user_id=novaspec-user`, { quota_set: { instances: 2 } });
      return { path: { tenant_id }, more: [{ path: { tenant_id }, query: { user_id: 'novaspec-user' } }] };
    },
  },
  'GET /os-quota-sets/{tenant_id}/defaults': {
    async arrange(d, v) {
      // Anyone with a token may read the defaults.
      await d.nova('GET', '/os-quota-sets/admin/defaults', undefined, { version: v, token: MEMBER_TOKEN });
      return { path: { tenant_id: 'admin' } };
    },
  },
  'GET /os-quota-sets/{tenant_id}/detail': {
    async arrange(d, v) {
      await d.shared();
      await refusedToMember(d, 'GET', '/os-quota-sets/admin/detail', v);
      return { path: { tenant_id: 'admin' }, more: [{ path: { tenant_id: 'admin' }, query: { user_id: 'admin' } }] };
    },
  },
};
