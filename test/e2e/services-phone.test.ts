import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import type { FormField } from '../../src/shared/service-forms.js';
import { tinyPng } from '../support/files.js';
import { desktop, launchBrowser, loginConsole, phone, screenshot, watchErrors, pageApi } from './browser.js';
import { loginCode, loginCodesSent } from './handset.js';

// 办事服务 on a phone, as one story told in steps that share `story`: the county publishes a 一件事一次办
// bundle of two items handled by two departments; 陈秀英 is in 和平社区's register; she logs in with her
// mobile and an SMS code, finds the bundle, her registry details (and her community) fill the one form
// from her ID number, she photographs one material and will bring the other to the window, sends it
// and finds it in 我的办件 with a part per item. In the console the community's window accepts it (the
// material she brought is checked), the two departments' staff approve their parts in 办件审核, the
// window marks it ready and hands it out; on her phone she rates it (好差评). One visit in all.

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const tag = Math.random().toString(36).slice(2, 7);

/** What the steps hand on to each other. */
const story = {
  name: '陈秀英',
  phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  idNumber: '',
  household: '610899001001-2-1-102',
  bundle: { id: '', name: '', itemIds: [] as string[] },
  /** The two departments that review the bundle's parts, and a demo user of each. */
  departments: [] as string[],
  reviewers: ['receiver', 'police'],
  application: { id: '', code: '' },
};
// Born 1955-03-12 in 靖边; an even sequence number: a woman.
const first17 = `61082419550312${String(Math.floor(Math.random() * 500) * 2).padStart(3, '0')}`;
story.idNumber = first17 + idNumberCheckChar(first17);

let browser: Browser;
let resident: Page;
const contexts: BrowserContext[] = [];
let residentErrors: string[] = [];

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

/**
 * The county administrator puts a 一件事一次办 bundle of two items, handled by two departments, into
 * the catalogue: one merged form (name and ID number from the registry, a table of family members, a
 * choice) and one material list (the ID card is asked by both). Returns the departments' names.
 */
async function publishBundle(admin: Page) {
  // 城关司法所 and 城关派出所: the demo users `receiver` and `police` receive for them.
  const all = (await api<{ items: Array<{ id: string; code: string; name: string }> }>(admin, 'GET', '/departments'))
    .items;
  const departments = ['D61089901', 'D61089903'].map((code) => all.find((d) => d.code === code)!);
  expect(departments.every(Boolean)).toBe(true);
  const category = await api<{ id: string }>(admin, 'POST', '/services/categories', {
    code: `E2E-${tag}`,
    name: `测试类别${tag}`,
  });
  const common = [
    { key: 'name', label: '申请人姓名', kind: 'text', required: true, prefill: 'name' },
    { key: 'id_no', label: '身份证号', kind: 'id_number', required: true, prefill: 'id_number' },
  ];
  const idCard = { key: 'id_card', name: '居民身份证', required: true, original: true, copies: 1 };
  const item = (n: number, department: { id: string }, fields: unknown[], materials: unknown[]) =>
    api<{ id: string }>(admin, 'POST', '/services/items', {
      categoryId: category.id,
      code: `E2E-${tag}-${n}`,
      name: n === 1 ? `老年人优待证办理${tag}` : `高龄津贴申领${tag}`,
      summary: '年满 60 周岁的本县居民可以申请。',
      handlerLevel: 'department',
      departmentId: department.id,
      timeLimitDays: 5,
      channel: 'both',
      form: { fields: [...common, ...fields] },
      materials,
    });
  const first = await item(
    1,
    departments[0]!,
    [
      {
        key: 'members',
        label: '同住家庭成员',
        kind: 'table',
        columns: [
          { key: 'who', label: '姓名', kind: 'text', required: true },
          { key: 'relation', label: '关系', kind: 'choice', options: ['配偶', '子女', '其他'] },
        ],
      },
    ],
    [idCard],
  );
  const second = await item(
    2,
    departments[1]!,
    [{ key: 'bank', label: '津贴发放方式', kind: 'choice', required: true, options: ['社保卡', '银行卡'] }],
    [idCard, { key: 'bank_card', name: '本人银行卡（存折）', required: true, original: false, copies: 1 }],
  );
  const cls = await api<{ id: string }>(admin, 'POST', '/services/bundle-classes', {
    code: `E2E-${tag}`,
    name: `居民服务${tag}`,
  });
  const name = `老年人优待一件事${tag}`;
  const bundle = await api<{ id: string }>(admin, 'POST', '/services/bundles', {
    classId: cls.id,
    code: `E2E-${tag}`,
    name,
    summary: '优待证、高龄津贴一次申请',
    itemIds: [first.id, second.id],
  });
  story.bundle = { id: bundle.id, name, itemIds: [first.id, second.id] };
  return [departments[0]!.name, departments[1]!.name];
}

/** A value a field accepts, typed the way a resident would. */
function typed(f: Pick<FormField, 'kind' | 'min' | 'max' | 'options' | 'minLength'>, n = 1): string {
  switch (f.kind) {
    case 'number':
      return String(f.min !== undefined ? Math.max(f.min, Math.min(f.max ?? f.min, f.min + n)) : n);
    case 'date':
      return '2026-11-30';
    case 'id_number':
      return story.idNumber;
    case 'phone':
      return story.phone;
    case 'address':
      return '城关街道和平社区2号楼1单元102室';
    default:
      return `${'情况属实，请予办理'.repeat(Math.ceil((f.minLength ?? 0) / 9) || 1)}${tag}`;
  }
}

/** Fills what the registry did not: every required field of the one form, by its kind. */
async function fillForm(page: Page, fields: FormField[]) {
  for (const f of fields.filter((x) => x.required)) {
    const block = page.getByTestId(`form-field-${f.key}`);
    if (f.kind === 'choice') {
      await block
        .getByRole(f.multiple ? 'checkbox' : 'radio')
        .first()
        .click();
    } else if (f.kind === 'file') {
      await page
        .getByTestId(`file-${f.key}-input`)
        .setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: tinyPng });
      await expect.poll(() => block.getByTestId('upload-file').count()).toBeGreaterThan(0);
    } else if (f.kind === 'table') {
      const row = block.getByTestId('table-row').first();
      for (const c of (f.columns ?? []).filter((x) => x.required)) {
        const cell = row.getByTestId(`cell-${c.key}`);
        if (c.kind === 'choice') await cell.getByRole('radio').first().click();
        else await cell.fill(typed(c));
      }
    } else {
      const input = page.getByTestId(`input-${f.key}`);
      if (!(await input.inputValue())) await input.fill(typed(f));
    }
  }
}

describe('办事服务 — 一件事一次办 on a resident’s phone', () => {
  it('县里在目录中发布“一件事”（两个部门办理）；陈秀英登记在和平社区的户籍里', async () => {
    const admin = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    await loginConsole(admin, baseUrl, 'admin');
    story.departments = await publishBundle(admin);
    await admin.close();

    const desk = await browser.newPage({ viewport: desktop, locale: 'zh-CN' });
    await loginConsole(desk, baseUrl, 'community');
    await api(desk, 'POST', '/residents', {
      householdCode: story.household,
      name: story.name,
      idNumber: story.idNumber,
      phone: story.phone,
    });
    await desk.close();
  });

  it('她用手机验证码登录，在“一件事一次办”里申请：身份证号带出登记信息，一张表、拍照交材料，拿到办件编号', async () => {
    resident = await newPhone();
    residentErrors = watchErrors(resident);
    await resident.goto(`${baseUrl}/m/login`);
    await resident.getByTestId('login-mode-phone').click();
    await resident.getByTestId('login-phone').fill(story.phone);
    const before = loginCodesSent(dataDir, story.phone);
    await resident.getByTestId('login-send-code').click();
    await resident.getByTestId('login-code').fill(await loginCode(dataDir, story.phone, before));
    await resident.getByTestId('login-phone-submit').click();
    await resident.getByTestId('h5-home').waitFor();

    await resident.getByTestId('entry-services').click();
    await resident.getByTestId('services-categories').waitFor();
    await screenshot(resident, 'services-phone-catalogue');
    await resident.getByTestId('services-tabs').getByText('一件事一次办').click();
    await resident.getByTestId('services-search').locator('input').fill(tag);
    await resident.getByTestId('service-bundle-row').filter({ hasText: story.bundle.name }).first().click();
    await resident.getByTestId('h5-service-bundle').waitFor();
    await expect.poll(() => resident.getByTestId('service-bundle-item').count()).toBe(story.bundle.itemIds.length);
    await screenshot(resident, 'services-phone-bundle');
    await resident.getByTestId('service-apply').click();

    // Her registry record fills the form from her ID number (her phone matches the record).
    await resident.getByTestId('apply-target').waitFor();
    await resident.getByTestId('apply-id-number').fill(story.idNumber);
    await resident.getByTestId('apply-prefill-button').click();
    await expect.poll(() => resident.getByTestId('apply-prefill-note').textContent()).toContain('已带出');
    // …and the community her application is filed in (the prefill's `community`).
    await expect.poll(() => resident.getByTestId('apply-community').textContent()).toContain('和平社区');

    // Sent empty-handed first: the browser names what is missing before anything is sent.
    const form = await api<{ form: { fields: FormField[] }; materials: Array<{ key: string; required: boolean }> }>(
      resident,
      'GET',
      `/public/services/bundles/${story.bundle.id}`,
    );
    const nameField = form.form.fields.find((f) => f.prefill === 'name');
    if (nameField) expect(await resident.getByTestId(`input-${nameField.key}`).inputValue()).toBe(story.name);
    else await resident.getByTestId('apply-applicant-name').fill(story.name);
    await resident.getByTestId('apply-submit').click();
    if (form.materials.some((m) => m.required))
      await expect.poll(() => resident.getByTestId('apply-problems').textContent()).toContain('处需要修改');

    await fillForm(resident, form.form.fields);
    // The ID card she will bring to the window (带到窗口核验); the rest she photographs.
    const required = form.materials.filter((x) => x.required);
    const brought = required.find((m) => m.key === 'id_card');
    if (brought) await resident.getByTestId(`material-${brought.key}`).getByTestId('material-at-window').click();
    for (const m of required.filter((x) => x !== brought)) {
      await resident
        .getByTestId(`material-${m.key}-files-input`)
        .setInputFiles({ name: `${m.key}.png`, mimeType: 'image/png', buffer: tinyPng });
      await expect.poll(() => resident.getByTestId(`material-${m.key}`).getByTestId('upload-file').count()).toBe(1);
    }
    await screenshot(resident, 'services-phone-apply');
    await resident.getByTestId('apply-submit').click();
    await resident.getByTestId('apply-done').waitFor({ timeout: 15_000 });
    story.application.code = (await resident.getByTestId('apply-code').textContent())!.trim();
    expect(story.application.code).toMatch(/^FW-\d{8}-\d{4}$/);
    await screenshot(resident, 'services-phone-done');
  });

  it('她在“我的办件”里看到这一件：待预审，每个事项一部分', async () => {
    expect(story.application.code, 'the step before sent the application').not.toBe('');
    await resident.getByTestId('apply-view').click();
    await resident.getByTestId('h5-service-application').waitFor();
    await expect.poll(() => resident.getByTestId('service-application-state').textContent()).toContain('待预审');
    expect(await resident.getByTestId('service-part').count()).toBe(story.bundle.itemIds.length);
    story.application.id = new URL(resident.url()).pathname.split('/').at(-1)!;
    await screenshot(resident, 'services-phone-application');

    await resident.goto(`${baseUrl}/m/services/mine`);
    const row = resident.getByTestId('service-application-item').filter({ hasText: story.application.code });
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('submitted');
    expect(await row.textContent()).toContain(story.bundle.name);
    await screenshot(resident, 'services-phone-mine');
    expect(residentErrors).toEqual([]);
  });

  it('社区窗口预审受理（核验她带来的身份证），两个部门的工作人员在“办件审核”里各自批准', async () => {
    expect(story.application.id, 'the steps before found the application').not.toBe('');
    const window = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const windowErrors = watchErrors(window);
    await loginConsole(window, baseUrl, 'community');
    await window.goto(`${baseUrl}/services/applications/${story.application.id}`);
    await window.getByTestId('service-detail').waitFor();
    await window.getByTestId('material-to-check').first().waitFor();
    await window.getByTestId('service-action-accept').click();
    await window
      .locator('.el-message-box')
      .getByRole('button', { name: /确定|OK/ })
      .click();
    await expect.poll(() => window.getByTestId('service-state').textContent()).toContain('已受理');
    const after = await api<{ visits: number; materials: Array<{ key: string; atWindow: boolean; checked: boolean }> }>(
      window,
      'GET',
      `/services/applications/${story.application.id}`,
    );
    expect(after.materials.find((m) => m.key === 'id_card')).toMatchObject({ atWindow: true, checked: true });
    expect(after.visits).toBe(1);
    await expect.poll(() => window.getByTestId('material-to-check').count()).toBe(0);
    await window.close();
    expect(windowErrors).toEqual([]);

    for (const username of story.reviewers) {
      const staff = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
      const errors = watchErrors(staff);
      await loginConsole(staff, baseUrl, username);
      await staff.goto(`${baseUrl}/services/review`);
      const row = staff
        .getByTestId('service-review-table')
        .locator('.el-table__body-wrapper tr')
        .filter({ hasText: story.application.code });
      await row.first().waitFor();
      expect(await row.count(), `${username} sees one part of the bundle`).toBe(1);
      await row.getByTestId('review-take').click();
      const approve = row.getByTestId('review-approve');
      await approve.waitFor();
      await approve.click();
      await staff
        .locator('.el-message-box')
        .getByRole('button', { name: /确定|OK/ })
        .click();
      await expect.poll(() => row.count()).toBe(0);
      await staff.close();
      expect(errors).toEqual([]);
    }
  });

  it('结果在和平社区窗口待领取，她来领取；控制台的办件详情：两部分并排、已领取、跑动一次', async () => {
    expect(story.application.id, 'the steps before found the application').not.toBe('');
    const window = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const windowErrors = watchErrors(window);
    await loginConsole(window, baseUrl, 'community');
    await window.goto(`${baseUrl}/services/applications/${story.application.id}`);
    await expect.poll(() => window.getByTestId('service-state').textContent()).toContain('审核通过');
    for (const action of ['ready', 'collect'] as const) {
      await window.getByTestId(`service-action-${action}`).click();
      await window
        .locator('.el-message-box')
        .getByRole('button', { name: /确定|OK/ })
        .click();
      await window.getByTestId(`service-action-${action}`).waitFor({ state: 'detached' });
    }
    await expect.poll(() => window.getByTestId('service-state').textContent()).toContain('已领取');
    const parts = window.getByTestId('service-parts').locator('.part');
    expect(await parts.count()).toBe(2);
    for (const state of await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      expect(state).toBe('approved');
    expect(await window.locator('.facts').textContent()).toMatch(/跑动次数\s*1/);
    await screenshot(window, 'services-phone-console-detail');
    await window.close();
    expect(windowErrors).toEqual([]);
  });

  it('她在手机上评价这次办事（好差评：非常满意），评价只能给一次', async () => {
    expect(story.application.id, 'the steps before found the application').not.toBe('');
    await resident.goto(`${baseUrl}/m/services/applications/${story.application.id}`);
    await expect.poll(() => resident.getByTestId('service-application-state').textContent()).toContain('已领取');
    await resident.getByTestId('service-rate-very_satisfied').click();
    await resident.getByTestId('service-rate-comment').fill('一次就办好了，窗口很耐心');
    await resident.getByTestId('service-rate-submit').click();
    await expect.poll(() => resident.getByTestId('service-rated').textContent()).toContain('非常满意');
    expect(await resident.getByTestId('service-rate-form').count()).toBe(0);
    await screenshot(resident, 'services-phone-rated');
    expect(residentErrors).toEqual([]);
  });
});
