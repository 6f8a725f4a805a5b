import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shortDateTime } from '../../src/web/common/case-time.js';
import { desktop, launchBrowser, loginConsole, phone, screenshot, watchErrors, pageApi } from './browser.js';

// 事项分类: the county administrator lengthens a category's resolve limit in the console; the
// history drawer shows the change, and a case filed afterwards in that category gets the new
// deadline when it is dispatched.

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const api = (page: Page, method: 'GET' | 'POST', path: string, data?: unknown) =>
  pageApi(page, baseUrl, method, path, data);
const row = (page: Page, name: string) => page.locator('.el-table__row').filter({ hasText: name }).first();

describe('事项分类 — categories in the console', () => {
  it('管理员把“电梯故障”的办结时限改为 2 天，修改记录可查，此后登记的诉求派单后按 2 天计', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/cases/categories`);
    await row(page, '电梯故障').waitFor();
    expect(await page.getByTestId('categories-page').textContent()).toContain('导入国标分类');
    await screenshot(page, 'console-categories');

    await row(page, '电梯故障').getByTestId('category-edit').click();
    const dialog = page.getByTestId('category-dialog');
    await dialog.getByTestId('category-name').waitFor();
    expect(await dialog.getByTestId('category-name').inputValue()).toBe('电梯故障');
    const resolve = dialog.getByTestId('category-resolve');
    await resolve.locator('input').first().fill('2');
    await resolve.locator('.el-select').click();
    const days = page.locator('.el-select-dropdown__item:visible').filter({ hasText: /^天$/ });
    await days.waitFor();
    await page.waitForTimeout(200); // the dropdown is still sliding open
    await days.click();
    await screenshot(page, 'console-category-edit');
    await dialog.getByTestId('category-save').click();
    await expect.poll(() => row(page, '电梯故障').getByTestId('category-resolve-cell').textContent()).toBe('48 小时');

    await row(page, '电梯故障').getByTestId('category-history-open').click();
    const drawer = page.getByTestId('category-history');
    await expect.poll(() => drawer.textContent(), { timeout: 10_000 }).toContain('1 天 → 2 天');
    expect(await drawer.textContent()).toContain('系统管理员');
    await page.waitForTimeout(300);
    await screenshot(page, 'console-category-history');

    // A new case in 电梯故障, accepted and dispatched: its resolve deadline is two days on.
    const filed = await api(page, 'POST', '/cases', {
      channel: 'hotline',
      placeCode: '610899001001',
      categoryCode: 'elevator',
      description: '5号楼电梯停在三楼不动了，老人上不去楼',
    });
    await api(page, 'POST', `/cases/${filed.id}/actions/accept`, {});
    const departments = (await api(page, 'GET', '/departments')).items as { id: string; name: string }[];
    const before = Date.now();
    await api(page, 'POST', `/cases/${filed.id}/actions/dispatch`, {
      target: { kind: 'department', id: departments.find((d) => d.name === '县城市管理局')!.id },
    });
    const after = Date.now();
    const detail = await api(page, 'GET', `/cases/${filed.id}`);
    const due = new Date(detail.deadlines.resolve).getTime();
    const twoDays = 48 * 3_600_000;
    expect(due).toBeGreaterThanOrEqual(before - 60_000 + twoDays);
    expect(due).toBeLessThanOrEqual(after + twoDays);

    await page.goto(`${baseUrl}/cases/${filed.id}`);
    await expect
      .poll(() => page.getByTestId('case-deadlines').textContent(), { timeout: 10_000 })
      .toContain(shortDateTime(detail.deadlines.resolve, 'zh-CN'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('手机宽度下也能看清分类和时限', async () => {
    const page = await browser.newPage({ viewport: phone, locale: 'zh-CN', deviceScaleFactor: 2 });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/cases/categories`);
    await row(page, '电梯故障').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'console-categories-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
