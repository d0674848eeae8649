/** The README's client example compiles (it is type-checked with the package) and runs against the mock. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickstart } from '../examples/quickstart.ts';
import { startFakeKeystone, type FakeKeystone } from './support/fake-keystone.ts';
import { useMock } from './support/mock.ts';

describe('the quick start example', () => {
  const mock = useMock();
  let keystone: FakeKeystone;
  beforeAll(async () => {
    keystone = await startFakeKeystone(mock().endpoint);
  });
  afterAll(async () => {
    await keystone.close();
  });

  it('logs in from clouds.yaml, pages, reboots and waits, and reports a typed error', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'novaspec-quickstart-'));
    writeFileSync(join(cwd, 'clouds.yaml'), `clouds:\n  mock:\n    region_name: RegionOne\n    auth_type: v3applicationcredential\n    auth:\n      auth_url: ${keystone.url}/v3\n      application_credential_id: ac-1\n`);
    writeFileSync(join(cwd, 'secure.yaml'), 'clouds:\n  mock:\n    auth:\n      application_credential_secret: correct\n');
    const lines: string[] = [];
    const names = await quickstart('mock', { cwd, env: {}, log: (line) => lines.push(line) });
    expect(names.length).toBeGreaterThan(0);
    expect(lines.some((line) => /^rebooted .*: ACTIVE$/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^typed error: 404 itemNotFound \(request req-/);
    expect(keystone.requests[0]).toMatchObject({ auth: { identity: { methods: ['application_credential'] } } });
    rmSync(cwd, { recursive: true, force: true });
  }, 60_000);
});
