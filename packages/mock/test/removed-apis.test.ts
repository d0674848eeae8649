/**
 * The removed APIs and the nova-network proxies over HTTP (issue 13): every removed operation answers
 * 410 with Nova's fault body at every microversion, whatever the body and in both URL forms; the
 * os-networks and os-tenant-networks list/show proxies answer up to 2.35 and 404 from 2.36.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';

const NET = '3cb9bc59-5699-4588-a4b1-b87f96708bc6';
const PROJECT = '6f70656e737461636b20726f636b7321';

const send = useMockHttp();

/** Every removed operation of the issue, with a body where it took one (as it was when live). */
const REMOVED: [string, string, unknown?][] = [
  ['GET', '/os-agents'], ['POST', '/os-agents', { agent: { hypervisor: 'xen' } }], ['PUT', '/os-agents/4', { para: {} }], ['DELETE', '/os-agents/4'],
  ['GET', '/os-cells'], ['POST', '/os-cells', { cell: { name: 'c' } }], ['GET', '/os-cells/capacities'], ['GET', '/os-cells/detail'],
  ['GET', '/os-cells/info'], ['POST', '/os-cells/sync_instances', {}], ['GET', '/os-cells/cell-east'], ['PUT', '/os-cells/cell-east', { cell: {} }],
  ['DELETE', '/os-cells/cell-east'], ['GET', '/os-cells/cell-east/capacities'],
  ['POST', '/os-certificates'], ['GET', '/os-certificates/root'],
  ['GET', '/os-cloudpipe'], ['POST', '/os-cloudpipe', { cloudpipe: {} }], ['PUT', '/os-cloudpipe/configure-project', { configure_project: { vpn_ip: '203.0.113.1', vpn_port: 1194 } }],
  ['GET', '/os-fixed-ips/192.168.10.14'], ['POST', '/os-fixed-ips/192.168.10.14/action', { reserve: null }], ['POST', '/os-fixed-ips/192.168.10.14/action', { unreserve: null }],
  ['GET', '/os-floating-ip-dns'], ['PUT', '/os-floating-ip-dns/example.org', { domain_entry: { scope: 'public' } }], ['DELETE', '/os-floating-ip-dns/example.org'],
  ['GET', '/os-floating-ip-dns/example.org/entries/203.0.113.57'], ['PUT', '/os-floating-ip-dns/example.org/entries/web01', { dns_entry: { ip: '203.0.113.57', dns_type: 'A' } }],
  ['DELETE', '/os-floating-ip-dns/example.org/entries/web01'],
  ['GET', '/os-floating-ips-bulk'], ['POST', '/os-floating-ips-bulk', { floating_ips_bulk_create: { ip_range: '203.0.113.64/28' } }],
  ['PUT', '/os-floating-ips-bulk/delete', { ip_range: '203.0.113.64/28' }], ['GET', '/os-floating-ips-bulk/compute1'],
  ['GET', '/os-fping'], ['GET', `/os-fping/${NET}`],
  ['GET', '/os-security-group-default-rules'], ['POST', '/os-security-group-default-rules', { security_group_default_rule: { ip_protocol: 'tcp' } }],
  ['GET', '/os-security-group-default-rules/3'], ['DELETE', '/os-security-group-default-rules/3'],
  ['POST', '/os-networks', { network: { label: 'n' } }], ['POST', '/os-networks/add', { id: null }], ['DELETE', `/os-networks/${NET}`],
  ['POST', `/os-networks/${NET}/action`, { disassociate: null }], ['POST', `/os-networks/${NET}/action`, { associate_host: 'compute1' }],
  ['POST', `/os-networks/${NET}/action`, { disassociate_host: null }], ['POST', `/os-networks/${NET}/action`, { disassociate_project: null }],
  ['POST', '/os-tenant-networks', { network: { label: 'n' } }], ['DELETE', `/os-tenant-networks/${NET}`],
];

describe('the removed APIs', () => {
  it('are all listed here (47 operations, one per action key)', () => {
    expect(REMOVED).toHaveLength(47);
  });

  for (const version of ['2.1', '2.35', '2.36', '2.104']) {
    it(`answer 410 with Nova's computeFault at ${version}`, async () => {
      const wrong: string[] = [];
      for (const [method, path, body] of REMOVED) {
        const response = await send(method, path, version, body);
        const text = await response.text();
        if (response.status !== 410) wrong.push(`${method} ${path}: ${response.status} ${text.slice(0, 120)}`);
        else {
          expect(JSON.parse(text)).toEqual({ computeFault: { code: 410, message: 'This resource is no longer available. No forwarding address is given.' } });
          expect(response.headers.get('openstack-api-version')).toBe(`compute ${version}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('answer 410 whatever the body, and in the URL form with a project id', async () => {
    expect((await send('POST', '/os-agents', '2.1', { anything: [1, 2] })).status).toBe(410);
    expect((await send('PUT', '/os-cells/x', '2.50', 'not an object')).status).toBe(410);
    const legacy = await fetch(`${send.mock().url}/v2.1/${PROJECT}/os-cloudpipe`, { headers: { 'X-Auth-Token': 'token' } });
    expect(legacy.status).toBe(410);
  });

  it('answer what Nova answers before the controller: 401 without a token, 406 and 400 for bad microversions', async () => {
    expect((await fetch(`${send.mock().url}/v2.1/os-fping`)).status).toBe(401);
    const tooNew = await send('GET', '/os-fping', '2.999');
    expect(tooNew.status).toBe(406);
    expect(await tooNew.json()).toMatchObject({ computeFault: { code: 406 } });
    expect((await send('GET', '/os-fping', 'two')).status).toBe(400);
  });

  it('refuse an unknown action or a body with two keys on an action endpoint with 400', async () => {
    const unknown = await send('POST', `/os-networks/${NET}/action`, '2.1', { explode: null });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ badRequest: { code: 400, message: 'There is no such action: explode' } });
    expect((await send('POST', '/os-fixed-ips/192.168.10.14/action', '2.1', { reserve: null, unreserve: null })).status).toBe(400);
  });
});

describe('the nova-network proxies', () => {
  for (const [path, key] of [['/os-networks', 'networks'], ['/os-tenant-networks', 'networks']] as const) {
    it(`GET ${path} lists networks at 2.1 and 2.35, and is not found from 2.36`, async () => {
      for (const version of ['2.1', '2.35']) {
        const response = await send('GET', path, version);
        expect(response.status).toBe(200);
        expect(Array.isArray((await response.json())[key])).toBe(true);
      }
      for (const version of ['2.36', '2.104']) {
        const response = await send('GET', path, version);
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ itemNotFound: { code: 404 } });
      }
    });

    it(`GET ${path}/{network_id} shows a network up to 2.35 and is not found from 2.36`, async () => {
      const shown = await send('GET', `${path}/${NET}`, '2.35');
      expect(shown.status).toBe(200);
      expect((await shown.json()).network).toMatchObject({ id: expect.any(String), label: expect.any(String) });
      expect((await send('GET', `${path}/${NET}`, '2.36')).status).toBe(404);
    });
  }

  it('shows a tenant network with the string "None" as its cidr, as Nova does', async () => {
    const body = await (await send('GET', `/os-tenant-networks/${NET}`, '2.1')).json();
    expect(body.network.cidr).toBe('None');
  });
});
