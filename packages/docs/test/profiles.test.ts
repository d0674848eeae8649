/**
 * The vendor profile pages (issue 15) as a reader gets them: each page opened in headless Chromium,
 * offline as the upstream reference is tested, with the vendor's additions listed and labelled.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', 'dist', 'profiles');
let server: Server;
let base: string;
let browser: Browser;
let tab: Page;
const offMachine: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const profile = (request.url ?? '/').split('/')[1] ?? '';
    const file = join(dist, profile, 'index.html');
    if (!/^[a-z-]+$/.test(profile) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(profile: string, hash: string, heading: string): Promise<string> {
  await tab.goto(`${base}/${profile}/${hash}`);
  await tab.getByRole('heading', { name: heading }).first().waitFor({ timeout: 30_000 });
  return pageText();
}

/** What the reader sees (innerText leaves out the inlined scripts that textContent would include). */
async function pageText(): Promise<string> {
  return tab.locator('body').evaluate((body) => (body as HTMLElement).innerText);
}

describe('the VHI profile page', () => {
  it('names the profile and lists what it adds, each with its seed', async () => {
    const text = await open('vhi', '', 'OpenStack Compute API v2.1, VHI profile');
    expect(await tab.title()).toContain('VHI profile');
    expect(text).toContain('What this profile adds');
    for (const where of ['Server.vcpu_model (schema)', 'Server.hci_info (schema)', 'ServerAttachedVolume.size (schema)', 'ServerUpdateRequest.server (schema)', 'PUT /servers/{server_id} (requestBody)']) {
      expect(text.includes(where), where).toBe(true);
    }
    expect(text.includes('traced to 000_f4471d285d978c3d.txt'), 'the seed named').toBe(true);
  });

  it('shows the VHI fields, labelled, in "Show a server"', async () => {
    const sample = await open('vhi', '#/servers/showserver', 'Show a server');
    expect(sample.includes('vcpu_model'), 'vcpu_model in the answer sample').toBe(true);
    expect(sample.includes('guest_agent'), 'guest_agent in the answer sample').toBe(true);
    await tab.getByText(/Show \d+ properties/).first().click();
    const text = await pageText();
    expect(/VHI\.\s*The virtual CPU model/.test(text), 'the labelled description of vcpu_model').toBe(true);
    expect(/VHI\.\s*The size of the root disk/.test(text), 'the labelled description of root_gb').toBe(true);
  });
});

describe('the Huawei BMS profile page', () => {
  it('lists the Huawei fields and the page\'s constraints in "List servers with details"', async () => {
    const text = await open('huawei-bms', '#/servers/listserversdetail', 'List servers with details');
    for (const field of ['sys_tags', 'enterprise_project_id', 'os:scheduler_hints']) expect(text.includes(field), field).toBe(true);
    expect(/Huawei BMS:\s*when image is given, no other filter and no paging applies/.test(text), 'the image constraint').toBe(true);
    expect(/elastic cloud servers \(ECS\)/.test(text), 'the ECS and BMS constraint').toBe(true);
  });

  it('needed nothing from off this machine to render either page', () => {
    expect(offMachine.filter((href) => !href.startsWith('https://cdn.redoc.ly/redoc/logo'))).toEqual([]);
  });
});
