import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tinyPng } from '../support/files.js';
import { launchBrowser, loginPhone, phone, screenshot, watchErrors, pageApi, csrfOf } from './browser.js';
import { loginCode, loginCodesSent } from './handset.js';

// 邻里生活 as one story across the areas, on a 390×844 phone: the steward 马德明 posts a wish for an
// elderly resident of his building and sees it under 本楼心愿; the community worker approves it (API);
// the volunteer 郑小红 claims it on the wish wall, fulfils it with a photo, finds the points in 我的积分,
// spends them in the 积分超市 and is shown the pickup code; the worker hands the goods over against
// that code (API); her balance and her redemption read right on the phone.

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const tag = Math.random().toString(36).slice(2, 7);
const story = { content: `想请人帮忙换个灯泡（${tag}）`, wishId: '', before: 0, price: 0, goods: '', pickupCode: '' };

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function newPhone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: phone,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  contexts.push(context);
  return context.newPage();
}

const api = <T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) =>
  pageApi<T>(page, baseUrl, method, path, data);

async function communityWorker(): Promise<Page> {
  const page = await newPhone();
  await page.goto(`${baseUrl}/m/login`);
  const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { username: 'community', password: 'Linli@2026' },
  });
  expect(login.status()).toBe(200);
  return page;
}

const shownBalance = async (page: Page) => Number((await page.getByTestId('points-balance').textContent())?.trim());

let volunteer: Page;
let volunteerErrors: string[] = [];

describe('邻里生活 on the phone: a wish posted by the steward ends as goods in the volunteer’s hands', () => {
  it('the steward posts a wish for an elder of his building and sees it under 本楼心愿', async () => {
    const page = await newPhone();
    const errors = watchErrors(page);
    await loginPhone(page, baseUrl, 'steward');
    // His tile is his building (楼门管家), not a grid he does not have.
    await page.getByTestId('entry-steward').waitFor();
    await expect(page.getByTestId('entry-myGrid').count()).resolves.toBe(0);
    await page.getByTestId('entry-wishes').click();
    await page.getByTestId('wish-for-resident').click();
    await page.getByTestId('h5-wish-new').waitFor();
    const first = page.getByTestId('resident-pick').first();
    await first.waitFor();
    expect(Number(/(\d+) 岁/.exec((await first.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(60);
    await first.click();
    await page.getByTestId('category-repair').click();
    await page.getByTestId('wish-content').locator('textarea').fill(story.content);
    await page.getByTestId('wish-submit').click();
    await page.getByTestId('h5-wish').waitFor();
    await expect(page.getByTestId('wish-state').textContent()).resolves.toContain('待审核');
    story.wishId = new URL(page.url()).pathname.split('/').pop()!;

    await page.goto(`${baseUrl}/m/steward`);
    const mine = page.getByTestId('steward-wish').filter({ hasText: story.content });
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toContain('待审核');
    await mine.scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-steward-building-wishes');
    expect(errors).toEqual([]);
  });

  it('the community worker approves it', async () => {
    const page = await communityWorker();
    const wish = await api<{ state: string }>(page, 'POST', `/community/wishes/${story.wishId}/approve`, {});
    expect(wish.state).toBe('published');
  });

  it('the volunteer claims and fulfils it with a photo; 我的积分 shows the points', async () => {
    volunteer = await newPhone();
    volunteerErrors = watchErrors(volunteer);
    await loginPhone(volunteer, baseUrl, 'volunteer');
    await volunteer.getByTestId('entry-points').click();
    await volunteer.getByTestId('h5-my-points').waitFor();
    await volunteer.getByTestId('points-balance').waitFor();
    story.before = await shownBalance(volunteer);

    await volunteer.goto(`${baseUrl}/m/`);
    await volunteer.getByTestId('entry-wishes').click();
    const card = volunteer.getByTestId(`wish-${story.wishId}`);
    await card.click();
    await volunteer.getByTestId('wish-claim').click();
    await volunteer.getByTestId('wish-fulfil').waitFor();
    await volunteer
      .getByTestId('photo-input')
      .setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: tinyPng });
    await volunteer.locator('.photo-pick__img').first().waitFor();
    await volunteer.getByTestId('wish-fulfil').click();
    await volunteer.getByTestId('wish-points').waitFor();
    await expect(volunteer.getByTestId('wish-state').textContent()).resolves.toContain('已圆梦');

    await volunteer.goto(`${baseUrl}/m/points`);
    await volunteer.getByTestId('points-balance').waitFor();
    await expect.poll(() => shownBalance(volunteer)).toBe(story.before + 20);
    const entry = volunteer.getByTestId('points-entry').first();
    await expect(entry.textContent()).resolves.toContain('圆梦微心愿');
    await expect(entry.textContent()).resolves.toContain('+20');
    await screenshot(volunteer, 'flow-volunteer-points');
  });

  it('she spends them in the 积分超市 and is shown the pickup code', async () => {
    await volunteer.getByRole('button', { name: '去积分超市' }).click();
    await volunteer.getByTestId('h5-points-shop').waitFor();
    await expect(volunteer.getByTestId('shop-balance').textContent()).resolves.toContain(`${story.before + 20} 分`);
    const goods = volunteer.getByTestId('shop-goods').filter({ has: volunteer.locator('button:not([disabled])') });
    const item = goods.first();
    await item.waitFor();
    story.goods = ((await item.locator('h3').textContent()) ?? '').trim();
    story.price = Number(/(\d+)\s*分/.exec((await item.locator('.price').textContent()) ?? '')?.[1]);
    expect(story.price).toBeGreaterThan(0);
    expect(story.price).toBeLessThanOrEqual(story.before + 20);
    await item.getByTestId('shop-redeem').click();
    await volunteer.locator('.van-dialog__confirm').click();
    const code = volunteer.getByTestId('placed-code');
    await code.waitFor();
    story.pickupCode = ((await code.textContent()) ?? '').trim();
    expect(story.pickupCode).toMatch(/^\d{6}$/);
    await screenshot(volunteer, 'flow-volunteer-pickup-code');
    await volunteer.getByRole('button', { name: '我的兑换' }).click();
    const placed = volunteer.getByTestId('shop-redemption').filter({ hasText: story.goods }).first();
    await expect(placed.textContent()).resolves.toContain('待领取');
    await expect(placed.getByTestId('pickup-code').textContent()).resolves.toBe(story.pickupCode);
  });

  it('the worker hands the goods over against the code; her balance and redemption read right', async () => {
    const page = await communityWorker();
    const list = await api<{ items: { id: string; goodsName: string; personName: string }[] }>(
      page,
      'GET',
      '/community/shop/redemptions?state=placed&pageSize=100',
    );
    const mine = list.items.filter((r) => r.goodsName === story.goods && r.personName.startsWith('郑'));
    expect(mine.length).toBeGreaterThan(0);
    let handed = '';
    for (const r of mine) {
      // Staff are never sent the code: it is what the volunteer shows, and only the right one is taken.
      const res = await page.request.post(`${baseUrl}/api/v1/community/shop/redemptions/${r.id}/hand-over`, {
        data: { pickupCode: story.pickupCode },
        headers: { 'x-csrf-token': await csrfOf(page) },
      });
      if (res.status() === 200) handed = r.id;
    }
    expect(handed).not.toBe('');

    await volunteer.goto(`${baseUrl}/m/points`);
    await volunteer.getByTestId('points-balance').waitFor();
    await expect.poll(() => shownBalance(volunteer)).toBe(story.before + 20 - story.price);
    await expect(volunteer.getByTestId('points-entry').first().textContent()).resolves.toContain(`-${story.price}`);
    await volunteer.goto(`${baseUrl}/m/shop`);
    await volunteer.getByRole('tab', { name: '我的兑换' }).click();
    const done = volunteer
      .getByTestId('shop-redemption')
      .filter({ hasText: '已领取' })
      .filter({ hasText: story.goods });
    await done.first().waitFor();
    await expect(volunteer.getByTestId('pickup-code').filter({ hasText: story.pickupCode }).count()).resolves.toBe(0);
    await screenshot(volunteer, 'flow-volunteer-handed-over');
    expect(volunteerErrors).toEqual([]);
  });
});

describe('邻里生活 for a newcomer logged in by phone code, with no 我的社区 yet', () => {
  it('the activity list leads to the 我的社区 chooser instead of an error; once chosen, the activities show', async () => {
    const page = await newPhone();
    const errors = watchErrors(page);
    const phoneNo = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    await page.goto(`${baseUrl}/m/login`);
    await page.getByTestId('login-mode-phone').click();
    await page.getByTestId('login-phone').fill(phoneNo);
    const before = loginCodesSent(dataDir, phoneNo);
    await page.getByTestId('login-send-code').click();
    await page.getByTestId('login-code').fill(await loginCode(dataDir, phoneNo, before));
    await page.getByTestId('login-phone-submit').click();
    await page.getByTestId('h5-home').waitFor();
    // A resident's first tile is 反映问题.
    await expect(page.locator('.entry__name').first().textContent()).resolves.toBe('反映问题');

    await page.getByTestId('entry-activities').click();
    await page.getByTestId('need-home').waitFor();
    await expect(page.getByTestId('state-error').count()).resolves.toBe(0);
    await screenshot(page, 'flow-newcomer-need-home');
    await page.getByTestId('need-home-choose').click();
    await page.getByTestId('h5-community-hub').waitFor();
    await page.locator('.van-action-sheet__item', { hasText: '和平社区' }).click();
    await expect.poll(() => page.getByTestId('hub-community').textContent()).toBe('和平社区');

    await page.getByTestId('hub-tile-activities').click();
    await page.getByTestId('h5-activities').waitFor();
    await expect.poll(() => page.getByTestId('activity-card').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('need-home').count()).resolves.toBe(0);
    await expect(page.locator('.hint').textContent()).resolves.toContain('和平社区');
    expect(errors).toEqual([]);
  });
});
