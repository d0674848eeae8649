/**
 * The scenarios of os-volumes_boot, the alias of /servers (up to 2.102): each aliased operation is
 * brought into the same state and sent the same request as its /servers original (servers.ts), so
 * the alias is judged by its own view exactly as the original is. Zed routes every server action
 * through the alias (routes.py sent /os-volumes_boot/{id}/action to the servers controller until
 * Nova 33.0.0, commit da0482aad8, gave the alias its own controller with nine actions and the
 * 2.102 ceiling); the spec, describing the newest Nova, has the nine, and those are what the suite
 * sends.
 */
import type { Expected, Scenario } from './common.ts';
import { servers } from './servers.ts';

/**
 * Nova 34 answers every request with a body to the alias with a 500 (FINDINGS-nova34.md): each
 * method of its controller (volumes_boot.py) passes `body` on to the servers controller's method
 * positionally, and that method's validation decorator reads it from the keyword arguments
 * (`kwargs['body']`), so a KeyError ends the request. The alias's own decorators run first, so a
 * body the spec refuses still gets Nova's 400, and the probes still check that; reads and delete
 * take no body and work. Zed sent the alias to the servers controller itself and served all of it.
 */
const BODY_PASSED_POSITIONALLY: Expected = {
  status: [500],
  novaBug: true,
  why: "Nova 34's volumes_boot.py hands the body to the servers controller positionally and that controller's validation reads kwargs['body']",
};

function aliased(id: string, original: Scenario): Scenario {
  if (id.startsWith('GET ') || id.startsWith('DELETE ')) return original;
  return {
    // `more` requests must succeed, which none with a body can on Nova 34; they are left out on
    // Zed too (the /servers originals still send them on both).
    arrange: async (d, v) => {
      const { more: _more, ...call } = await original.arrange(d, v);
      return call;
    },
    expect: (version, release) => {
      if (release === 'sid') return BODY_PASSED_POSITIONALLY;
      return typeof original.expect === 'function' ? original.expect(version, release) : original.expect;
    },
    ...(original.settle ? { settle: original.settle } : {}),
  };
}

const ALIASED = [
  'GET /servers', 'POST /servers', 'GET /servers/detail', 'GET /servers/{server_id}', 'PUT /servers/{server_id}', 'DELETE /servers/{server_id}',
  ...['confirmResize', 'revertResize', 'reboot', 'resize', 'rebuild', 'createImage', 'os-start', 'os-stop', 'trigger_crash_dump'].map((action) => `POST /servers/{server_id}/action#${action}`),
];

export const volumesBoot: Record<string, Scenario> = Object.fromEntries(ALIASED.map((id) => {
  const original = servers[id];
  if (!original) throw new Error(`no servers scenario for ${id}`);
  return [id.replace(' /servers', ' /os-volumes_boot'), aliased(id, original)];
}));
