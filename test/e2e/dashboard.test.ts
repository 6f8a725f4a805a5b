import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, launchBrowser, loginConsole, phone, screenshot, watchErrors } from './browser.js';

// 数据看板: the numbers on the page are the numbers of the API, and a number opens exactly the
// cases it counts in the case list.

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Last month in Beijing time, as the dashboard's 上月 means it. */
function lastMonth() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
/** The first number in a text (“共 83 件 · 1 件超时” → 83): the list's summary also counts overdue cases. */
const firstNumber = (text: string | null) => Number((/\d[\d,]*/.exec(text ?? '')?.[0] ?? '').replace(/,/g, ''));
const chartsReady = (page: Page) =>
  page.waitForFunction(
    () => document.querySelectorAll('[data-testid="dashboard"] .echart[data-ready="true"]').length >= 3,
    null,
    { timeout: 20_000 },
  );

/** The grid's box with its upper right taken away, leaving an L whose arms are a quarter as thick as the box. */
function lShaped(ring: number[][]) {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [xm, ym] = [x0 + (x1 - x0) / 4, y0 + (y1 - y0) / 4];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, ym],
        [xm, ym],
        [xm, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

/** Whether the middle of the label lies inside the drawn polygon (SVG fill test at that screen point). */
const centreInside = (page: Page, polygon: string, label: string) =>
  page.evaluate(
    ([polygonSelector, labelSelector]) => {
      const path = document.querySelector(polygonSelector) as SVGPathElement;
      const box = document.querySelector(labelSelector)!.getBoundingClientRect();
      const point = new DOMPoint(box.left + box.width / 2, box.top + box.height / 2).matrixTransform(
        path.getScreenCTM()!.inverse(),
      );
      return path.isPointInFill(point);
    },
    [polygon, label] as const,
  );

describe('数据看板 dashboard', () => {
  it('街道干部打开城关街道上月的看板，网格排名里一个网格的受理量点进去，诉求列表正好是这些件', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'street');
    // /dashboard is the home page and the first menu entry for whoever may read cases.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.locator('.side-menu .el-menu-item').first().textContent()).toContain('数据看板');

    await page.getByTestId('period-lastMonth').click();
    const { from, to } = lastMonth();
    await page.waitForURL((url) => url.searchParams.get('period') === 'lastMonth');
    await expect.poll(() => page.getByTestId('dashboard-range').textContent()).toContain(`${from} 至 ${to}`);
    await chartsReady(page);
    // 智能派单 is the county's (the server refuses a street): no card that could only say 未找到, no menu entry.
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('dashboard-dispatch').count()).toBe(0);
    expect(await page.locator('.side-menu').first().textContent()).not.toContain('智能派单');

    // The cards show the API's numbers for the street and the period.
    const summary = await page.evaluate(
      async (q) => (await fetch(`/api/v1/stats/summary?${q}`)).json(),
      `under=610899001&from=${from}&to=${to}`,
    );
    expect(summary.place.name).toBe('城关街道');
    await expect
      .poll(() => page.getByTestId('card-received').getByTestId('card-value').textContent())
      .toBe(summary.current.received.toLocaleString('en-US'));
    await expect
      .poll(() => page.getByTestId('card-overdue').getByTestId('card-value').textContent())
      .toBe(String(summary.overdueOpen));
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard-desktop');

    // The second grid of the ranking (any would do): its volume, and where it leads.
    const link = page.getByTestId('ranking-grids').getByTestId('ranking-received').nth(1);
    await link.scrollIntoViewIfNeeded();
    const grid = await link.getAttribute('data-key');
    const shown = digits(await link.textContent());
    expect(grid).toMatch(/^610899001\d{6}$/);
    expect(shown).toBeGreaterThan(0);
    await link.click();

    await page.waitForURL((url) => url.pathname.startsWith('/cases'));
    const query = new URL(page.url()).searchParams;
    expect(Object.fromEntries(['under', 'from', 'to', 'state'].map((key) => [key, query.get(key)]))).toEqual({
      under: grid,
      from,
      to,
      state: 'all',
    });
    // The API's count of exactly those cases is the number clicked …
    const total = await page.evaluate(
      async (q) => (await (await fetch(`/api/v1/cases?${q}&pageSize=1`)).json()).total,
      `under=${grid}&from=${from}&to=${to}&state=all`,
    );
    expect(total).toBe(shown);
    // … and the case list says so.
    await expect
      .poll(() => page.getByTestId('cases-total').textContent().then(firstNumber), { timeout: 15_000 })
      .toBe(shown);
    await screenshot(page, 'dashboard-click-through');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('手机上看板可用：不横向溢出，卡片与排名都在', async () => {
    const page = await browser.newPage({
      viewport: phone,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    await page.goto(`${baseUrl}/dashboard?period=last30`);
    await page.getByTestId('dashboard').waitFor();
    await chartsReady(page);
    await expect
      .poll(() => page.getByTestId('card-satisfactionRate').getByTestId('card-value').textContent())
      .toMatch(/^(\d+\.\d{2}%|—)$/);
    // 和平社区: its six grids are ranked, no community ranking below a community.
    await expect.poll(() => page.getByTestId('ranking-grids').locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('ranking-communities').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('热力图和网格地图把网格的数字和名字写在网格里面，L形网格也一样', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    // The grid worker's one grid, drawn as a thin L: the middle of its box and its centroid both lie in the bite.
    await page.route('**/api/v1/grids?*', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.items = body.items.map((g: { boundary: { coordinates: number[][][] } }) => ({
        ...g,
        boundary: lShaped(g.boundary.coordinates[0]),
      }));
      await route.fulfill({ response, json: body });
    });
    await loginConsole(page, baseUrl, 'grid');
    await page.goto(`${baseUrl}/dashboard?period=last30`);
    await page.locator('.heat-polygon').waitFor();
    await expect.poll(() => page.locator('.heat-label span').textContent()).toMatch(/\d|—/);
    expect(await centreInside(page, '.heat-polygon', '.heat-label span')).toBe(true);

    await page.goto(`${baseUrl}/grids/map`);
    await page.locator('.grid-polygon').waitFor();
    await page.locator('.grid-label').waitFor();
    expect(await centreInside(page, '.grid-polygon', '.grid-label')).toBe(true);
    await page.waitForTimeout(300);
    await screenshot(page, 'console-grid-map-l-shaped');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('没有诉求权限的账号打开 /dashboard 时到工作台', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    await loginConsole(page, baseUrl, 'receiver');
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL((url) => url.pathname === '/workbench');
    expect(await page.getByTestId('dashboard').count()).toBe(0);
    await page.close();
  });
});

describe('居民议事 numbers and to-do (issue 17)', () => {
  it('社区干部在工作台看到居民议事待办，数字与接口一致，点进去是筛好的议题列表', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    await page.goto(`${baseUrl}/workbench`);
    const panel = page.getByTestId('decide-todo');
    await panel.getByTestId('todo-topicsToScreen').waitFor();
    const todo = (await (await page.request.get(`${baseUrl}/api/v1/deliberation/todo`)).json()) as {
      items: { kind: string; count: number }[];
    };
    expect(todo.items.map((i) => i.kind)).toEqual([
      'topicsToScreen',
      'tasksDue',
      'noticesToApprove',
      'objectionsToAnswer',
      'votesToClose',
      'issuesToHandle',
    ]);
    for (const i of todo.items)
      expect(digits(await panel.getByTestId(`todo-${i.kind}`).locator('.todo__count').textContent())).toBe(i.count);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-workbench-decide-todo');
    await panel.getByTestId('todo-topicsToScreen').click();
    await page.waitForURL((url) => url.pathname === '/decide/topics' && url.searchParams.get('state') === 'screening');
    await page.getByTestId('decide-topics').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('街道干部从数据看板进入居民议事数据：各社区按名称列出，合计与接口一致，可导出', async () => {
    const page = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'street');
    await page.getByTestId('dashboard').waitFor();
    const card = page.getByTestId('dashboard-decide');
    await card.waitFor();
    await card.getByTestId('dashboard-decide-link').click();
    await page.waitForURL((url) => url.pathname === '/decide/numbers');
    const year = new URL(page.url()).searchParams.get('year');
    const table = page.getByTestId('numbers-table');
    await table.locator('.el-table__body tr').first().waitFor();
    const api = (await (await page.request.get(`${baseUrl}/api/v1/deliberation/numbers?year=${year}`)).json()) as {
      items: { communityName: string }[];
      totals: { topicsRaised: number };
    };
    const names = await table.locator('.el-table__body tr td:first-child').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(api.items.map((i) => i.communityName));
    for (const n of names) expect(n).not.toMatch(/\d{6}/);
    const footer = table.locator('.el-table__footer tr td');
    expect((await footer.nth(0).textContent())?.trim()).toBe('合计');
    expect(digits(await footer.nth(1).textContent())).toBe(api.totals.topicsRaised);
    // In the 居民议事 menu too.
    await expect.poll(() => page.locator('.side-menu').textContent()).toContain('居民议事数据');
    const download = page.waitForEvent('download');
    await page.getByTestId('numbers-export').click();
    expect((await download).suggestedFilename()).toBe(`居民议事数据-${year}.xlsx`);
    await screenshot(page, 'console-decide-numbers');
    expect(errors).toEqual([]);
    await page.close();
  });
});
