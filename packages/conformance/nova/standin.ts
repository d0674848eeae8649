/**
 * Stand-ins for the OpenStack services the local Nova calls but this machine does not run: Neutron
 * (networking), Keystone (identity), Cinder (block storage) and Ironic (bare metal). Nova calls Neutron even when no
 * server has a network (it lists ports by device id, reads extensions, security groups and quotas),
 * asks Keystone whether a project exists before it changes quotas or flavor access, and asks Cinder
 * for a volume before it attaches, swaps or detaches one (without an answer it fails with a 500).
 *
 * What they answer, and nothing more (documented in packages/conformance/README.md):
 * - Neutron, as an empty deployment: every collection lists empty (`{"ports": []}`), every single
 *   resource is a typed 404 (`{"NeutronError": {"type": "PortNotFound", ...}}`), every write is a 404
 *   for the resource or network it names, quotas are Neutron's defaults, the version document and
 *   extension list are real shapes with no extensions. The one exception is security groups and
 *   their rules, which Neutron lets any project create: they are kept in memory for the stand-in's
 *   lifetime (created, listed, shown, renamed and deleted as Neutron does), so that Nova's security
 *   group proxy (up to 2.35) can be seen working, not only failing.
 * - Keystone: every project id exists (a project named after its id, in the default domain); the
 *   version documents Nova's discovery reads. Tokens are not checked: Nova runs with noauth2.
 * - Cinder, as an empty deployment: the version document (v3, microversions 3.0-3.70, what Zed's
 *   client checks for), every volume, attachment or snapshot a 404 `itemNotFound`, every list empty.
 * - Ironic, as an empty deployment: the version document (v1, microversions 1.1-1.92), every node or
 *   port list empty, every single node or port a 404 in Ironic's error shape.
 *
 * Every request is logged as one line on stdout so the suite's report can say what Nova asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const host = '127.0.0.1';
const neutronPort = Number(process.env.NEUTRON_PORT ?? 19696);
const keystonePort = Number(process.env.KEYSTONE_PORT ?? 15000);
const cinderPort = Number(process.env.CINDER_PORT ?? 18776);
const ironicPort = Number(process.env.IRONIC_PORT ?? 16385);

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function log(service: string, req: IncomingMessage, status: number): void {
  console.log(`${service} ${req.method} ${req.url} -> ${status}`);
}

/** Neutron's names: the collection key is the path segment with hyphens as underscores. */
const collectionKey = (segment: string) => segment.replaceAll('-', '_');
/** The singular resource name Neutron puts in its NotFound type, e.g. security-groups -> SecurityGroup. */
function resourceName(segment: string): string {
  const singular = segment.replace(/ies$/, 'y').replace(/s$/, '');
  return singular.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function neutronNotFound(res: ServerResponse, segment: string, id: string): number {
  const type = `${resourceName(segment)}NotFound`;
  send(res, 404, { NeutronError: { type, message: `${resourceName(segment)} ${id} could not be found.`, detail: '' } });
  return 404;
}

const NEUTRON_DEFAULT_QUOTA = {
  network: 100, subnet: 100, subnetpool: -1, port: 500, router: 10, floatingip: 50,
  security_group: 10, security_group_rule: 100, rbac_policy: 10,
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The security groups and rules projects created, as Neutron keeps them (by id). */
const securityGroups = new Map<string, Record<string, any>>();
const securityGroupRules = new Map<string, Record<string, any>>();

/** The project of the request: the local token filter's tokens are `user:project`. */
const projectOf = (req: IncomingMessage) => String(req.headers['x-auth-token'] ?? 'admin:admin').split(':')[1] ?? 'admin';

function groupView(group: Record<string, any>): Record<string, any> {
  return { ...group, security_group_rules: [...securityGroupRules.values()].filter((rule) => rule.security_group_id === group.id) };
}

/** Security groups and rules: Neutron's create, list, show, update and delete, in memory. */
async function securityGroupApi(req: IncomingMessage, res: ServerResponse, segment: string, id: string | undefined, url: URL): Promise<number> {
  const store = segment === 'security-groups' ? securityGroups : securityGroupRules;
  const view = (item: Record<string, any>) => (segment === 'security-groups' ? groupView(item) : item);
  const key = segment === 'security-groups' ? 'security_group' : 'security_group_rule';
  if (req.method === 'GET' && id === undefined) {
    const filters = [...url.searchParams.entries()].filter(([name]) => name !== 'fields');
    const items = [...store.values()].filter((item) => filters.every(([name, value]) => String(item[name]) === value));
    send(res, 200, { [collectionKey(segment)]: items.map(view) });
    return 200;
  }
  if (id === undefined && req.method === 'POST') {
    const body = (await readBody(req)) as Record<string, any> | undefined;
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const make = (input: Record<string, any>) => ({
      id: crypto.randomUUID(), tenant_id: projectOf(req), project_id: projectOf(req), created_at: now, updated_at: now, revision_number: 0, ...input,
    });
    if (segment === 'security-groups') {
      const group = make({ name: body?.security_group?.name ?? '', description: body?.security_group?.description ?? '', stateful: true, tags: [] });
      securityGroups.set(group.id, group);
      send(res, 201, { security_group: groupView(group) });
      return 201;
    }
    const wanted: Record<string, any>[] = body?.security_group_rules ?? (body?.security_group_rule ? [body.security_group_rule] : []);
    if (wanted.some((rule) => !securityGroups.has(rule.security_group_id))) return neutronNotFound(res, 'security-groups', String(wanted[0]?.security_group_id));
    const rules = wanted.map((rule) => make({
      direction: 'ingress', ethertype: 'IPv4', protocol: null, port_range_min: null, port_range_max: null, remote_ip_prefix: null,
      remote_group_id: null, remote_address_group_id: null, normalized_cidr: rule.remote_ip_prefix ?? null, description: '', ...rule,
    }));
    for (const rule of rules) securityGroupRules.set(rule.id, rule);
    send(res, 201, body?.security_group_rules ? { security_group_rules: rules } : { security_group_rule: rules[0] });
    return 201;
  }
  const item = id ? store.get(id) : undefined;
  if (!item) return neutronNotFound(res, segment, id ?? '');
  if (req.method === 'GET') {
    send(res, 200, { [key]: view(item) });
    return 200;
  }
  if (req.method === 'PUT') {
    const body = (await readBody(req)) as Record<string, any> | undefined;
    Object.assign(item, body?.[key] ?? {}, { revision_number: item.revision_number + 1 });
    send(res, 200, { [key]: view(item) });
    return 200;
  }
  if (req.method === 'DELETE') {
    store.delete(item.id);
    if (segment === 'security-groups') for (const rule of [...securityGroupRules.values()]) if (rule.security_group_id === item.id) securityGroupRules.delete(rule.id);
    res.writeHead(204);
    res.end();
    return 204;
  }
  return neutronNotFound(res, segment, id ?? '');
}

async function neutron(req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) {
    send(res, 200, { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `http://${host}:${neutronPort}/v2.0/` }] }] });
    return 200;
  }
  if (parts[0] !== 'v2.0') {
    send(res, 404, { NeutronError: { type: 'HTTPNotFound', message: 'The resource could not be found.', detail: '' } });
    return 404;
  }
  const [, rawCollection = '', rawId] = parts;
  const segment = rawCollection.replace(/\.json$/, '');
  const id = rawId?.replace(/\.json$/, '');
  if (segment === '') {
    send(res, 200, { resources: [] });
    return 200;
  }
  if (segment === 'security-groups' || segment === 'security-group-rules') return securityGroupApi(req, res, segment, id, url);
  if (segment === 'quotas' && id && req.method === 'GET') {
    send(res, 200, { quota: NEUTRON_DEFAULT_QUOTA });
    return 200;
  }
  if (req.method === 'GET' && id === undefined) {
    send(res, 200, { [collectionKey(segment)]: [] });
    return 200;
  }
  if (req.method === 'GET') return neutronNotFound(res, segment, id ?? '');
  // Writes: an empty Neutron has nothing to update or delete, and no network to create a port on.
  const body = (await readBody(req)) as Record<string, Record<string, unknown>> | undefined;
  if (req.method === 'POST' && id === undefined) {
    const networkId = body?.[segment.replace(/s$/, '')]?.network_id;
    if (typeof networkId === 'string') return neutronNotFound(res, 'networks', networkId);
  }
  return neutronNotFound(res, segment, id ?? '');
}

function keystoneVersion() {
  return {
    id: 'v3.14', status: 'stable', updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `http://${host}:${keystonePort}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

async function keystone(req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '') {
    send(res, 300, { versions: { values: [keystoneVersion()] } });
    return 300;
  }
  if (path === '/v3') {
    send(res, 200, { version: keystoneVersion() });
    return 200;
  }
  const project = /^\/v3\/projects\/([^/]+)$/.exec(path);
  if (project && req.method === 'GET') {
    const id = decodeURIComponent(project[1]!);
    send(res, 200, {
      project: {
        id, name: id, domain_id: 'default', parent_id: 'default', description: '', enabled: true,
        is_domain: false, tags: [], options: {}, links: { self: `http://${host}:${keystonePort}/v3/projects/${id}` },
      },
    });
    return 200;
  }
  send(res, 404, { error: { code: 404, title: 'Not Found', message: 'The resource could not be found.' } });
  return 404;
}

async function cinder(req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'v3')) {
    const v3 = {
      id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0', updated: '2023-08-31T00:00:00Z',
      links: [{ rel: 'self', href: `http://${host}:${cinderPort}/v3/` }],
      'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
    };
    if (parts.length === 0) send(res, 300, { versions: [v3] });
    else send(res, 200, { version: v3 });
    return parts.length === 0 ? 300 : 200;
  }
  // /v3/{project_id}/{collection}[/{id}[/action]]
  const [, , collection = '', id] = parts;
  if (req.method === 'GET' && (id === undefined || id === 'detail')) {
    send(res, 200, { [collection.replace(/-/g, '_')]: [] });
    return 200;
  }
  const what = collection === 'volumes' ? 'Volume' : collection === 'attachments' ? 'VolumeAttachment' : 'Resource';
  send(res, 404, { itemNotFound: { code: 404, message: `${what} ${id ?? ''} could not be found.` } });
  return 404;
}

/** Ironic with no node: the version documents the SDK reads, empty lists, a 404 for any one node or port. */
async function ironic(req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const parts = url.pathname.split('/').filter(Boolean);
  const v1 = {
    id: 'v1', status: 'CURRENT', min_version: '1.1', version: '1.92',
    links: [{ href: `http://${host}:${ironicPort}/v1/`, rel: 'self' }],
  };
  if (parts.length === 0) {
    send(res, 200, { name: 'OpenStack Ironic API', description: 'A stand-in with no node.', versions: [v1], default_version: v1 });
    return 200;
  }
  if (parts.length === 1 && parts[0] === 'v1') {
    send(res, 200, { id: 'v1', version: v1, links: v1.links, media_types: [{ base: 'application/json', type: 'application/vnd.openstack.ironic.v1+json' }] });
    return 200;
  }
  const [, collection = '', id] = parts;
  if (req.method === 'GET' && (id === undefined || id === 'detail')) {
    send(res, 200, { [collection]: [] });
    return 200;
  }
  const what = collection === 'ports' ? 'Port' : 'Node';
  send(res, 404, { error_message: JSON.stringify({ faultstring: `${what} ${id ?? ''} could not be found.`, faultcode: 'Client', debuginfo: null }) });
  return 404;
}

function serve(name: string, port: number, handler: (req: IncomingMessage, res: ServerResponse) => Promise<number>) {
  const server = createServer((req, res) => {
    handler(req, res).then((status) => log(name, req, status), (error: unknown) => {
      console.error(`${name} ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, { error: String(error) });
    });
  });
  server.listen(port, host, () => console.log(`${name} stand-in on http://${host}:${port}`));
  return server;
}

const servers = [
  serve('neutron', neutronPort, neutron), serve('keystone', keystonePort, keystone), serve('cinder', cinderPort, cinder),
  serve('ironic', ironicPort, ironic),
];
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const server of servers) server.close();
    process.exit(0);
  });
}
