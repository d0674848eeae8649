/**
 * Vendor profiles (issue 15, ADR "vendor profiles"): an OpenAPI Overlay 1.0 document per profile,
 * applied to the bundled upstream spec (`spec/dist/openapi.source.json`, ranges kept) by
 * openapi-format's overlay engine. The result goes through the same view builder as upstream.
 *
 * The rule that keeps profiles honest: an action whose JSONPath target matches nothing is an error
 * (`overlay-target-matches-nothing`), naming the overlay file and the action. An overlay that silently
 * stops applying after a spec change is the classic failure of overlays.
 */
import { openapiOverlay } from 'openapi-format';
import { isObject, type JsonObject } from './annotations.ts';

export const NO_MATCH_RULE = 'overlay-target-matches-nothing';
export const VENDOR_KEY = 'x-vendor';
export const PROFILE_KEY = 'x-novaspec-profile';

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayResult {
  document: JsonObject;
  /** "file: rule: message" lines; empty when every action applied. */
  problems: string[];
}

/** Applies one Overlay 1.0 document to a copy of `base`; `file` names the overlay in messages. */
export async function applyOverlay(base: JsonObject, overlay: JsonObject, file: string): Promise<OverlayResult> {
  const problems: string[] = [];
  if (typeof overlay.overlay !== 'string' || !/^1\.0\.\d+$/.test(overlay.overlay)) {
    problems.push(`${file}: overlay-version: "overlay" must be 1.0.x (OpenAPI Overlay Specification 1.0), got ${JSON.stringify(overlay.overlay)}`);
    return { document: base, problems };
  }
  const actions = Array.isArray(overlay.actions) ? (overlay.actions as OverlayAction[]) : [];
  if (actions.length === 0) problems.push(`${file}: overlay-actions: the overlay has no actions`);
  const document = structuredClone(base);
  // openapi-format reports what it could not apply on console.error and in resultData; keep the
  // build's output clean and turn both into our own messages.
  const logged: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
  let result: Awaited<ReturnType<typeof openapiOverlay>>;
  try {
    result = await openapiOverlay(document as never, { overlaySet: overlay as never });
  } finally {
    console.error = consoleError;
  }
  const unused = new Set((result.resultData as { unusedActions?: unknown[] }).unusedActions ?? []);
  actions.forEach((action, index) => {
    if (!unused.has(action)) return;
    const label = `action #${index + 1}${action.description ? ` ("${action.description}")` : ''}`;
    problems.push(`${file}: ${NO_MATCH_RULE}: ${label} targets ${JSON.stringify(action.target)}, which matches nothing in the bundled spec`);
  });
  for (const line of logged) problems.push(`${file}: overlay: ${line}`);
  return { document: result.data as JsonObject, problems };
}

/** Every node carrying the vendor marker, as JSON pointers (for docs and tests). */
export function vendorNodes(doc: unknown, pointer = ''): Array<{ pointer: string; vendor: string }> {
  const found: Array<{ pointer: string; vendor: string }> = [];
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => found.push(...vendorNodes(item, `${pointer}/${i}`)));
  } else if (isObject(doc)) {
    if (typeof doc[VENDOR_KEY] === 'string') found.push({ pointer, vendor: doc[VENDOR_KEY] as string });
    for (const [key, value] of Object.entries(doc)) {
      if (key === 'example' || key === 'examples') continue;
      found.push(...vendorNodes(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`));
    }
  }
  return found;
}
