/**
 * Where the compute API is and which microversions it speaks. Catalogs list the endpoint as
 * `.../v2.1`, `.../v2.1/{project_id}` (legacy) or under a path prefix (`.../compute/v2.1`); the
 * version document lives at `.../v2.1/` without the project id and needs no token.
 */
import { createComputeClient, type ComputeApi, type ComputeClient, type ComputeClientOptions } from './client.ts';

export interface ComputeEndpoint {
  /** The endpoint requests go to, as given (project id kept: Nova accepts both forms). */
  endpoint: string;
  /** The v2.1 version document, `.../v2.1/`. */
  versionDocument: string;
}

/** Splits a catalog URL into the request endpoint and its version document. */
export function computeEndpoint(url: string): ComputeEndpoint {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, '');
  const match = /^(.*?\/v2(?:\.1)?)(?:\/[^/]+)?$/.exec(path);
  if (!match) throw new Error(`${url} is not a compute endpoint: its path has no /v2.1 (or /v2) segment`);
  const versioned = match[1]!.replace(/\/v2$/, '/v2.1');
  return { endpoint: `${parsed.origin}${path}`, versionDocument: `${parsed.origin}${versioned}/` };
}

export interface MicroversionRange {
  min: string;
  max: string;
}

const minor = (version: string) => {
  const match = /^2\.(\d+)$/.exec(version);
  if (!match) throw new Error(`not a microversion: ${JSON.stringify(version)}`);
  return Number(match[1]);
};

/** Reads the range of microversions the service supports from its v2.1 version document. */
export async function discoverMicroversions(url: string, fetchImpl: (request: Request) => Promise<Response> = (r) => fetch(r)): Promise<MicroversionRange> {
  const { versionDocument } = computeEndpoint(url);
  const response = await fetchImpl(new Request(versionDocument, { headers: { Accept: 'application/json' } }));
  if (!response.ok) throw new Error(`GET ${versionDocument} answered ${response.status}; cannot discover the microversions`);
  const body = (await response.json()) as { version?: { version?: string; min_version?: string } };
  const { version, min_version: min } = body.version ?? {};
  // A service with no microversions (legacy v2.0) reports empty strings: it speaks 2.1 only.
  return { min: min || '2.1', max: version || '2.1' };
}

/** The microversion to use: the pinned one if the service has it (refused otherwise), else the newest both know. */
export function chooseMicroversion(service: MicroversionRange, clientMax: string, pinned?: string): string {
  if (pinned !== undefined) {
    if (minor(pinned) < minor(service.min) || minor(pinned) > minor(service.max)) {
      throw new RangeError(`microversion ${pinned} is outside what the service supports (${service.min} to ${service.max}); nothing was sent`);
    }
    return pinned;
  }
  return minor(clientMax) <= minor(service.max) ? clientMax : service.max;
}

/**
 * Discovers the service's range, checks the pinned microversion against it before anything else is
 * sent, and returns a client typed for that microversion.
 */
export async function connectComputeClient<A extends ComputeApi>(options: ComputeClientOptions<A['microversion']>): Promise<ComputeClient<A> & { readonly serviceRange: MicroversionRange }> {
  const range = await discoverMicroversions(options.baseUrl, options.fetch);
  chooseMicroversion(range, options.microversion, options.microversion);
  return Object.assign(createComputeClient<A>(options), { serviceRange: range });
}
