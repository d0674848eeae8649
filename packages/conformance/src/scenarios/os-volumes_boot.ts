/**
 * The scenarios of os-volumes_boot, the alias of /servers (up to 2.102): each aliased operation is
 * brought into the same state and sent the same request as its /servers original (servers.ts), so
 * the alias is judged by its own view exactly as the original is. Zed routes every server action
 * through the alias (routes.py sent /os-volumes_boot/{id}/action to the servers controller until
 * Nova 33.0.0, commit da0482aad8, gave the alias its own controller with nine actions and the
 * 2.102 ceiling); the spec, describing the newest Nova, has the nine, and those are what the suite
 * sends.
 */
import type { Scenario } from './common.ts';
import { servers } from './servers.ts';

const ALIASED = [
  'GET /servers', 'POST /servers', 'GET /servers/detail', 'GET /servers/{server_id}', 'PUT /servers/{server_id}', 'DELETE /servers/{server_id}',
  ...['confirmResize', 'revertResize', 'reboot', 'resize', 'rebuild', 'createImage', 'os-start', 'os-stop', 'trigger_crash_dump'].map((action) => `POST /servers/{server_id}/action#${action}`),
];

export const volumesBoot: Record<string, Scenario> = Object.fromEntries(ALIASED.map((id) => {
  const original = servers[id];
  if (!original) throw new Error(`no servers scenario for ${id}`);
  return [id.replace(' /servers', ' /os-volumes_boot'), original];
}));
