import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginConsole, phone, screenshot, watchErrors, csrfOf } from './browser.js';

// 志愿服务队 in the console (issue 14): the community worker of 和平社区 sets up a home-service team
// with the demo volunteer (郑小红) as its leader, finds it in the list (table on a desktop, cards on
// a phone), and sends a case to it from the case page (派单 → 志愿服务队).

const baseUrl = inject('baseUrl');
const tag = Math.random().toString(36).slice(2, 7);
const teamName = `和平社区上门服务队${tag}`;
const communityCode = '610899001001';
const wide = { width: 1366, height: 900 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The API as the page's logged-in user (cookies and the CSRF token of its context). */
async function post(page: Page, url: string, data: object) {
  const csrf = await csrfOf(page);
  const res = await page.request.post(`${baseUrl}/api/v1${url}`, { data, headers: { 'x-csrf-token': csrf } });
  if (!res.ok()) throw new Error(`POST ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Picks the option with `text` from an Element Plus select opened by clicking `testId`. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  const option = page.locator('.el-select-dropdown__item:visible').filter({ hasText: text });
  await option.first().waitFor();
  await page.waitForTimeout(200); // the dropdown is still sliding open
  await option.first().click();
}

describe('志愿服务队 — the console page', () => {
  it('社工新建服务队（队长从志愿者账号中选）→ 列表里有 → 诉求派单时可选它并派给它', async () => {
    const page = await browser.newPage({ viewport: wide, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    await page.goto(`${baseUrl}/people/volunteer-teams`);
    await page.getByTestId('teams-table').waitFor();
    // What a team is for is said on the page.
    expect(await page.getByTestId('teams-intro').textContent()).toContain('上门服务');

    // New team: the place is the worker's own community; the leader comes from the volunteer accounts.
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-form').waitFor();
    expect(await page.getByTestId('team-accounts-hint').textContent()).toContain('用户管理');
    await page.getByTestId('team-phone').fill('0912-3456789');
    await choose(page, 'team-leader', '郑小红');
    // What the server refuses is said in the dialog, which stays open with what was typed.
    await page.getByTestId('team-name').fill(`服务队\u0007${tag}`);
    await page.getByTestId('team-submit').click();
    await page.getByTestId('team-error').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('team-error').textContent()).toContain('队名：含有不可见的控制字符');
    expect(await page.getByTestId('team-leader').textContent()).toContain('郑小红');
    await screenshot(page, 'console-team-error');
    await page.getByTestId('team-name').fill(teamName);
    await page.waitForTimeout(300);
    await screenshot(page, 'console-team-form');
    await page.getByTestId('team-submit').click();
    await page.getByTestId('team-form').waitFor({ state: 'hidden', timeout: 10_000 });

    const row = page.getByTestId('teams-table').locator('tr').filter({ hasText: teamName });
    await row.waitFor({ timeout: 10_000 });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('和平社区');
    expect(rowText).toContain('郑小红');
    expect(rowText).toContain('0912-3456789');
    await page.waitForTimeout(300);
    await screenshot(page, 'console-teams');

    // Editing opens with what was saved; an empty name cannot be sent.
    await row.getByTestId('team-edit').click();
    await page.getByTestId('team-form').waitFor();
    expect(await page.getByTestId('team-name').inputValue()).toBe(teamName);
    expect(await page.getByTestId('team-leader').textContent()).toContain('郑小红');
    await page.getByTestId('team-name').fill('   ');
    expect(await page.getByTestId('team-submit').isDisabled()).toBe(true);
    await page.getByTestId('team-form').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('team-form').waitFor({ state: 'hidden' });

    // A case of 和平社区, accepted; 派单 offers the new team, and the case goes to it.
    const created = await post(page, '/cases', {
      channel: 'hotline',
      placeCode: communityCode,
      categoryCode: 'garbage',
      description: `独居老人家门口的垃圾一周没人清，需要上门帮忙（${tag}）`,
      address: '和平社区2号楼',
      reporterName: '王阿姨',
      reporterPhone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    });
    await post(page, `/cases/${created.id}/actions/accept`, { note: '已电话联系，需要上门' });
    await page.goto(`${baseUrl}/cases/${created.id}`);
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('action-dispatch').click();
    await page.getByTestId('case-action-submit').waitFor();
    await page.getByTestId('action-target-kind').getByText('志愿服务队').click();
    await choose(page, 'action-team', teamName);
    await page.waitForTimeout(300);
    await screenshot(page, 'console-case-dispatch-team');
    await page.getByTestId('case-action-submit').click();
    await page.getByTestId('case-action-submit').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('case-assignee').textContent()).toContain(teamName);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('手机宽度下是卡片，不横向溢出', async () => {
    const page = await browser.newPage({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'community');
    await page.goto(`${baseUrl}/people/volunteer-teams`);
    await page.getByTestId('teams-cards').waitFor();
    await expect.poll(() => page.getByTestId('team-card').filter({ hasText: '郑小红' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('teams-table').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'console-teams-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
