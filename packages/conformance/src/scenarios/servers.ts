/** The scenarios of everything under /servers: the collection, the actions and the sub-resources. */
import { requestProblems } from '../check.ts';
import type { Deployment } from '../deployment.ts';
import { operationsAt } from '../spec.ts';
import { NO_CINDER, NO_LIVE_MIGRATION, NO_NETWORKS, UNKNOWN, at, onServer, otherHost, serverIn, settles, type Call, type Scenario } from './common.ts';

/** A list with filters, and a first page of one server (which has a next link). */
async function listing(d: Deployment, v: string): Promise<Call> {
  await Promise.all([d.shared(), d.decorated(), d.errored()]);
  return { query: serverFilters(v), more: [{ query: { limit: 1 } }] };
}

/** List filters a user would send, each from the microversion that brought it. */
function serverFilters(v: string): Record<string, unknown> {
  const query: Record<string, unknown> = { limit: 50, sort_key: ['created_at'], sort_dir: ['desc'], name: 'novaspec' };
  if (at(v, '2.26')) query['not-tags'] = 'never-set';
  if (at(v, '2.66')) query['changes-before'] = new Date(Date.now() + 3_600_000).toISOString();
  if (at(v, '2.73')) query.locked = false;
  return query;
}

export const servers: Record<string, Scenario> = {
  // --- The servers collection.
  'POST /servers': {
    async arrange(d, v) {
      const server: Record<string, unknown> = {
        name: 'novaspec-create', imageRef: d.imageId, flavorRef: d.flavors.small, key_name: d.keyName,
        metadata: { purpose: 'conformance' }, availability_zone: 'nova', 'OS-DCF:diskConfig': 'AUTO',
        adminPass: 'conformance-pass', config_drive: true,
        // The image copied to a local disk: a block device mapping that needs no Cinder.
        block_device_mapping_v2: [{ boot_index: 0, uuid: d.imageId, source_type: 'image', destination_type: 'local', delete_on_termination: true }],
      };
      if (at(v, '2.37')) server.networks = 'none';
      if (at(v, '2.19')) server.description = 'made by the conformance suite';
      if (at(v, '2.52')) server.tags = ['conformance'];
      if (!at(v, '2.57')) server.personality = [{ path: '/etc/motd', contents: Buffer.from('hello').toString('base64') }];
      server.user_data = Buffer.from('#!/bin/sh\ntrue\n').toString('base64');
      if (at(v, '2.74')) server.host = 'compute2';
      if (at(v, '2.90')) server.hostname = 'novaspec-host';
      // Device tags: sent wherever the spec allows them, so Nova checks the spec's claim.
      const tagged = structuredClone(server);
      (tagged.block_device_mapping_v2 as Record<string, unknown>[])[0]!.tag = 'root';
      const tagsAllowed = requestProblems(v, operationsAt(v).get('POST /servers')!.operation, { server: tagged }).length === 0;
      // Two servers at once with only a reservation id back: the other shape of the answer.
      const many = { server: { name: 'novaspec-many', imageRef: d.imageId, flavorRef: d.flavors.small, min_count: 2, max_count: 2, return_reservation_id: true, ...(at(v, '2.37') ? { networks: 'none' } : {}) } };
      d.onCleanup(async () => {
        const found = await d.nova('GET', '/servers?name=^novaspec-many');
        // Deleting a server Nova is still building can fail inside Nova (a 500): let them finish first.
        for (const s of found.servers as { id: string }[]) {
          await d.waitFor(s.id, ['ACTIVE', 'ERROR']);
          d.adopt(s.id);
        }
      });
      return tagsAllowed
        ? { body: { server: tagged }, more: [{ body: many }] }
        : { body: { server }, more: [{ body: many }], refused: [{ body: { server: tagged } }] };
    },
    async settle(d, status, answer) {
      const id = answer?.server?.id as string | undefined;
      d.adopt(id);
      if (status === 202 && id) await d.waitFor(id, ['ACTIVE']);
    },
  },
  'GET /servers': { arrange: (d, v) => listing(d, v) },
  'GET /servers/detail': { arrange: (d, v) => listing(d, v) },
  'GET /servers/{server_id}': {
    async arrange(d) {
      const [shared, decorated, failed, apart] = [await d.shared(), await d.decorated(), await d.errored(), await d.apart()];
      return { path: { server_id: shared }, more: [{ path: { server_id: decorated } }, { path: { server_id: failed } }, { path: { server_id: apart } }] };
    },
  },
  'PUT /servers/{server_id}': {
    async arrange(d, v) {
      const server: Record<string, unknown> = { name: 'novaspec-renamed', accessIPv4: '192.0.2.10' };
      if (at(v, '2.19')) server.description = 'renamed by the conformance suite';
      if (at(v, '2.90')) server.hostname = 'novaspec-renamed';
      const id = await d.shared();
      if (!at(v, '2.104')) return { path: { server_id: id }, body: { server } };
      // 2.104: unpin, then pin to the zone the server is in (the only zone allowed).
      server.pinned_availability_zone = null;
      return { path: { server_id: id }, body: { server }, more: [{ path: { server_id: id }, body: { server: { pinned_availability_zone: 'nova' } } }] };
    },
  },
  'DELETE /servers/{server_id}': { arrange: onServer('ACTIVE', () => undefined) },

  // --- Server actions.
  // Nova accepts it (202) and nova-compute fails later: the API does not look the network up.
  'POST /servers/{server_id}/action#addFixedIp': { arrange: onServer('ACTIVE', () => ({ addFixedIp: { networkId: UNKNOWN } })) },
  'POST /servers/{server_id}/action#removeFixedIp': { arrange: onServer('ACTIVE', () => ({ removeFixedIp: { address: '192.0.2.4' } })) },
  'POST /servers/{server_id}/action#addFloatingIp': { arrange: onServer('ACTIVE', () => ({ addFloatingIp: { address: '198.51.100.7' } })), expect: { status: [400, 404], why: NO_NETWORKS } },
  'POST /servers/{server_id}/action#removeFloatingIp': { arrange: onServer('ACTIVE', () => ({ removeFloatingIp: { address: '198.51.100.7' } })), expect: { status: [400, 404], why: NO_NETWORKS } },
  'POST /servers/{server_id}/action#addSecurityGroup': { arrange: onServer('ACTIVE', () => ({ addSecurityGroup: { name: 'default' } })), expect: { status: [400, 404], why: NO_NETWORKS } },
  'POST /servers/{server_id}/action#removeSecurityGroup': { arrange: onServer('ACTIVE', () => ({ removeSecurityGroup: { name: 'default' } })), expect: { status: [400, 404], why: NO_NETWORKS } },
  'POST /servers/{server_id}/action#changePassword': { arrange: onServer('ACTIVE', () => ({ changePassword: { adminPass: 'new-conformance-pass' } })) },
  'POST /servers/{server_id}/action#confirmResize': { arrange: onServer('VERIFY_RESIZE', () => ({ confirmResize: null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#revertResize': { arrange: onServer('VERIFY_RESIZE', () => ({ revertResize: null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#resize': {
    arrange: onServer('ACTIVE', (d) => ({ resize: { flavorRef: d.flavors.large, 'OS-DCF:diskConfig': 'AUTO' } })),
    settle: settles(['VERIFY_RESIZE']),
  },
  'POST /servers/{server_id}/action#createBackup': {
    arrange: onServer('ACTIVE', () => ({ createBackup: { name: 'novaspec-backup', backup_type: 'daily', rotation: 1, metadata: { kind: 'backup' } } })),
    settle: settles(['ACTIVE']),
  },
  'POST /servers/{server_id}/action#createImage': {
    arrange: onServer('ACTIVE', () => ({ createImage: { name: 'novaspec-snapshot', metadata: { kind: 'snapshot' } } })),
    settle: settles(['ACTIVE']),
  },
  'POST /servers/{server_id}/action#evacuate': {
    async arrange(d, v) {
      const id = await serverIn(d, 'ACTIVE');
      const { from, to } = await otherHost(d, id);
      await d.forceDown(from, true);
      d.onCleanup(() => d.recoverEvacuatedHost(from));
      const evacuate: Record<string, unknown> = { host: to };
      if (!at(v, '2.14')) evacuate.onSharedStorage = false;
      if (at(v, '2.29') && !at(v, '2.68')) evacuate.force = false;
      return { path: { server_id: id }, body: { evacuate } };
    },
    settle: settles(['ACTIVE']),
  },
  'POST /servers/{server_id}/action#forceDelete': { arrange: onServer('SOFT_DELETED', () => ({ forceDelete: null })) },
  'POST /servers/{server_id}/action#restore': { arrange: onServer('SOFT_DELETED', () => ({ restore: null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#injectNetworkInfo': { arrange: onServer('ACTIVE', () => ({ injectNetworkInfo: null })) },
  'POST /servers/{server_id}/action#lock': { arrange: onServer('ACTIVE', (_d, v) => ({ lock: at(v, '2.73') ? { locked_reason: 'conformance' } : null })) },
  'POST /servers/{server_id}/action#unlock': { arrange: onServer('LOCKED', () => ({ unlock: null })) },
  'POST /servers/{server_id}/action#migrate': {
    async arrange(d, v) {
      const id = await serverIn(d, 'ACTIVE');
      const { to } = await otherHost(d, id);
      return { path: { server_id: id }, body: { migrate: at(v, '2.56') ? { host: to } : null } };
    },
    settle: settles(['VERIFY_RESIZE']),
  },
  'POST /servers/{server_id}/action#os-migrateLive': {
    async arrange(d, v) {
      const id = await serverIn(d, 'ACTIVE');
      const { to } = await otherHost(d, id);
      const live: Record<string, unknown> = at(v, '2.25')
        ? { host: to, block_migration: 'auto' }
        : { host: to, block_migration: false, disk_over_commit: false };
      if (at(v, '2.30') && !at(v, '2.68')) live.force = false;
      return { path: { server_id: id }, body: { 'os-migrateLive': live } };
    },
    settle: settles(['ACTIVE']),
  },
  'POST /servers/{server_id}/action#os-getConsoleOutput': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { 'os-getConsoleOutput': { length: 10 } } }) },
  'POST /servers/{server_id}/action#os-getVNCConsole': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { 'os-getVNCConsole': { type: 'novnc' } } }) },
  'POST /servers/{server_id}/action#os-getSPICEConsole': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { 'os-getSPICEConsole': { type: 'spice-html5' } } }) },
  'POST /servers/{server_id}/action#os-getSerialConsole': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { 'os-getSerialConsole': { type: 'serial' } } }) },
  'POST /servers/{server_id}/action#os-getRDPConsole': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { 'os-getRDPConsole': { type: 'rdp-html5' } } }) },
  'POST /servers/{server_id}/action#os-resetState': { arrange: onServer('ACTIVE', () => ({ 'os-resetState': { state: 'active' } })) },
  'POST /servers/{server_id}/action#os-start': { arrange: onServer('SHUTOFF', () => ({ 'os-start': null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#os-stop': { arrange: onServer('ACTIVE', () => ({ 'os-stop': null })), settle: settles(['SHUTOFF']) },
  'POST /servers/{server_id}/action#pause': { arrange: onServer('ACTIVE', () => ({ pause: null })), settle: settles(['PAUSED']) },
  'POST /servers/{server_id}/action#unpause': { arrange: onServer('PAUSED', () => ({ unpause: null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#suspend': { arrange: onServer('ACTIVE', () => ({ suspend: null })), settle: settles(['SUSPENDED']) },
  'POST /servers/{server_id}/action#resume': { arrange: onServer('SUSPENDED', () => ({ resume: null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#rescue': { arrange: onServer('ACTIVE', () => ({ rescue: { adminPass: 'rescue-pass' } })), settle: settles(['RESCUE']) },
  'POST /servers/{server_id}/action#unrescue': { arrange: onServer('RESCUE', () => ({ unrescue: null })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#shelve': { arrange: onServer('ACTIVE', () => ({ shelve: null })), settle: settles(['SHELVED']) },
  'POST /servers/{server_id}/action#shelveOffload': { arrange: onServer('SHELVED', () => ({ shelveOffload: null })), settle: settles(['SHELVED_OFFLOADED']) },
  'POST /servers/{server_id}/action#unshelve': {
    async arrange(d, v) {
      // An availability zone (2.77) or a host (2.91) is accepted only for an offloaded server.
      const id = await serverIn(d, at(v, '2.77') ? 'SHELVED_OFFLOADED' : 'SHELVED');
      const body = at(v, '2.91') ? { unshelve: { host: 'compute2' } } : at(v, '2.77') ? { unshelve: { availability_zone: 'nova' } } : { unshelve: null };
      return { path: { server_id: id }, body };
    },
    settle: settles(['ACTIVE']),
  },
  'POST /servers/{server_id}/action#reboot': { arrange: onServer('ACTIVE', () => ({ reboot: { type: 'SOFT' } })), settle: settles(['ACTIVE']) },
  'POST /servers/{server_id}/action#rebuild': {
    arrange: onServer('ACTIVE', (d, v) => {
      const rebuild: Record<string, unknown> = {
        imageRef: d.imageId, name: 'novaspec-rebuilt', adminPass: 'rebuilt-pass', metadata: { rebuilt: 'yes' },
        'OS-DCF:diskConfig': 'AUTO', accessIPv4: '192.0.2.20',
      };
      if (!at(v, '2.57')) rebuild.personality = [{ path: '/etc/motd', contents: Buffer.from('rebuilt').toString('base64') }];
      if (at(v, '2.19')) rebuild.description = 'rebuilt by the conformance suite';
      if (at(v, '2.54')) rebuild.key_name = d.keyName;
      if (at(v, '2.57')) rebuild.user_data = Buffer.from('#!/bin/sh\ntrue\n').toString('base64');
      if (at(v, '2.90')) rebuild.hostname = 'novaspec-rebuilt';
      return { rebuild };
    }),
    settle: settles(['ACTIVE']),
  },
  'POST /servers/{server_id}/action#trigger_crash_dump': { arrange: onServer('ACTIVE', () => ({ trigger_crash_dump: null })) },
  'POST /servers/{server_id}/action#resetNetwork': { arrange: onServer('ACTIVE', () => ({ resetNetwork: null })) },

  // --- Metadata and tags (on the shared server).
  'GET /servers/{server_id}/metadata': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'POST /servers/{server_id}/metadata': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { metadata: { role: 'conformance', added: 'yes' } } }) },
  'PUT /servers/{server_id}/metadata': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { metadata: { role: 'conformance' } } }) },
  'GET /servers/{server_id}/metadata/{key}': { arrange: async (d) => ({ path: { server_id: await d.shared(), key: 'role' } }) },
  'PUT /servers/{server_id}/metadata/{key}': { arrange: async (d) => ({ path: { server_id: await d.shared(), key: 'role' }, body: { meta: { role: 'updated' } } }) },
  'DELETE /servers/{server_id}/metadata/{key}': {
    async arrange(d) {
      const id = await d.shared();
      await d.nova('PUT', `/servers/${id}/metadata/scratch`, { meta: { scratch: 'x' } });
      return { path: { server_id: id, key: 'scratch' } };
    },
  },
  'PUT /servers/{server_id}/tags': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { tags: ['alpha', 'beta'] } }) },
  'GET /servers/{server_id}/tags': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/tags/{tag}': {
    async arrange(d) {
      const id = await d.shared();
      await d.nova('PUT', `/servers/${id}/tags/gamma`, undefined, { version: '2.26' });
      return { path: { server_id: id, tag: 'gamma' } };
    },
  },
  'PUT /servers/{server_id}/tags/{tag}': { arrange: async (d) => ({ path: { server_id: await d.shared(), tag: `t${Date.now()}` } }) },
  'DELETE /servers/{server_id}/tags/{tag}': {
    async arrange(d) {
      const id = await d.shared();
      await d.nova('PUT', `/servers/${id}/tags/delta`, undefined, { version: '2.26' });
      return { path: { server_id: id, tag: 'delta' } };
    },
  },
  'DELETE /servers/{server_id}/tags': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },

  // --- What Nova knows of a server.
  'GET /servers/{server_id}/ips': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/ips/{network_label}': { arrange: async (d) => ({ path: { server_id: await d.shared(), network_label: 'private' } }), expect: { status: [404], why: NO_NETWORKS } },
  'GET /servers/{server_id}/diagnostics': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/topology': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/os-security-groups': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/os-server-password': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'DELETE /servers/{server_id}/os-server-password': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/os-instance-actions': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/os-instance-actions/{request_id}': {
    async arrange(d) {
      // The failed boot's action has an event with a traceback, the other a successful one.
      const call = async (id: string) => {
        const actions = (await d.nova('GET', `/servers/${id}/os-instance-actions`)).instanceActions as { request_id: string }[];
        return { path: { server_id: id, request_id: actions.at(-1)!.request_id } };
      };
      return { ...(await call(await d.shared())), more: [await call(await d.errored())] };
    },
  },
  'POST /servers/{server_id}/remote-consoles': {
    async arrange(d, v) {
      // 2.99 brought spice-direct (a native SPICE client's host, port and TLS port behind a token).
      const remote_console = at(v, '2.99') ? { protocol: 'spice', type: 'spice-direct' }
        : at(v, '2.8') ? { protocol: 'mks', type: 'webmks' } : { protocol: 'vnc', type: 'novnc' };
      return { path: { server_id: await d.shared() }, body: { remote_console } };
    },
  },

  // --- Ports (Neutron) and volumes (Cinder): only their failures can be seen here.
  'GET /servers/{server_id}/os-interface': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/os-interface/{port_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), port_id: UNKNOWN } }), expect: { status: [404], why: NO_NETWORKS } },
  // A port id, not a network id: nova-compute turns an unknown port into PortNotFound (404), but an
  // unknown network into an unhandled neutronclient error (a 500 from the API, Zed and newest alike).
  'POST /servers/{server_id}/os-interface': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { interfaceAttachment: { port_id: UNKNOWN } } }), expect: { status: [404], why: NO_NETWORKS } },
  // Nova accepts the detach (202) and nova-compute finds nothing to detach later.
  'DELETE /servers/{server_id}/os-interface/{port_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), port_id: UNKNOWN } }) },
  'GET /servers/{server_id}/os-volume_attachments': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/os-volume_attachments/{volume_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), volume_id: UNKNOWN } }), expect: { status: [404], why: NO_CINDER } },
  'POST /servers/{server_id}/os-volume_attachments': { arrange: async (d) => ({ path: { server_id: await d.shared() }, body: { volumeAttachment: { volumeId: UNKNOWN } } }), expect: { status: [400, 404], why: NO_CINDER } },
  'PUT /servers/{server_id}/os-volume_attachments/{volume_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), volume_id: UNKNOWN }, body: { volumeAttachment: { volumeId: UNKNOWN } } }), expect: { status: [400, 404], why: NO_CINDER } },
  'DELETE /servers/{server_id}/os-volume_attachments/{volume_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), volume_id: UNKNOWN } }), expect: { status: [404], why: NO_CINDER } },

  // --- Live migrations in progress: there never is one here.
  'GET /servers/{server_id}/migrations': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/migrations/{migration_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), migration_id: '999999' } }), expect: { status: [404], why: NO_LIVE_MIGRATION } },
  // The server is not migrating, which Nova checks before it looks the migration up: 409.
  'DELETE /servers/{server_id}/migrations/{migration_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), migration_id: '999999' } }), expect: { status: [409], why: NO_LIVE_MIGRATION } },
  'POST /servers/{server_id}/migrations/{migration_id}/action#force_complete': { arrange: async (d) => ({ path: { server_id: await d.shared(), migration_id: '999999' }, body: { force_complete: null } }), expect: { status: [409], why: NO_LIVE_MIGRATION } },

  // --- Removed APIs (410 at every microversion).
  'GET /servers/{server_id}/consoles': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'POST /servers/{server_id}/consoles': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
  'GET /servers/{server_id}/consoles/{console_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), console_id: '1' } }) },
  'DELETE /servers/{server_id}/consoles/{console_id}': { arrange: async (d) => ({ path: { server_id: await d.shared(), console_id: '1' } }) },
  'GET /servers/{server_id}/os-virtual-interfaces': { arrange: async (d) => ({ path: { server_id: await d.shared() } }) },
};
