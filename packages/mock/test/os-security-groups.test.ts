/**
 * The security group and security group rule proxies (up to 2.35) over HTTP (issue 13): every
 * operation answers from its view at 2.35 and 404 with Nova's itemNotFound from 2.36; Nova's
 * schema faults for bodies it refuses. A server's own list stays at every microversion.
 */
import { describe, expect, it } from 'vitest';
import { useMockHttp } from './support/mock-http.ts';
import { itAnswersUpTo235, type ProxyOperation } from './support/proxy-range.ts';

const GROUP = '8e4c1a7b-2f95-4d3e-a6b0-5c7d9e1f2a48';
const RULE = '2a9f6d4c-8b1e-47a3-9c5d-e0f3b7a1c624';
const SERVER = '9168b536-cd40-4630-b43f-b259807c6e87';

const send = useMockHttp();

const group = { security_group: { name: 'web', description: 'HTTPS from anywhere' } };
const OPERATIONS: ProxyOperation[] = [
  ['GET', '/os-security-groups', 200], ['POST', '/os-security-groups', 200, group],
  ['GET', `/os-security-groups/${GROUP}`, 200], ['PUT', `/os-security-groups/${GROUP}`, 200, group], ['DELETE', `/os-security-groups/${GROUP}`, 202],
  ['POST', '/os-security-group-rules', 200, { security_group_rule: { parent_group_id: GROUP, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr: '0.0.0.0/0' } }],
  ['DELETE', `/os-security-group-rules/${RULE}`, 202],
];

describe('the security group proxies in the mock', () => {
  itAnswersUpTo235(send, OPERATIONS);

  it('lists groups with their rules in the old form', async () => {
    const answer = await (await send('GET', '/os-security-groups', '2.1')).json();
    expect(answer.security_groups[0]).toMatchObject({ name: 'default', rules: [expect.objectContaining({ parent_group_id: answer.security_groups[0].id })] });
  });

  it('refuses a group without a description and a rule without its parent, as Nova does', async () => {
    for (const [path, body] of [['/os-security-groups', { security_group: { name: 'web' } }], ['/os-security-group-rules', { security_group_rule: { ip_protocol: 'tcp' } }]] as const) {
      const response = await send('POST', path, '2.35', body);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ badRequest: { code: 400 } });
    }
  });

  it('still answers a server\'s own security groups at 2.36 and later', async () => {
    for (const version of ['2.36', '2.104']) {
      const response = await send('GET', `/servers/${SERVER}/os-security-groups`, version);
      expect(response.status, version).toBe(200);
      expect((await response.json()).security_groups).toBeInstanceOf(Array);
    }
  });
});
