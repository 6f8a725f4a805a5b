import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginPhone, phone, screenshot, watchErrors } from './browser.js';

// 小律服务 on phones: a community worker asks for a resident, the community's legal adviser answers
// from her own queue (待答复) on the phone, and the public answer is found in the FAQ by its words.

const baseUrl = inject('baseUrl');
const tag = Math.random().toString(36).slice(2, 7);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
const newPhonePage = (): Promise<Page> =>
  browser.newPage({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

describe('小律服务 — legal questions on the phone', () => {
  it('提问 → 法律顾问在手机“待答复”里解答 → 常见问答能搜到', async () => {
    const question = `邻居装修把我家承重墙震裂了，对方说不是他的责任，我该怎么办？（${tag}）`;
    const asker = await newPhonePage();
    const askerErrors = watchErrors(asker);
    await loginPhone(asker, baseUrl, 'community');
    await asker.goto(`${baseUrl}/m/legal?tab=ask`);
    // Her own community is picked by name (街道 社区), never a code to type; answers stay private
    // unless she ticks 同意公开.
    const picked = asker.getByTestId('community-picker').locator('input');
    await expect.poll(() => picked.inputValue()).toBe('城关街道 和平社区');
    expect(await asker.getByTestId('legal-ask').textContent()).not.toMatch(/\d{12}/);
    expect(await asker.getByTestId('legal-public').getAttribute('aria-checked')).toBe('false');
    await asker.getByTestId('community-picker').click();
    const columns = asker.getByTestId('community-picker-columns');
    await columns.waitFor();
    expect(await columns.textContent()).toContain('文化社区');
    await screenshot(asker, 'legal-community-picker');
    await asker.locator('.van-picker__confirm').click();
    await columns.waitFor({ state: 'hidden' });
    expect(await picked.inputValue()).toBe('城关街道 和平社区');
    await asker.locator('[data-testid="legal-question"] textarea').fill(question);
    await asker.getByTestId('legal-public').click();
    await screenshot(asker, 'legal-ask');
    await asker.getByTestId('legal-submit').click();
    await expect
      .poll(() => asker.getByTestId('legal-mine-item').filter({ hasText: tag }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await asker.getByTestId('legal-mine-item').filter({ hasText: tag }).textContent()).toContain('待解答');

    const lawyer = await newPhonePage();
    const lawyerErrors = watchErrors(lawyer);
    await loginPhone(lawyer, baseUrl, 'legal');
    await lawyer.getByTestId('entry-legal').click();
    const item = lawyer.getByTestId('legal-queue-item').filter({ hasText: tag });
    await item.waitFor({ timeout: 10_000 });
    await item.getByTestId('legal-answer').click();
    await lawyer.getByTestId('legal-answer-submit').click();
    await expect.poll(() => lawyer.getByTestId('legal-answer-sheet').textContent()).toContain('至少 5 个字');
    await lawyer
      .locator('[data-testid="legal-answer-text"] textarea')
      .fill(
        '房屋受损可以要求装修方赔偿。请先拍照留证，请物业或有资质的机构鉴定原因，再申请社区人民调解；调解不成可以起诉。',
      );
    await screenshot(lawyer, 'legal-answer-sheet');
    await lawyer.getByTestId('legal-answer-submit').click();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);

    await asker.reload();
    await expect
      .poll(() => asker.getByTestId('legal-mine-item').filter({ hasText: tag }).textContent(), { timeout: 10_000 })
      .toContain('鉴定原因');
    await asker.goto(`${baseUrl}/m/legal?tab=faq`);
    await asker.getByTestId('legal-faq-search').locator('input').fill(tag);
    await asker.getByTestId('legal-faq-search').locator('input').press('Enter');
    await expect
      .poll(() => asker.getByTestId('legal-faq-item').filter({ hasText: tag }).count(), { timeout: 10_000 })
      .toBe(1);
    expect([...askerErrors, ...lawyerErrors]).toEqual([]);
  });
});
