import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/server/deps.js';
import { hashKioskToken } from '../../src/server/features/services/hall/index.js';
import { ManualClock } from '../../src/server/platform/clock.js';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { newId } from '../../src/server/platform/ids.js';
import { PiiCipher } from '../../src/server/platform/pii.js';
import { buildBuilding, buildGrid, buildPlace, square } from '../support/factories.js';
import { pdfText } from '../support/files.js';
import { buildResident, buildServiceCatalogue, idNumberOf } from '../support/services.js';
import { axeViolations, smallestFont } from './axe.js';
import { launchBrowser, screenshot, watchErrors } from './browser.js';
import { startLinli, type RunningServer } from './server.js';

// 自助服务终端 at 1080×1920: the kiosk is set up with its token; a resident's ID number is typed
// (as a card reader types it), an item chosen, the pre-filled form printed — the PDF's text holds the
// resident's name and the item — and a number taken; 60 s without a touch forgets everything.
// Its own server: the catalogue rows and the registry resident are written into its database first.

let browser: Browser;
let server: RunningServer;
let dataDir = '';
const token = `kiosk_${randomBytes(18).toString('base64url')}`;
const idNumber = idNumberOf('610899', '1946-05-04', '222');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-kiosk-'));
  const key = randomBytes(32);
  fs.writeFileSync(path.join(dataDir, 'secret.key'), key.toString('base64') + '\n', { mode: 0o600 });
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
  await migrateToLatest(handle.db);
  const deps = { db: handle.db, clock: new ManualClock(new Date()), pii: new PiiCipher(key) } as unknown as AppDeps;
  const province = await buildPlace(deps, { kind: 'province', code: '61', name: '陕西省', tenantId: null });
  const city = await buildPlace(deps, { kind: 'city', code: '6108', name: '榆林市', parent: province });
  const county = await buildPlace(deps, {
    kind: 'county',
    code: '610899',
    name: '和宁县',
    parent: city,
    tenantId: '610899',
  });
  const street = await buildPlace(deps, { kind: 'street', code: '610899001', name: '城关街道', parent: county });
  const community = await buildPlace(deps, {
    kind: 'community',
    code: '610899001001',
    name: '和平社区',
    parent: street,
  });
  const grid = await buildGrid(deps, community, '001', square(108, 37));
  const home = await buildBuilding(deps, grid, '1', [108.005, 37.005]);
  await buildResident(deps, home.households[0]!, { name: '王秀兰', idNumber, phone: '13812345678' });
  await buildServiceCatalogue(deps);
  const now = new Date();
  const hallId = newId();
  await handle.db
    .insertInto('service_halls')
    .values({
      id: hallId,
      tenant_id: '610899',
      place_id: community.id,
      place_path: community.path,
      name: '和平社区便民服务大厅',
      slot_capacity: 10,
      open_half_days: [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [`${d}am`, `${d}pm`]),
      screen_token: randomBytes(18).toString('base64url'),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await handle.db
    .insertInto('service_kiosks')
    .values({
      id: newId(),
      tenant_id: '610899',
      hall_id: hallId,
      name: '一号自助机',
      token_hash: hashKioskToken(token),
      token_prefix: token.slice(0, 10),
      created_by: null,
      created_at: now,
    })
    .execute();
  await handle.close();
  server = await startLinli(dataDir, { DEMO_SEED: 'false' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const kioskPage = (): Promise<Page> =>
  browser.newPage({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN', hasTouch: true });

/** The kiosk's later steps (choose, form, number) pass axe and read ≥ 18 px (issue 18; the first step is in pages/resident.ts). */
async function accessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  const font = await smallestFont(page);
  expect(font.px, `smallest text "${font.text}"`).toBeGreaterThanOrEqual(18);
}

describe('自助服务终端 — the kiosk at 1080×1920', () => {
  it('设置凭证 → 刷身份证 → 选事项 → 打印预填申请表并取号 → 60 秒无操作复位', async () => {
    const page = await kioskPage();
    const errors = watchErrors(page);
    await page.clock.install();
    await page.goto(`${server.baseUrl}/kiosk`);
    // Staff type the token on a keyboard and press Enter, as they would (the button does the same).
    await page.getByTestId('kiosk-token').fill(token);
    await page.getByTestId('kiosk-token').press('Enter');
    await page.getByTestId('step-id').waitFor();
    await screenshot(page, 'kiosk-id');

    // A wrong check digit is refused in the browser.
    await page.keyboard.type(idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('身份证号码不正确');
    await page.getByTestId('key-del').click();
    // The card reader types the number and Enter; the screen shows dots, never the number.
    await page.keyboard.type(idNumber.slice(17));
    expect(await page.getByTestId('id-mask').textContent()).toBe('•'.repeat(18));
    await page.keyboard.press('Enter');
    await page.getByTestId('step-choose').waitFor();
    expect(await page.getByTestId('hello').textContent()).toContain('王**');
    expect(await page.content()).not.toContain(idNumber);
    expect(await page.content()).not.toContain('王秀兰');
    await accessible(page);

    await page.getByRole('button', { name: '高龄津贴申领' }).click();
    await page.getByTestId('step-form').waitFor();
    expect(await page.getByTestId('step-form').textContent()).toContain('610899********');
    // The kiosk cannot tell who typed the number: it says so, and leaves phone and address to the person.
    expect(await page.getByTestId('privacy-note').textContent()).toContain('只带出姓名、身份证号、性别和出生日期');
    await page.getByTestId('print').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('申请理由');
    await page.getByTestId('field-reason').fill('年满八十周岁，申请高龄津贴');
    await page.getByRole('button', { name: '高龄津贴', exact: true }).click();
    await screenshot(page, 'kiosk-form');
    await accessible(page);

    // The PDF the kiosk prints, as it passes by.
    let pdf: Buffer = Buffer.alloc(0);
    await page.route('**/api/v1/kiosk/print', async (route) => {
      const response = await route.fetch();
      pdf = await response.body();
      await route.fulfill({ response });
    });
    const popup = page.waitForEvent('popup');
    await page.getByTestId('print').click();
    await expect.poll(() => pdf.length).toBeGreaterThan(1000);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain('王秀兰');
    expect(text).toContain('高龄津贴申领申请表');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('年满八十周岁');
    await (await popup).close();

    await page.getByTestId('step-done').waitFor();
    const label = await page.getByTestId('ticket-label').textContent();
    expect(label).toMatch(/^[A-Z]\d{3}$/);
    expect(text).toContain(label!);
    await screenshot(page, 'kiosk-done');
    await accessible(page);

    // 60 s without a touch: back to the start, nothing of the person left.
    await page.clock.runFor(61_000);
    await page.getByTestId('step-id').waitFor();
    expect(await page.getByTestId('id-mask').textContent()).not.toContain('•');
    expect(await page.content()).not.toContain(label!);

    // Idle in the middle of a form resets too.
    await page.keyboard.type(idNumber);
    await page.keyboard.press('Enter');
    await page.getByTestId('step-choose').waitFor();
    await page.clock.runFor(61_000);
    await page.getByTestId('step-id').waitFor();
    expect(await page.content()).not.toContain('王**');
    expect(errors).toEqual([]);
  });
});
