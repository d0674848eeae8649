/**
 * Checks Nova's controllers make on a request its schema accepted, which no schema can say, so
 * Prism cannot: a URI and a body that name different keys, and the server list's `status` and
 * `all_tenants` filters.
 * Each is what Nova 34 does (nova/api/openstack/compute/, named below); the differential of the
 * conformance suite (packages/conformance/src/differential.ts) compares them with the real one.
 */
import type { IHttpRequest } from '@stoplight/prism-http';

/** A refusal (a fault with this message) or an answer Nova gives without the spec's example. */
export type Check = { status: number; message: string } | { status: number; body: unknown };

/** The statuses of common._STATE_MAP, which the `status` filter is matched against (case-insensitive). */
const SERVER_STATUSES = new Set([
  'ACTIVE', 'BUILD', 'CONFIRMING_RESIZE', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'PASSWORD', 'PAUSED', 'REBOOT',
  'REBUILD', 'RESCUE', 'RESIZE', 'REVERT_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED', 'SHUTOFF', 'SOFT_DELETED', 'SUSPENDED', 'VERIFY_RESIZE',
]);

/** oslo_utils.strutils TRUE_STRINGS and FALSE_STRINGS, sorted as bool_from_string() lists them in its refusal. */
const BOOLEAN_WORDS = ['0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'];

const minor = (version: string) => Number(version.split('.')[1]);
const lastSegment = (path: string) => decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
const keysOf = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);

export function controllerCheck(method: string, template: string, version: string, input: IHttpRequest): Check | undefined {
  // server_metadata.py and image_metadata.py update(), flavors_extraspecs.py update(): the key in
  // the URI must be the one in the body.
  if (method === 'put' && (template === '/servers/{server_id}/metadata/{key}' || template === '/images/{image_id}/metadata/{key}')) {
    const meta = (input.body as { meta?: unknown } | undefined)?.meta;
    if (!keysOf(meta).includes(lastSegment(input.url.path))) return { status: 400, message: 'Request body and URI mismatch' };
  }
  if (method === 'put' && template === '/flavors/{flavor_id}/os-extra_specs/{flavor_extra_spec_key}') {
    if (!keysOf(input.body).includes(lastSegment(input.url.path))) return { status: 400, message: 'Request body and URI mismatch' };
  }
  // servers.py _get_servers(): a `status` filter naming no status gives an empty list up to 2.37
  // and 400 from 2.38 (one known status among several is enough).
  if (method === 'get' && (template === '/servers' || template === '/servers/detail')) {
    const status = input.url.query?.status;
    if (status !== undefined) {
      const asked = (Array.isArray(status) ? status : [status]).map((s) => String(s).toUpperCase());
      if (!asked.some((s) => SERVER_STATUSES.has(s))) {
        return minor(version) >= 38 ? { status: 400, message: 'Invalid status value' } : { status: 200, body: { servers: [] } };
      }
    }
    // Then common.is_all_tenants(): a non-empty all_tenants is read by oslo's strict
    // bool_from_string(), whose ValueError becomes InvalidInput, a 400 (the query schema types it
    // as a plain string). search_opts holds the last value of a repeated parameter.
    const allTenants = input.url.query?.all_tenants;
    const lastAllTenants = Array.isArray(allTenants) ? allTenants.at(-1) : allTenants;
    if (typeof lastAllTenants === 'string' && lastAllTenants !== '' && !BOOLEAN_WORDS.includes(lastAllTenants.trim().toLowerCase())) {
      return { status: 400, message: `Invalid input received: Unrecognized value '${lastAllTenants}', acceptable values are: ${BOOLEAN_WORDS.map((word) => `'${word}'`).join(', ')}` };
    }
  }
  return undefined;
}
