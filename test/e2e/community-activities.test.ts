import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginConsole, loginPhone, phone, screenshot, watchErrors, csrfOf } from './browser.js';

// 志愿活动 扫码签到 (issue 16): 和平社区's worker publishes an activity that is on now and prints its
// QR; the demo volunteer (郑小红) on a 390×844 phone opens the QR's address, is checked in at once,
// checks out, and finds the activity and her hours on 我的志愿时长.

const baseUrl = inject('baseUrl');
const tag = Math.random().toString(36).slice(2, 7);
const title = `扫码签到演练${tag}`;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The API as the page's logged-in user (cookies and the CSRF token of its context). */
async function call(page: Page, method: 'GET' | 'POST', url: string, data?: object) {
  const csrf = await csrfOf(page);
  const res = await page.request.fetch(`${baseUrl}/api/v1${url}`, {
    method,
    data,
    headers: method === 'POST' ? { 'x-csrf-token': csrf } : {},
  });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

describe('志愿活动 — check in by the QR on the phone', () => {
  it('社工发布正在进行的活动并出示二维码 → 志愿者手机扫码即签到 → 签退 → 我的志愿时长里有这次活动', async () => {
    const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginConsole(desk, baseUrl, 'community');
    const now = Date.now();
    const created = await call(desk, 'POST', '/community/volunteers/activities', {
      communityCode: '610899001001',
      title,
      address: '和平社区党群服务中心',
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 2 * 60 * 60_000).toISOString(),
      signupDeadline: new Date(now + 60 * 60_000).toISOString(),
      capacity: 20,
    });
    await call(desk, 'POST', `/community/volunteers/activities/${created.id}/publish`, {});

    // The console shows the QR in the activity's detail.
    await desk.goto(`${baseUrl}/community/activities`);
    await desk.getByTestId('activity-table').getByText(title).click();
    await desk.getByTestId('activity-qr').waitFor();
    await desk.waitForTimeout(400);
    await screenshot(desk, 'console-activity-qr');
    const qr = await call(desk, 'GET', `/community/volunteers/activities/${created.id}/checkin-qr`);
    const path = new URL(qr.url).pathname;
    expect(path).toMatch(/^\/m\/activity-checkin\/[\w-]{16,}$/);

    const page = await browser.newPage({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const errors = watchErrors(page);
    await loginPhone(page, baseUrl, 'volunteer');
    // The home page has the tile.
    await page.getByTestId('entry-activities').waitFor();

    // Scanning the QR opens its address: checked in at once.
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId('activity-checked-in').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('h5-activity-checkin').textContent()).toContain('签到成功');
    expect(await page.getByTestId('h5-activity-checkin').textContent()).toContain(title);
    await screenshot(page, 'phone-activity-checked-in');

    await page.getByTestId('activity-checkout').click();
    await page.getByTestId('activity-served').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('activity-served').textContent()).toMatch(/已签退，本次服务 \d+ 分钟/);
    await screenshot(page, 'phone-activity-checked-out');

    // 我的志愿时长: the year's hours (her demo activities) and this activity listed.
    await page.getByText('我的志愿时长').click();
    await page.getByTestId('my-hours-total').waitFor();
    const hoursText = (await page.getByTestId('h5-volunteer-hours').textContent()) ?? '';
    expect(hoursText).toContain(title);
    expect(Number((await page.getByTestId('my-hours-total').locator('b').textContent()) ?? '0')).toBeGreaterThan(0);
    await screenshot(page, 'phone-volunteer-hours');

    // A second scan changes nothing and says so plainly.
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId('activity-served').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
