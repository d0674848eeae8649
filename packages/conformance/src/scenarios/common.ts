/**
 * What every resource's scenarios share: the shape of a scenario, and the ways to bring a server into
 * a state. How to exercise each operation against the local Nova: what state to bring a server into, what to
 * send at a microversion, and what this deployment can answer. An operation with no entry here is
 * still exercised, generically, from the spec's own request example (see runner.ts), so the suite
 * covers operations added to the spec before anyone writes a scenario for them.
 *
 * `expect` says when this deployment cannot give a success and why (no Neutron networks or ports,
 * no Cinder, no migration in progress); the answer must then be that status, and still be declared
 * by the spec and valid against it.
 */
import { MEMBER_TOKEN, type Deployment } from '../deployment.ts';
import { compareVersions } from '../spec.ts';

export interface Call {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  /**
   * More requests to the same operation that must succeed and conform, for answers one call cannot
   * show (a server in ERROR with its fault, a server in a group, a page with a next link).
   */
  more?: Omit<Call, 'more' | 'refused'>[];
  /** Requests the spec refuses at this microversion: Nova must refuse them with a 400 too. */
  refused?: Omit<Call, 'more' | 'refused'>[];
}

export interface Expected {
  status: number[];
  why: string;
  /**
   * Set when the answer is a bug in the Nova under test, not something the API means to say: the
   * status may then be one the spec does not declare (it describes what Nova is meant to answer),
   * but the body must still be one of Nova's fault bodies. Each one is written up in
   * FINDINGS-nova34.md and counted apart in the summary line.
   */
  novaBug?: true;
}

export interface Scenario {
  arrange(d: Deployment, version: string): Promise<Call>;
  /** A failure this deployment must answer with, and why; omitted: a success. */
  expect?: Expected | ((version: string, release: 'sid' | 'zed') => Expected | undefined);
  /** Runs after the call with its status and parsed answer (wait for a state, adopt a new server). */
  settle?(d: Deployment, status: number, answer: any, call: Call): Promise<void>;
}

export const at = (version: string, min: string) => compareVersions(version, min) >= 0;
export const NO_NETWORKS = 'this deployment has no Neutron networks, ports or floating IPs (stand-in: an empty Neutron)';
export const NO_CINDER = 'this deployment has no Cinder: no volume exists';
export const NO_LIVE_MIGRATION = 'the fake driver finishes a live migration at once, so none is ever in progress';
export const NO_SHARES = 'this deployment has no Manila, so no share exists and none can be attached (without Manila configured, Nova answers an attach to a SHUTOFF server with a 500)';
export const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** A fresh ACTIVE server, brought into a state by plain-HTTP actions first. */
export async function serverIn(d: Deployment, state: 'ACTIVE' | 'SHUTOFF' | 'PAUSED' | 'SUSPENDED' | 'RESCUE' | 'SHELVED' | 'SHELVED_OFFLOADED' | 'VERIFY_RESIZE' | 'SOFT_DELETED' | 'LOCKED'): Promise<string> {
  const id = await d.server();
  switch (state) {
    case 'SHUTOFF': await d.act(id, { 'os-stop': null }, ['SHUTOFF']); break;
    case 'PAUSED': await d.act(id, { pause: null }, ['PAUSED']); break;
    case 'SUSPENDED': await d.act(id, { suspend: null }, ['SUSPENDED']); break;
    case 'RESCUE': await d.act(id, { rescue: null }, ['RESCUE']); break;
    case 'SHELVED': await d.act(id, { shelve: null }, ['SHELVED']); break;
    case 'SHELVED_OFFLOADED':
      await d.act(id, { shelve: null }, ['SHELVED']);
      await d.act(id, { shelveOffload: null }, ['SHELVED_OFFLOADED']);
      break;
    case 'VERIFY_RESIZE': await d.act(id, { resize: { flavorRef: d.flavors.large } }, ['VERIFY_RESIZE']); break;
    case 'SOFT_DELETED':
      await d.nova('DELETE', `/servers/${id}`);
      await d.waitFor(id, ['SOFT_DELETED']);
      break;
    case 'LOCKED': await d.nova('POST', `/servers/${id}/action`, { lock: null }); break;
    default: break;
  }
  return id;
}

export const onServer = (state: Parameters<typeof serverIn>[1], body: (d: Deployment, v: string, id: string) => unknown | Promise<unknown>): Scenario['arrange'] =>
  async (d, v) => {
    const id = await serverIn(d, state);
    return { path: { server_id: id }, body: await body(d, v, id) };
  };

/** Waits out whatever the action started, so the server can be deleted cleanly. */
export const settles = (statuses: string[]): Scenario['settle'] => async (d, status, _answer, call) => {
  if (status < 300 && call.path?.server_id) await d.waitFor(call.path.server_id, statuses);
};

export async function otherHost(d: Deployment, id: string): Promise<{ from: string; to: string }> {
  const from = (await d.nova('GET', `/servers/${id}`)).server['OS-EXT-SRV-ATTR:host'] as string;
  return { from, to: from === 'compute1' ? 'compute2' : 'compute1' };
}

/**
 * For operations default policy keeps from a project member (admin-only APIs): the same request as
 * a member without the admin role must get Nova's 403 with a `forbidden` fault. Throws otherwise.
 */
export async function refusedToMember(d: Deployment, method: string, path: string, version: string, body?: unknown): Promise<void> {
  const answer = await d.nova(method, path, body, { version, ok: [403], token: MEMBER_TOKEN });
  if (!answer?.forbidden) throw new Error(`a member's ${method} ${path} was refused without a forbidden fault: ${JSON.stringify(answer)}`);
}
