import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tinyPng } from '../support/files.js';
import { launchBrowser, loginPhone, phone, screenshot, watchErrors, pageApi } from './browser.js';

// 微心愿 on a 390×844 phone, as one story: the steward 马德明 posts a wish for an elderly resident of
// his building (代发心愿); the community worker approves it (through the API); the volunteer 郑小红
// finds it on 和平社区's wish wall, claims it, fulfils it with a photo and sees her points credited.

const baseUrl = inject('baseUrl');
const tag = Math.random().toString(36).slice(2, 7);
const story = { content: `想要一台能听秦腔的收音机（${tag}）`, wishId: '' };

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

describe('微心愿: a steward posts, the community approves, a volunteer claims and fulfils on the phone', () => {
  it('the steward posts a wish for an elderly resident of his building', async () => {
    const page = await newPhone();
    const errors = watchErrors(page);
    await loginPhone(page, baseUrl, 'steward');
    await page.getByTestId('entry-wishes').click();
    await page.getByTestId('h5-wishes').waitFor();
    await page.getByTestId('wish-for-resident').click();
    await page.getByTestId('h5-wish-new').waitFor();
    const first = page.getByTestId('resident-pick').first();
    await first.waitFor();
    // The eldest come first, with their room and age (no ID number or phone).
    const label = (await first.textContent()) ?? '';
    expect(Number(/(\d+) 岁/.exec(label)?.[1])).toBeGreaterThanOrEqual(60);
    await first.click();
    await page.getByTestId('category-daily_goods').click();
    await page.getByTestId('wish-content').locator('textarea').fill(story.content);
    await screenshot(page, 'wishes-steward-post');
    await page.getByTestId('wish-submit').click();
    await page.getByTestId('h5-wish').waitFor();
    await expect(page.getByTestId('wish-state').textContent()).resolves.toContain('待审核');
    story.wishId = new URL(page.url()).pathname.split('/').pop()!;
    expect(story.wishId).toMatch(/^[0-9a-f-]{36}$/);
    expect(errors).toEqual([]);
  });

  it('the community worker approves it', async () => {
    const page = await newPhone();
    await page.goto(`${baseUrl}/m/login`);
    const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
      data: { username: 'community', password: 'Linli@2026' },
    });
    expect(login.status()).toBe(200);
    const wish = await api<{ state: string }>(page, 'POST', `/community/wishes/${story.wishId}/approve`, {});
    expect(wish.state).toBe('published');
  });

  it('the volunteer claims it on the wall and fulfils it with a photo; her points are credited', async () => {
    const page = await newPhone();
    const errors = watchErrors(page);
    await loginPhone(page, baseUrl, 'volunteer');
    await page.getByTestId('entry-wishes').click();
    await page.getByTestId('h5-wishes').waitFor();
    const card = page.getByTestId(`wish-${story.wishId}`);
    await card.waitFor();
    // The beneficiary's name is masked on the wall.
    await expect(card.textContent()).resolves.toMatch(/心愿人：\S\*+\S?/);
    await screenshot(page, 'wishes-wall');
    await card.click();
    await page.getByTestId('h5-wish').waitFor();
    await page.getByTestId('wish-claim').click();
    await page.getByTestId('wish-fulfil').waitFor();
    await expect(page.getByTestId('wish-state').textContent()).resolves.toContain('已认领');

    await page.getByTestId('photo-input').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: tinyPng });
    await page.locator('.photo-pick__img').first().waitFor();
    await page.getByTestId('wish-fulfil').click();
    await page.getByTestId('wish-points').waitFor();
    await expect(page.getByTestId('wish-state').textContent()).resolves.toContain('已圆梦');
    await expect(page.getByTestId('wish-points').textContent()).resolves.toContain('+20');
    await screenshot(page, 'wishes-fulfilled');

    const wish = await api<{ state: string; pointsCredited: number; claimedByMe: boolean; fulfilPhotoIds: string[] }>(
      page,
      'GET',
      `/community/wishes/${story.wishId}`,
    );
    expect(wish).toMatchObject({ state: 'fulfilled', pointsCredited: 20, claimedByMe: true });
    expect(wish.fulfilPhotoIds).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
