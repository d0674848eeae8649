/**
 * Builds the API reference: Redoc's HTML from the all-versions bundle, with Redoc's script inlined so
 * the page works with no network (the default page loads it from a CDN and stays blank offline).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const bundle = require.resolve('@novaspec/spec/openapi.docs.yaml');
const out = join(import.meta.dirname, '..', 'dist');
mkdirSync(out, { recursive: true });
const output = join(out, 'index.html');
try {
  execFileSync('redocly', [
    'build-docs', bundle, '--inlineBundle', '--output', output,
    '--title', 'OpenStack Compute API v2.1 reference (microversions 2.1 to 2.104)',
    '--openapi.jsonSamplesExpandLevel', '3',
    '--openapi.sortRequiredPropsFirst', 'true',
    '--lint-config', 'off',
  // REDOCLY_TELEMETRY=off also builds the page with Redoc's own telemetry off: the reference is for
  // offline reading and must send nothing (under load Redoc's page-view traces went out in the test).
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
} catch (error) {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
  console.error(`${bundle}: build-docs: Redocly could not build the reference\n${stderr.trim()}`);
  process.exit(1);
}
console.log(`built ${output}`);
