import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { buildServiceApplication, buildServiceBundle, buildServiceItem } from '../support/services.js';

// 服务数据: the numbers of a small hand-made set of applications, computed exactly, scoped by place,
// and the Excel sheet holding the same. Times are Beijing time; the test clock stands at 2026-11-24 09:00.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let itemX: { id: string };
let itemY: { id: string };
let bundle: { id: string };

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  itemX = await buildServiceItem(ctx.deps, { code: 'X01', name: '低保申请' });
  itemY = await buildServiceItem(ctx.deps, { code: 'Y01', name: '临时救助' });
  bundle = await buildServiceBundle(ctx.deps, 'B01', '困难群众救助一件事', [itemX.id, itemY.id]);
  const c1 = world.c1;
  const accepted = '2026-11-16T09:00:00+08:00'; // a Monday
  // 1: collected the next morning (1.0 working day), one visit, very satisfied, decided by its due.
  await buildServiceApplication(ctx.deps, {
    community: c1,
    itemId: itemX.id,
    state: 'collected',
    created: '2026-11-16T08:50:00+08:00',
    accepted,
    decided: '2026-11-17T09:00:00+08:00',
    visits: 1,
    rating: 'very_satisfied',
    parts: [
      { itemId: itemX.id, state: 'approved', due: '2026-11-23T17:30:00+08:00', decided: '2026-11-17T09:00:00+08:00' },
    ],
  });
  // 2: refused after 2.0 working days, past its due; the resident came twice; dissatisfied.
  await buildServiceApplication(ctx.deps, {
    community: c1,
    itemId: itemX.id,
    state: 'refused',
    created: '2026-11-16T08:55:00+08:00',
    accepted,
    decided: '2026-11-18T09:00:00+08:00',
    visits: 2,
    rating: 'dissatisfied',
    parts: [
      { itemId: itemX.id, state: 'refused', due: '2026-11-17T17:30:00+08:00', decided: '2026-11-18T09:00:00+08:00' },
    ],
  });
  // 3: waiting for 补正.
  await buildServiceApplication(ctx.deps, {
    community: c1,
    itemId: itemX.id,
    state: 'supplement',
    created: '2026-11-20T10:00:00+08:00',
  });
  // 4: in review, its part past its due now.
  await buildServiceApplication(ctx.deps, {
    community: c1,
    itemId: itemX.id,
    state: 'in_review',
    created: '2026-11-18T10:00:00+08:00',
    accepted: '2026-11-18T10:00:00+08:00',
    parts: [{ itemId: itemX.id, state: 'in_review', due: '2026-11-23T17:30:00+08:00' }],
  });
  // 5: the bundle, both parts decided on time, after 1.0 working day; ready, not rated.
  await buildServiceApplication(ctx.deps, {
    community: c1,
    bundleId: bundle.id,
    state: 'ready',
    created: '2026-11-16T08:00:00+08:00',
    accepted,
    decided: '2026-11-17T09:00:00+08:00',
    visits: 1,
    parts: [
      { itemId: itemX.id, state: 'approved', due: '2026-11-23T17:30:00+08:00', decided: '2026-11-16T15:00:00+08:00' },
      { itemId: itemY.id, state: 'approved', due: '2026-11-23T17:30:00+08:00', decided: '2026-11-17T09:00:00+08:00' },
    ],
  });
  // Another community's, and one of C1 filed before the period.
  await buildServiceApplication(ctx.deps, {
    community: world.c2,
    itemId: itemY.id,
    state: 'collected',
    created: '2026-11-19T10:00:00+08:00',
    accepted: '2026-11-19T10:00:00+08:00',
    decided: '2026-11-19T11:00:00+08:00',
    rating: 'satisfied',
  });
  await buildServiceApplication(ctx.deps, {
    community: c1,
    itemId: itemY.id,
    state: 'collected',
    created: '2026-10-10T10:00:00+08:00',
  });
});
afterAll(() => ctx.close());

const period = 'from=2026-11-01&to=2026-11-24';

describe(`services numbers 服务数据 (${testEngine})`, () => {
  it('counts per item and bundle: on-time rate, working days, run at most once, ratings, 补正, overdue', async () => {
    const worker = await new Session(ctx).login('worker1');
    const res = await worker.get(`/api/v1/services/numbers?${period}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { code: string }) => r.code)).toEqual(['X01']);
    const x = res.body.items[0];
    expect(x).toMatchObject({
      kind: 'item',
      name: '低保申请',
      applications: 4,
      completed: 2,
      decidedParts: 2,
      onTimeParts: 1,
      onTimeRate: 0.5,
      avgHandlingDays: 1.5,
      oneVisitRate: 0.5,
      rated: 2,
      satisfactionRate: 0.5,
      pendingSupplement: 1,
      overdueNow: 1,
    });
    expect(x.ratings).toEqual({ very_satisfied: 1, satisfied: 0, fair: 0, dissatisfied: 1, very_dissatisfied: 0 });
    expect(res.body.bundles).toHaveLength(1);
    expect(res.body.bundles[0]).toMatchObject({
      kind: 'bundle',
      code: 'B01',
      applications: 1,
      completed: 1,
      decidedParts: 2,
      onTimeRate: 1,
      avgHandlingDays: 1,
      oneVisitRate: 1,
      rated: 0,
      satisfactionRate: null,
    });
    expect(res.body.total).toMatchObject({
      applications: 5,
      completed: 3,
      decidedParts: 4,
      onTimeParts: 3,
      onTimeRate: 0.75,
      avgHandlingDays: 1.33,
      rated: 2,
      satisfactionRate: 0.5,
      pendingSupplement: 1,
      overdueNow: 1,
    });
    expect(res.body.total.oneVisitRate).toBeCloseTo(2 / 3, 10);
  });

  it('shows another community none of these, and a place out of scope as not found', async () => {
    const other = await new Session(ctx).login('worker2');
    const mine = await other.get(`/api/v1/services/numbers?${period}`);
    expect(mine.body.total.applications).toBe(1);
    expect(mine.body.items.map((r: { code: string }) => r.code)).toEqual(['Y01']);
    expect(mine.body.bundles).toEqual([]);
    expect((await other.get(`/api/v1/services/numbers?${period}&place=${world.c1.code}`)).status).toBe(404);
    const street = await new Session(ctx).login('officer');
    const all = await street.get(`/api/v1/services/numbers?${period}&place=${world.street.code}`);
    expect(all.body.total.applications).toBe(6);
    expect((await (await new Session(ctx).login('gridA')).get('/api/v1/services/numbers')).status).toBe(403);
    expect((await (await new Session(ctx).login('receiver')).get('/api/v1/services/numbers')).status).toBe(403);
    expect((await street.get('/api/v1/services/numbers?from=2026-11-25&to=2026-11-01')).status).toBe(400);
  });

  it('exports the same numbers as an Excel sheet', async () => {
    const worker = await new Session(ctx).login('worker1');
    const res = await worker.get(`/api/v1/services/numbers.xlsx?${period}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('服务数据')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[0]!.slice(1);
    expect(header.slice(0, 8)).toEqual([
      '类型',
      '编码',
      '名称',
      '申请量',
      '办结量',
      '按期办结率',
      '平均办理时长(工作日)',
      '最多跑一次率',
    ]);
    const cells = (row: unknown[]) => Object.fromEntries(header.map((h, i) => [h, row[i + 1]]));
    expect(cells(rows[1]!)).toMatchObject({
      类型: '事项',
      编码: 'X01',
      申请量: 4,
      办结量: 2,
      按期办结率: '50.00%',
      '平均办理时长(工作日)': 1.5,
      最多跑一次率: '50.00%',
      评价数: 2,
      非常满意: 1,
      不满意: 1,
      满意率: '50.00%',
      待补正: 1,
      当前超期: 1,
    });
    expect(cells(rows[2]!)).toMatchObject({ 类型: '一件事', 编码: 'B01', 按期办结率: '100.00%', 满意率: '—' });
    expect(cells(rows[3]!)).toMatchObject({ 类型: '合计', 申请量: 5, 按期办结率: '75.00%', 最多跑一次率: '66.67%' });
  });
});
