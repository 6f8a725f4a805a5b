import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, launchBrowser, loginConsole, phone, screenshot, watchErrors, csrfOf } from './browser.js';

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

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
/** The screen boxes of the elements matched that are shown (not hidden by the label decluttering). */
const shownBoxes = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter((e) => getComputedStyle(e).visibility !== 'hidden')
        .map((e) => ({ ...e.getBoundingClientRect().toJSON(), text: e.textContent ?? '' }) as Box & { text: string }),
    );

describe('地图 maps', () => {
  it('社区的网格地图：有底图（不联网），图例不挡网格，每个网格的名字都看得见', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    await page.goto(`${baseUrl}/grids/map`);
    await expect.poll(() => page.locator('.grid-polygon').count(), { timeout: 15_000 }).toBe(6);
    // The base map: the demo county's roads and blocks drawn by Leaflet in its own pane, no tiles.
    await expect.poll(() => page.locator('.leaflet-base-pane path').count()).toBeGreaterThan(20);
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(await page.getByText('未配置底图').count()).toBe(0);
    await page.waitForTimeout(300); // the view settles after the fit
    const legend = (await page.getByTestId('grid-legend').evaluate((e) => e.getBoundingClientRect().toJSON())) as Box;
    const grids = await shownBoxes(page, '.grid-polygon');
    expect(grids).toHaveLength(6);
    for (const grid of grids) expect(overlaps(legend, grid)).toBe(false);
    // Clear of the zoom buttons too.
    const zoom = (await page
      .locator('.leaflet-control-zoom')
      .evaluate((e) => e.getBoundingClientRect().toJSON())) as Box;
    for (const grid of grids) expect(overlaps(zoom, grid)).toBe(false);
    const labels = await shownBoxes(page, '.grid-label');
    expect(labels.map((l) => l.text).sort()).toEqual(
      ['一', '二', '三', '四', '五', '六'].map((n) => `和平社区第${n}网格`).sort(),
    );
    await screenshot(page, 'map-community');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('全县的网格地图：远看显示社区名，放大看网格名，名字互不遮挡', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/grids/map?under=610899`);
    await expect.poll(() => page.locator('.grid-polygon').count(), { timeout: 15_000 }).toBe(36);
    await expect.poll(() => page.locator('.leaflet-base-pane path').count()).toBeGreaterThan(20);
    expect(await page.getByText('未配置底图').count()).toBe(0);
    // 36 grid names do not fit at county zoom: the seven communities' names stand for them, and say so.
    await expect.poll(async () => (await shownBoxes(page, '.community-label span')).length).toBe(7);
    await page.getByTestId('grid-label-hint').waitFor();
    const far = [...(await shownBoxes(page, '.community-label span')), ...(await shownBoxes(page, '.grid-label'))];
    for (const [i, a] of far.entries())
      for (const b of far.slice(i + 1)) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
    const legend = (await page.getByTestId('grid-legend').evaluate((e) => e.getBoundingClientRect().toJSON())) as Box;
    for (const grid of await shownBoxes(page, '.grid-polygon')) expect(overlaps(legend, grid)).toBe(false);
    await screenshot(page, 'map-county');

    // Zoomed in, grid names come back, still none covering another.
    for (let i = 0; i < 3; i++) {
      await page.locator('.leaflet-control-zoom-in').click();
      await page.waitForTimeout(400);
    }
    await expect.poll(async () => (await shownBoxes(page, '.grid-label')).length).toBeGreaterThan(3);
    await page.getByTestId('grid-label-hint').waitFor({ state: 'detached' });
    const near = await shownBoxes(page, '.grid-label');
    for (const [i, a] of near.entries())
      for (const b of near.slice(i + 1)) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
    await screenshot(page, 'map-county-zoomed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('诉求详情的位置图画在底图上', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    const csrf = await csrfOf(page);
    const res = await page.request.post(`${baseUrl}/api/v1/cases`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        channel: 'hotline',
        placeCode: '610899001001',
        lng: 108.7865,
        lat: 37.5853,
        description: '路灯不亮，晚上出门看不清路',
        reporterName: '刘阿姨',
        reporterPhone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      },
    });
    expect(res.status()).toBe(201);
    const created = (await res.json()) as { id: string };
    await page.goto(`${baseUrl}/cases/${created.id}`);
    await page.getByTestId('case-map').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="case-map"] .leaflet-base-pane path').count())
      .toBeGreaterThan(3);
    expect(await page.getByText('未配置底图').count()).toBe(0);
    await page.getByTestId('case-map').scrollIntoViewIfNeeded();
    await screenshot(page, 'map-case');
    expect(errors).toEqual([]);
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
