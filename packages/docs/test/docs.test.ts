/**
 * The API reference as a reader gets it: the built page opened in headless Chromium (Debian's
 * package, driven by playwright-core) with every request off this machine blocked, so the test
 * proves the page works offline.
 */
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const page = join(import.meta.dirname, '..', 'dist', 'index.html');
let server: Server;
let url: string;
let browser: Browser;
let tab: Page;
let profile: string;
const offMachine: string[] = [];

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(page).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  profile = mkdtempSync(join(tmpdir(), 'novaspec-chromium-'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
  });
  tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await tab.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === '127.0.0.1' || target.protocol === 'data:' || target.protocol === 'blob:') return route.continue();
    offMachine.push(target.href);
    return route.abort();
  });
  const started = performance.now();
  await tab.goto(url);
  await tab.getByText('Show server details', { exact: false }).first().waitFor({ timeout: 30_000 });
  console.log(`docs: first operation rendered ${Math.round(performance.now() - started)} ms after navigation`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('the API reference page', () => {
  it('renders without the network (Redoc inlined)', async () => {
    await expect(tab.title()).resolves.toContain('OpenStack Compute API');
    expect(await tab.locator('h1').first().textContent()).toContain('OpenStack Compute API');
  });

  it('lists the servers operations in the navigation', async () => {
    const nav = (await tab.locator('[role=navigation], nav, .menu-content').first().textContent()) ?? '';
    for (const summary of ['List servers', 'Create server', 'Show server details', 'Update server', 'Delete server']) {
      expect(nav.toLowerCase()).toContain(summary.toLowerCase());
    }
  });

  it('shows microversion prose generated from the data', async () => {
    await tab.getByText('Show server details', { exact: false }).first().click();
    const text = (await tab.locator('body').textContent()) ?? '';
    expect(text).toMatch(/Changes at microversions: 2\.3, 2\.9/);
    expect(text).toMatch(/New in microversion 2\.\d+/);
    await tab.screenshot({ path: join(tmpdir(), 'novaspec-docs.png') });
  });

  it('needed nothing from off this machine to render', () => {
    // Blocked requests are listed so that a new outside dependency shows up here by name.
    expect(offMachine.filter((href) => !href.startsWith('https://fonts.'))).toEqual([]);
  });
});
