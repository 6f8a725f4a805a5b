import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, phone, screenshot, watchErrors } from './browser.js';

// 社区公开页: a resident opens 和平社区's public page from its poster on a phone, without logging in,
// sees the month's rates and the public reports on the map, answers 切换到大字模式? with yes, and
// after a reload the page is still in large text.

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('社区公开页 — no login, on a phone', () => {
  it('不登录打开和平社区公开页：看到三率和地图上的公开反映，切换大字模式后刷新仍是大字', async () => {
    const page = await browser.newPage({ viewport: phone, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/m/c/610899001001`);
    await page.getByTestId('public-community-name').waitFor();
    expect(await page.getByTestId('public-community-name').textContent()).toBe('和平社区');
    expect(await page.getByTestId('public-rate-response').textContent()).toMatch(/响应率\s*(\d+%|—)/);
    expect(await page.getByTestId('public-rate-satisfaction').textContent()).toContain('满意率');
    await expect.poll(() => page.locator('.report-marker').count()).toBeGreaterThan(0);
    // The dots stand on the offline base map (roads and blocks drawn by Leaflet), no tiles, no “no base map” note.
    await expect.poll(() => page.locator('.leaflet-base-pane path').count()).toBeGreaterThan(3);
    expect(await page.getByText('暂无底图数据').count()).toBe(0);
    expect(await page.getByTestId('public-reports').locator('li').count()).toBeGreaterThan(0);

    // The first visit asks once; yes switches at once and is remembered on the device.
    await page.getByTestId('elder-ask-yes').click();
    expect(await page.getByTestId('elder-switch').getAttribute('aria-checked')).toBe('true');
    await page.reload();
    await page.getByTestId('public-community-name').waitFor();
    expect(await page.getByTestId('elder-ask').count()).toBe(0);
    expect(await page.getByTestId('elder-switch').getAttribute('aria-checked')).toBe('true');
    const sizes = await page.evaluate(() =>
      ['body', '.pp-report__text strong', '.pp-report__meta', '.pp-rate__hint'].map((s) =>
        parseFloat(getComputedStyle(document.querySelector(s)!).fontSize),
      ),
    );
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'phone-public-page-elder');
    await page.locator('.leaflet-base-pane').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-public-page-map');
    expect(errors).toEqual([]);
  });
});
