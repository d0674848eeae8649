/**
 * The operator commands of issue 12 against the mock, with Debian's `openstack` CLI:
 * `aggregate create/list/show/set/add host/remove host/delete`, `hypervisor list/show`,
 * `compute service list/set`, `usage list` and `server migration list`. The CLI negotiates its
 * microversion with the version document, so the answers have the shape of the microversion its
 * SDK asks for; the ids and names come from the spec's examples, which the mock serves.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const cli = useOpenstackCli();

describe('openstack aggregate against the mock', () => {
  it('create with a zone', async () => {
    const result = await cli().run(['aggregate', 'create', '--zone', 'zone-c', 'rack-c-nvme']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: 'rack-c-nvme', availability_zone: 'zone-c' });
  });
  it('list --long shows zones and properties', async () => {
    const result = await cli().run(['aggregate', 'list', '--long']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ ID: 3, Name: 'rack-b-gpu', 'Availability Zone': 'zone-b' })]));
  });
  it('show by id', async () => {
    const result = await cli().run(['aggregate', 'show', '3']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ id: 3, name: 'rack-b-gpu', hosts: expect.any(Array) });
  });
  it('set a property', async () => {
    const result = await cli().run(['aggregate', 'set', '--property', 'gpu=h100', '3'], { json: false });
    expect(result.code, result.stderr).toBe(0);
  });
  it('add host and remove host', async () => {
    const added = await cli().run(['aggregate', 'add', 'host', '3', 'cmp-b-09']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json).toMatchObject({ id: 3, name: 'rack-b-gpu' });
    const removed = await cli().run(['aggregate', 'remove', 'host', '3', 'cmp-b-07']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.json).toMatchObject({ id: 3, name: 'rack-b-gpu' });
  });
  it('delete by id (no output)', async () => {
    const result = await cli().run(['aggregate', 'delete', '5'], { json: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });
});

describe('openstack hypervisor against the mock', () => {
  it('list', async () => {
    const result = await cli().run(['hypervisor', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ 'Hypervisor Hostname': 'cmp-b-07.dc1.example.org' })]));
  });
  it('show by id', async () => {
    const result = await cli().run(['hypervisor', 'show', '9f2c7b1e-4d58-4a63-b0e9-52c8a1d7f346']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ hypervisor_hostname: 'cmp-b-07.dc1.example.org', state: 'up' });
  });
});

describe('openstack compute service against the mock', () => {
  it('list --long', async () => {
    const result = await cli().run(['compute', 'service', 'list', '--long']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual(expect.arrayContaining([expect.objectContaining({ Binary: 'nova-compute', Host: 'cmp-b-08' })]));
  });
  it('set --disable with a reason', async () => {
    const result = await cli().run(['compute', 'service', 'set', '--disable', '--disable-reason', 'disk swap', 'cmp-b-08', 'nova-compute'], { json: false });
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('openstack usage and server migration against the mock', () => {
  it('usage list', async () => {
    const result = await cli().run(['usage', 'list', '--start', '2026-11-01', '--end', '2026-11-30']);
    expect(result.code, result.stderr).toBe(0);
    expect(Array.isArray(result.json)).toBe(true);
  });
  it('server migration list', async () => {
    const result = await cli().run(['server', 'migration', 'list']);
    expect(result.code, result.stderr).toBe(0);
    expect(Array.isArray(result.json)).toBe(true);
  });
});
