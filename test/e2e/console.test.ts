import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, launchBrowser, loginConsole, phone, screenshot, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('登录页 login pages', () => {
  it('没有登录时不问“我是谁”：后台、手机和居民页的控制台里没有 401', async () => {
    for (const [path, ready] of [
      ['/login', 'login-submit'],
      ['/m/login', 'login-submit'],
      ['/r/610899001001', 'report-submit'],
    ] as const) {
      const page = await browser.newPage({ viewport: path === '/login' ? desktop : phone, locale: 'zh-CN' });
      const errors = watchErrors(page);
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') failed.push(`console: ${m.text()}`);
      });
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId(ready).waitFor();
      await page.waitForLoadState('networkidle');
      expect(failed, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });
});

describe('管理后台 console', () => {
  it('社区工作者登录，打开网格地图，看到网格，然后退出', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/grids/map`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('community');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('用户名或密码不正确').count()).toBeGreaterThan(0);
    await page.getByTestId('login-password').fill('Linli@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/grids/map`);
    await page.getByTestId('grid-map').waitFor();
    // 和平社区 has six grids in the demo county.
    await expect.poll(() => page.locator('.grid-polygon').count(), { timeout: 15_000 }).toBe(6);
    await expect.poll(() => page.getByText('和平社区第一网格').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await screenshot(page, 'console-grid-map');

    await page.locator('.grid-polygon').first().click({ force: true });
    await expect.poll(() => page.getByText('户').count()).toBeGreaterThan(0);

    const menu = page.getByTestId('user-menu');
    if (await menu.count()) await menu.click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('社区工作者看到的是名字，不是代码：部门的所属街道、权责清单的街道', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    await page.goto(`${baseUrl}/departments`);
    const table = page.getByTestId('departments-table');
    await expect.poll(() => table.getByText('城关司法所').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => table.getByText('城关街道').count()).toBeGreaterThan(0);
    expect(await table.getByText('610899001', { exact: true }).count()).toBe(0);
    await screenshot(page, 'console-departments');

    // 权责清单 opens on the worker's own street, named (a fixed field: el-input puts the test id on its input)
    await page.goto(`${baseUrl}/duty-lists`);
    await expect.poll(() => page.getByTestId('duty-street').inputValue(), { timeout: 15_000 }).toBe('城关街道');
    await screenshot(page, 'console-duty-lists');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('网格员只能看到自己的网格', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('grid');
    await page.getByTestId('login-password').fill('Linli@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}/grids/map`);
    await page.getByTestId('grid-map').waitFor();
    await expect.poll(() => page.locator('.grid-polygon').count(), { timeout: 15_000 }).toBe(1);
    await page.close();
  });
});

describe('手机端 phone pages', () => {
  it('网格员在手机上登录，看到首页', async () => {
    const page = await browser.newPage({
      viewport: phone,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/m/`);
    await page.getByTestId('login-username').fill('grid');
    await page.getByTestId('login-password').fill('Linli@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('h5-home').waitFor();
    await expect.poll(() => page.getByText('张伟').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('和平社区第一网格').count()).toBeGreaterThan(0);
    // Nothing sticks out sideways on a small phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'phone-home');
    expect(errors).toEqual([]);
    await page.close();
  });
});
