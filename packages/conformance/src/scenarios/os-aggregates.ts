/**
 * The host aggregates: the collection, one aggregate, its three actions and image pre-caching (2.81).
 * Every aggregate a scenario makes has a unique name and is emptied and deleted afterwards. Hosts go
 * only into aggregates without an availability zone, so no host ever leaves the default zone and
 * the other scenarios' servers still schedule on both computes.
 */
import type { Deployment } from '../deployment.ts';
import { refusedToMember, type Scenario } from './common.ts';

let made = 0;
const uniqueName = (role: string) => `novaspec-${role}-${Date.now().toString(36)}-${(made += 1)}`;

/** Takes every host out of an aggregate and deletes it (whether or not the scenario deleted it). */
async function dismantle(d: Deployment, id: number): Promise<void> {
  const found = await d.nova('GET', `/os-aggregates/${id}`, undefined, { ok: [200, 404] });
  for (const host of (found?.aggregate?.hosts ?? []) as string[]) {
    await d.nova('POST', `/os-aggregates/${id}/action`, { remove_host: { host } }, { ok: [200, 404] });
  }
  await d.nova('DELETE', `/os-aggregates/${id}`, undefined, { ok: [200, 404] });
}

/** Deletes, after the scenario, any aggregate whose name starts with this prefix. */
function dismantleNamed(d: Deployment, prefix: string): void {
  d.onCleanup(async () => {
    const all = await d.nova('GET', '/os-aggregates');
    for (const a of all.aggregates as { id: number; name: string }[]) if (a.name.startsWith(prefix)) await dismantle(d, a.id);
  });
}

interface Fixture { zone?: string; hosts?: string[]; metadata?: Record<string, string> }

/** An aggregate made with plain HTTP for one scenario. */
async function freshAggregate(d: Deployment, role: string, fixture: Fixture = {}): Promise<string> {
  const aggregate: Record<string, unknown> = { name: uniqueName(role) };
  if (fixture.zone) aggregate.availability_zone = fixture.zone;
  const id = (await d.nova('POST', '/os-aggregates', { aggregate })).aggregate.id as number;
  d.onCleanup(() => dismantle(d, id));
  for (const host of fixture.hosts ?? []) await d.nova('POST', `/os-aggregates/${id}/action`, { add_host: { host } });
  if (fixture.metadata) await d.nova('POST', `/os-aggregates/${id}/action`, { set_metadata: { metadata: fixture.metadata } });
  return String(id);
}

/** A zone-less aggregate with a host and metadata: everything an aggregate can show. */
const decorated = (d: Deployment) => freshAggregate(d, 'decorated', { hosts: ['compute1'], metadata: { 'novaspec:tier': 'gold', ssd: 'true' } });

/** Checks that a member is refused, then returns the path of a fresh aggregate. */
const admin = (method: string, path: (id: string) => string, make: (d: Deployment) => Promise<string>, body?: unknown) =>
  async (d: Deployment, v: string) => {
    const id = await make(d);
    await refusedToMember(d, method, path(id), v, body);
    return id;
  };

export const aggregates: Record<string, Scenario> = {
  'GET /os-aggregates': {
    async arrange(d, v) {
      await refusedToMember(d, 'GET', '/os-aggregates', v);
      await decorated(d);
      await freshAggregate(d, 'zoned', { zone: 'novaspec-zone' });
      return {};
    },
  },
  'POST /os-aggregates': {
    async arrange(d, v) {
      const prefix = uniqueName('create');
      dismantleNamed(d, prefix);
      await refusedToMember(d, 'POST', '/os-aggregates', v, { aggregate: { name: `${prefix}-member` } });
      return {
        body: { aggregate: { name: `${prefix}-zoned`, availability_zone: 'novaspec-zone' } },
        more: [{ body: { aggregate: { name: `${prefix}-plain` } } }, { body: { aggregate: { name: `${prefix}-nozone`, availability_zone: null } } }],
        // A name with a leading space and a zone name with a colon: the spec refuses them, so must Nova.
        refused: [{ body: { aggregate: { name: ` ${prefix}-space` } } }, { body: { aggregate: { name: `${prefix}-colon`, availability_zone: 'zone:b' } } }],
      };
    },
  },
  'GET /os-aggregates/{aggregate_id}': {
    async arrange(d, v) {
      const id = await admin('GET', (i) => `/os-aggregates/${i}`, decorated)(d, v);
      return { path: { aggregate_id: id }, more: [{ path: { aggregate_id: await freshAggregate(d, 'bare') } }] };
    },
  },
  'PUT /os-aggregates/{aggregate_id}': {
    async arrange(d, v) {
      const id = await admin('PUT', (i) => `/os-aggregates/${i}`, (dd) => freshAggregate(dd, 'update'), { aggregate: { name: 'x' } })(d, v);
      return {
        path: { aggregate_id: id }, body: { aggregate: { name: uniqueName('renamed') } },
        more: [{ path: { aggregate_id: id }, body: { aggregate: { availability_zone: 'novaspec-zone' } } }],
        // A null zone passes Nova's schema but its code refuses it (400), as the description says.
        refused: [{ path: { aggregate_id: id }, body: { aggregate: {} } }],
      };
    },
  },
  'DELETE /os-aggregates/{aggregate_id}': {
    async arrange(d, v) {
      return { path: { aggregate_id: await admin('DELETE', (i) => `/os-aggregates/${i}`, (dd) => freshAggregate(dd, 'delete'))(d, v) } };
    },
  },
  'POST /os-aggregates/{aggregate_id}/action#add_host': {
    async arrange(d, v) {
      const body = { add_host: { host: 'compute1' } };
      const id = await admin('POST', (i) => `/os-aggregates/${i}/action`, (dd) => freshAggregate(dd, 'add-host'), body)(d, v);
      return { path: { aggregate_id: id }, body };
    },
  },
  'POST /os-aggregates/{aggregate_id}/action#remove_host': {
    async arrange(d, v) {
      const body = { remove_host: { host: 'compute2' } };
      const id = await admin('POST', (i) => `/os-aggregates/${i}/action`, (dd) => freshAggregate(dd, 'remove-host', { hosts: ['compute1', 'compute2'] }), body)(d, v);
      return { path: { aggregate_id: id }, body };
    },
  },
  'POST /os-aggregates/{aggregate_id}/action#set_metadata': {
    async arrange(d, v) {
      const body = { set_metadata: { metadata: { 'novaspec:tier': 'silver', ssd: null, 'cpu ratio': '4.0' } } };
      const id = await admin('POST', (i) => `/os-aggregates/${i}/action`, decorated, body)(d, v);
      return { path: { aggregate_id: id }, body };
    },
  },
  'POST /os-aggregates/{aggregate_id}/images': {
    async arrange(d, v) {
      const body = { cache: [{ id: d.imageId }] };
      const id = await admin('POST', (i) => `/os-aggregates/${i}/images`, (dd) => freshAggregate(dd, 'images', { hosts: ['compute1'] }), body)(d, v);
      // The same image twice: the spec cannot say "unique ids", Nova refuses it in code (400).
      return { path: { aggregate_id: id }, body };
    },
  },
};
