/**
 * Quota class sets (admin only): `default` is only read, since its limits are every project's
 * defaults; writes go to a class nothing uses (Nova stores limits under any class name).
 */
import { at, refusedToMember, type Scenario } from './common.ts';

const CLASS = 'novaspec-class';

export const quotaClassSets: Record<string, Scenario> = {
  'GET /os-quota-class-sets/{id}': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-quota-class-sets/default', v);
      return { path: { id: 'default' }, more: [{ path: { id: CLASS } }] };
    },
  },
  'PUT /os-quota-class-sets/{id}': {
    async arrange(d, v) {
      await refusedToMember(d, 'PUT', `/os-quota-class-sets/${CLASS}`, v, { quota_class_set: { instances: 1 } });
      const body: Record<string, unknown> = { instances: 15, cores: '30', server_groups: 12, server_group_members: 12 };
      if (!at(v, '2.50')) body.floating_ips = 4;
      if (!at(v, '2.57')) body.injected_files = 3;
      const refused: { path: Record<string, string>; body: unknown }[] = [{ path: { id: CLASS }, body: { quota_class_set: { instances: 1, force: true } } }];
      if (at(v, '2.50')) refused.push({ path: { id: CLASS }, body: { quota_class_set: { fixed_ips: 3 } } });
      if (at(v, '2.57')) refused.push({ path: { id: CLASS }, body: { quota_class_set: { injected_file_path_bytes: 100 } } });
      return { path: { id: CLASS }, body: { quota_class_set: body }, refused };
    },
  },
};
