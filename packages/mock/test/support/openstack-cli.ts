/**
 * The real `openstack` command (Debian's python3-openstackclient, installed by scripts/ensure-setup.mjs)
 * driven against the mock, as a user of the mock would point it at a cloud.
 *
 * What it starts, all on loopback with free ports:
 * - the mock compute API (`startMockServer`);
 * - a minimal Keystone v3: `GET /v3` (discovery) and `POST /v3/auth/tokens` for any password, with a
 *   catalog whose compute endpoint is the mock and whose image endpoint is the image stand-in;
 * - an image service stand-in: `openstack server create --image <id>` looks the image up in Glance
 *   before it calls Nova. It knows one image per id it is asked for (name `image-<first 8>`), and
 *   finds no image by name, so pass ids.
 *
 * Each `run()` is one process with a clean environment (only PATH, a temporary HOME and the OS_*
 * variables of that fake cloud; no clouds.yaml is read), `-f json` added unless `json: false`, and
 * `--os-compute-api-version` when a microversion is given. Each start costs about 1-2 s of Python
 * imports on this machine, so tests should group their commands sparingly.
 *
 * Use it from a test file, one file per resource (packages/mock/test/openstack-cli*.test.ts):
 *
 *   const cli = useOpenstackCli();
 *   it('lists', async () => { const { json } = await cli().run(['server', 'list']); ... });
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { startMockServer, type MockOptions, type MockServer } from '../../src/index.ts';

export const OPENSTACK = process.env.NOVASPEC_OPENSTACK_CLI ?? '/usr/bin/openstack';

export interface CliResult {
  /** The exit code (null if killed). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when it is empty or not JSON. */
  json: any;
  /** How long the process took, in ms. */
  ms: number;
}

export interface RunOptions {
  /** `--os-compute-api-version`, e.g. "2.64"; omitted: the client's own default. */
  microversion?: string;
  /** Add `-f json` (default true); turn off for commands without output (delete). */
  json?: boolean;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

export interface OpenstackCli {
  mock: MockServer;
  /** The Keystone URL (`.../v3`) the CLI authenticates against. */
  authUrl: string;
  run(args: string[], options?: RunOptions): Promise<CliResult>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Keystone v3 as far as the CLI's password login needs it. */
function keystone(base: () => string, catalog: () => unknown[]): Server {
  const version = () => ({
    id: 'v3.14', status: 'stable', updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${base()}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  });
  return createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
    await readBody(request);
    if (request.method === 'GET' && path === '') return send(response, 300, { versions: { values: [version()] } });
    if (request.method === 'GET' && path === '/v3') return send(response, 200, { version: version() });
    if (request.method === 'POST' && path === '/v3/auth/tokens') {
      const now = new Date();
      const project = { id: '3f2a0e6b9d1c4e7f8a5b6c7d8e9f0a1b', name: 'cli-demo', domain: { id: 'default', name: 'Default' } };
      return send(response, 201, {
        token: {
          methods: ['password'], issued_at: now.toISOString(), expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
          user: { id: '8c1e5f3a2b4d4c6e9f7a0b1c2d3e4f5a', name: 'cli-user', domain: { id: 'default', name: 'Default' } },
          project, roles: [{ id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', name: 'member' }, { id: 'b1b2c3d4e5f60718293a4b5c6d7e8f90', name: 'admin' }],
          catalog: catalog(),
        },
      }, { 'x-subject-token': `gAAAAcli${now.getTime()}` });
    }
    send(response, 404, { error: { code: 404, title: 'Not Found', message: 'The resource could not be found.' } });
  });
}

/** Glance v2 as far as `--image <id>` needs it: discovery, and any image id exists. */
function images(base: () => string): Server {
  const image = (id: string) => ({
    id, name: `image-${id.slice(0, 8)}`, status: 'active', visibility: 'public', disk_format: 'qcow2', container_format: 'bare',
    min_disk: 0, min_ram: 0, size: 21430272, protected: false, tags: [], created_at: '2026-10-02T08:15:00Z',
    updated_at: '2026-10-02T08:16:41Z', self: `/v2/images/${id}`, file: `/v2/images/${id}/file`, schema: '/v2/schemas/image',
  });
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', base());
    const path = url.pathname.replace(/\/+$/, '');
    await readBody(request);
    const versions = { versions: [{ id: 'v2.9', status: 'CURRENT', links: [{ rel: 'self', href: `${base()}/v2/` }] }] };
    if (path === '' || path === '/v2') return send(response, path === '' ? 300 : 200, versions);
    if (path === '/v2/images') {
      // A lookup by name: the stand-in has no names to find.
      return send(response, 200, { images: [], first: '/v2/images', schema: '/v2/schemas/images' });
    }
    const one = /^\/v2\/images\/([^/]+)$/.exec(path);
    if (one && request.method === 'GET') return send(response, 200, image(decodeURIComponent(one[1]!)));
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('404 Not Found');
  });
}

function runProcess(args: string[], env: Record<string, string>, cwd: string): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(OPENSTACK, args, { env, cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      let json: unknown;
      try {
        json = stdout.trim() ? JSON.parse(stdout) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json, ms: Math.round(performance.now() - started) });
    });
  });
}

export async function startOpenstackCli(options: MockOptions = {}): Promise<OpenstackCli> {
  const mock = await startMockServer({ port: 0, ...options });
  let keystoneUrl = '';
  let imageUrl = '';
  const endpoint = (type: string, name: string, url: string) => ({
    type, name, id: `${name}-service`,
    endpoints: [{ id: `${name}-public`, interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url }],
  });
  const identity = keystone(() => keystoneUrl, () => [
    endpoint('identity', 'keystone', `${keystoneUrl}/v3`),
    endpoint('compute', 'nova', mock.endpoint),
    endpoint('image', 'glance', imageUrl),
  ]);
  const image = images(() => imageUrl);
  keystoneUrl = await listen(identity);
  imageUrl = await listen(image);
  const home = mkdtempSync(join(tmpdir(), 'novaspec-openstack-cli-'));
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONWARNINGS: 'ignore',
    OS_AUTH_TYPE: 'password',
    OS_AUTH_URL: `${keystoneUrl}/v3`,
    OS_IDENTITY_API_VERSION: '3',
    OS_USERNAME: 'cli-user',
    OS_PASSWORD: 'cli-password',
    OS_PROJECT_NAME: 'cli-demo',
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_REGION_NAME: 'RegionOne',
    OS_INTERFACE: 'public',
    // No clouds.yaml from the machine: point the loader at a file that does not exist.
    OS_CLIENT_CONFIG_FILE: join(home, 'clouds.yaml'),
  };
  return {
    mock,
    authUrl: `${keystoneUrl}/v3`,
    run(args, runOptions = {}) {
      const full = runOptions.microversion ? ['--os-compute-api-version', runOptions.microversion, ...args] : [...args];
      if (runOptions.json !== false) full.push('-f', 'json');
      return runProcess(full, { ...baseEnv, ...runOptions.env }, home);
    },
    async close() {
      await Promise.all([mock.close(), close(identity), close(image)]);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Starts the CLI's fake cloud for a test file and stops it after; `cli()` is the running one. */
export function useOpenstackCli(options: MockOptions = {}): () => OpenstackCli {
  // A CLI call is a Python start: about 1 s idle, but 5-15 s on a loaded 2-core machine.
  vi.setConfig({ testTimeout: 120_000 });
  let cli: OpenstackCli | undefined;
  beforeAll(async () => {
    cli = await startOpenstackCli(options);
  }, 60_000);
  afterAll(async () => {
    await cli?.close();
  });
  return () => {
    if (!cli) throw new Error('the fake cloud is not running: call useOpenstackCli() at the top of the test file');
    return cli;
  };
}
