/**
 * Picks the microversion of a request the way Nova's API layer does: `OpenStack-API-Version: compute X`
 * wins over `X-OpenStack-Nova-API-Version: X`; neither means 2.1; `latest` means the newest served.
 * Malformed is 400; outside the served range is 406.
 */
export interface VersionRange {
  min: number;
  max: number;
}

export type Negotiated =
  | { ok: true; minor: number; version: string }
  | { ok: false; status: 400 | 406; message: string };

const VERSION = /^(\d+)\.(\d+)$/;

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The compute entry of `OpenStack-API-Version`, which may list several services ("compute 2.1, volume 3.0"). */
function computeEntry(value: string): string | undefined {
  for (const part of value.split(',')) {
    const [service, ...rest] = part.trim().split(/\s+/);
    if (service?.toLowerCase() === 'compute') return rest.join(' ');
  }
  return undefined;
}

export function negotiate(headers: Record<string, string | string[] | undefined>, range: VersionRange): Negotiated {
  const modern = headerValue(headers, 'openstack-api-version');
  const legacy = headerValue(headers, 'x-openstack-nova-api-version');
  const requested = (modern !== undefined ? computeEntry(modern) : undefined) ?? legacy?.trim();
  if (requested === undefined || requested === '') return { ok: true, minor: 1, version: '2.1' };
  if (requested.toLowerCase() === 'latest') return { ok: true, minor: range.max, version: `2.${range.max}` };
  const match = VERSION.exec(requested);
  if (!match) {
    return { ok: false, status: 400, message: `API Version String ${requested} is of invalid format. Must be of format MajorNum.MinorNum.` };
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major !== 2 || minor < range.min || minor > range.max) {
    return {
      ok: false,
      status: 406,
      message: `Version ${requested} is not supported by the API. Minimum is 2.${range.min} and maximum is 2.${range.max}.`,
    };
  }
  return { ok: true, minor, version: `2.${minor}` };
}
