/**
 * Maps a JSON pointer in the bundled document back to the hand-written file it came from, so that a
 * build error names `spec/components/schemas/Server.yaml`, not `#/components/schemas/Server`.
 * Relies on the layout of ADR 0001/STYLE.md: one file per path, one component per file.
 */
import { isObject, type JsonObject } from './annotations.ts';

function unescape(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function sourceLocation(root: JsonObject, pointer: string, specDir = 'spec'): string {
  const segments = pointer.split('/').slice(1).map(unescape);
  const [top, a, b, ...rest] = segments;
  if (top === 'components' && a && b) return `${specDir}/components/${a}/${b}.yaml#/${rest.join('/')}`;
  if (top === 'paths' && a) {
    const paths = root.paths;
    const item = isObject(paths) ? paths[a] : undefined;
    const file = isObject(item) && typeof item.$ref === 'string' ? item.$ref : 'openapi.yaml';
    return `${specDir}/${file}#/${[b, ...rest].filter(Boolean).join('/')}`;
  }
  return `${specDir}/openapi.yaml#${pointer}`;
}
