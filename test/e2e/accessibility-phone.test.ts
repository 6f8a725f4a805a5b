import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, smallestFont, type AxeFinding } from './axe.js';
import { launchBrowser, loginPhone, phone, screenshot, watchErrors } from './browser.js';
import { phonePages } from './pages/phone.js';

// Issue 18: every phone page of every staff role (the list in pages/phone.ts) has no serious or
// critical axe-core violation (WCAG 2.1 A/AA) and no text smaller than 12 px. One browser; each
// login has one context, logged in once, and opens its pages one after another.

const baseUrl = inject('baseUrl');
const minStaffFont = 12;

let browser: Browser;
const sessions = new Map<string, { context: BrowserContext; page: Page; errors: string[] }>();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of sessions.values()) await s.context.close().catch(() => {});
  await browser?.close();
});

async function sessionOf(login: string) {
  let s = sessions.get(login);
  if (!s) {
    const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // A missing list or button fails its page in seconds, not after Playwright's half minute.
    page.setDefaultTimeout(15_000);
    const errors = watchErrors(page);
    await loginPhone(page, baseUrl, login);
    s = { context, page, errors };
    sessions.set(login, s);
  }
  return s;
}

const describeFindings = (name: string, findings: AxeFinding[]) =>
  findings.map((f) => `${name}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.join(' | ')}`);

const logins = [...new Set(phonePages.map((p) => p.login!))];

describe('手机页面无障碍 phone pages are accessible (issue 18)', () => {
  for (const login of logins) {
    describe(login, () => {
      for (const pageCase of phonePages.filter((p) => p.login === login)) {
        it(pageCase.name, async ({ onTestFailed }) => {
          const { page, errors } = await sessionOf(login);
          // A picture of the page only when it fails (as in accessibility-console.test.ts).
          onTestFailed(() => screenshot(page, pageCase.name.replaceAll('/', '-')));
          await page.goto(`${baseUrl}${pageCase.path}`);
          await pageCase.ready?.(page);
          expect.soft(describeFindings(pageCase.name, await axeViolations(page))).toEqual([]);
          const font = await smallestFont(page);
          expect
            .soft(font.px, `smallest font on ${pageCase.name}: "${font.text}"`)
            .toBeGreaterThanOrEqual(minStaffFont);
          expect(errors.splice(0)).toEqual([]);
        });
      }
    });
  }
});
