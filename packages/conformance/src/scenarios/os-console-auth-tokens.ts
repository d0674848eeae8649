/** The scenarios of console auth tokens: a real token from a VNC console of the shared server. */
import type { Deployment } from '../deployment.ts';
import { at, type Scenario } from './common.ts';

/** A console token: a VNC console of the shared server (the fake driver serves one). */
async function consoleToken(d: Deployment): Promise<string> {
  const answer = await d.nova('POST', `/servers/${await d.shared()}/remote-consoles`, { remote_console: { protocol: 'vnc', type: 'novnc' } }, { version: '2.6' });
  const url = decodeURIComponent(answer.remote_console.url as string);
  const token = /token=([^&]+)/.exec(url)?.[1];
  if (!token) throw new Error(`no token in the console URL ${url}`);
  return token;
}

export const consoleAuthTokens: Record<string, Scenario> = {
  'GET /os-console-auth-tokens/{console_token}': {
    async arrange(d) {
      return { path: { console_token: await consoleToken(d) } };
    },
    // Up to 2.30 the newest Nova refuses every request (its RDP-only answer went with Hyper-V).
    expect: (v) => (at(v, '2.31') ? undefined : { status: [400], why: 'up to 2.30 the API served only RDP consoles, removed in Nova 29.0.0; the newest Nova answers 400' }),
  },
};
