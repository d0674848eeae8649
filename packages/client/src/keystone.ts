/**
 * Keystone v3 authentication as a compute client needs it (Keystone's api-ref, authenticate-v3.inc
 * and application-credentials.inc): a token from `POST {auth_url}/v3/auth/tokens` (the token is the
 * `X-Subject-Token` header; the body has `expires_at` and the catalog), refreshed before it expires,
 * one refresh at a time however many requests wait, and the compute endpoint from the catalog.
 */
import { ComputeError } from './errors.ts';

interface UserRef {
  userId?: string;
  username?: string;
  userDomainId?: string;
  userDomainName?: string;
}

export type KeystoneCredentials =
  | ({ type: 'password'; password: string; projectId?: string; projectName?: string; projectDomainId?: string; projectDomainName?: string; domainId?: string; domainName?: string; system?: boolean } & UserRef)
  | ({ type: 'applicationCredential'; applicationCredentialId?: string; applicationCredentialName?: string; applicationCredentialSecret: string } & UserRef)
  | { type: 'token'; token: string; projectId?: string; projectName?: string; projectDomainId?: string; projectDomainName?: string };

export interface KeystoneOptions {
  /** Keystone's endpoint, with or without `/v3`. */
  authUrl: string;
  credentials: KeystoneCredentials;
  /** Refresh this long before `expires_at`; default 120 s (keystoneauth's margin). */
  refreshMarginMs?: number;
  fetch?: (request: Request) => Promise<Response>;
}

export interface CatalogEndpoint {
  interface: string;
  region?: string;
  region_id?: string;
  url: string;
}
export interface CatalogEntry {
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

interface Issued {
  token: string;
  expiresAt: number;
  catalog: CatalogEntry[];
}

function userOf(c: UserRef): Record<string, unknown> {
  if (c.userId) return { id: c.userId };
  if (!c.username) throw new TypeError('Keystone credentials need a user id, or a user name with its domain');
  const domain = c.userDomainId ? { id: c.userDomainId } : c.userDomainName ? { name: c.userDomainName } : undefined;
  if (!domain) throw new TypeError(`user ${c.username} needs userDomainId or userDomainName`);
  return { name: c.username, domain };
}

function scopeOf(c: { projectId?: string; projectName?: string; projectDomainId?: string; projectDomainName?: string; domainId?: string; domainName?: string; system?: boolean }): Record<string, unknown> | undefined {
  if (c.projectId) return { project: { id: c.projectId } };
  if (c.projectName) {
    const domain = c.projectDomainId ? { id: c.projectDomainId } : c.projectDomainName ? { name: c.projectDomainName } : undefined;
    if (!domain) throw new TypeError(`project ${c.projectName} needs projectDomainId or projectDomainName`);
    return { project: { name: c.projectName, domain } };
  }
  if (c.domainId) return { domain: { id: c.domainId } };
  if (c.domainName) return { domain: { name: c.domainName } };
  if (c.system) return { system: { all: true } };
  return undefined;
}

/** The body of `POST /v3/auth/tokens` for some credentials. */
export function authBody(c: KeystoneCredentials): Record<string, unknown> {
  switch (c.type) {
    case 'password': {
      const scope = scopeOf(c);
      return { auth: { identity: { methods: ['password'], password: { user: { ...userOf(c), password: c.password } } }, ...(scope ? { scope } : {}) } };
    }
    case 'applicationCredential': {
      // An application credential carries its own scope; Keystone refuses one in the request.
      const credential = c.applicationCredentialId
        ? { id: c.applicationCredentialId, secret: c.applicationCredentialSecret }
        : { name: c.applicationCredentialName, secret: c.applicationCredentialSecret, user: userOf(c) };
      if (!c.applicationCredentialId && !c.applicationCredentialName) throw new TypeError('an application credential needs its id, or its name and user');
      return { auth: { identity: { methods: ['application_credential'], application_credential: credential } } };
    }
    case 'token': {
      const scope = scopeOf(c);
      return { auth: { identity: { methods: ['token'], token: { id: c.token } }, ...(scope ? { scope } : {}) } };
    }
  }
}

export class KeystoneSession {
  readonly #options: KeystoneOptions;
  #issued: Issued | undefined;
  #pending: Promise<Issued> | undefined;
  /** How many tokens this session has asked Keystone for (for tests and metrics). */
  issuedCount = 0;

  constructor(options: KeystoneOptions) {
    this.#options = options;
  }

  /** A valid token, asking Keystone for a new one when none is held or it is about to expire. */
  async token(): Promise<string> {
    const margin = this.#options.refreshMarginMs ?? 120_000;
    if (this.#issued && this.#issued.expiresAt - margin > Date.now()) return this.#issued.token;
    return (await this.#refresh()).token;
  }

  /** Forget the token (Nova answered 401 with it): the next request gets a new one. */
  invalidate(): void {
    this.#issued = undefined;
  }

  /** The URL of a service in the catalog, by type, interface and region. */
  async endpoint(selector: { type?: string; interface?: 'public' | 'internal' | 'admin'; region?: string } = {}): Promise<string> {
    await this.token();
    const type = selector.type ?? 'compute';
    const wanted = selector.interface ?? 'public';
    const entries = this.#issued!.catalog.filter((entry) => entry.type === type);
    const endpoints = entries.flatMap((entry) => entry.endpoints).filter((e) => e.interface === wanted && (!selector.region || e.region_id === selector.region || e.region === selector.region));
    if (endpoints.length === 0) {
      throw new Error(`the catalog has no ${wanted} ${type} endpoint${selector.region ? ` in region ${selector.region}` : ''} (${entries.length} ${type} services listed)`);
    }
    return endpoints[0]!.url;
  }

  #refresh(): Promise<Issued> {
    // One refresh at a time: every caller waiting meanwhile shares it.
    this.#pending ??= this.#request().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #request(): Promise<Issued> {
    const base = this.#options.authUrl.replace(/\/+$/, '').replace(/\/v3$/, '');
    const request = new Request(`${base}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(authBody(this.#options.credentials)),
    });
    const response = await (this.#options.fetch ?? ((r: Request) => fetch(r)))(request.clone());
    if (response.status !== 201 && response.status !== 200) throw await ComputeError.fromResponse(request, response);
    const token = response.headers.get('x-subject-token');
    if (!token) throw new Error(`${request.url} answered ${response.status} without an X-Subject-Token header`);
    const body = (await response.json()) as { token?: { expires_at?: string; catalog?: CatalogEntry[] } };
    const expiresAt = Date.parse(body.token?.expires_at ?? '');
    this.issuedCount += 1;
    this.#issued = { token, expiresAt: Number.isNaN(expiresAt) ? Date.now() + 3_600_000 : expiresAt, catalog: body.token?.catalog ?? [] };
    return this.#issued;
  }
}
