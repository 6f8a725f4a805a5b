import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/server/demo/random.js';
import { rates } from '../../src/server/features/stats/metrics.js';
import { rawTotals } from '../../src/server/features/stats/repository.js';
import { rebuildRollups } from '../../src/server/features/stats/rollup.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { readXlsx } from '../support/files.js';
import { ratingTokenOf } from '../support/handset.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const enter = async (description: string, placeCode = world.gridA.code) =>
  (
    await worker.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode,
      description,
      reporterName: '张大爷',
      reporterPhone: '13800000000',
    })
  ).body.id as string;
const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
  worker.post(`/api/v1/cases/${id}/actions/${action}`, body);
const rate = async (id: string, rating: string, solved: boolean) => {
  const row = await ctx.deps.db
    .selectFrom('cases')
    .select('tracking_code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  // The reporter rates through the link of the newest "resolved" SMS (a case never resolved has none).
  const token = await ratingTokenOf(ctx, '13800000000', row.tracking_code).catch(() => 'never-resolved');
  return new Session(ctx).post(`/api/v1/public/cases/${row.tracking_code}/rating`, { token, rating, solved });
};
const rollupRows = async () =>
  (
    await sql<
      Record<string, unknown>
    >`SELECT * FROM case_daily WHERE received <> 0 OR valid <> 0 ORDER BY day, place_id, category_code, channel, department_key`.execute(
      ctx.deps.db,
    )
  ).rows.map((r) =>
    JSON.stringify(r, (_k, v) =>
      typeof v === 'bigint' || (typeof v === 'string' && /^\d+$/.test(v))
        ? Number(v)
        : v instanceof Date
          ? v.toISOString()
          : v,
    ),
  );

describe(`rates and rollups (${testEngine})`, () => {
  it('computes the rates of hand-built cases exactly', async () => {
    ctx.clock.set('2026-11-10T01:00:00Z');
    worker = await new Session(ctx).login('worker1');
    // A: called back in 10 min, resolved in time, satisfied and solved → closed.
    const a = await enter('路灯坏了需要维修一下');
    ctx.clock.advance(10 * 60_000);
    await act(a, 'accept');
    await act(a, 'contact');
    await act(a, 'resolve', { result: '已修好' });
    await rate(a, 'satisfied', true);
    // B: called back after 50 min (late), resolved, not satisfied → reopened, resolved again late.
    const b = await enter('垃圾桶满了没人清运');
    ctx.clock.advance(50 * 60_000);
    await act(b, 'accept');
    await act(b, 'contact');
    await act(b, 'resolve', { result: '已清运' });
    await rate(b, 'unsatisfied', false);
    // C: rejected as invalid. D: still open, not called back.
    const c = await enter('这是一条无效的测试信息');
    await act(c, 'reject', { reason: '无效信息', kind: 'invalid' });
    await enter('楼道里有人堆放杂物');
    const s = await worker.get(`/api/v1/stats/summary?under=${world.c1.code}&from=2026-11-10&to=2026-11-10`);
    expect(s.status).toBe(200);
    // valid = 3 (A, B, D); on-time first contact = A only; rated = 2 (A satisfied+solved, B neither);
    // closed = A; resolved = A and B (B counts once, and reopened); resolved on time = A and B (first resolution within 72 h).
    expect(s.body.current).toMatchObject({
      received: 4,
      valid: 3,
      responseRate: 0.3333,
      resolutionRate: 0.5,
      satisfactionRate: 0.5,
      closureRate: 0.3333,
      onTimeRate: 1,
      reopenRate: 0.5,
      avgContactMinutes: 30,
    });
    expect(s.body.previous.received).toBe(0);
    // The same numbers computed from the raw cases.
    const raw = rates(
      Object.fromEntries(
        Object.entries(
          await rawTotals(ctx.deps.db, { paths: [world.c1.path], from: '2026-11-10', to: '2026-11-10' }),
        ).map(([k, v]) => [k, Number(v)]),
      ) as never,
    );
    expect(raw).toEqual(s.body.current);
  });

  it('keeps the rollup equal to a from-scratch computation after a random sequence of changes', async () => {
    const random = new Random(42);
    ctx.clock.set('2026-11-12T01:00:00Z');
    worker = await new Session(ctx).login('worker1');
    const dept = (await worker.get('/api/v1/departments')).body.items[0].id;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push(
        await enter(
          `第${i}号测试诉求，小区${random.pick(['路灯', '垃圾', '噪音', '停车'])}问题`,
          random.pick([world.gridA.code, world.gridB.code]),
        ),
      );
    const steps = ['accept', 'contact', 'dispatch', 'take', 'resolve', 'rate', 'return', 'reject', 'suspend', 'resume'];
    for (let i = 0; i < 300; i++) {
      ctx.clock.advance(random.int(1, 90) * 60_000);
      const id = random.pick(ids);
      const step = random.pick(steps);
      if (step === 'rate') await rate(id, random.pick(['satisfied', 'basic', 'unsatisfied']), random.next() < 0.7);
      else if (step === 'take' || step === 'return') {
        const handler = await new Session(ctx).login('receiver');
        await handler.post(`/api/v1/cases/${id}/actions/${step}`, { reason: '不属于本部门' });
      } else await act(id, step, { reason: '测试原因', result: '处理完毕', target: { kind: 'department', id: dept } });
      if (i % 40 === 0) await ctx.deps.jobs.drain();
      if (i % 30 === 0) worker = await new Session(ctx).login('worker1');
    }
    const actions = await ctx.deps.db.selectFrom('case_events').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['dispatch', 'take', 'resolve', 'rateSatisfied', 'reject', 'return', 'suspend']),
    );
    const incremental = await rollupRows();
    expect(incremental.length).toBeGreaterThan(2);
    await rebuildRollups(ctx.deps.db);
    expect(await rollupRows()).toEqual(incremental);
    const admin = await new Session(ctx).login('admin');
    const q = `under=${world.county.code}&from=2026-11-01&to=2026-11-30`;
    const summary = (await admin.get(`/api/v1/stats/summary?${q}`)).body.current;
    const states = await ctx.deps.db.selectFrom('cases').select(['state']).execute();
    expect(summary.received).toBe(states.length);
  });

  it('breaks numbers down for rankings and exports them; scope applies', async () => {
    const admin = await new Session(ctx).login('admin');
    const byGrid = await admin.get(
      `/api/v1/stats/breakdown?under=${world.county.code}&from=2026-11-01&to=2026-11-30&by=grid`,
    );
    expect(byGrid.body.items.map((r: { name: string }) => r.name).sort()).toEqual(['和平一网格', '和平二网格']);
    const sheet = await admin.get(
      `/api/v1/stats/breakdown.xlsx?under=${world.county.code}&from=2026-11-01&to=2026-11-30&by=grid`,
    );
    const rows = await readXlsx(sheet.body);
    expect(rows[0].slice(0, 4)).toEqual(['名称', '受理量', '有效件', '响应率']);
    expect(rows).toHaveLength(3);
    const other = await new Session(ctx).login('worker2');
    expect((await other.get(`/api/v1/stats/summary?under=${world.c1.code}`)).status).toBe(404);
    const gridB = await new Session(ctx).login('gridB');
    const own = await gridB.get('/api/v1/stats/summary?from=2026-11-01&to=2026-11-30');
    expect(own.body.place.code).toBe(world.gridB.code);
    const receiver = await new Session(ctx).login('receiver');
    expect((await receiver.get('/api/v1/stats/summary')).status).toBe(403);
  });
});

describe(`monthly reports (${testEngine})`, () => {
  it('prints a month’s report on demand, and the job files one per street and community on the 1st', async () => {
    ctx.clock.set('2026-11-20T02:00:00Z');
    worker = await new Session(ctx).login('worker1');
    await enter('月度报告用的一条诉求：路灯坏了');
    const admin = await new Session(ctx).login('admin');
    const res = await admin.get(`/api/v1/stats/monthly-report.pdf?under=${world.c1.code}&month=2026-11`);
    expect(res.status).toBe(200);
    const { pdfText } = await import('../support/files.js');
    const text = await pdfText(res.body);
    expect(text).toContain('和平社区 2026年11月 诉求办理月度报告');
    expect(text).toContain('满意率');
    expect(text).toContain('和平一网格');
    ctx.clock.set('2026-11-30T12:00:00Z'); // the server starts: the next run is 1 December 02:00 Beijing time
    await ctx.deps.jobs.ensureRecurring();
    ctx.clock.set('2026-11-30T18:00:01Z');
    await ctx.deps.jobs.drain();
    const officer = await new Session(ctx).login('officer');
    const list = await officer.get(`/api/v1/stats/monthly-reports?under=${world.street.code}`);
    expect(
      list.body.items.map((r: { month: string; place: { name: string } }) => `${r.month} ${r.place.name}`).sort(),
    ).toEqual(['2026-11 和平社区', '2026-11 城关街道', '2026-11 文化社区']);
    const file = await officer.get(`/api/v1/stats/monthly-reports/${list.body.items[0].id}`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const worker2 = await new Session(ctx).login('worker2');
    const mine = await worker2.get(`/api/v1/stats/monthly-reports?under=${world.c2.code}`);
    expect(mine.body.items).toHaveLength(1);
    const notMine = list.body.items.find((r: { place: { name: string } }) => r.place.name === '和平社区');
    expect((await worker2.get(`/api/v1/stats/monthly-reports/${notMine.id}`)).status).toBe(404);
  });
});

describe(`monthly rollup (${testEngine})`, () => {
  const monthlyRows = async () =>
    (
      await sql<
        Record<string, unknown>
      >`SELECT * FROM case_monthly WHERE received <> 0 OR valid <> 0 ORDER BY month, place_id, category_code, channel, department_key`.execute(
        ctx.deps.db,
      )
    ).rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v)));

  it('gives the raw numbers for periods that cross month edges, and rebuilds to the same rows', async () => {
    // Cases around the month edges in Beijing time: 16:30 UTC on the last day is 00:30 the next morning.
    const moments = [
      '2026-09-30T15:50:00Z',
      '2026-09-30T16:10:00Z',
      '2026-10-15T03:00:00Z',
      '2026-10-31T15:59:00Z',
      '2026-10-31T16:30:00Z',
      '2026-11-30T15:00:00Z',
      '2026-11-30T16:00:00Z',
      '2026-12-31T16:20:00Z',
    ];
    const ids: string[] = [];
    for (const [i, at] of moments.entries()) {
      ctx.clock.set(at);
      worker = await new Session(ctx).login('worker1');
      const id = await enter(`跨月统计测试第${i}条：楼道灯不亮`, i % 2 ? world.gridA.code : world.gridB.code);
      ids.push(id);
      if (i % 3 === 0) {
        await act(id, 'accept');
        ctx.clock.advance(20 * 60_000);
        await act(id, 'contact');
        await act(id, 'resolve', { result: '已修好' });
      }
      if (i % 4 === 1) await act(id, 'reject', { reason: '无效信息', kind: 'invalid' });
    }
    const admin = await new Session(ctx).login('admin');
    const periods = [
      ['2026-09-30', '2026-10-01'], // two edge days, no whole month
      ['2026-10-01', '2026-10-31'], // one whole month
      ['2026-09-15', '2026-11-30'], // edge days, whole October and November
      ['2026-10-01', '2026-12-01'], // whole months and one edge day after
      ['2026-09-30', '2027-01-01'], // edges on both sides
      ['2026-10-02', '2026-11-30'], // starts a day into a month
      ['2026-11-01', '2026-11-01'],
    ];
    for (const [from, to] of periods) {
      const q = `under=${world.county.code}&from=${from}&to=${to}`;
      const summary = (await admin.get(`/api/v1/stats/summary?${q}`)).body.current;
      const raw = await rawTotals(ctx.deps.db, { paths: [world.county.path], from, to });
      expect(summary, `${from} … ${to}`).toEqual(
        rates(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)])) as never),
      );
      // Breakdowns add up to the same, and so do months.
      const byGrid = (await admin.get(`/api/v1/stats/breakdown?${q}&by=grid`)).body.items;
      expect(byGrid.reduce((n: number, r: { received: number }) => n + r.received, 0)).toBe(Number(raw.received));
      const byMonth = (await admin.get(`/api/v1/stats/trend?${q}&granularity=month`)).body.items;
      const byDay = (await admin.get(`/api/v1/stats/trend?${q}&granularity=day`)).body.items;
      const monthsOfDays = new Map<string, number>();
      for (const d of byDay)
        monthsOfDays.set(d.period.slice(0, 7), (monthsOfDays.get(d.period.slice(0, 7)) ?? 0) + d.received);
      expect(new Map(byMonth.map((m: { period: string; received: number }) => [m.period, m.received]))).toEqual(
        monthsOfDays,
      );
    }
    // Some of these periods must hold cases, or the comparison proves little.
    const october = await rawTotals(ctx.deps.db, { paths: [world.county.path], from: '2026-10-01', to: '2026-10-31' });
    expect(Number(october.received)).toBe(3);
    expect(Number(october.valid)).toBe(2);
    const incremental = await monthlyRows();
    expect(incremental.length).toBeGreaterThan(3);
    await rebuildRollups(ctx.deps.db);
    expect(await monthlyRows()).toEqual(incremental);
  });
});
