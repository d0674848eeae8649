/**
 * The stateful mode's volume attachments (ADR 0012): attached, listed, shown, updated and
 * detached, reflected in the server's `os-extended-volumes:volumes_attached`, with Nova's 404s,
 * 400s and 409s. At 2.1, 2.19 (no attach to a shelved server), 2.70 (tag), 2.79
 * (delete_on_termination), 2.85 (update), 2.89 (attachment_id), 2.101 (202 without a body),
 * every answer checked against the view of its microversion.
 */
import { describe, expect, it } from 'vitest';
import { useStatefulMock } from './support/stateful.ts';

const VERSIONS = ['2.1', '2.19', '2.70', '2.79', '2.85', '2.89', '2.101'];
const minorOf = (version: string) => Number(version.split('.')[1]);
const ACTIVE = '5c8e2b6a-9d41-4f0e-8a73-2b1f6e0c9d14';
const ERRORED = '91a3c5e7-2b4d-4f6a-8c0e-1d3f5a7b9c2e';
const VOLUME = 'a3c1e5f7-0b2d-4e68-9a1c-3e5f7b9d0c2e';

const { call } = useStatefulMock();
const LIST = '/servers/{server_id}/os-volume_attachments';
const ONE = '/servers/{server_id}/os-volume_attachments/{volume_id}';

describe.each(VERSIONS)('stateful volume attachments at %s', (version) => {
  const minor = minorOf(version);

  it('attaches a volume, shows it in the list, the attachment and the server, then detaches it', async () => {
    const before = (await call(version, 'GET', `/servers/${ACTIVE}/os-volume_attachments`, LIST)).body.volumeAttachments.length;
    const attached = await call(version, 'POST', `/servers/${ACTIVE}/os-volume_attachments`, LIST, {
      volumeAttachment: { volumeId: VOLUME, ...(minor >= 79 ? { delete_on_termination: true } : {}) },
    });
    expect(attached.status).toBe(minor >= 101 ? 202 : 200);
    if (minor < 101) expect(attached.body.volumeAttachment).toMatchObject({ id: VOLUME, volumeId: VOLUME, serverId: ACTIVE, device: expect.stringMatching(/^\/dev\/vd[b-z]$/) });
    const listed = (await call(version, 'GET', `/servers/${ACTIVE}/os-volume_attachments`, LIST)).body.volumeAttachments;
    expect(listed).toHaveLength(before + 1);
    const one = (await call(version, 'GET', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE)).body.volumeAttachment;
    expect(one).toMatchObject({ volumeId: VOLUME, serverId: ACTIVE });
    if (minor >= 79) expect(one.delete_on_termination).toBe(true);
    if (minor >= 89) expect(one).toMatchObject({ attachment_id: expect.any(String), bdm_uuid: expect.any(String) });
    else expect(one.id).toBe(VOLUME);
    const server = (await call(version, 'GET', `/servers/${ACTIVE}`, '/servers/{server_id}')).body.server;
    expect(server['os-extended-volumes:volumes_attached'].map((volume: any) => volume.id)).toContain(VOLUME);

    const twice = await call(version, 'POST', `/servers/${ACTIVE}/os-volume_attachments`, LIST, { volumeAttachment: { volumeId: VOLUME } });
    expect(twice.status).toBe(400);
    expect(twice.body.badRequest.message).toBe(`Invalid volume: volume ${VOLUME} is already attached to instances: ${ACTIVE}`);

    expect((await call(version, 'DELETE', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE)).status).toBe(202);
    const gone = await call(version, 'GET', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE);
    expect(gone.status).toBe(404);
    expect(gone.body.itemNotFound.message).toBe(`Instance ${ACTIVE} is not attached to volume ${VOLUME}`);
    const after = (await call(version, 'GET', `/servers/${ACTIVE}`, '/servers/{server_id}')).body.server;
    expect(after['os-extended-volumes:volumes_attached'].map((volume: any) => volume.id)).not.toContain(VOLUME);
  });

  it('refuses a server in the wrong state, and a swap of a volume that is not migrating', async () => {
    const errored = await call(version, 'POST', `/servers/${ERRORED}/os-volume_attachments`, LIST, { volumeAttachment: { volumeId: VOLUME } });
    expect(errored.status).toBe(409);
    expect(errored.body.conflictingRequest.message).toBe(`Cannot 'attach_volume' instance ${ERRORED} while it is in vm_state error`);
    await call(version, 'POST', `/servers/${ACTIVE}/os-volume_attachments`, LIST, { volumeAttachment: { volumeId: VOLUME } });
    const swap = await call(version, 'PUT', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE, { volumeAttachment: { volumeId: 'b3c1e5f7-0b2d-4e68-9a1c-3e5f7b9d0c2e' } });
    expect(swap.status).toBe(409);
    expect(swap.body.conflictingRequest.message).toBe(`volume ${VOLUME} is not migrating; this API should only be called by Cinder`);
  });

  it.runIf(minor >= 85)('updates delete_on_termination and refuses changing what is immutable (2.85)', async () => {
    await call(version, 'POST', `/servers/${ACTIVE}/os-volume_attachments`, LIST, { volumeAttachment: { volumeId: VOLUME } });
    const updated = await call(version, 'PUT', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE, { volumeAttachment: { volumeId: VOLUME, delete_on_termination: true } });
    expect(updated.status).toBe(202);
    expect((await call(version, 'GET', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE)).body.volumeAttachment.delete_on_termination).toBe(true);
    const device = await call(version, 'PUT', `/servers/${ACTIVE}/os-volume_attachments/${VOLUME}`, ONE, { volumeAttachment: { volumeId: VOLUME, device: '/dev/vdz' } });
    expect(device.status).toBe(400);
    expect(device.body.badRequest.message).toBe('The device property is not mutable');
  });
});
