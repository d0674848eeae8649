/**
 * External events: one accepted (200) for a server on a host, and dropped ones (207) for each
 * reason and for each event name at the microversion that brought it.
 */
import { UNKNOWN, at, refusedToMember, type Call, type Scenario } from './common.ts';

/** The event name each microversion range does not know yet, with the microversion that brings it. */
function nextName(v: string): string | undefined {
  if (!at(v, '2.51')) return 'volume-extended';
  if (!at(v, '2.76')) return 'power-update';
  if (!at(v, '2.82')) return 'accelerator-request-bound';
  if (!at(v, '2.93')) return 'volume-reimaged';
  return undefined;
}

export const osServerExternalEvents: Record<string, Scenario> = {
  'POST /os-server-external-events': {
    async arrange(d, v) {
      const id = await d.server();
      const body = { events: [{ name: 'network-changed', server_uuid: id, tag: UNKNOWN }] };
      await refusedToMember(d, 'POST', '/os-server-external-events', v, body);
      // 207: an unknown server (404) next to an accepted event; each newer name without its tag (400).
      const more: NonNullable<Call['more']> = [{ body: { events: [{ name: 'network-vif-plugged', server_uuid: UNKNOWN, tag: UNKNOWN, status: 'completed' }, { name: 'network-changed', server_uuid: id }] } }];
      if (at(v, '2.51')) more.push({ body: { events: [{ name: 'volume-extended', server_uuid: id }] } });
      if (at(v, '2.76')) more.push({ body: { events: [{ name: 'power-update', server_uuid: id }] } });
      if (at(v, '2.82')) more.push({ body: { events: [{ name: 'accelerator-request-bound', server_uuid: id }] } });
      if (at(v, '2.93')) more.push({ body: { events: [{ name: 'volume-reimaged', server_uuid: UNKNOWN, tag: UNKNOWN }] } });
      // A name before its microversion: the spec and Nova both refuse it.
      const next = nextName(v);
      return { body, more, refused: next ? [{ body: { events: [{ name: next, server_uuid: id, tag: UNKNOWN }] } }] : [] };
    },
  },
};
