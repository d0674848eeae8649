/**
 * The real `openstack` CLI against the stateful mock (ADR 0012): the server life cycle a user runs,
 * each step seeing what the one before it did. The build takes long enough that `--wait` has to poll.
 */
import { describe, expect, it } from 'vitest';
import { useOpenstackCli } from './support/openstack-cli.ts';

const BUILD_MS = 1500;
const cli = useOpenstackCli({ stateful: true, buildDelayMs: BUILD_MS });
const IMAGE = '70a599e0-31e7-49b7-b260-868f441e862b';

describe('openstack CLI against the stateful mock', () => {
  let id = '';

  it('server create --wait: returns once the server is ACTIVE', async () => {
    const started = Date.now();
    const result = await cli().run(['server', 'create', '--flavor', 'c2.medium', '--image', IMAGE, '--wait', 'cli-stateful']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: 'cli-stateful', status: 'ACTIVE' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(BUILD_MS);
    id = result.json.id;
  });

  it('server list and show: the new server is there, with the seed', async () => {
    const list = await cli().run(['server', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json.map((s: any) => s.ID)).toContain(id);
    expect(list.json.find((s: any) => s.ID === id)).toMatchObject({ Name: 'cli-stateful', Status: 'ACTIVE' });
    const shown = await cli().run(['server', 'show', id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.json).toMatchObject({ id, name: 'cli-stateful', status: 'ACTIVE' });
  });

  it('server reboot --wait, stop, start: the status follows', async () => {
    const reboot = await cli().run(['server', 'reboot', '--wait', id], { json: false });
    expect(reboot.code, reboot.stderr).toBe(0);
    const stop = await cli().run(['server', 'stop', id], { json: false });
    expect(stop.code, stop.stderr).toBe(0);
    expect((await cli().run(['server', 'show', id])).json.status).toBe('SHUTOFF');
    // Nova refuses to stop a stopped server; the CLI reports its 409.
    const again = await cli().run(['server', 'stop', id], { json: false });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Cannot 'stop' instance ${id} while it is in vm_state stopped`);
    const start = await cli().run(['server', 'start', id], { json: false });
    expect(start.code, start.stderr).toBe(0);
    expect((await cli().run(['server', 'show', id])).json.status).toBe('ACTIVE');
  });

  it('server delete --wait: gone, and show says so', async () => {
    const deleted = await cli().run(['server', 'delete', '--wait', id], { json: false });
    expect(deleted.code, deleted.stderr).toBe(0);
    const shown = await cli().run(['server', 'show', id]);
    expect(shown.code).toBe(1);
    // The CLI got Nova's 404 for the id, then found no server by that name either.
    expect(shown.stderr).toContain(`No server with a name or ID of '${id}' exists.`);
  });
});
