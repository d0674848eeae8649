/**
 * Builds one reference page per vendor profile (issue 15, ADR 0013): Redoc's HTML, inlined as for
 * upstream, from the profile's docs bundle (`@novaspec/spec/profiles/<profile>/openapi.docs.yaml`)
 * into dist/profiles/<profile>/index.html. The vendor's additions are labelled in their own
 * descriptions (**VHI.**, **Huawei BMS.**) and listed, with the seed each is traced to, in a section
 * "What this profile adds" at the top of the page, generated from the `x-vendor` markers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

const require = createRequire(import.meta.url);
const profilesDir = join(dirname(require.resolve('@novaspec/spec/openapi.docs.yaml')), 'profiles');
const out = join(import.meta.dirname, '..', 'dist', 'profiles');
rmSync(out, { recursive: true, force: true });
const names = existsSync(profilesDir) ? readdirSync(profilesDir).filter((name) => existsSync(join(profilesDir, name, 'openapi.docs.yaml'))).sort() : [];

type Json = any; // spec documents, read by path

/** The nodes marked `x-vendor`, as readable locations: `Server.vcpu_model`, `GET /servers/detail`. */
function additions(doc: Json): Array<{ where: string; seed?: string }> {
  const found: Array<{ where: string; seed?: string }> = [];
  const visit = (node: Json, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...path, String(i)]));
    if (typeof node['x-vendor'] === 'string' && path.length > 0 && path[0] !== 'info') found.push({ where: readable(path), seed: node['x-seed'] });
    for (const [key, value] of Object.entries(node)) if (key !== 'examples' && key !== 'example') visit(value, [...path, key]);
  };
  visit(doc, []);
  return found;
}

function readable(path: string[]): string {
  const [top, kind, name, ...rest] = path;
  if (top === 'components') return `${name}${rest.filter((p) => p !== 'properties').map((p) => `.${p}`).join('')} (${kind === 'schemas' ? 'schema' : kind?.replace(/s$/, '')})`;
  if (top === 'paths') return `${(name ?? '').toUpperCase()} ${kind}${rest.length ? ` (${rest.join(' ')})` : ''}`;
  return path.join('.');
}

for (const name of names) {
  const started = performance.now();
  const doc = parse(readFileSync(join(profilesDir, name, 'openapi.docs.yaml'), 'utf8')) as Json;
  const list = additions(doc).map(({ where, seed }) => `- \`${where}\`${seed ? `: traced to ${seed}` : ''}`).join('\n');
  doc.info.description = `${doc.info.description}\n\n## What this profile adds\n\nEvery addition below is marked \`x-vendor: ${name}\` in the profile's bundle and labelled in its description. The seeds are the vendor reference pages this profile was written from.\n\n${list}\n`;
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'openapi.docs.yaml');
  writeFileSync(input, stringify(doc, { lineWidth: 0 }));
  const output = join(dir, 'index.html');
  try {
    execFileSync('redocly', [
      'build-docs', input, '--inlineBundle', '--output', output,
      '--title', `${doc.info.title} (microversions 2.1 to 2.104)`,
      '--openapi.jsonSamplesExpandLevel', '3',
      '--openapi.sortRequiredPropsFirst', 'true',
      '--lint-config', 'off',
    ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    console.error(`${input}: build-docs: Redocly could not build the ${name} reference\n${stderr.trim()}`);
    process.exit(1);
  }
  rmSync(input);
  console.log(`built ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
