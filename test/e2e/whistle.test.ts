import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../support/files.js';
import { desktop, launchBrowser, loginConsole, loginPhone, phone, screenshot, watchErrors } from './browser.js';
import { loginCode, loginCodesSent } from './handset.js';

// 陈阿姨 end to end, in a real browser against the real server with the demo county: the grid worker
// records the flooding for her on his phone; the community worker blows the whistle to the justice
// office, the community's legal adviser and the police station; each acknowledges and checks in from
// a phone (the adviser's phone refuses its location); the case becomes a dispute and the mediator has
// both parties sign the agreement on her phone; the case resolves, 陈阿姨 logs in with her mobile and
// an SMS code and rates it from 我的反映, the community
// worker scores the three, and the ranking changes.

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const tag = Math.random().toString(36).slice(2, 7);
const chenPhone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

/** A phone; with `at`, one whose owner allowed location and stands there. */
async function newPhone(at?: { lng: number; lat: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport: phone,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    ...(at ? { geolocation: { longitude: at.lng, latitude: at.lat, accuracy: 15 }, permissions: ['geolocation'] } : {}),
  });
  contexts.push(context);
  return context.newPage();
}
async function newDesktop(): Promise<Page> {
  const context = await browser.newContext({ viewport: desktop, locale: 'zh-CN' });
  contexts.push(context);
  return context.newPage();
}

interface RankingRow {
  department: { kind: string; code: string; name: string };
  summonses: number;
  scored: number;
  averageScore: number | null;
}
const rankingOf = async (page: Page): Promise<RankingRow[]> =>
  (await (await page.request.get(`${baseUrl}/api/v1/whistle-ranking?under=610899001001`)).json()).items;

/** Types into a form field by its test id, whether the id sits on the input itself or on a wrapper around it. */
async function fillField(page: Page, testid: string, text: string) {
  const el = page.getByTestId(testid).first();
  const tag = await el.evaluate((node) => node.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(text);
}

/** Clicks a case action and the dialog's submit, after `fill` filled the dialog. */
async function caseAction(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  const submit = page.getByTestId('case-action-submit');
  await submit.waitFor();
  await fill();
  await submit.click();
  await submit.waitFor({ state: 'detached', timeout: 10_000 });
}

/** 接哨 → 报到 → 反馈 on a receiver's phone, on the one summons that is theirs. */
async function answerOnPhone(
  page: Page,
  username: string,
  party: string,
  subject: string,
  report: string,
  withoutLocation = false,
) {
  await loginPhone(page, baseUrl, username);
  await page.getByTestId('entry-whistles').click();
  await page.getByTestId('whistle-item').filter({ hasText: subject }).click();
  await page.getByTestId('h5-whistle').waitFor();
  await page.getByTestId('summons-acknowledge').click();
  await page.getByTestId('summons-checkIn').waitFor({ timeout: 10_000 });
  await page.getByTestId('summons-checkIn').click();
  if (withoutLocation) {
    // The phone gives no position: she confirms she is there, and it is recorded as not located.
    await page.locator('.van-dialog__confirm').click({ timeout: 15_000 });
  }
  await page.getByTestId('summons-report').waitFor({ timeout: 15_000 });
  await page.getByTestId('summons-report').click();
  await fillField(page, 'summons-note', report);
  await page.getByTestId('summons-submit').click();
  await page.getByTestId('summons-sheet').waitFor({ state: 'hidden' });
  const mine = page.getByTestId('summons-card').filter({ hasText: party });
  await expect.poll(() => mine.getByTestId('summons-state').textContent()).toContain('已反馈');
  return mine;
}

describe('吹哨报到 — the 陈阿姨 story', () => {
  it('网格员代陈阿姨上报 → 社工吹哨召集司法所、法律顾问、派出所 → 三方接哨、报到、反馈 → 转为纠纷，调解员在手机上让双方签字，协议书 PDF → 办结、陈阿姨评价 → 社工给三方评分，排名变化', async () => {
    const flood = `1号楼2单元501下水道堵塞，污水漫进楼下陈阿姨家（401），墙面和地板泡坏，楼上邻居拒绝赔偿（${tag}）`;
    const subject = `陈阿姨家被淹邻居拒赔（${tag}）`;

    // 1. The grid worker, in 陈阿姨's kitchen, reports for her with her mobile.
    const grid = await newPhone();
    const gridErrors = watchErrors(grid);
    await loginPhone(grid, baseUrl, 'grid');
    await grid.goto(`${baseUrl}/m/snap`);
    await grid.getByTestId('snap-description').fill(flood);
    await grid.getByTestId('snap-address').fill('1号楼2单元401室');
    await grid.getByTestId('snap-resident-name').fill('陈阿姨');
    await grid.getByTestId('snap-resident-phone').fill(chenPhone);
    await grid.waitForTimeout(300);
    await screenshot(grid, 'story-snap');
    await grid.getByTestId('snap-submit').click();
    const codeText = (await grid.getByTestId('snap-tracking-code').textContent({ timeout: 15_000 })) ?? '';
    const trackingCode = /[A-Z]{1,4}-\d{8}-\d{4,6}/.exec(codeText)?.[0] ?? '';
    expect(trackingCode).not.toBe('');
    expect(gridErrors).toEqual([]);

    // 2. The community worker accepts it and blows the whistle: 司法所, 孙律师 (the community's legal adviser), 派出所.
    const worker = await newDesktop();
    const workerErrors = watchErrors(worker);
    await loginConsole(worker, baseUrl, 'community');
    const before = await rankingOf(worker);
    await worker.goto(`${baseUrl}/cases/inbox`);
    await worker.getByTestId('cases-search').fill(trackingCode);
    await worker.getByTestId('cases-search').press('Enter');
    await worker.getByTestId('case-row').filter({ hasText: trackingCode }).click();
    await expect.poll(() => worker.getByTestId('case-tracking-code').textContent()).toBe(trackingCode);
    const caseUrl = worker.url();
    await caseAction(worker, 'accept');
    await expect.poll(() => worker.getByTestId('case-state').textContent()).toContain('已受理');
    await worker.getByTestId('case-blow').click();
    const dialog = worker.getByTestId('blow-dialog');
    await dialog.waitFor();
    await fillField(worker, 'blow-subject', subject);
    await fillField(
      worker,
      'blow-request',
      '请司法所、法律顾问、派出所到场：讲解相邻关系的法律规定，调解赔偿，防止矛盾激化',
    );
    await worker.getByTestId('blow-departments').click();
    for (const [i, name] of ['城关司法所', '城关派出所'].entries()) {
      const option = worker.locator('.el-select-dropdown__item:visible').filter({ hasText: name });
      await option.waitFor();
      await worker.waitForTimeout(200); // the dropdown is still sliding open
      await option.click();
      await expect.poll(() => dialog.locator('.el-select__selected-item .el-tag').count()).toBe(i + 1);
    }
    await worker.getByTestId('blow-request').click(); // closes the dropdown
    await worker.getByTestId('blow-adviser').filter({ hasText: '孙律师' }).click();
    await worker.waitForTimeout(300);
    await screenshot(worker, 'story-blow');
    await worker.getByTestId('blow-submit').click();
    await worker.getByTestId('whistle-detail').waitFor({ timeout: 10_000 });
    const whistleUrl = worker.url();
    const whistleId = whistleUrl.split('/').pop()!;
    await expect.poll(() => worker.getByTestId('summons-card').count()).toBe(3);
    const site = (await (await worker.request.get(`${baseUrl}/api/v1/whistles/${whistleId}`)).json()).place as {
      lng: number;
      lat: number;
    };
    expect(site.lng).toEqual(expect.any(Number));

    // 3. Each receiver on a phone: 接哨 → 报到 → 反馈. The justice office and the police stand a few metres away.
    const near = { lng: site.lng + 0.0002, lat: site.lat + 0.0001 };
    const justice = await newPhone(near);
    const justiceErrors = watchErrors(justice);
    const justiceCard = await answerOnPhone(
      justice,
      'receiver',
      '城关司法所',
      subject,
      '到场讲解《民法典》相邻关系和侵权责任的规定，楼上住户同意协商赔偿',
    );
    await expect.poll(() => justiceCard.getByTestId('summons-arrival').textContent()).toMatch(/距现场 \d{1,2} 米/);
    await screenshot(justice, 'story-receiver-phone');
    const police = await newPhone(near);
    const policeErrors = watchErrors(police);
    await answerOnPhone(police, 'police', '城关派出所', subject, '到场维持秩序，对双方进行劝导，未发生冲突');
    const lawyer = await newPhone();
    const lawyerErrors = watchErrors(lawyer);
    const lawyerCard = await answerOnPhone(
      lawyer,
      'legal',
      '孙律师',
      subject,
      '为双方解答赔偿范围和计算方法，协助起草调解协议',
      true,
    );
    await expect.poll(() => lawyerCard.getByTestId('summons-arrival').textContent()).toContain('未定位');
    await screenshot(lawyer, 'story-adviser-phone');
    expect([...justiceErrors, ...policeErrors, ...lawyerErrors]).toEqual([]);

    // The whistler sees all three on site (the adviser marked as not located) and the case's timeline shows every step.
    await worker.reload();
    await expect.poll(() => worker.locator('[data-testid="summons-card"][data-state="reported"]').count()).toBe(3);
    expect(
      await worker
        .getByTestId('summons-card')
        .filter({ hasText: '孙律师' })
        .getByTestId('summons-arrival')
        .textContent(),
    ).toContain('未定位');
    await screenshot(worker, 'story-whistle-reported');

    // 4. The case becomes a dispute; the mediator records the session on her phone and both parties sign it there.
    await worker.goto(caseUrl);
    await worker.getByTestId('case-to-dispute').click();
    await worker.getByTestId('dispute-record-dialog').waitFor();
    expect(await worker.getByTestId('dispute-from-case').textContent()).toContain(trackingCode);
    await worker.getByTestId('dispute-party').nth(1).locator('.party__name input').fill('刘建国');
    await worker.getByTestId('dispute-risk').getByText('中').click();
    await worker.getByTestId('dispute-record-submit').click();
    await worker.waitForURL((url) => url.pathname === '/disputes' && url.searchParams.has('id'));
    const disputeId = new URL(worker.url()).searchParams.get('id')!;

    const mediator = await newPhone();
    const mediatorErrors = watchErrors(mediator);
    await loginPhone(mediator, baseUrl, 'mediator');
    await mediator.goto(`${baseUrl}/m/disputes/${disputeId}`);
    await mediator.getByTestId('dispute-mediate').click();
    await fillField(
      mediator,
      'mediation-record',
      '司法所、法律顾问、派出所到场，讲解法律规定；双方协商，楼上住户刘建国承认下水道堵塞造成损失',
    );
    await mediator.getByTestId('mediation-outcome-agreed').click();
    await fillField(
      mediator,
      'mediation-agreement-text',
      '刘建国于三日内赔偿陈阿姨墙面、地板修复费用人民币叁仟元整，并疏通下水道；双方就此事不再追究。',
    );
    const pads = mediator.getByTestId('signature-pad');
    await expect.poll(() => pads.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const canvas = pads.nth(i).locator('canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await mediator.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
      await mediator.mouse.down();
      for (let step = 1; step <= 12; step++)
        await mediator.mouse.move(
          box.x + box.width * (0.2 + step * 0.05),
          box.y + box.height * (0.6 - Math.sin(step / 2) * 0.25),
        );
      await mediator.mouse.up();
    }
    await screenshot(mediator, 'story-mediation-signatures');
    await mediator.getByTestId('mediation-submit').click();
    const agreementLink = mediator.getByTestId('dispute-agreement-link');
    await agreementLink.waitFor({ timeout: 15_000 });
    await expect.poll(() => mediator.getByTestId('dispute-status').textContent()).toContain('协议');
    const pdf = await mediator.request.get(`${baseUrl}/api/v1/disputes/${disputeId}/agreement.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const agreement = await pdfText(Buffer.from(await pdf.body()));
    expect(agreement).toContain('人民调解协议书');
    expect(agreement).toContain('叁仟元整');
    expect(mediatorErrors).toEqual([]);

    // 5. The community worker resolves the case; 陈阿姨 logs in on the phone pages with her mobile and
    // the code from the SMS, opens 我的反映 and rates it there.
    await worker.goto(caseUrl);
    await caseAction(worker, 'resolve', async () => {
      await worker
        .getByTestId('action-result')
        .fill('经司法所、法律顾问、派出所到场调解，双方签订调解协议，楼上住户已赔偿并疏通下水道。');
    });
    await expect.poll(() => worker.getByTestId('case-state').textContent()).toContain('已办结');
    const timeline = (await worker.getByTestId('case-timeline').textContent()) ?? '';
    for (const step of ['城关司法所接哨', '城关派出所报到', '法律顾问孙律师报到：未定位'])
      expect(timeline).toContain(step);

    const chen = await newPhone();
    const chenErrors = watchErrors(chen);
    await chen.goto(`${baseUrl}/m/login`);
    await chen.getByTestId('login-mode-phone').click();
    await chen.getByTestId('login-phone').fill(chenPhone);
    const codesBefore = loginCodesSent(dataDir, chenPhone);
    await chen.getByTestId('login-send-code').click();
    await chen.getByTestId('login-code').fill(await loginCode(dataDir, chenPhone, codesBefore));
    await chen.getByTestId('login-phone-submit').click();
    await chen.getByTestId('h5-home').waitFor();
    await chen.getByTestId('entry-myReports').click();
    await chen.getByTestId('task-item').filter({ hasText: trackingCode }).click();
    await chen.getByTestId('rate-form').waitFor({ timeout: 10_000 });
    await screenshot(chen, 'story-resident-rates-from-my-reports');
    await chen.getByTestId('rate-satisfied').click();
    await chen.getByTestId('rate-solved-yes').click();
    await chen.getByTestId('rate-comment').fill('司法所和派出所都来了，邻居赔了钱，谢谢社区！');
    await chen.getByTestId('rate-submit').click();
    await expect.poll(() => chen.getByTestId('track-state').textContent(), { timeout: 10_000 }).toContain('已归档');
    expect(chenErrors).toEqual([]);

    // 6. The whistler scores the three; the whistle closes and the ranking counts them.
    await worker.goto(whistleUrl);
    for (const [party, stars, comment] of [
      ['城关司法所', 5, '到场及时，讲法清楚'],
      ['城关派出所', 4, '维持秩序到位'],
      ['孙律师', 5, '协议起草专业'],
    ] as const) {
      const card = worker.getByTestId('summons-card').filter({ hasText: party });
      await card.getByTestId('summons-score').click();
      await worker.getByTestId('summons-dialog').waitFor();
      await worker
        .getByTestId('summons-stars')
        .locator('.el-rate__item')
        .nth(stars - 1)
        .click();
      await fillField(worker, 'summons-note', comment);
      await worker.getByTestId('summons-submit').click();
      await expect.poll(() => card.getAttribute('data-state')).toBe('scored');
    }
    await expect.poll(() => worker.getByTestId('whistle-state').textContent()).toContain('已结束');

    // Nothing is in progress for the police now: the empty 进行中 says so and offers 已结束, where it is.
    await police.goto(`${baseUrl}/m/whistles`);
    await expect.poll(() => police.getByTestId('state-empty').textContent()).toContain('没有进行中的吹哨');
    await police.getByTestId('whistle-show-closed').click();
    await expect.poll(() => police.getByTestId('whistle-item').filter({ hasText: subject }).count()).toBe(1);
    expect(policeErrors).toEqual([]);

    const after = await rankingOf(worker);
    const row = (rows: RankingRow[], code: string) => rows.find((r) => r.department.code === code);
    expect(row(after, 'D61089901')!.summonses).toBe((row(before, 'D61089901')?.summonses ?? 0) + 1);
    expect(row(after, 'D61089901')!.scored).toBe((row(before, 'D61089901')?.scored ?? 0) + 1);
    expect(row(after, 'D61089903')!.scored).toBe((row(before, 'D61089903')?.scored ?? 0) + 1);
    expect(row(after, 'legal')).toMatchObject({ department: { kind: 'adviser', name: '法律顾问孙律师' } });
    await worker.goto(`${baseUrl}/whistles?tab=ranking`);
    const justiceRow = worker.locator('tr.whistle-rank-row').filter({ hasText: '城关司法所' });
    await expect.poll(() => justiceRow.count()).toBe(1);
    await expect.poll(() => worker.locator('.el-loading-mask:visible').count()).toBe(0);
    await worker.waitForTimeout(300);
    await screenshot(worker, 'story-ranking');

    // Above the community, the street's dashboard puts the department that ignores whistles first.
    const street = await newDesktop();
    const streetErrors = watchErrors(street);
    await loginConsole(street, baseUrl, 'street');
    const panel = street.getByTestId('dashboard-whistle-ranking');
    await panel.waitFor({ timeout: 15_000 });
    const first = panel.getByTestId('whistle-rank-row').first();
    await expect.poll(() => first.getAttribute('data-neglects'), { timeout: 15_000 }).toBe('true');
    expect(await first.textContent()).toContain('县住房和城乡建设局');
    await panel.scrollIntoViewIfNeeded();
    await street.waitForTimeout(500);
    await screenshot(street, 'story-dashboard-ranking');
    expect(streetErrors).toEqual([]);
    expect(workerErrors).toEqual([]);
  });
});
