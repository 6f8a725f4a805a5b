import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildPlace, buildUser, buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart } from '../support/files.js';
import { smsTo } from '../support/handset.js';

// 督办: a late case climbs the chain community → street → county one level per overdue period, and
// each level's people are told; the 督办 queue shows it to the level that supervises it.

let ctx: TestContext;
let worker: Session;

const phones = {
  worker1: '13900000101', // the community's dispatcher, on duty
  officer: '13900000102', // 城关街道's officer
  officer2: '13900000103', // another street's officer
  admin: '13900000104', // the county
  gridA: '13900000105', // the grid worker the case is sent to
};

beforeAll(async () => {
  ctx = await createTestApp();
  const world = await buildWorld(ctx.deps);
  const street2 = await buildPlace(ctx.deps, {
    kind: 'street',
    code: '610899002',
    name: '东城街道',
    parent: world.county,
  });
  await buildPlace(ctx.deps, { kind: 'community', code: '610899002001', name: '东城社区', parent: street2 });
  await buildUser(ctx.deps, 'officer2', 'street_officer', street2.code);
  await ctx.deps.db.updateTable('places').set({ name: '城关街道' }).where('code', '=', world.street.code).execute();
  for (const [username, phone] of Object.entries(phones)) await givePhone(ctx.deps, username, phone);
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const report = (reporterPhone: string, description: string) =>
  new Session(ctx).request(
    'POST',
    '/api/v1/public/cases',
    multipart({
      communityCode: '610899001001',
      description,
      reporterName: '陈阿姨',
      reporterPhone,
      lng: '108.005',
      lat: '37.005',
    }),
  );
const caseByCode = (code: string) =>
  ctx.deps.db.selectFrom('cases').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
const act = (s: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/v1/cases/${id}/actions/${action}`, body);
const userId = async (username: string) =>
  (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
/** Who got a text of this template about this case, by username. */
const toldAbout = async (template: string, code: string) => {
  const told: string[] = [];
  for (const [username, phone] of Object.entries(phones))
    if ((await smsTo(ctx, phone, template)).some((m) => m.text.includes(code))) told.push(username);
  return told.sort();
};
const runJobsAt = async (at: Date | string) => {
  ctx.clock.set(new Date(at).toISOString());
  await ctx.deps.jobs.drain();
  await ctx.deps.jobs.drain();
};
const timeline = async (id: string) =>
  (await worker.get(`/api/v1/cases/${id}`)).body.timeline as {
    action: string;
    note: string;
    data: Record<string, unknown>;
  }[];

/** A case reported, called back, and sent to grid worker A, who never takes it. */
async function dispatchedCase(reporterPhone: string, description: string, resolveHours?: number) {
  const code = (await report(reporterPhone, description)).body.trackingCode as string;
  const { id } = await caseByCode(code);
  await act(worker, id, 'accept');
  await act(worker, id, 'contact', { note: '已回电' });
  expect(
    (await act(worker, id, 'dispatch', { target: { kind: 'user', id: await userId('gridA') }, resolveHours })).status,
  ).toBe(200);
  return { code, id };
}

describe(`escalation: community → street → county (${testEngine})`, () => {
  let code: string;
  let id: string;

  it('climbs one level when the take clock goes red, and tells the street, the dispatcher and the assignee', async () => {
    ({ code, id } = await dispatchedCase('13800000001', '3号楼门口路灯坏了三天，晚上很黑'));
    const due = (await caseByCode(code)).take_due_at!;
    await runJobsAt(due);
    const row = await caseByCode(code);
    expect(row.escalation_level).toBe(1); // not 0 → 2
    expect(row.sla_level).toBe('red');
    expect(row.assignee_name).toBe('gridA');
    expect(await toldAbout('case_escalated', code)).toEqual(['gridA', 'officer', 'worker1']);
    const sms = (await smsTo(ctx, phones.officer, 'case_escalated')).at(-1)!;
    expect(sms.text).toContain('接单已超时');
    expect(sms.text).toContain('已上报城关街道督办');
    const overdue = (await timeline(id)).find((e) => e.action === 'overdue')!;
    expect(overdue.note).toBe('接单已超时，上报城关街道督办');
    expect(overdue.data).toMatchObject({ level: 1, supervisor: '城关街道', escalated: true });
    expect(overdue.data.told).toEqual(['gridA', 'officer', 'worker1']);
  });

  it('tells the reporter once that the case is late and which place supervises it, with no staff name', async () => {
    const texts = await smsTo(ctx, '13800000001', 'case_supervised');
    expect(texts).toHaveLength(1);
    expect(texts[0].text).toContain('您反映的问题');
    expect(texts[0].text).toContain('已超期，已由城关街道督办');
    expect(texts[0].text).not.toContain('gridA');
  });

  it('shows the case in the 督办 queue of its street, not to another street or to the county yet', async () => {
    const officer = await new Session(ctx).login('officer');
    const page = await officer.get('/api/v1/supervision');
    expect(page.status).toBe(200);
    expect(page.body.levels).toEqual([1]);
    const item = page.body.items.find((i: { trackingCode: string }) => i.trackingCode === code);
    expect(item).toMatchObject({ escalationLevel: 1, supervisor: '城关街道', assignee: 'gridA', state: 'dispatched' });
    expect(item.lateMinutes).toBe(0);
    expect(item.supervisionDueAt).not.toBeNull();
    const other = await new Session(ctx).login('officer2');
    expect((await other.get('/api/v1/supervision')).body.items).toEqual([]);
    const county = await new Session(ctx).login('admin');
    expect(
      (await county.get('/api/v1/supervision')).body.items.map((i: { trackingCode: string }) => i.trackingCode),
    ).not.toContain(code);
    const own = await worker.get('/api/v1/supervision');
    expect(own.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(code);
    const grid = await new Session(ctx).login('gridA');
    expect((await grid.get('/api/v1/supervision')).status).toBe(403);
  });

  it('lets the street urge the assignee: a 督办 note on the timeline, an SMS and an audit row', async () => {
    const officer = await new Session(ctx).login('officer');
    expect((await officer.post(`/api/v1/supervision/${id}/urge`, { note: '' })).status).toBe(400);
    const other = await new Session(ctx).login('officer2');
    expect((await other.post(`/api/v1/supervision/${id}/urge`, { note: '请尽快处理' })).status).toBe(404);
    const res = await officer.post(`/api/v1/supervision/${id}/urge`, { note: '今天下班前必须接单' });
    expect(res.status).toBe(200);
    expect(res.body.told).toEqual(['gridA']);
    const urged = (await timeline(id)).filter((e) => e.action === 'urge');
    expect(urged).toHaveLength(1);
    expect(urged[0]).toMatchObject({ note: '今天下班前必须接单', data: { level: 1, supervisor: '城关街道' } });
    const sms = await smsTo(ctx, phones.gridA, 'case_urged');
    expect(sms).toHaveLength(1);
    expect(sms[0].text).toContain('城关街道督办');
    expect(sms[0].text).toContain(code);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'case.urge')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('climbs to the county when the street’s period ends and the case is still late, and tells the county', async () => {
    const before = await caseByCode(code);
    await runJobsAt(new Date(new Date(before.supervision_due_at!).getTime() - 60_000));
    expect((await caseByCode(code)).escalation_level).toBe(1);
    await runJobsAt(before.supervision_due_at!);
    const row = await caseByCode(code);
    expect(row.escalation_level).toBe(2);
    expect(row.supervision_due_at).toBeNull(); // the top: no one above to climb to
    const county = (await smsTo(ctx, phones.admin, 'case_escalated')).filter((m) => m.text.includes(code));
    expect(county).toHaveLength(1);
    expect(county[0].text).toContain('已上报和宁县督办');
    expect(await toldAbout('case_escalated', code)).toEqual(['admin', 'gridA', 'officer', 'worker1']);
    const escalated = (await timeline(id)).filter((e) => e.action === 'escalate');
    expect(escalated.map((e) => e.data.level)).toEqual([2]);
    expect(escalated[0].data.told).toEqual(['admin', 'gridA', 'worker1']);
    expect(await smsTo(ctx, '13800000001', 'case_supervised')).toHaveLength(1); // still once
    const admin = await new Session(ctx).login('admin');
    const item = (await admin.get('/api/v1/supervision')).body.items.find(
      (i: { trackingCode: string }) => i.trackingCode === code,
    );
    expect(item).toMatchObject({ escalationLevel: 2, supervisor: '和宁县' });
    expect(item.lateMinutes).toBeGreaterThanOrEqual(60);
  });

  it('stays at the county when more deadlines are missed, telling the county again', async () => {
    await runJobsAt((await caseByCode(code)).resolve_due_at!);
    expect((await caseByCode(code)).escalation_level).toBe(2);
    const overdue = (await smsTo(ctx, phones.admin, 'sla_overdue')).filter((m) => m.text.includes(code));
    expect(overdue).toHaveLength(1);
    expect(overdue[0].text).toContain('办结已超时');
  });

  it('does not climb twice when two clocks go red in the same period', async () => {
    ctx.clock.set('2026-12-01T01:00:00Z');
    worker = await new Session(ctx).login('worker1');
    const both = await dispatchedCase('13800000002', '5号楼下水井盖松动，踩上去会晃', 1);
    const row = await caseByCode(both.code);
    await runJobsAt(new Date(Math.max(new Date(row.take_due_at!).getTime(), new Date(row.resolve_due_at!).getTime())));
    expect((await caseByCode(both.code)).escalation_level).toBe(1);
    const reds = (await timeline(both.id)).filter((e) => e.action === 'overdue');
    expect(reds.map((e) => e.data.level)).toEqual([1, 1]);
  });

  it('stops climbing once the case is taken within the street’s period', async () => {
    ctx.clock.set('2026-12-02T01:00:00Z');
    worker = await new Session(ctx).login('worker1');
    const taken = await dispatchedCase('13800000003', '7号楼楼道堆满杂物，消防通道不通');
    await runJobsAt((await caseByCode(taken.code)).take_due_at!);
    expect((await caseByCode(taken.code)).escalation_level).toBe(1);
    const grid = await new Session(ctx).login('gridA');
    expect((await act(grid, taken.id, 'take')).status).toBe(200);
    await runJobsAt((await caseByCode(taken.code)).supervision_due_at!);
    expect((await caseByCode(taken.code)).escalation_level).toBe(1);
  });

  it('holds the street’s period while the case is suspended, and climbs when it runs out after the pause', async () => {
    ctx.clock.set('2026-12-04T01:00:00Z');
    worker = await new Session(ctx).login('worker1');
    const paused = await dispatchedCase('13800000005', '9号楼外墙瓷砖脱落，砸到路边');
    await runJobsAt((await caseByCode(paused.code)).take_due_at!);
    const periodEnd = new Date((await caseByCode(paused.code)).supervision_due_at!).getTime();
    expect((await act(worker, paused.id, 'suspend', { reason: '等待物业提供维修资金' })).status).toBe(200);
    await runJobsAt(new Date(periodEnd + 60 * 60_000)); // the period would have ended an hour ago
    expect((await caseByCode(paused.code)).escalation_level).toBe(1);
    expect((await act(worker, paused.id, 'resume')).status).toBe(200);
    const moved = new Date((await caseByCode(paused.code)).supervision_due_at!).getTime();
    expect(moved).toBeGreaterThan(ctx.clock.now().getTime());
    await runJobsAt(new Date(moved - 60_000));
    expect((await caseByCode(paused.code)).escalation_level).toBe(1);
    await runJobsAt(new Date(moved));
    expect((await caseByCode(paused.code)).escalation_level).toBe(2);
  });

  it('takes the dispatcher’s 上报 up the same chain, one level at a time, texting the street', async () => {
    ctx.clock.set('2026-12-03T01:00:00Z');
    worker = await new Session(ctx).login('worker1');
    const manual = await dispatchedCase('13800000004', '小区门口占道经营，老人出行不便');
    expect((await act(worker, manual.id, 'escalate', { reason: '涉及多个部门，社区无法协调' })).status).toBe(200);
    const row = await caseByCode(manual.code);
    expect(row.escalation_level).toBe(1);
    expect(row.supervision_due_at).not.toBeNull();
    expect(await toldAbout('case_escalated', manual.code)).toEqual(['gridA', 'officer', 'worker1']);
    const event = (await timeline(manual.id)).find((e) => e.action === 'escalate')!;
    expect(event.data).toMatchObject({ level: 1, supervisor: '城关街道' });
    expect(await smsTo(ctx, '13800000004', 'case_supervised')).toEqual([]); // not late: the reporter is not told
    expect((await act(worker, manual.id, 'escalate', { reason: '街道仍未协调好' })).status).toBe(200);
    expect((await caseByCode(manual.code)).escalation_level).toBe(2);
    expect((await act(worker, manual.id, 'escalate', { reason: '再上报一次' })).status).toBe(409);
  });
});
