/**
 * Nova's own schemas as dumped by nova/dump_schemas.py: which route method (or action) an operation
 * of the spec is, and which of its schemas is in force at a microversion.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseVersion } from '@novaspec/microversions';

export const FIXTURE = fileURLToPath(new URL('../../nova-schemas/nova-34.0.0.json', import.meta.url));

export interface Ranged { schema: string; min: string | null; max: string | null }

export interface NovaMethod {
  method: string;
  path: string;
  action?: string;
  controller?: string | null;
  /** The controller method's name. */
  function?: string;
  source?: { file: string; line: number } | null;
  min_version?: string | null;
  max_version?: string | null;
  removed?: boolean;
  codes?: { code: number; min: string | null; max: string | null }[];
  request_body?: Ranged[];
  request_query?: Ranged[];
  response_body?: Ranged[];
  error?: string;
}

export interface NovaDump {
  nova: string;
  max_microversion: string;
  routes: NovaMethod[];
  actions: NovaMethod[];
  schemas: Record<string, { source: { file: string; line: number } | null; schema: unknown }>;
}

export function loadDump(file = FIXTURE): NovaDump {
  return JSON.parse(readFileSync(file, 'utf8')) as NovaDump;
}

/** `/servers/{server_id}/ips/{network_label}` and Nova's `/servers/{server_id}/ips/{id}` are one route. */
export const routeKey = (method: string, template: string, action?: string): string =>
  `${method.toUpperCase()} ${template.replace(/\{[^}]*\}/g, '{}')}${action ? `#${action}` : ''}`;

/** Nova's routes and actions by route key. */
export function byRoute(dump: NovaDump): Map<string, NovaMethod> {
  const out = new Map<string, NovaMethod>();
  for (const entry of [...dump.routes, ...dump.actions]) out.set(routeKey(entry.method, entry.path, entry.action), entry);
  return out;
}

/** Whether `version` lies in [min, max]; Nova's null bounds are open (a min of 2.0 is the legacy v2). */
export function inRange(version: string, min: string | null | undefined, max: string | null | undefined): boolean {
  const v = parseVersion(version)!;
  return (!min || v >= parseVersion(min)!) && (!max || v <= parseVersion(max)!);
}

/** The schema of `list` in force at `version`, as Nova's `Schemas.__call__` picks it. */
export function inForce(list: Ranged[] | undefined, version: string): Ranged | undefined {
  return (list ?? []).find((r) => inRange(version, r.min, r.max));
}

/** Whether Nova serves the method at `version` (its `api_version` range, and not `removed`). */
export function servedAt(method: NovaMethod, version: string): boolean {
  return !method.removed && !method.error && inRange(version, method.min_version, method.max_version);
}
