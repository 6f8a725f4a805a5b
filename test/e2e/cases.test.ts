import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, smallestFont } from './axe.js';
import { desktop, launchBrowser, loginConsole, phone, screenshot, watchErrors } from './browser.js';
import { ratingLink } from './handset.js';

// 白银 "码上反映" end to end in a real browser against the real server with the demo county: a
// resident reports from the QR page on a phone, the community worker on duty gets the SMS, calls
// back and dispatches to the city-management bureau, its handler takes and resolves with a photo,
// and the resident follows the case with the last 4 digits of the phone and rates it through the
// link in the SMS that tells her it is solved.

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-cases-'));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Unique words and a fresh phone number, so the case is this run's own on a shared server. */
const tag = Math.random().toString(36).slice(2, 7);
const reporterPhone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A real 32×24 PNG written by hand (signature, IHDR, IDAT, IEND). */
function pngFile(name: string): string {
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const [width, height] = [32, 24];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set([x * 8, y * 10, 160], y * (width * 3 + 1) + 1 + x * 3);
  const file = path.join(tmp, name);
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', zlib.deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
  return file;
}

const newPhonePage = () =>
  browser.newPage({ viewport: phone, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const newDesktopPage = () => browser.newPage({ viewport: desktop, locale: 'zh-CN' });

/** Finds the case in 诉求受理台 by its tracking code and opens it. */
async function openFromInbox(page: Page, trackingCode: string) {
  await page.goto(`${baseUrl}/cases/inbox`);
  await page.getByTestId('cases-search').fill(trackingCode);
  await page.getByTestId('cases-search').press('Enter');
  const row = page.getByTestId('case-row').filter({ hasText: trackingCode });
  await row.waitFor({ timeout: 10_000 });
  await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
  await row.click();
  await page.getByTestId('case-detail').waitFor();
  await expect.poll(() => page.getByTestId('case-tracking-code').textContent()).toBe(trackingCode);
}

/** Clicks an action button of the case page and the dialog's submit, after `fill` filled the dialog. */
async function act(page: Page, action: string, fill: (dialog: Page) => Promise<void> = async () => {}, shot?: string) {
  await page.getByTestId(`action-${action}`).click();
  const submit = page.getByTestId('case-action-submit');
  await submit.waitFor();
  await fill(page);
  if (shot) {
    await page.waitForTimeout(300);
    await screenshot(page, shot);
  }
  await submit.click();
  await submit.waitFor({ state: 'detached', timeout: 10_000 });
}

describe('码上反映 — the 白银 story', () => {
  it('居民扫码反映带照片 → 值班社工收到短信、回电、派给县城市管理局 → 经办人接单、带照片办结 → 居民凭手机后4位查到全过程，点办结短信里的链接评价满意', async () => {
    const description = `小区3号楼东侧路灯坏了一个星期，晚上很黑，老人出门不方便（${tag}）`;
    const photo = pngFile(`report-${tag}.png`);

    // 1. The resident scans the poster: the QR form of 和平社区 on a phone.
    const resident = await newPhonePage();
    const residentErrors = watchErrors(resident);
    await resident.goto(`${baseUrl}/r/610899001001`);
    await expect.poll(() => resident.getByTestId('report-community').textContent()).toBe('和平社区');
    await resident.waitForTimeout(300);
    await screenshot(resident, 'report-form');
    // Sending it empty says what is missing, in plain words.
    await resident.getByTestId('report-submit').click();
    await expect.poll(() => resident.getByText('请至少写 5 个字').count()).toBe(1);
    await resident.getByTestId('report-description').fill(description);
    await resident.getByTestId('report-photo-input').setInputFiles(photo);
    await expect.poll(() => resident.getByTestId('report-photo-thumb').count()).toBe(1);
    await resident.getByTestId('report-name').fill('王阿姨');
    await resident.getByTestId('report-phone').fill(reporterPhone);
    await resident.waitForTimeout(300);
    await screenshot(resident, 'report-form-filled');
    // A double tap makes one case (one idempotency key per form fill).
    const posts: string[] = [];
    resident.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/public/cases'))
        posts.push(r.headers()['idempotency-key'] ?? '');
    });
    await resident.getByTestId('report-submit').dblclick();
    const codeBox = resident.getByTestId('report-tracking-code');
    await codeBox.waitFor({ timeout: 15_000 });
    const trackingCode = ((await codeBox.textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^[A-Z]{1,4}-\d{8}-\d{4,6}$/);
    expect(new Set(posts).size).toBe(1);
    expect(await resident.getByText('请截图保存').count()).toBe(1);
    const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await resident.waitForTimeout(300);
    await screenshot(resident, 'report-done');

    // 2. The community worker on duty: the SMS about the new case is in 短信记录.
    const worker = await newDesktopPage();
    const workerErrors = watchErrors(worker);
    await loginConsole(worker, baseUrl, 'community');
    await worker.goto(`${baseUrl}/cases/sms`);
    const sms = worker.getByTestId('sms-body').filter({ hasText: trackingCode });
    await expect.poll(() => sms.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const texts = await sms.allTextContents();
    expect(texts.some((text) => text.includes('和平社区有新诉求') && text.includes('回电'))).toBe(true);
    expect(texts.some((text) => text.includes('您反映的问题已收到') && text.includes(`/r/track/${trackingCode}`))).toBe(
      true,
    );
    await worker.waitForTimeout(300);
    await screenshot(worker, 'console-sms-outbox');

    // 3. She opens the case: new, with the photo and the deadline; accepts, records the call back, dispatches.
    await openFromInbox(worker, trackingCode);
    await expect.poll(() => worker.getByTestId('case-state').textContent()).toContain('待受理');
    expect(await worker.getByTestId('case-description').textContent()).toContain(tag);
    await expect.poll(() => worker.getByTestId('case-photos').locator('img').count()).toBe(1);
    expect(await worker.getByTestId('case-deadlines').textContent()).toContain('首次联系');
    await worker.waitForTimeout(300);
    await screenshot(worker, 'console-case-new');

    await act(worker, 'accept');
    await expect.poll(() => worker.getByTestId('case-state').textContent()).toContain('已受理');
    await act(worker, 'contact', async (p) => {
      await p.getByTestId('action-note').fill('已电话联系王阿姨，确认是3号楼东侧第二盏路灯，晚上完全不亮。');
    });
    await expect.poll(() => worker.getByTestId('case-timeline').textContent()).toContain('确认是3号楼东侧第二盏路灯');
    await act(
      worker,
      'dispatch',
      async (p) => {
        // Community workers are dispatch targets too, named with their role.
        await p.getByTestId('action-target-kind').getByText('网格员或社工').click();
        await p.getByTestId('action-user').click();
        const colleague = p.locator('.el-select-dropdown__item:visible').filter({ hasText: '李秀英' });
        await colleague.waitFor();
        expect(await colleague.textContent()).toContain('社区工作者');
        await p.keyboard.press('Escape');
        await p.getByTestId('action-target-kind').getByText('职能部门').click();
        // Sent with nobody chosen, it says so; once a department is chosen the message goes.
        await p.getByTestId('case-action-submit').click();
        await expect.poll(() => p.getByText('请选择部门').count()).toBe(1);
        await p.getByTestId('action-department').click();
        const option = p.locator('.el-select-dropdown__item:visible').filter({ hasText: '县城市管理局' });
        await option.waitFor();
        await p.waitForTimeout(200); // the dropdown is still sliding open
        await option.click();
        await option.waitFor({ state: 'hidden' }); // chosen: the dropdown closes
        await expect.poll(() => p.getByText('请选择部门').count()).toBe(0);
      },
      'console-case-dispatch',
    );
    await expect.poll(() => worker.getByTestId('case-state').textContent()).toContain('已派单');
    expect(await worker.getByTestId('case-assignee').textContent()).toBe('县城市管理局');
    // Only what the dispatcher may still do is offered: no take, no resolve.
    expect(await worker.getByTestId('action-take').count()).toBe(0);
    await worker.waitForTimeout(300);
    await screenshot(worker, 'console-case-dispatched');
    expect(workerErrors).toEqual([]);
    await worker.close();

    // 4. The city-management handler: the case is in the department's inbox; take, then resolve with a photo.
    const handler = await newDesktopPage();
    const handlerErrors = watchErrors(handler);
    await loginConsole(handler, baseUrl, 'handler');
    await openFromInbox(handler, trackingCode);
    expect(await handler.getByTestId('action-accept').count()).toBe(0);
    expect(await handler.getByTestId('action-return').count()).toBe(1);
    await act(handler, 'take');
    await expect.poll(() => handler.getByTestId('case-state').textContent()).toContain('处置中');
    await act(
      handler,
      'resolve',
      async (p) => {
        await p.getByTestId('action-result').fill('已更换3号楼东侧损坏的路灯灯头，晚上试亮正常。');
        await p.locator('[data-testid="action-photos"] input[type="file"]').setInputFiles(pngFile(`result-${tag}.png`));
        await p.locator('[data-testid="action-photos"] .el-upload-list__item.is-success').waitFor({ timeout: 10_000 });
      },
      'console-case-resolve',
    );
    await expect.poll(() => handler.getByTestId('case-state').textContent()).toContain('已办结');
    expect(await handler.getByTestId('case-result').textContent()).toContain('已更换3号楼东侧损坏的路灯灯头');
    await expect.poll(() => handler.getByTestId('case-result').locator('img').count()).toBe(1);
    await handler.waitForTimeout(300);
    await screenshot(handler, 'console-case-resolved');
    expect(handlerErrors).toEqual([]);
    await handler.close();

    // 5. The resident follows it: the tracking page asks the last 4 digits and shows each step, but
    // rating needs more than digits every case worker sees — the page says how.
    await resident.goto(`${baseUrl}/r/track/${trackingCode}`);
    await resident.getByTestId('track-phone4').fill(reporterPhone.slice(-4));
    await resident.getByTestId('track-submit').click();
    const steps = resident.getByTestId('track-steps');
    await steps.waitFor();
    for (const text of [
      '问题已提交',
      '问题已受理',
      '工作人员已与您联系',
      '已交给相关部门办理',
      '承办部门已接单，正在处理',
      '已办理完毕',
    ]) {
      expect(await steps.textContent()).toContain(text);
    }
    expect(await resident.getByTestId('track-result').textContent()).toContain('已更换3号楼东侧损坏的路灯灯头');
    expect(await resident.getByTestId('rate-form').count()).toBe(0);
    expect(await resident.getByTestId('rate-how').textContent()).toContain('办结短信里的链接');
    await resident.waitForTimeout(300);
    await screenshot(resident, 'report-track-how-to-rate');

    // She taps the link in the SMS (on her phone: DATA_DIR/sms-handset.jsonl) and rates.
    const link = new URL(await ratingLink(dataDir, reporterPhone, trackingCode));
    await resident.goto(`${baseUrl}${link.pathname}${link.search}`);
    await resident.getByTestId('rate-form').waitFor();
    await resident.waitForTimeout(300);
    await screenshot(resident, 'report-track-rate');
    // The rating form passes axe (issue 18; it is in no page list: it needs the SMS link), and in
    // 关怀模式 reads ≥ 18 px; the switch is turned back off for the rest of the story.
    expect(await axeViolations(resident)).toEqual([]);
    const elder = resident.getByTestId('elder-switch').first();
    await elder.click();
    await expect.poll(() => elder.getAttribute('aria-checked')).toBe('true');
    const font = await smallestFont(resident);
    expect(font.px, `smallest text "${font.text}"`).toBeGreaterThanOrEqual(18);
    expect(await axeViolations(resident)).toEqual([]);
    await elder.click();
    await expect.poll(() => elder.getAttribute('aria-checked')).toBe('false');
    await resident.getByTestId('rate-satisfied').click();
    await resident.getByTestId('rate-solved-yes').click();
    await resident.getByTestId('rate-comment').fill('修得很快，谢谢！');
    await resident.getByTestId('rate-submit').click();
    await expect.poll(() => resident.getByTestId('track-state').textContent(), { timeout: 10_000 }).toContain('已归档');
    await expect.poll(() => resident.getByTestId('track-rating').textContent()).toContain('满意');
    expect(await steps.textContent()).toContain('您已评价');
    expect(await resident.getByTestId('rate-form').count()).toBe(0);
    await resident.waitForTimeout(300);
    await screenshot(resident, 'report-track-done');
    expect(residentErrors).toEqual([]);
    await resident.close();
  });

  it('居民反映时选“公开”，问题才出现在公开列表（Open311）里；不选就不公开', async () => {
    const phoneNo = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const send = async (description: string, makePublic: boolean) => {
      const page = await newPhonePage();
      const errors = watchErrors(page);
      await page.goto(`${baseUrl}/r/610899001001`);
      await page.getByTestId('report-community').waitFor();
      await page.getByTestId('report-description').fill(description);
      await page.getByTestId('report-name').fill('赵大爷');
      await page.getByTestId('report-phone').fill(phoneNo);
      // Not public unless the resident says so, with what that means in plain words.
      expect(await page.getByTestId('report-public-no').getAttribute('aria-checked')).toBe('true');
      expect(await page.getByTestId('report-public-hint').textContent()).toContain('只有处理问题的工作人员能看到');
      if (makePublic) {
        await page.getByTestId('report-public-yes').click();
        await expect
          .poll(() => page.getByTestId('report-public-hint').textContent())
          .toContain('别人也能在公开的问题列表里看到');
        await page.waitForTimeout(300);
        await screenshot(page, 'report-form-public');
      }
      await page.getByTestId('report-submit').click();
      const codeBox = page.getByTestId('report-tracking-code');
      await codeBox.waitFor({ timeout: 15_000 });
      const code = ((await codeBox.textContent()) ?? '').trim();
      expect(errors).toEqual([]);
      await page.close();
      return code;
    };
    const shared = await send(`小区北门的井盖松了，踩上去会响（公开 ${tag}）`, true);
    const kept = await send(`楼上邻居总在半夜吵架，想请社区劝劝（不公开 ${tag}）`, false);

    const res = await fetch(`${baseUrl}/open311/v2/requests.json?jurisdiction_id=610899`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const listed = (JSON.parse(text) as { service_request_id: string; description: string }[]).map((r) => [
      r.service_request_id,
      r.description,
    ]);
    expect(listed).toContainEqual([shared, `小区北门的井盖松了，踩上去会响（公开 ${tag}）`]);
    expect(listed.map(([id]) => id)).not.toContain(kept);
    expect(text).not.toContain(`不公开 ${tag}`);
    expect(text).not.toContain('赵大爷');
  });

  it('居民扫码打开的页面先加载的脚本很小；查询码不对时说清楚', async () => {
    const page = await newPhonePage();
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/r/610899001001`);
    await page.getByTestId('report-community').waitFor();
    // What a phone on a weak signal downloads first, compressed by the server as it is served.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
    );
    expect(scripts).toBeGreaterThan(0);
    expect(scripts).toBeLessThan(60 * 1024);

    await page.goto(`${baseUrl}/r/track/LL-20000101-0001`);
    await page.getByTestId('track-phone4').fill('0000');
    await page.getByTestId('track-submit').click();
    await expect.poll(() => page.getByTestId('track-error').textContent()).toContain('没有查到');
    expect(errors).toEqual([]);
    await page.close();
  });
});
