// Shared browser-test harness: the same server `npm start` runs, Debian's Chromium through playwright-core
// (no browser download), screenshots to test-output/, and a record of console errors (none may occur).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '../../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shotsDir = join(root, 'test-output', 'screenshots');

export async function openConsole({ width = 1280, height = 800 } = {}) {
  mkdirSync(shotsDir, { recursive: true });
  // The console with the local gateway and the signing proxy, as `npm start` runs them (on free ports).
  const stack = await startStack({ port: 0, gatewayPort: 0 });
  const { url } = stack;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const consoleErrors = [];
  // Confirmations (overwrite the payload?) are accepted, and recorded for the tests that expect one.
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // Every URL the page asked for, in order (what the console loads, and when).
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  const close = async () => { await browser.close(); await stack.close(); };
  const shot = (name) => page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
  return { page, url, gatewayUrl: stack.gateway.url, consoleErrors, dialogs, requests, close, shot };
}
