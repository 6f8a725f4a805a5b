import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type APIResponse, type Browser, type Page } from 'playwright-core';

import { artifactsDir } from './server.js';

export { artifactsDir };

// Debian's Chromium driven by playwright-core; the network is closed, so background traffic is off.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath} (apt-get install -y chromium fonts-noto-cjk)`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const desktop = { width: 1366, height: 768 };
export const phone = { width: 390, height: 844 };

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: false });
}

/**
 * Fails the test on any uncaught page error, failed API call or Content-Security-Policy violation (the
 * pages may run only the server's script files), so broken pages do not pass quietly.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(`csp: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

export const demoPassword = 'Linli@2026';

/** Logs a demo user in on the console's login page. */
export async function loginConsole(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Logs a demo user in on the phone pages (/m/) and waits for the home page. */
export async function loginPhone(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/m/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('h5-home').waitFor();
}

/**
 * Counts the page's requests in flight; `quiet()` resolves once none has been in flight for `quietMs`.
 * Playwright's 'networkidle' waits 500 ms of silence each time, which over a list of ~190 pages checked
 * twice each was minutes of waiting; the pages' own requests all start within a few ms of the previous
 * one ending (a list after its filters, a detail after its list).
 */
export function trackNetwork(page: Page): { quiet(quietMs?: number, timeoutMs?: number): Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  const begin = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const end = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return {
    async quiet(quietMs = 200, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastChange >= quietMs) return;
        await page.waitForTimeout(50);
      }
    },
  };
}

/** The CSRF token of the page's session (its linli_csrf cookie), sent back in x-csrf-token. */
export const csrfOf = async (page: Page): Promise<string> =>
  (await page.context().cookies()).find((c) => c.name === 'linli_csrf')?.value ?? '';

/**
 * Calls the API as the user logged in on `page` (its cookies and CSRF token), to set up or check what a
 * flow needs beside its clicks; an answer of 300 or more fails the test with the server's text.
 */
export async function pageApi<T = Awaited<ReturnType<APIResponse['json']>>>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, {
    method,
    data,
    headers: method === 'GET' ? {} : { 'x-csrf-token': await csrfOf(page) },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}
