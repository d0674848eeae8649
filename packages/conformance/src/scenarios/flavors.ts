/**
 * The scenarios of everything under /flavors: the flavors themselves, flavor access (the flavor
 * action endpoint) and extra specs. Every flavor a scenario makes has a unique name and id and is
 * deleted after the scenario; the suite's own flavors (deployment.ts) are only read.
 */
import type { Deployment } from '../deployment.ts';
import { at, type Call, type Scenario } from './common.ts';

let made = 0;
/** A unique id for a flavor of this run (also its name). */
const uniqueId = (role: string) => `novaspec-${role}-${Date.now().toString(36)}-${(made += 1)}`;

/** Deletes a flavor after the scenario, whether or not the operation under test deleted it. */
function deleteAfterwards(d: Deployment, id: string): void {
  d.onCleanup(async () => {
    await d.nova('DELETE', `/flavors/${encodeURIComponent(id)}`, undefined, { ok: [202, 404] });
  });
}

interface FlavorFixture {
  private?: boolean;
  swap?: number;
  specs?: Record<string, string>;
  description?: string;
  access?: string[];
}

/** A flavor made with plain HTTP for one scenario, with what the scenario needs to read. */
async function freshFlavor(d: Deployment, role: string, fixture: FlavorFixture = {}): Promise<string> {
  const id = uniqueId(role);
  const flavor: Record<string, unknown> = {
    id, name: id, ram: 96, vcpus: 1, disk: 1, 'OS-FLV-EXT-DATA:ephemeral': 1, swap: fixture.swap ?? 0,
    'os-flavor-access:is_public': !fixture.private,
  };
  if (fixture.description !== undefined) flavor.description = fixture.description;
  await d.nova('POST', '/flavors', { flavor }, { version: fixture.description !== undefined ? '2.55' : '2.1' });
  deleteAfterwards(d, id);
  if (fixture.specs) await d.nova('POST', `/flavors/${id}/os-extra_specs`, { extra_specs: fixture.specs });
  for (const tenant of fixture.access ?? []) {
    await d.nova('POST', `/flavors/${id}/action`, { addTenantAccess: { tenant } });
  }
  return id;
}

const PROJECT_A = 'a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d';
const PROJECT_B = 'f0e1d2c3b4a54968a7b6c5d4e3f2a1b0';

/** A flavor with everything a flavor can show: swap, extra specs, a description, private with access. */
const decorated = (d: Deployment) => freshFlavor(d, 'decorated', {
  private: true, swap: 512, description: 'kept for one conformance scenario',
  specs: { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': 'large', 'novaspec:tier': 'gold' }, access: [PROJECT_A],
});

/** A list: the filters a user sends, a page of one (with its next link), and every flavor (is_public=none). */
async function listing(d: Deployment, v: string): Promise<Call> {
  await decorated(d);
  const query: Record<string, unknown> = { limit: 50, sort_key: 'memory_mb', sort_dir: 'desc', minRam: '64', minDisk: '0' };
  if (at(v, '2.102')) query.name = '^novaspec-';
  return { query, more: [{ query: { limit: 1 } }, { query: { is_public: 'none', sort_key: 'flavorid' } }, { query: { is_public: 'false' } }] };
}

function createBody(v: string, role: string, extra: Record<string, unknown> = {}): { flavor: Record<string, unknown> } {
  const id = uniqueId(role);
  const flavor: Record<string, unknown> = {
    name: id, id, ram: 192, vcpus: 2, disk: 2, 'OS-FLV-EXT-DATA:ephemeral': 1, swap: 256, 'os-flavor-access:is_public': false, ...extra,
  };
  if (at(v, '2.55')) flavor.description = 'made by the conformance suite';
  if (!at(v, '2.102')) flavor.rxtx_factor = 1.5;
  return { flavor };
}

export const flavors: Record<string, Scenario> = {
  // --- The flavors.
  'GET /flavors': { arrange: (d, v) => listing(d, v) },
  'GET /flavors/detail': { arrange: (d, v) => listing(d, v) },
  'POST /flavors': {
    async arrange(d, v) {
      const body = createBody(v, 'create');
      // Sizes as digit strings, no swap, a generated id: the other shape of the answer (swap "" or 0).
      const minimal = { flavor: { name: uniqueId('create-minimal'), ram: '128', vcpus: '1', disk: '0', 'os-flavor-access:is_public': 'true' } };
      d.onCleanup(async () => {
        const found = await d.nova('GET', '/flavors?is_public=none');
        for (const f of found.flavors as { id: string; name: string }[]) {
          if (f.name === minimal.flavor.name) await d.nova('DELETE', `/flavors/${f.id}`, undefined, { ok: [202, 404] });
        }
      });
      deleteAfterwards(d, String(body.flavor.id));
      const call: Call = { body, more: [{ body: minimal }] };
      // A description before 2.55 and a bandwidth factor from 2.102: the spec refuses them, so must Nova.
      if (!at(v, '2.55')) call.refused = [{ body: { flavor: { ...createBody(v, 'refused').flavor, description: 'too early' } } }];
      if (at(v, '2.102')) call.refused = [{ body: { flavor: { ...createBody(v, 'refused').flavor, rxtx_factor: 1.0 } } }];
      return call;
    },
  },
  'GET /flavors/{flavor_id}': {
    async arrange(d) {
      return { path: { flavor_id: await decorated(d) }, more: [{ path: { flavor_id: d.flavors.small } }] };
    },
  },
  'PUT /flavors/{flavor_id}': {
    async arrange(d) {
      const id = await decorated(d);
      return {
        path: { flavor_id: id }, body: { flavor: { description: 'described again by the conformance suite' } },
        more: [{ path: { flavor_id: id }, body: { flavor: { description: null } } }],
      };
    },
  },
  'DELETE /flavors/{flavor_id}': { arrange: async (d) => ({ path: { flavor_id: await freshFlavor(d, 'delete') } }) },

  // --- Flavor access: the list and the two flavor actions.
  'GET /flavors/{flavor_id}/os-flavor-access': {
    async arrange(d) {
      const empty = await freshFlavor(d, 'access-empty', { private: true });
      return { path: { flavor_id: await decorated(d) }, more: [{ path: { flavor_id: empty } }] };
    },
  },
  'POST /flavors/{flavor_id}/action#addTenantAccess': {
    async arrange(d) {
      const id = await freshFlavor(d, 'access-add', { private: true, access: [PROJECT_A] });
      return { path: { flavor_id: id }, body: { addTenantAccess: { tenant: PROJECT_B } } };
    },
  },
  'POST /flavors/{flavor_id}/action#removeTenantAccess': {
    async arrange(d) {
      const id = await freshFlavor(d, 'access-remove', { private: true, access: [PROJECT_A, PROJECT_B] });
      return { path: { flavor_id: id }, body: { removeTenantAccess: { tenant: PROJECT_A } } };
    },
  },

  // --- Extra specs.
  'GET /flavors/{flavor_id}/os-extra_specs': {
    async arrange(d) {
      const bare = await freshFlavor(d, 'specs-none');
      return { path: { flavor_id: await decorated(d) }, more: [{ path: { flavor_id: bare } }] };
    },
  },
  'POST /flavors/{flavor_id}/os-extra_specs': {
    async arrange(d) {
      const id = await freshFlavor(d, 'specs-create', { specs: { 'hw:cpu_policy': 'shared' } });
      // Numbers are accepted and echoed as numbers; a key in a namespace Nova does not know is stored unchecked.
      return { path: { flavor_id: id }, body: { extra_specs: { 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': 1, 'novaspec:tier': 'silver' } } };
    },
  },
  'GET /flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}': {
    arrange: async (d) => ({ path: { flavor_id: await decorated(d), flavor_extra_spec_key: 'hw:cpu_policy' } }),
  },
  'PUT /flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}': {
    async arrange(d) {
      const id = await freshFlavor(d, 'specs-update', { specs: { 'hw:cpu_policy': 'dedicated' } });
      return {
        path: { flavor_id: id, flavor_extra_spec_key: 'hw:cpu_policy' }, body: { 'hw:cpu_policy': 'shared' },
        more: [{ path: { flavor_id: id, flavor_extra_spec_key: 'hw:numa_nodes' }, body: { 'hw:numa_nodes': 1 } }],
      };
    },
  },
  'DELETE /flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}': {
    async arrange(d) {
      const id = await freshFlavor(d, 'specs-delete', { specs: { 'hw:cpu_policy': 'dedicated', 'novaspec:tier': 'bronze' } });
      return { path: { flavor_id: id, flavor_extra_spec_key: 'novaspec:tier' } };
    },
  },
};
