/**
 * Builds the API reference: Redoc's HTML from the all-versions bundle, with Redoc's script inlined so
 * the page works with no network (the default page loads it from a CDN and stays blank offline).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { changelogPage, type Changelog } from './changelog-page.ts';
import { linkModules, pickerBar, pickerScript, scriptJson } from './picker.ts';
import { withActionOperations } from '../../microversions/src/actions.ts';
import { documentBounds } from '../../microversions/src/annotations.ts';
import { versionsIn } from '../../microversions/src/version.ts';

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
  ], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Without this the page reports usage to Redocly's collector from every reader's browser (the
    // docs test caught its requests); a reference that is read offline must not call out.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
} catch (error) {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
  console.error(`${bundle}: build-docs: Redocly could not build the reference\n${stderr.trim()}`);
  process.exit(1);
}

// Redoc's "API docs by" badge asks Redocly's CDN for its logo on every page view; there is no option
// to drop it. The badge keeps its link, its image becomes a small inline SVG that says the same.
const LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const badge = (text: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#888">${text}</text></svg>`)}`;
let html = readFileSync(output, 'utf8');
html = html.replace(LOGO, (match) => badge(match.endsWith('-full.svg') ? 'Redocly' : 'R'));
// Anything else Redoc would load by itself from Redocly's hosts must show up here, not in readers' logs.
for (const host of ['cdn.redoc.ly']) {
  if (html.includes(host)) {
    console.error(`${output}: build-docs: the page still names ${host}; find the new request and remove it`);
    process.exit(1);
  }
}
// The microversion picker (picker.ts): a bar above the reference, the document without prose for the
// views, the view code, and Redoc's start routed through the picker.
const source = JSON.parse(readFileSync(join(dirname(require.resolve('@novaspec/spec/package.json')), 'dist', 'openapi.source.json'), 'utf8'));
const plain = withActionOperations(source, { replace: true });
const picker = { versions: versionsIn(documentBounds(source)), title: 'OpenStack Compute API v2.1 at microversion {version}' };
const START = "hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));";
if (!html.includes(START) || !html.includes('<div id="redoc">') || !html.includes('</head>')) {
  console.error(`${output}: build-docs: Redoc's page no longer looks as the picker expects (its start call or root element moved)`);
  process.exit(1);
}
html = html
  .replace('</head>', () => `<style>.novaspec-view #redoc{visibility:hidden}</style>\n<script>${linkModules('view')}</script>\n<script>${pickerScript(picker)}</script>\n<script type="application/json" id="novaspec-plain">${scriptJson(plain)}</script>\n</head>`)
  .replace('<div id="redoc">', () => `${pickerBar(picker)}\n      <div id="redoc">`)
  .replace(START, () => "window.novaspecStart(hydrate, __redoc_definition, __redoc_options, document.getElementById('redoc'));");
writeFileSync(output, html);
console.log(`built ${output}`);

const changelog = JSON.parse(readFileSync(require.resolve('@novaspec/spec/changelog.json'), 'utf8')) as Changelog;
writeFileSync(join(out, 'changelog.html'), changelogPage(changelog));
console.log(`built ${join(out, 'changelog.html')} (${changelog.versions.length} microversions)`);
