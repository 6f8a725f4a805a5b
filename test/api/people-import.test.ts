import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../src/shared/identity.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { breakSheetFrom, multipart, readXlsx, xlsxOf } from '../support/files.js';

let ctx: TestContext;
let worker: Session;
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const header = ['姓名*', '身份证号', '手机号', '楼栋号*', '单元号*', '房号*', '与户主关系', '居住类型', '标签', '备注'];

beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (bytes: Buffer, mode: string, community = '610899001001') =>
  worker.request(
    'POST',
    `/api/v1/residents/import?communityCode=${community}&mode=${mode}`,
    multipart({ file: { bytes, name: '花名册.xlsx', type: xlsxType } }),
  );
const count = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('residents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const good = [
  ['王建国', idOf('61089919600101001'), '13900000001', '1', '1', '101', '户主', '户籍', '独居老人', ''],
  ['王小明', idOf('61089920100505002'), '', '1', '1', '101', '子女', '常住', '留守儿童、重点关爱', '在外读书'],
  ['赵桂英', '', '0912-3456789', '2', '1', '102', '', '流动', '', ''],
];
const bad = [
  ['错校验', idOf('61089919700101003').slice(0, 17) + 'Y', '', '1', '1', '102', '户主', '户籍', '', ''],
  ['重复号', good[0][1], '', '1', '1', '102', '配偶', '户籍', '', ''],
  ['无此楼', '', '', '9', '1', '101', '户主', '', '', ''],
  ['无此房', '', '', '1', '1', '909', '户主', '', '', ''],
  ['坏电话', '', '12345', '1', '1', '102', '户主', '', '', ''],
  ['坏标签', '', '', '1', '1', '102', '户主', '', '飞行员', ''],
];

describe(`Excel import (${testEngine})`, () => {
  it('offers a template with the expected columns', async () => {
    const res = await worker.get('/api/v1/residents/import/template');
    expect(res.status).toBe(200);
    const rows = await readXlsx(res.body);
    expect(rows[0]).toEqual(header);
    const grid = await new Session(ctx).login('gridA');
    expect((await grid.get('/api/v1/residents/import/template')).status).toBe(403);
  });

  it('reports every bad row with its reason and imports nothing when asked for all or nothing', async () => {
    const bytes = await xlsxOf(header, [...good, ...bad]);
    const report = await upload(bytes, 'validate');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ total: 9, valid: 3, skipped: 0, imported: 0 });
    expect(
      report.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [5, 'idNumber', 'id_format'],
      [6, 'idNumber', 'duplicate_in_file'],
      [7, 'building', 'unknown_building'],
      [8, 'room', 'unknown_room'],
      [9, 'phone', 'phone_invalid'],
      [10, 'tags', 'unknown_tag'],
    ]);
    expect(report.body.errors[1].message).toBe('与本表第 2 行身份证号重复');
    const refused = await upload(bytes, 'all-or-nothing');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(refused.body.error.details.errors).toHaveLength(6);
    expect(await count()).toBe(0);
  });

  it('imports the good rows, and a second run of the same file adds nobody', async () => {
    const bytes = await xlsxOf(header, [...good, ...bad]);
    const first = await upload(bytes, 'valid-only');
    expect(first.body).toMatchObject({ imported: 3, skipped: 0 });
    expect(await count()).toBe(3);
    const second = await upload(bytes, 'valid-only');
    expect(second.body).toMatchObject({ imported: 0, skipped: 3 });
    expect(await count()).toBe(3);
    const wang = (await worker.get('/api/v1/residents?q=wxm')).body.items[0];
    expect(wang).toMatchObject({
      relation: 'child',
      residence: 'resident',
      tags: ['left_behind_child', 'key_care'],
      gender: 'female',
      birthDate: '2010-05-05',
    });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'resident.import')
      .execute();
    expect(audit.map((a) => (a.after as { imported: number }).imported)).toEqual([3, 0]);
  });

  it('refuses what is not a spreadsheet, a sheet without the header, and a community out of scope', async () => {
    const notXlsx = await worker.request(
      'POST',
      '/api/v1/residents/import?communityCode=610899001001',
      multipart({ file: { bytes: Buffer.from('姓名,身份证号\n张三,1'), name: 'fake.xlsx', type: xlsxType } }),
    );
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.code).toBe('IMPORT_FILE_INVALID');
    const noHeader = await upload(await xlsxOf(['名字', '号码'], [['张三', '1']]), 'validate');
    expect(noHeader.body.error).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      details: { missingColumns: ['姓名', '楼栋号', '单元号', '房号'] },
    });
    const other = await upload(await xlsxOf(header, good), 'valid-only', '610899001002');
    expect(other.status).toBe(404);
  });

  it('imports 5,000 rows in one go', async () => {
    // 2,500 rooms × 2 people would need that many households; spread 5,000 people over the rooms we have.
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `居民${i}`,
      idOf(
        `6108991980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(100 + Math.floor(i / 336)).padStart(3, '0')}`,
      ),
      '',
      '1',
      '1',
      i % 2 ? '101' : '102',
      '其他',
      '',
      '',
      '',
    ]);
    const ids = new Set(rows.map((r) => r[1]));
    expect(ids.size).toBe(5000);
    const res = await upload(await xlsxOf(header, rows), 'all-or-nothing');
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(5000);
    expect(await count()).toBe(5003);
  });
});

describe(`Excel import under load and at once (${testEngine})`, () => {
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => [`填充${i}`, '', '', '1', '1', '101', '', '', '', '']);

  it('refuses a sheet past 20,000 rows at the first row beyond, without reading the rest, and /healthz answers meanwhile', async () => {
    // From row 21,000 on the sheet is not even well-formed XML: only a reader that stops at the limit answers 413.
    const bytes = await breakSheetFrom(await xlsxOf(header, filler(21_010)), 21_000);
    const finished: string[] = [];
    const importing = upload(bytes, 'validate').then((res) => {
      finished.push('import');
      return res;
    });
    const health = await ctx.app.request('/healthz');
    finished.push('healthz');
    const res = await importing;
    expect(health.status).toBe(200);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(finished).toEqual(['healthz', 'import']);
  });

  it('reports a formula cell as a row error instead of importing the value it last computed', async () => {
    const before = await count();
    const rows: ExcelJS.CellValue[][] = [
      ['公式电话', '', { formula: '"1390000"&"0002"', result: '13900000002' }, '1', '1', '102', '户主', '', '', ''],
      [{ formula: 'UPPER("x")', result: 'X' }, '', '', '1', '1', '102', '配偶', '', '', ''],
    ];
    const res = await upload(await xlsxOf(header, rows), 'valid-only');
    expect(res.status).toBe(200);
    expect(
      res.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [2, 'phone', 'formula_cell'],
      [3, 'name', 'formula_cell'],
    ]);
    expect(res.body.imported).toBe(0);
    expect(await count()).toBe(before);
  });

  it('runs one import per community at a time: the second meanwhile gets 409, and a re-run adds nobody', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `同时${i}`,
      idOf(`61089919750101${String(i).padStart(3, '0')}`),
      '',
      '1',
      '1',
      i % 2 ? '101' : '102',
      '其他',
      '',
      '',
      '',
    ]);
    const bytes = await xlsxOf(header, rows);
    const before = await count();
    const both = await Promise.all([upload(bytes, 'valid-only'), upload(bytes, 'valid-only')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = both.find((r) => r.status === 409)!;
    expect(refused.body.error.code).toBe('IMPORT_RUNNING');
    expect(both.find((r) => r.status === 200)!.body.imported).toBe(400);
    expect(await count()).toBe(before + 400);
    const again = await upload(bytes, 'valid-only');
    expect(again.body).toMatchObject({ imported: 0, skipped: 400 });
    expect(await count()).toBe(before + 400);
  });
});
