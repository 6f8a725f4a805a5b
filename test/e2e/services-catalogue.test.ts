import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, launchBrowser, loginConsole, screenshot, watchErrors } from './browser.js';

// 服务事项目录: the county administrator adds a choice field to 最低生活保障申请 in the form builder;
// one option is refused with the field named (by the builder and by the server), two are saved as a
// new version; a 一件事 shows its items beside the one merged form.

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('服务事项 — the catalogue in the console', () => {
  it('管理员在表单设计器里给“最低生活保障申请”加一个选择字段：选项不足被指出字段，改正后保存为新版本', async () => {
    const page = await browser.newPage({ viewport: { ...desktop, height: 900 }, locale: 'zh-CN' });
    const errors = watchErrors(page);
    await loginConsole(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/services/catalogue`);
    await page.getByTestId('catalogue-categories').getByText('民政救助').click();
    await page.getByTestId('catalogue-search').fill('最低生活保障');
    await page.getByTestId('item-edit-MZ-001').click();
    const editor = page.getByTestId('item-editor');
    await expect.poll(() => editor.getByTestId('item-name').inputValue()).toBe('最低生活保障申请');
    await editor.getByRole('tab', { name: '申请表单' }).click();
    await page.getByTestId('builder-add').click();
    await page.getByTestId('builder-add-choice').click();
    await page.getByTestId('builder-field-choice').waitFor();
    await page.getByTestId('builder-key').fill('aid_kind');
    await page.getByTestId('builder-label').fill('救助类别');
    await page.getByTestId('builder-options').fill('只有一个');
    expect(await page.getByTestId('builder-edit').textContent()).toContain('选择字段至少要有两个选项');
    expect(await page.getByTestId('form-preview').textContent()).toContain('救助类别');
    await page.getByTestId('item-save').click();
    await expect.poll(() => editor.locator('.el-alert--error').first().textContent()).toContain('aid_kind');
    await page.getByTestId('builder-options').fill('城市低保\n农村低保');
    await screenshot(page, 'console-services-form-builder');
    await page.getByTestId('item-save').click();
    await editor.waitFor({ state: 'hidden' });

    const res = await page.request.get(`${baseUrl}/api/v1/services/catalogue`);
    const item = (await res.json()).items.find((i: { code: string }) => i.code === 'MZ-001');
    expect(item.version).toBe(2);
    expect(item.form.fields.at(-1)).toMatchObject({
      key: 'aid_kind',
      kind: 'choice',
      options: ['城市低保', '农村低保'],
    });
    // the refused save (400) is expected; nothing else failed
    expect(errors).toEqual([]);
  });

  it('一件事的编辑页把各事项与合并后的一张表单、一套材料并排显示', async () => {
    const page = await browser.newPage({ viewport: { ...desktop, height: 900 }, locale: 'zh-CN' });
    await loginConsole(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/services/bundles`);
    await page.getByTestId('bundle-table').getByText('新生儿出生一件事').waitFor();
    await page
      .locator('.el-table__row')
      .filter({ hasText: '新生儿出生一件事' })
      .getByRole('button', { name: '编辑' })
      .click();
    const side = page.getByTestId('bundle-side-by-side');
    await side.waitFor();
    const merged = await page.getByTestId('bundle-merged-form').textContent();
    // 姓名 is asked once though all three items ask for it, and says which items it feeds
    expect(merged!.match(/申请人姓名/g)).toHaveLength(1);
    expect(merged).toContain('出生登记、城乡居民医疗保险参保登记、社会保障卡申领');
    expect(await page.getByTestId('bundle-merged-materials').textContent()).toContain('出生医学证明');
    await screenshot(page, 'console-services-bundle');
  });
});
