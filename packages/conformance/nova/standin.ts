/**
 * Stand-ins for the OpenStack services the local Nova calls but this machine does not run: Neutron
 * (networking), Keystone (identity) and Cinder (block storage). Nova calls Neutron even when no
 * server has a network (it lists ports by device id, reads extensions, security groups and quotas),
 * asks Keystone whether a project exists before it changes quotas or flavor access, and asks Cinder
 * for a volume before it attaches, swaps or detaches one (without an answer it fails with a 500).
 *
 * What they answer, and nothing more (documented in packages/conformance/README.md):
 * - Neutron, as an empty deployment: every collection lists empty (`{"ports": []}`), every single
 *   resource is a typed 404 (`{"NeutronError": {"type": "PortNotFound", ...}}`), every write is a 404
 *   for the resource or network it names, quotas are Neutron's defaults, the version document and
 *   extension list are real shapes with no extensions.
 * - Keystone: every project id exists (a project named after its id, in the default domain); the
 *   version documents Nova's discovery reads. Tokens are not checked: Nova runs with noauth2.
 * - Cinder, as an empty deployment: the version document (v3, microversions 3.0-3.70, what Zed's
 *   client checks for), every volume, attachment or snapshot a 404 `itemNotFound`, every list empty.
 *
 * Every request is logged as one line on stdout so the suite's report can say what Nova asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const host = '127.0.0.1';
const neutronPort = Number(process.env.NEUTRON_PORT ?? 19696);
const keystonePort = Number(process.env.KEYSTONE_PORT ?? 15000);
const cinderPort = Number(process.env.CINDER_PORT ?? 18776);

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

const servers = [serve('neutron', neutronPort, neutron), serve('keystone', keystonePort, keystone), serve('cinder', cinderPort, cinder)];
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const server of servers) server.close();
    process.exit(0);
  });
}
