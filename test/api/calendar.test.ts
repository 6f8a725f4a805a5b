import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart } from '../support/files.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'streetAdmin', 'admin', world.street.code);
  await givePhone(ctx.deps, 'admin', '13900000011');
  await givePhone(ctx.deps, 'worker1', '13900000012');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
});
afterAll(() => ctx.close());

const login = (name: string) => new Session(ctx).login(name);
/** Beijing wall time → ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

// 2027 as the State Council might announce it; only 元旦 on 1 January matters to the deadline below.
const days2027 = [
  { day: '2027-01-01', isWorkday: false, name: '元旦' },
  { day: '2027-02-05', isWorkday: false, name: '春节' },
  { day: '2027-02-06', isWorkday: false, name: '春节' },
  { day: '2027-02-20', isWorkday: true, name: '春节调休' },
];
const calendarMissingTexts = async () =>
  ctx.deps.db
    .selectFrom('sms_outbox')
    .select(['to_masked', 'body'])
    .where('template', '=', 'calendar_missing')
    .execute();

describe(`holiday calendar and business hours (${testEngine})`, () => {
  it('shows 2027 as provisional and warns from November that it must be imported', async () => {
    const admin = await login('admin');
    const res = await admin.get('/api/v1/calendar');
    expect(res.status).toBe(200);
    expect(res.body.years.map((y: { year: number; confirmed: boolean }) => [y.year, y.confirmed])).toEqual([
      [2026, true],
      [2027, false],
    ]);
    expect(res.body.warning).toEqual({ year: 2027, state: 'provisional' });
    const worker = await login('worker1');
    expect((await worker.get('/api/v1/calendar/years/2027')).body.days[0]).toEqual({
      day: '2027-01-01',
      isWorkday: false,
      name: '元旦',
    });
  });

  it('refuses edits from anyone but a county administrator, and leaves nothing behind', async () => {
    for (const name of ['worker1', 'officer', 'streetAdmin']) {
      const s = await login(name);
      const put = await s.request('PUT', '/api/v1/calendar/days/2027-02-08', { isWorkday: false, name: '春节' });
      expect(put.status, name).toBe(403);
      expect((await s.post('/api/v1/calendar/years/2027/import', { days: days2027 })).status, name).toBe(403);
      expect(
        (await s.request('PUT', '/api/v1/calendar/hours', { periods: [{ open: '08:00', close: '18:00' }] })).status,
      ).toBe(403);
    }
    const admin = await login('admin');
    expect((await admin.get('/api/v1/calendar/years/2027')).body.days).toHaveLength(6);
  });

  it('refuses bad dates and a year that does not hold together', async () => {
    const admin = await login('admin');
    expect(
      (await admin.request('PUT', '/api/v1/calendar/days/2027-02-30', { isWorkday: false, name: '春节' })).status,
    ).toBe(400);
    expect(
      (await admin.request('PUT', '/api/v1/calendar/days/20270205', { isWorkday: false, name: '春节' })).status,
    ).toBe(400);
    const outside = await admin.post('/api/v1/calendar/years/2027/import', {
      days: [...days2027, { day: '2028-01-01', isWorkday: false, name: '元旦' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.issues[0]).toMatchObject({ path: 'days.4.day' });
    expect(JSON.stringify(outside.body.error.details)).toContain('日期不在所导入的年份内');
    const twice = await admin.post('/api/v1/calendar/years/2027/import', { days: [...days2027, days2027[0]] });
    expect(twice.status).toBe(400);
    const badDay = await admin.post('/api/v1/calendar/years/2027/import', {
      days: [{ day: '2027-13-01', isWorkday: false, name: '春节' }],
    });
    expect(badDay.status).toBe(400);
    const hours = await admin.request('PUT', '/api/v1/calendar/hours', {
      periods: [
        { open: '13:30', close: '17:30' },
        { open: '09:00', close: '12:00' },
      ],
    });
    expect(hours.status).toBe(400);
    expect(
      (await admin.request('PUT', '/api/v1/calendar/hours', { periods: [{ open: '9点', close: '17:30' }] })).status,
    ).toBe(400);
    const year = await admin.get('/api/v1/calendar/years/2027');
    expect(year.body.days).toHaveLength(6);
    expect(year.body.year.confirmed).toBe(false);
  });

  it('imports a year from the notice, confirmed and audited, and edits a day', async () => {
    const admin = await login('admin');
    const res = await admin.post('/api/v1/calendar/years/2027/import', {
      source: '国办发明电〔2026〕X号',
      days: days2027,
    });
    expect(res.status).toBe(200);
    expect(res.body.year).toMatchObject({ year: 2027, confirmed: true, holidays: 3, workdays: 1, updatedBy: 'admin' });
    expect(res.body.days.map((d: { day: string }) => d.day)).toEqual(days2027.map((d) => d.day));
    expect((await admin.get('/api/v1/calendar')).body.warning).toBeNull();

    expect(
      (await admin.request('PUT', '/api/v1/calendar/days/2027-02-08', { isWorkday: false, name: '春节' })).status,
    ).toBe(200);
    expect((await admin.request('DELETE', '/api/v1/calendar/days/2027-02-20')).status).toBe(200);
    expect((await admin.request('DELETE', '/api/v1/calendar/days/2027-02-20')).status).toBe(404);
    const year = await admin.get('/api/v1/calendar/years/2027');
    expect(year.body.year).toMatchObject({ holidays: 4, workdays: 0 });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_name'])
      .where('action', 'like', 'calendar.%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.entity_id} ${a.actor_name}`)).toEqual([
      'calendar.importYear 2027 admin',
      'calendar.setDay 2027-02-08 admin',
      'calendar.removeDay 2027-02-20 admin',
    ]);
  });

  it('a 5-working-day clock started 2026-12-30 falls due on 2027-01-07 at closing time (1 January is a holiday)', async () => {
    ctx.clock.set(bj('2026-12-30T10:00'));
    const worker = await login('worker1');
    const form = multipart({
      communityCode: world.c1.code,
      description: '道路井盖破损，车辆经过很危险',
      reporterName: '陈阿姨',
      reporterPhone: '13812345678',
      lng: '108.005',
      lat: '37.005',
    });
    const code = (await new Session(ctx).request('POST', '/api/v1/public/cases', form)).body.trackingCode;
    const c = await ctx.deps.db
      .selectFrom('cases')
      .selectAll()
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(c.category_code).toBe('road'); // counts working days
    // Dispatch within 240 business minutes: 10:00–12:00 and 13:30–15:30.
    expect(new Date(c.dispatch_due_at!).toISOString()).toBe(bj('2026-12-30T15:30'));
    await worker.post(`/api/v1/cases/${c.id}/actions/accept`, {});
    const gridA = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'gridA')
      .executeTakeFirstOrThrow();
    const sent = await worker.post(`/api/v1/cases/${c.id}/actions/dispatch`, {
      target: { kind: 'user', id: gridA.id },
      resolveHours: 5 * 24,
    });
    expect(sent.status).toBe(200);
    const after = await ctx.deps.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(new Date(after.resolve_due_at!).toISOString()).toBe(bj('2027-01-07T17:30'));
  });

  it('a county’s own business hours move working-day deadlines', async () => {
    const admin = await login('admin');
    expect((await admin.get('/api/v1/calendar/hours')).body).toEqual({
      periods: [
        { open: '09:00', close: '12:00' },
        { open: '13:30', close: '17:30' },
      ],
      isDefault: true,
    });
    const set = await admin.request('PUT', '/api/v1/calendar/hours', { periods: [{ open: '08:30', close: '18:00' }] });
    expect(set.body).toEqual({ periods: [{ open: '08:30', close: '18:00' }], isDefault: false });
    ctx.clock.set(bj('2027-01-03T21:00')); // a Sunday evening
    const form = multipart({
      communityCode: world.c1.code,
      description: '道路井盖又坏了，车辆经过很危险',
      reporterName: '陈阿姨',
      reporterPhone: '13812345678',
      lng: '108.005',
      lat: '37.005',
    });
    const code = (await new Session(ctx).request('POST', '/api/v1/public/cases', form)).body.trackingCode;
    const c = await ctx.deps.db
      .selectFrom('cases')
      .selectAll()
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(new Date(c.dispatch_due_at!).toISOString()).toBe(bj('2027-01-04T12:30')); // not 04:00 on Monday
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('tenant_id')
      .where('action', '=', 'calendar.setHours')
      .execute();
    expect(audit).toEqual([{ tenant_id: '610899' }]);
  });

  it('texts the county administrators once, from 1 November, when next year is missing', async () => {
    ctx.clock.set('2027-10-30T12:00:00Z');
    await ctx.deps.jobs.ensureRecurring();
    ctx.clock.set('2027-10-31T01:00:00Z'); // 31 October, 09:00: 2028 is missing, but it is not November yet
    await ctx.deps.jobs.drain();
    expect(await calendarMissingTexts()).toEqual([]);
    ctx.clock.set('2027-11-01T01:00:00Z'); // 1 November, 09:00
    await ctx.deps.jobs.drain();
    const texts = await calendarMissingTexts();
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to_masked).toBe('139****0011');
    expect(texts[0]!.body).toContain('2028年节假日安排尚未录入');
    ctx.clock.set('2027-11-02T01:00:00Z');
    await ctx.deps.jobs.drain();
    ctx.clock.set('2027-11-03T01:00:00Z');
    await ctx.deps.jobs.drain();
    expect(await calendarMissingTexts()).toHaveLength(1);
    const admin = await login('admin');
    expect((await admin.get('/api/v1/calendar')).body.warning).toEqual({ year: 2028, state: 'missing' });
  });

  it('stays silent in November when next year is in', async () => {
    ctx.clock.set('2027-11-03T02:00:00Z');
    const admin = await login('admin');
    await admin.post('/api/v1/calendar/years/2028/import', {
      days: [{ day: '2028-01-01', isWorkday: false, name: '元旦' }],
    });
    await ctx.deps.db.deleteFrom('sms_outbox').where('template', '=', 'calendar_missing').execute();
    ctx.clock.set('2027-11-04T01:00:00Z');
    await ctx.deps.jobs.drain();
    expect(await calendarMissingTexts()).toEqual([]);
    expect((await (await login('admin')).get('/api/v1/calendar')).body.warning).toBeNull();
  });
});
