/**
 * The mock with a vendor profile (issue 15): `startMockServer({ profile })` and
 * `novaspec-mock --profile <name>` answer from the profile's views, so the vendor's fields come back at
 * the requested microversion and the vendor's rules hold; upstream's mock stays as it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.ts';

let vhi: MockServer;
let upstream: MockServer;
beforeAll(async () => {
  [vhi, upstream] = await Promise.all([startMockServer({ port: 0, profile: 'vhi' }), startMockServer({ port: 0 })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([vhi?.close(), upstream?.close()]);
});

const SERVER = '9f3e2a4b-1c5d-4e6f-8a7b-0c1d2e3f4a5b';
const PROJECT = '6f70656e737461636b20697320636f6f6c';
const call = (endpoint: string, method: string, path: string, version: string, body?: unknown) => fetch(`${endpoint}${path}`, {
  method,
  headers: { 'X-Auth-Token': 't', 'OpenStack-API-Version': `compute ${version}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
  ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
});
const json = async (response: Response) => (await response.json()) as any;

describe('the VHI profile on the mock', () => {
  it('shows a server with the VHI fields at the microversion asked for', async () => {
    for (const { version, memory } of [{ version: '2.1', memory: true }, { version: '2.47', memory: true }, { version: '2.88', memory: false }]) {
      const response = await call(vhi.endpoint, 'GET', `/servers/${SERVER}`, version);
      expect(response.status, version).toBe(200);
      const { server } = await json(response);
      for (const field of ['vcpu_model', 'hci_info', 'guest_agent', 'image_metadata', 'vcpus', 'root_gb', 'username', 'allow_set_password']) {
        expect(Object.keys(server), `${version} ${field}`).toContain(field);
      }
      expect('memory_mb' in server, version).toBe(memory);
      expect(server.vcpu_model.topology['nova_object.name']).toBe('VirtCPUTopology');
    }
    const { server } = await json(await call(upstream.endpoint, 'GET', `/servers/${SERVER}`, '2.1'));
    expect(Object.keys(server)).not.toContain('vcpu_model');
  });

  it('takes one parameter per update, as the Virtuozzo page says; upstream takes several', async () => {
    const two = { server: { name: 'vm1-renamed', accessIPv4: '203.0.113.10' } };
    expect((await call(vhi.endpoint, 'PUT', `/servers/${SERVER}`, '2.1', two)).status).toBe(400);
    expect((await call(vhi.endpoint, 'PUT', `/${PROJECT}/servers/${SERVER}`, '2.1', { server: { name: 'vm1-renamed' } })).status).toBe(200);
    expect((await call(upstream.endpoint, 'PUT', `/servers/${SERVER}`, '2.1', two)).status).toBe(200);
  });
});

describe('novaspec-mock --profile huawei-bms', () => {
  let child: ChildProcess;
  let endpoint = '';
  beforeAll(async () => {
    child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'novaspec-mock.ts'), '--profile', 'huawei-bms', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    endpoint = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += String(chunk);
        const found = out.match(/\(huawei-bms profile\) at (\S+)/);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`novaspec-mock exited with ${code}: ${out}`)));
    });
  }, 120_000);
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('answers GET /v2.1/{project_id}/servers/detail with the Huawei fields', async () => {
    for (const version of ['2.1', '2.26', '2.104']) {
      const response = await call(endpoint, 'GET', `/${PROJECT}/servers/detail`, version);
      expect(response.status, version).toBe(200);
      const { servers } = await json(response);
      expect(servers.length, version).toBeGreaterThan(0);
      for (const server of servers) {
        expect(server.enterprise_project_id, version).toBeTypeOf('string');
        expect(server.sys_tags, version).toEqual(expect.arrayContaining([expect.objectContaining({ key: expect.any(String) })]));
        expect(server['os:scheduler_hints'].group, version).toBeInstanceOf(Array);
      }
    }
  });
});
