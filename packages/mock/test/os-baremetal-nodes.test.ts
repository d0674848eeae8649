/**
 * The bare metal node proxy (up to 2.35) over HTTP (issue 13): list and show answer from their view,
 * create, delete and the two interface actions answer Nova's one answer, 400 `Command not
 * supported`, naming the Ironic command; from 2.36 everything is 404.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const NODE = '058d27fa-241b-445a-a386-08c04f96db43';

const send = useMockHttp();

const OPERATIONS: [string, string, number, unknown?, string?][] = [
  ['GET', '/os-baremetal-nodes', 200], ['GET', `/os-baremetal-nodes/${NODE}`, 200],
  ['POST', '/os-baremetal-nodes', 400, { node: { cpus: 4 } }, 'node-create'],
  ['DELETE', `/os-baremetal-nodes/${NODE}`, 400, undefined, 'node-delete'],
  ['POST', `/os-baremetal-nodes/${NODE}/action`, 400, { add_interface: { address: '52:54:00:12:34:58' } }, 'port-create'],
  ['POST', `/os-baremetal-nodes/${NODE}/action`, 400, { remove_interface: { address: '52:54:00:12:34:58' } }, 'port-delete'],
];

describe('the bare metal node proxy in the mock', () => {
  for (const [version, present] of [['2.1', true], ['2.35', true], ['2.36', false], ['2.104', false]] as const) {
    it(`at ${version} every operation ${present ? 'answers as Nova does' : 'is 404'}`, async () => {
      for (const [method, path, code, body, command] of OPERATIONS) {
        const response = await send(method, path, version, body);
        const text = await response.text();
        expect(response.status, `${method} ${path} at ${version}: ${text}`).toBe(present ? code : 404);
        if (!present) expect(JSON.parse(text)).toMatchObject({ itemNotFound: { code: 404 } });
        else if (command) expect(JSON.parse(text).badRequest.message, `${method} ${path}`).toBe(`Command not supported. Please use Ironic command ${command} to perform this action.`);
      }
    });
  }

  it('shows a node with its interfaces and the server on it', async () => {
    const answer = await (await send('GET', `/os-baremetal-nodes/${NODE}`, '2.1')).json();
    expect(answer.node).toMatchObject({ host: 'IRONIC MANAGED', instance_uuid: expect.any(String) });
    expect(answer.node.interfaces.length).toBeGreaterThan(0);
  });
});
