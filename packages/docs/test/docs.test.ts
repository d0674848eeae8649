/**
 * The API reference as a reader gets it: the built page opened in headless Chromium (Debian's
 * package, driven by playwright-core) with every request off this machine blocked, so the test
 * proves the page works offline.
 */
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const page = join(import.meta.dirname, '..', 'dist', 'index.html');
let server: Server;
let url: string;
let browser: Browser;
let tab: Page;
const offMachine: string[] = [];

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(page).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
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
  await tab.getByRole('heading', { name: 'OpenStack Compute API v2.1' }).first().waitFor({ timeout: 30_000 });
  console.log(`docs: title rendered ${Math.round(performance.now() - started)} ms after navigation`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the API reference page', () => {
  it('renders without the network (Redoc inlined)', async () => {
    await expect(tab.title()).resolves.toContain('OpenStack Compute API');
    expect(await tab.locator('h1').first().textContent()).toContain('OpenStack Compute API');
  });

  it('lists the servers operations in the navigation', async () => {
    await tab.getByText('Servers', { exact: true }).first().click();
    const links = await tab.locator('a').evaluateAll((anchors) => anchors.map((a) => a.textContent ?? ''));
    for (const summary of ['List servers', 'List servers with details', 'Create a server', 'Show a server', 'Update a server', 'Delete a server']) {
      expect(links.some((text) => text.startsWith(summary)), summary).toBe(true);
    }
  });

  it('shows microversion prose generated from the data', async () => {
    const started = performance.now();
    await tab.goto(`${url}#/servers/showserver`);
    await tab.getByRole('heading', { name: 'Show a server' }).first().waitFor({ timeout: 30_000 });
    console.log(`docs: "Show a server" rendered ${Math.round(performance.now() - started)} ms after navigation`);
    const text = (await tab.locator('body').textContent()) ?? '';
    expect(text).toMatch(/Changes at microversions: 2\.3, 2\.9/);
    expect(text).toMatch(/New in microversion 2\.\d+/);
    await tab.screenshot({ path: join(tmpdir(), 'novaspec-docs.png') });
  });

  it('gives every server action its own entry, with its own request and answer', async () => {
    await tab.goto(`${url}#/server-actions`);
    await tab.getByRole('heading', { name: 'Server actions' }).first().waitFor({ timeout: 30_000 });
    const links = await tab.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    const actionLinks = new Set(links.filter((href) => href.startsWith('#/server-actions/')).map((href) => href.split('#')[1]));
    expect(actionLinks.size).toBeGreaterThanOrEqual(41);
    await tab.goto(`${url}#/server-actions/createserverimage`);
    await tab.getByRole('heading', { name: 'Create an image from a server' }).first().waitFor({ timeout: 30_000 });
    const text = (await tab.locator('body').textContent()) ?? '';
    expect(text).toContain('Sent as POST /servers/{server_id}/action with a JSON body whose only key is createImage.');
    expect(text).toMatch(/Changes at microversions: 2\.45/);
  });

  it('groups the removed APIs apart in the navigation, after the live ones', async () => {
    await tab.goto(url);
    await tab.getByRole('heading', { name: 'OpenStack Compute API v2.1' }).first().waitFor({ timeout: 30_000 });
    const menu = (await tab.locator('.menu-content').first().textContent()) ?? '';
    const at = (text: string) => menu.indexOf(text);
    expect(at('Compute API')).toBeGreaterThanOrEqual(0);
    expect(at('Removed APIs')).toBeGreaterThan(at('Compute API'));
    // Every removed group sits after the heading, every proxy and live group before it.
    for (const removed of ['Cells v1 (removed)', 'Network management (removed)', 'Default security group rules (removed)']) {
      expect(at(removed), removed).toBeGreaterThan(at('Removed APIs'));
    }
    for (const live of ['Servers', 'Security groups (proxy, removed at 2.36)', 'Bare metal nodes (proxy, removed at 2.36)', 'Networks (proxy, removed at 2.36)']) {
      expect(at(live), live).toBeGreaterThanOrEqual(0);
      expect(at(live), live).toBeLessThan(at('Removed APIs'));
    }
  });

  it('needed nothing from off this machine to render', () => {
    // Blocked requests are listed so that a new outside dependency shows up here by name. The one
    // known: Redoc's "API docs by" badge loads Redocly's logo; blocked, the page is unaffected.
    expect(offMachine.filter((href) => !href.startsWith('https://cdn.redoc.ly/redoc/logo'))).toEqual([]);
  });
});
