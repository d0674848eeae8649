/**
 * Where Nova 26 (Zed, the Nova this machine runs) differs from the newest Nova, which the spec
 * describes. Each entry was checked in Nova's history; the suite reports these cases instead of
 * judging Zed by what only newer Nova does.
 */
import { compareVersions } from './spec.ts';

/**
 * Server actions whose request body Zed does not validate at all: their JSON schemas came with
 * Nova 29.0.0 (2024.1), commit f86cd38dfe "api: Add remaining missing request body schemas".
 * Zed accepts any body for them, so a body with an undeclared property is not refused with a 400
 * there, while the newest Nova (and the spec) refuse it. Value: the last microversion without a
 * schema in Zed (lock had one from 2.73, unshelve from 2.77).
 */
const UNVALIDATED_IN_ZED: Record<string, string> = {
  resetNetwork: '2.93', injectNetworkInfo: '2.93', restore: '2.93', forceDelete: '2.93',
  lock: '2.72', unlock: '2.93', pause: '2.93', unpause: '2.93', 'os-getRDPConsole': '2.93',
  unrescue: '2.93', addSecurityGroup: '2.93', removeSecurityGroup: '2.93', confirmResize: '2.93',
  revertResize: '2.93', 'os-start': '2.93', 'os-stop': '2.93', shelve: '2.93', shelveOffload: '2.93',
  unshelve: '2.76', suspend: '2.93', resume: '2.93',
  // Not an action: an operation, by its id. The floating IP proxy's create got its schema in the same
  // commit (schemas/floating_ips.py `create`); Zed allocates from whatever `pool` it is given.
  'POST /os-floating-ips': '2.93',
};

/**
 * Why the undeclared-property probe means nothing on Zed for this action (or, for an operation that
 * is not an action, this operation id) here, if it does not.
 */
export function unvalidatedInZed(action: string | undefined, version: string): string | undefined {
  const last = action ? UNVALIDATED_IN_ZED[action] : undefined;
  if (!last || compareVersions(version, last) > 0) return undefined;
  return `Zed has no request schema for "${action}" (added in Nova 29.0.0, 2024.1, commit f86cd38dfe): it accepts any body; the newest Nova refuses undeclared properties as the spec does`;
}

/**
 * Answers Zed gives where the newest Nova (and so the spec) gives another: the status Zed sends and
 * what the newest Nova does instead, with the change that made the difference.
 */
const ZED_ANSWERS: Record<string, { status: number; why: string }> = {
  'POST /servers/{server_id}/action#os-getRDPConsole': {
    status: 200,
    why: 'Zed still serves RDP consoles ([rdp] enabled, 200 with a console); Nova 29.0.0 (2024.1) removed them with the Hyper-V driver (commit 0c1e1ccf03) and the newest Nova answers 400, as the spec declares',
  },
  'GET /os-console-auth-tokens/{console_token}': {
    status: 401,
    why: 'up to 2.30 Zed still looks the token up and refuses any console but RDP with 401 ("The requested console type details are not accessible"); Nova 29.0.0 (2024.1) removed the RDP console with the Hyper-V driver (commit 3e47439a68, "HyperV: Remove RDP console connection information API") and the newest Nova answers 400 to every request below 2.31, as the spec declares',
  },
};

/** Why Zed's status differs from the spec here, when it is a known difference. */
export function zedAnswer(id: string, status: number): string | undefined {
  const known = ZED_ANSWERS[id];
  return known && known.status === status ? `Zed answered ${status}: ${known.why}` : undefined;
}
