/**
 * The API reference as a reader gets it: the built page opened in headless Chromium (Debian's
 * package, driven by playwright-core) with every request to another origin than the page's own
 * blocked and recorded, so the test proves the page works offline and reports its readers to nobody.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', 'dist');
let server: Server;
let url: string;
let browser: Browser;
let tab: Page;
const offOrigin: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
    const file = join(dist, name);
    if (!/^[\w.-]+\.html$/.test(name) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  tab = await context.newPage();
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.origin === new URL(url).origin || target.protocol === 'data:' || target.protocol === 'blob:') return route.continue();
    offOrigin.push(`${route.request().method()} ${target.href}`);
    return route.abort();
  });
  const started = performance.now();
  await tab.goto(url);
  await tab.getByRole('heading', { name: 'OpenStack Compute API v2.1' }).first().waitFor({ timeout: 30_000 });
  console.log(`docs: title rendered ${Math.round(performance.now() - started)} ms after navigation`);
}, 60_000);

/** The request body fields of an operation (deep-link paths, `server/host`) as the page shows them. */
async function requestFields(version: string | undefined, section: string) {
  const started = performance.now();
  await tab.goto(`${url}${version ? `?microversion=${version}` : ''}#/${section}`);
  const node = tab.locator(`[data-section-id="/${section}"]`);
  await node.locator('h1, h2').first().waitFor({ timeout: 30_000 });
  const shownMs = Math.round(performance.now() - started);
  // Until Redoc has hydrated the page a click does nothing: click until the body's fields show.
  let fields: string[] = [];
  for (let attempt = 0; attempt < 60 && !fields.some((field) => field.includes('/')); attempt += 1) {
    if (attempt > 0) await tab.waitForTimeout(500);
    // Once expanded the button says "Collapse all": click only while it still offers to expand.
    const expand = node.getByText('Expand all', { exact: true }).first();
    if (await expand.isVisible()) await expand.click({ timeout: 5_000 }).catch(() => undefined);
    fields = await node.locator('a[aria-label^="link to "]').evaluateAll((anchors) => anchors.flatMap((a) => {
      const query = new URLSearchParams((a.getAttribute('href') ?? '').split('/t=')[1] ? `t=${(a.getAttribute('href') ?? '').split('/t=')[1]}` : '');
      return query.get('t') === 'request' ? [query.get('path') ?? ''] : [];
    }));
  }
  const viewMs = Math.round(await tab.evaluate(() => (window as unknown as { novaspecViewMs?: number }).novaspecViewMs ?? 0));
  return { fields, shownMs, viewMs };
}

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

  it('shows exactly 2.74 at ?microversion=2.74: POST /servers with the fields of 2.74 and no others', { timeout: 150_000 }, async () => {
    const at = await requestFields('2.74', 'servers/createserver');
    expect(at.shownMs).toBeLessThan(30_000);
    // New in 2.74: host and hypervisor_hostname; kept: networks (2.37), trusted certificates (2.63).
    expect(at.fields).toEqual(expect.arrayContaining(['server/host', 'server/hypervisor_hostname', 'server/networks', 'server/trusted_image_certificates', 'server/description']));
    // Gone in 2.57 (personality), not yet there at 2.74 (hostname is 2.90).
    expect(at.fields).not.toContain('server/personality');
    expect(at.fields).not.toContain('server/hostname');
    expect(await tab.locator('#novaspec-version').inputValue()).toBe('2.74');
    expect((await tab.locator('body').textContent()) ?? '').toContain('OpenStack Compute API v2.1 at microversion 2.74');
    const before = await requestFields('2.73', 'servers/createserver');
    expect(before.fields).toContain('server/trusted_image_certificates');
    expect(before.fields).not.toContain('server/host');
    expect(before.fields).not.toContain('server/hypervisor_hostname');
    // The all-versions page shows every field with its notes, personality included.
    const all = await requestFields(undefined, 'servers/createserver');
    expect(all.fields).toEqual(expect.arrayContaining(['server/personality', 'server/host', 'server/hostname']));
    console.log(`docs: POST /servers shown at 2.74 in ${at.shownMs} ms (view computed in ${at.viewMs} ms), at 2.73 in ${before.shownMs} ms, all versions in ${all.shownMs} ms`);
  });

  it('switches microversion from the picker, keeping the section, with the choice in the URL', { timeout: 90_000 }, async () => {
    await tab.goto(`${url}?microversion=2.46#/servers/showserver`);
    await tab.getByRole('heading', { name: 'Show a server' }).first().waitFor({ timeout: 30_000 });
    const started = performance.now();
    await tab.locator('#novaspec-version').selectOption('2.47');
    await tab.waitForURL(/microversion=2\.47/);
    await tab.getByRole('heading', { name: 'Show a server' }).first().waitFor({ timeout: 30_000 });
    const switchMs = Math.round(performance.now() - started);
    expect(new URL(tab.url()).hash).toBe('#/servers/showserver');
    expect((await tab.locator('#novaspec-status').textContent()) ?? '').toContain('2.47');
    console.log(`docs: switch 2.46 -> 2.47 (reload, view, render of Show a server) ${switchMs} ms`);
  });

  it('measures the reference: first operation rendered and search ready', { timeout: 150_000 }, async () => {
    for (const version of [undefined, '2.74']) {
      const started = performance.now();
      // Redoc shows one operation per route; the heaviest one, POST /servers, is the one measured.
      await tab.goto(`${url}${version ? `?microversion=${version}` : ''}#/servers/createserver`);
      await tab.getByRole('heading', { name: 'Create a server' }).first().waitFor({ timeout: 60_000 });
      const first = Math.round(performance.now() - started);
      // Redoc's search trigger says "Loading..." until its index is built, then "Search".
      await tab.waitForFunction(() => /search/i.test(document.querySelector('[data-testid="search-trigger"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
      const ready = Math.round(performance.now() - started);
      console.log(`docs: ${version ?? 'all microversions'}: first operation rendered ${first} ms, search ready ${ready} ms after navigation`);
    }
  });

  it('publishes the changelog page: 2.47\'s embedded flavor and 2.64\'s server group policy and rules, linked to the reference', async () => {
    await tab.goto(`${url}changelog.html#v2.47`);
    const v247 = tab.locator('#v2\\.47');
    await expect(v247.textContent()).resolves.toContain('server.flavor.original_name (string, required)');
    const v264 = (await tab.locator('#v2\\.64').textContent()) ?? '';
    expect(v264).toContain('server_group.policy (string, required)');
    expect(v264).toContain('server_group.rules (object)');
    const link = await v247.locator('a', { hasText: 'GET /servers/{server_id}' }).first().getAttribute('href');
    expect(link).toBe('index.html?microversion=2.47#/servers/showserver');
    await v247.locator('a', { hasText: 'GET /servers/{server_id}' }).first().click();
    await tab.getByRole('heading', { name: 'Show a server' }).first().waitFor({ timeout: 30_000 });
    expect(await tab.locator('#novaspec-version').inputValue()).toBe('2.47');
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

  it('sent no request to any other origin than its own (no telemetry, no CDN, no logo)', async () => {
    // Blocked requests are listed by method and URL so that a new outside dependency shows up by name.
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(500);
    expect(offOrigin).toEqual([]);
  });
});
