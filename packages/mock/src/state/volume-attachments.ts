/**
 * Volume attachments in the stateful mock: `/servers/{id}/os-volume_attachments` attach, list
 * (`limit`/`offset`), show, update and detach, reflected in the server's
 * `os-extended-volumes:volumes_attached`. Nova 34, nova/api/openstack/compute/volume_attachments.py,
 * API.attach_volume / detach_volume / swap_volume in nova/compute/api.py.
 *
 * Volumes are Cinder's and are not modelled: every volume id exists and none is multiattach; no
 * volume is migrating, so a swap (which only Cinder calls, during a migration) always gets Nova's
 * 409 for a volume that is not. Attach and detach take effect at once (Nova's are asynchronous).
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer-cache.ts';
import { empty, fault, json, minorOf, MAX_LIMIT, segment, type Json, type StateRequest } from './answers.ts';
import { refusal, type ActionRule } from './server-actions.ts';
import type { ServerRecord } from './store.ts';

/** A block device mapping of a volume (nova/objects/block_device.py): what the view reads. */
export interface AttachmentRecord {
  volumeId: string;
  serverId: string;
  device: string;
  tag: string | null;
  delete_on_termination: boolean;
  attachment_id: string;
  bdm_uuid: string;
  isRoot: boolean;
}

/** The decorators of API.attach_volume and detach_volume: lock, these vm_states, no task, launched. */
const volumeRule = (novaMethod: string, conflictName: string): ActionRule => ({
  novaMethod, conflictName, lockChecked: true, taskStates: [null], mustHaveLaunched: true,
  vmStates: ['active', 'paused', 'stopped', 'resized', 'soft-delete', 'shelved', 'shelved_offloaded'],
});
const ATTACH = volumeRule('attach_volume', 'attach_volume');
const DETACH = volumeRule('detach_volume', 'detach_volume');

/** block_device.match_device(): what a device path the caller gives must look like. */
const DEVICE = /^\/dev\/x?[a-z]?d?[a-z]+[0-9]*$/;

export class VolumeAttachmentState {
  /** By volume id: a volume that is not multiattach has one attachment. */
  readonly attachments = new Map<string, AttachmentRecord>();

  /** The seed: a server's `volumes_attached` as attachments; a server booted from a volume has it as its root disk. */
  seed(servers: Iterable<ServerRecord>): void {
    this.attachments.clear();
    for (const server of servers) {
      const volumes: Json[] = server.fields['os-extended-volumes:volumes_attached'] ?? [];
      const fromVolume = server.fields.image === '';
      volumes.forEach((volume, at) => {
        const isRoot = fromVolume && at === 0;
        this.#add({
          volumeId: volume.id, serverId: server.id, device: isRoot ? '/dev/vda' : this.#nextDevice(server.id), tag: null,
          delete_on_termination: volume.delete_on_termination ?? false, attachment_id: randomUUID(), bdm_uuid: randomUUID(), isRoot,
        });
      });
    }
  }

  /** The server's `os-extended-volumes:volumes_attached` (`delete_on_termination` from 2.3: the view keeps it where it has it). */
  volumesOf(serverId: string): Json[] {
    return this.#of(serverId).map((attachment) => ({ id: attachment.volumeId, delete_on_termination: attachment.delete_on_termination }));
  }

  /** A deleted server's attachments go with it. */
  forget(serverId: string): void {
    for (const attachment of this.#of(serverId)) this.attachments.delete(attachment.volumeId);
  }

  answer(request: StateRequest, server: ServerRecord): Answer | undefined {
    const { method, template } = request;
    if (template === '/servers/{server_id}/os-volume_attachments') {
      if (method === 'get') return this.#list(request, server);
      if (method === 'post') return this.#attach(request, server);
      return undefined;
    }
    if (template !== '/servers/{server_id}/os-volume_attachments/{volume_id}') return undefined;
    const volumeId = segment(request.path, 4);
    const attachment = this.attachments.get(volumeId);
    const mine = attachment && attachment.serverId === server.id ? attachment : undefined;
    const notAttached = () => fault(404, `Instance ${server.id} is not attached to volume ${volumeId}`);
    if (method === 'get') return mine ? json(200, { volumeAttachment: this.#view(request, mine) }) : notAttached();
    if (method === 'put') return this.#update(request, server, volumeId, mine);
    if (method === 'delete') {
      const shelved = this.#shelvedBefore220(request, server, 'detach_volume');
      if (shelved) return shelved;
      if (!mine) return notAttached();
      if (mine.isRoot) return fault(400, 'Cannot detach a root device volume');
      const refused = refusal(DETACH, server.id, server.machine);
      if (refused) return fault(409, refused);
      this.attachments.delete(volumeId);
      return empty(202);
    }
    return undefined;
  }

  #of(serverId: string): AttachmentRecord[] {
    return [...this.attachments.values()].filter((attachment) => attachment.serverId === serverId);
  }

  #add(attachment: AttachmentRecord): void {
    this.attachments.set(attachment.volumeId, attachment);
  }

  /** The next free `/dev/vdX` after the root disk, as the libvirt driver names a new disk. */
  #nextDevice(serverId: string): string {
    const used = new Set(this.#of(serverId).map((attachment) => attachment.device));
    for (let letter = 'b'.charCodeAt(0); letter <= 'z'.charCodeAt(0); letter += 1) {
      const device = `/dev/vd${String.fromCharCode(letter)}`;
      if (!used.has(device)) return device;
    }
    return `/dev/vd${used.size}`;
  }

  /** _translate_attachment_detail_view(): `tag` from 2.70, `delete_on_termination` from 2.79, `attachment_id` and `bdm_uuid` instead of `id` from 2.89. */
  #view(request: StateRequest, attachment: AttachmentRecord): Json {
    const minor = minorOf(request.version);
    const view: Json = {};
    if (minor < 89) view.id = attachment.volumeId;
    Object.assign(view, { volumeId: attachment.volumeId, serverId: attachment.serverId, device: attachment.device });
    if (minor >= 70) view.tag = attachment.tag;
    if (minor >= 79) view.delete_on_termination = attachment.delete_on_termination;
    if (minor >= 89) Object.assign(view, { attachment_id: attachment.attachment_id, bdm_uuid: attachment.bdm_uuid });
    return view;
  }

  /** _check_request_version(): a shelved server takes attach and detach from 2.20 only. */
  #shelvedBefore220(request: StateRequest, server: ServerRecord, method: string): Answer | undefined {
    const { vmState } = server.machine;
    if ((vmState === 'shelved' || vmState === 'shelved_offloaded') && minorOf(request.version) < 20) {
      return fault(409, `Cannot '${method}' instance ${server.id} while it is in vm_state ${vmState}`);
    }
    return undefined;
  }

  /** index(): the server's volumes in the order they were attached, then common.limited(). */
  #list(request: StateRequest, server: ServerRecord): Answer {
    const offset = Number(request.query.get('offset') ?? 0);
    const limit = Math.min(MAX_LIMIT, Number(request.query.get('limit') ?? 0) || MAX_LIMIT);
    const shown = this.#of(server.id).slice(offset, offset + limit);
    return json(200, { volumeAttachments: shown.map((attachment) => this.#view(request, attachment)) });
  }

  /** create(): the shelved check, then API.attach_volume's decorators, the device path and the volume's other attachment. */
  #attach(request: StateRequest, server: ServerRecord): Answer {
    const asked: Json = request.body.volumeAttachment;
    const volumeId = String(asked.volumeId);
    const shelved = this.#shelvedBefore220(request, server, 'attach_volume');
    if (shelved) return shelved;
    const refused = refusal(ATTACH, server.id, server.machine);
    if (refused) return fault(409, refused);
    if (typeof asked.device === 'string' && asked.device !== '' && !DEVICE.test(asked.device)) return fault(400, `The supplied device path (${asked.device}) is invalid.`);
    const held = this.attachments.get(volumeId);
    if (held) return fault(400, `Invalid volume: volume ${volumeId} is already attached to instances: ${held.serverId}`);
    const tag = typeof asked.tag === 'string' ? asked.tag : null;
    if (tag && server.machine.vmState === 'shelved_offloaded') return fault(400, 'Tagged volume attachment is not supported for shelved-offloaded instances.');
    const attachment: AttachmentRecord = {
      volumeId, serverId: server.id, device: this.#nextDevice(server.id), tag, delete_on_termination: asked.delete_on_termination === true,
      attachment_id: randomUUID(), bdm_uuid: randomUUID(), isRoot: false,
    };
    this.#add(attachment);
    // From 2.101 the answer is 202 without a body.
    if (minorOf(request.version) >= 101) return empty(202);
    const minor = minorOf(request.version);
    const body: Json = { id: volumeId, serverId: server.id, volumeId, device: attachment.device };
    if (minor >= 70) body.tag = tag;
    if (minor >= 79) body.delete_on_termination = attachment.delete_on_termination;
    return json(200, { volumeAttachment: body });
  }

  /**
   * update(): up to 2.84 always a swap; from 2.85 the attachment's `delete_on_termination` (the
   * other fields are immutable, 400), then a swap when `volumeId` names another volume. A swap is
   * refused as Nova refuses it for a volume that is not migrating.
   */
  #update(request: StateRequest, server: ServerRecord, volumeId: string, mine: AttachmentRecord | undefined): Answer {
    const asked: Json = request.body.volumeAttachment;
    const notMigrating = () => fault(409, `volume ${volumeId} is not migrating; this API should only be called by Cinder`);
    if (minorOf(request.version) < 85) return notMigrating();
    // exception.VolumeBDMNotFound.
    if (!mine) return fault(404, `No volume Block Device Mapping with id ${volumeId}.`);
    if ('id' in asked && asked.id !== volumeId) return fault(400, 'The id property is not mutable');
    if ('serverId' in asked && asked.serverId !== server.id) return fault(400, 'The serverId property is not mutable');
    if ('device' in asked && asked.device !== mine.device) return fault(400, 'The device property is not mutable');
    if ('tag' in asked && asked.tag !== mine.tag) return fault(400, 'The tag property is not mutable');
    if ('delete_on_termination' in asked) mine.delete_on_termination = asked.delete_on_termination === true;
    if (asked.volumeId !== volumeId) return notMigrating();
    return empty(202);
  }
}
