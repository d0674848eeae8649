/**
 * The overlay rule of the vendor profiles: an action whose JSONPath target matches nothing fails the
 * build, with a message naming the overlay file and the action.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { applyOverlay, NO_MATCH_RULE, vendorNodes } from '../src/profiles.ts';

const base = {
  openapi: '3.1.0',
  info: { title: 'tiny', version: '1', 'x-openstack-version-format': 'dotted', 'x-openstack': { 'min-ver': '2.1', 'max-ver': '2.3' } },
  paths: {},
  components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false } } },
};

describe('applyOverlay', () => {
  it('applies update and remove actions to a copy, leaving the input as it was', async () => {
    const before = JSON.stringify(base);
    const { document, problems } = await applyOverlay(base, {
      overlay: '1.0.0', info: { title: 't', version: '1' },
      actions: [
        { target: '$.components.schemas.Thing.properties', update: { size: { type: 'integer', 'x-vendor': 'acme' } } },
        { target: '$.components.schemas.Thing.additionalProperties', remove: true },
      ],
    }, 'acme/overlay.yaml');
    expect(problems).toEqual([]);
    expect((document as any).components.schemas.Thing).toEqual({ type: 'object', properties: { id: { type: 'string' }, size: { type: 'integer', 'x-vendor': 'acme' } } });
    expect(vendorNodes(document)).toEqual([{ pointer: '/components/schemas/Thing/properties/size', vendor: 'acme' }]);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('fails an action whose target matches nothing, naming the file and the action', async () => {
    const { problems } = await applyOverlay(base, {
      overlay: '1.0.0', info: { title: 't', version: '1' },
      actions: [
        { target: '$.components.schemas.Thing.properties', update: { a: { type: 'string' } } },
        { target: '$.components.schemas.Gone.properties', description: 'add to a schema that was renamed', update: { b: { type: 'string' } } },
        { target: "$.paths['/nowhere']", remove: true },
      ],
    }, 'spec/profiles/acme/overlay.yaml');
    expect(problems).toEqual([
      `spec/profiles/acme/overlay.yaml: ${NO_MATCH_RULE}: action #2 ("add to a schema that was renamed") targets "$.components.schemas.Gone.properties", which matches nothing in the bundled spec`,
      `spec/profiles/acme/overlay.yaml: ${NO_MATCH_RULE}: action #3 targets "$.paths['/nowhere']", which matches nothing in the bundled spec`,
    ]);
  });

  it('refuses a document that is not Overlay 1.0', async () => {
    const { problems } = await applyOverlay(base, { overlay: '2.0.0', actions: [] }, 'x.yaml');
    expect(problems[0]).toMatch(/^x\.yaml: overlay-version:/);
  });
});

describe('build-profiles.ts', () => {
  it('exits 1 and names the overlay file and the action when a target matches nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'profiles', 'acme'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'openapi.source.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'profiles', 'acme', 'overlay.yaml'), stringify({
      overlay: '1.0.0', info: { title: 'acme', version: '1' },
      actions: [{ target: '$.components.schemas.Server.properties', description: 'the vendor fields', update: { x: { type: 'string' } } }],
    }));
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'build-profiles.ts'), '--dist', 'dist', '--profiles', 'profiles'], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`profiles/acme/overlay.yaml: ${NO_MATCH_RULE}: action #1 ("the vendor fields") targets "$.components.schemas.Server.properties"`);
  });
});
