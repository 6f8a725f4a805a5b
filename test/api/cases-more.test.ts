import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, pdfText } from '../support/files.js';
import { loginCodeOf } from '../support/handset.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await givePhone(ctx.deps, 'officer', '13900000002');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
});
afterAll(() => ctx.close());

const report = (description: string, phone: string) =>
  new Session(ctx).request(
    'POST',
    '/api/v1/public/cases',
    multipart({ communityCode: world.c1.code, description, reporterName: '陈阿姨', reporterPhone: phone }),
  );

describe(`cases: documents, residents' login, restarts (${testEngine})`, () => {
  it('prints a case sheet and a QR poster as PDFs with Chinese text', async () => {
    const code = (await report('楼上邻居家下水道堵塞，水漏到我家', '13512340000')).body.trackingCode;
    const worker = await new Session(ctx).login('worker1');
    const id = (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0].id;
    const sheet = await worker.get(`/api/v1/cases/${id}/sheet.pdf`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(sheet.body);
    expect(text).toContain('诉求处理单');
    expect(text).toContain(code);
    expect(text).toContain('下水道堵塞');
    expect(text).not.toContain('13512340000');
    // names, never codes: the channel of a QR report is 码上反映, not qr
    expect(text).toMatch(/来源渠道\s*码上反映/);
    expect(text).toMatch(/紧急程度\s*一般/);
    const poster = await worker.get(`/api/v1/communities/${world.c1.code}/qr-poster.pdf`);
    const posterText = await pdfText(poster.body);
    expect(posterText).toContain('码上反映');
    expect(posterText).toContain(`/r/${world.c1.code}`);
    const outsider = await new Session(ctx).login('worker2');
    expect((await outsider.get(`/api/v1/cases/${id}/sheet.pdf`)).status).toBe(404);
  });

  it('lets a resident log in with phone + SMS code and see their own reports', async () => {
    const anon = new Session(ctx);
    expect((await anon.post('/api/v1/public/login-code', { phone: '13512340000' })).status).toBe(204);
    const code = await loginCodeOf(ctx, '13512340000');
    const wrong = await anon.post('/api/v1/auth/phone-login', {
      phone: '13512340000',
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('AUTH_CODE_INVALID');
    const ok = await anon.post('/api/v1/auth/phone-login', { phone: '13512340000', code });
    expect(ok.status).toBe(200);
    const mine = await anon.get('/api/v1/my/cases');
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].description).toBe('楼上邻居家下水道堵塞，水漏到我家');
    expect((await anon.get('/api/v1/cases')).status).toBe(403);
    expect((await anon.post('/api/v1/auth/phone-login', { phone: '13512340000', code })).status).toBe(401); // used once
  });

  it('fires deadlines that fell due while the server was down exactly once after restart', async () => {
    ctx.clock.set('2026-11-24T06:00:00Z');
    const code = (await report('小区消防通道被电动车堵塞了', '13300000001')).body.trackingCode;
    // The server goes down; an hour passes; a new process starts on the same database.
    ctx.clock.advance(60 * 60_000);
    const restarted = { ...ctx.deps, jobs: new JobRunner(ctx.deps.db, ctx.clock) };
    buildApp(restarted);
    await restarted.jobs.drain();
    await restarted.jobs.drain();
    const events = await ctx.deps.db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select(['case_events.action', 'case_events.note'])
      .where('cases.tracking_code', '=', code)
      .where('case_events.action', 'in', ['warning', 'overdue'])
      .execute();
    expect(events.map((e) => e.note).sort()).toEqual(
      // the first missed deadline lifts the case to the street (督办); the second finds it there
      ['派单即将超时', '派单已超时', '首次联系即将超时', '首次联系已超时，上报城关街道督办'].sort(),
    );
    const overdueSms = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select('to_masked')
      .where('template', 'in', ['case_escalated', 'sla_overdue'])
      .where('body', 'like', `%${code}%`)
      .execute();
    // Two clocks ran out (call back and dispatch): the first lifts the case to the street
    // (case_escalated), the second finds the street supervising (sla_overdue); each tells the cadre
    // and the street once.
    expect(overdueSms.map((s) => s.to_masked).sort()).toEqual([
      '139****0001',
      '139****0001',
      '139****0002',
      '139****0002',
    ]);
  });

  it('stops every clock when a case is resolved: no overdue text about a call back nobody needs any more', async () => {
    const code = (await report('小区门口井盖松动，车压过去响', '13512340077')).body.trackingCode;
    const worker = await new Session(ctx).login('worker1');
    const id = (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0].id;
    expect((await worker.post(`/api/v1/cases/${id}/actions/accept`, {})).status).toBe(200);
    expect((await worker.post(`/api/v1/cases/${id}/actions/resolve`, { result: '已联系物业固定井盖' })).status).toBe(
      200,
    );
    ctx.clock.advance(3 * 86_400_000);
    await ctx.deps.jobs.drain();
    const c = (await (await new Session(ctx).login('worker1')).get(`/api/v1/cases/${id}`)).body;
    expect(c.timeline.map((e: { action: string }) => e.action)).not.toContain('overdue');
    expect(c.slaLevel).toBe('ok');
    const texts = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select('template')
      .where('body', 'like', `%${code}%`)
      .where('template', 'in', ['sla_warning', 'sla_overdue'])
      .execute();
    expect(texts).toEqual([]);
  });
  it('names the clock that is late: a missed call back, not the resolve clock that still has hours left', async () => {
    const code = (await report('小区健身器材螺丝松了，老人用着危险', '13512340078')).body.trackingCode;
    const worker = await new Session(ctx).login('worker1');
    const id = (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0].id;
    expect((await worker.post(`/api/v1/cases/${id}/actions/accept`, {})).status).toBe(200);
    const dept = (await worker.get('/api/v1/departments')).body.items[0];
    const dispatched = await worker.post(`/api/v1/cases/${id}/actions/dispatch`, {
      target: { kind: 'department', id: dept.id },
      resolveHours: 48,
    });
    expect(dispatched.status).toBe(200);
    const row = async () => (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0];
    const detail = (await worker.get(`/api/v1/cases/${id}`)).body;
    // nobody called back: the call-back clock, the earliest still running, is the one shown
    expect(await row()).toMatchObject({ dueClock: 'firstContact', dueAt: detail.deadlines.firstContact });
    expect((await worker.post(`/api/v1/cases/${id}/actions/contact`, { note: '已回电' })).status).toBe(200);
    expect(await row()).toMatchObject({ dueClock: 'take', dueAt: detail.deadlines.take });
  });
  it("offers the case's community staff as dispatch targets — grid and community workers — and sends it to a community worker", async () => {
    const code = (await report('楼道里堆满了杂物，消防通道不通', '13512340079')).body.trackingCode;
    const worker = await new Session(ctx).login('worker1');
    const id = (await worker.get(`/api/v1/cases?q=${code}`)).body.items[0].id;
    expect((await worker.post(`/api/v1/cases/${id}/actions/accept`, {})).status).toBe(200);
    const people = await worker.get(`/api/v1/cases/${id}/dispatch-people`);
    expect(people.status).toBe(200);
    const byName = (u: string) =>
      people.body.items.find((p: { username?: string; name: string }) => p.name === u || p.username === u);
    const names = people.body.items.map((p: { name: string; role: string }) => `${p.role}:${p.name}`).sort();
    // the grid workers of 和平社区 and its community worker; nobody of 文化社区
    expect(names).toEqual(['community_worker:worker1', 'grid_worker:gridA', 'grid_worker:gridB']);
    expect(byName('worker1')).toMatchObject({ roleLabel: '社区工作者', placeName: '和平社区' });
    expect((await (await new Session(ctx).login('worker2')).get(`/api/v1/cases/${id}/dispatch-people`)).status).toBe(
      404,
    );
    const sent = await worker.post(`/api/v1/cases/${id}/actions/dispatch`, {
      target: { kind: 'user', id: byName('worker1').id },
      resolveHours: 24,
    });
    expect(sent.status).toBe(200);
    const sentCase = (await worker.get(`/api/v1/cases/${id}`)).body;
    expect(sentCase.assignee).toBe('worker1');
    // the timeline names the person and their role; a resident who reported has no role
    expect(sentCase.timeline.find((e: { action: string }) => e.action === 'dispatch')).toMatchObject({
      actorName: 'worker1',
      actorRole: '社区工作者',
    });
    expect(sentCase.timeline.find((e: { action: string }) => e.action === 'submit').actorRole).toBeNull();
    // a community worker of another community is no target
    const other = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'worker2')
      .executeTakeFirstOrThrow();
    expect((await worker.post(`/api/v1/cases/${id}/actions/recall`, { reason: '改派给别人' })).status).toBe(200);
    const wrong = await worker.post(`/api/v1/cases/${id}/actions/dispatch`, {
      target: { kind: 'user', id: other.id },
      resolveHours: 24,
    });
    expect(wrong.status).toBe(400);
  });
});
