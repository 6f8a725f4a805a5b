import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, smallestFont } from './axe.js';
import { desktop, launchBrowser, loginConsole, screenshot, trackNetwork, watchErrors } from './browser.js';
import { consolePages } from './pages/console.js';
import type { PageCase } from './pages/index.js';

// Issue 18: every console page (the list in pages/console.ts, per role) has no serious or critical
// axe-core violation of WCAG 2.1 A/AA and no visible text under 12 px, at 1366×768 with its data shown.
// One browser; one context and one login per user, its pages opened one after another in one tab.

const baseUrl = inject('baseUrl');
const minFontPx = 12;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Waits until the page has its data: no request in flight, no loading mask or skeleton on screen. */
async function settle(page: Page, network: ReturnType<typeof trackNetwork>, pageCase: PageCase) {
  await page.waitForLoadState('load');
  await network.quiet();
  await page
    .locator('.el-loading-mask, .el-skeleton')
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .catch(() => undefined);
  await pageCase.ready?.(page);
  await network.quiet();
  // Element Plus' transitions (dialogs, drawers, tabs) end within 300 ms.
  await page.waitForTimeout(350);
}

const byLogin = new Map<string | null, PageCase[]>();
for (const pageCase of consolePages) byLogin.set(pageCase.login, [...(byLogin.get(pageCase.login) ?? []), pageCase]);

for (const [login, cases] of byLogin) {
  describe(`console pages of ${login ?? 'no login'}`, () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let network: ReturnType<typeof trackNetwork>;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: desktop, locale: 'zh-CN' });
      page = await context.newPage();
      network = trackNetwork(page);
      errors = watchErrors(page);
      if (login) await loginConsole(page, baseUrl, login);
    });
    afterAll(() => context?.close());

    for (const pageCase of cases) {
      it(`${pageCase.name} (${pageCase.path}) has no serious axe violation and no text under ${minFontPx}px`, async ({
        onTestFailed,
      }) => {
        errors.length = 0;
        // A picture of the page only when it fails: ~100 pages' pictures on every run cost time nobody looked at.
        onTestFailed(() => screenshot(page, `a11y-${pageCase.name.replaceAll('/', '-')}`));
        const path = pageCase.resolve ? await pageCase.resolve(page, baseUrl) : pageCase.path;
        await page.goto(`${baseUrl}${path}`);
        await settle(page, network, pageCase);

        const findings = await axeViolations(page);
        const report = findings.map(
          (f) => `${pageCase.name}: ${f.rule} (${f.impact}) ${f.help} at ${f.targets.join(' | ')}`,
        );
        expect(report).toEqual([]);
        const font = await smallestFont(page);
        expect(font.px, `${pageCase.name}: smallest text "${font.text}"`).toBeGreaterThanOrEqual(minFontPx);
        expect(errors).toEqual([]);
      });
    }
  });
}
