import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone, putOnDuty } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, tinyPng } from '../support/files.js';
import { lastSmsTo, ratingTokenOf } from '../support/handset.js';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'handler', 'department_handler', 'D61089901');
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await givePhone(ctx.deps, 'officer', '13900000002');
  await givePhone(ctx.deps, 'receiver', '13900000003');
  await givePhone(ctx.deps, 'gridA', '13900000004');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const reportFields = (over: Record<string, string> = {}) => ({
  communityCode: '610899001001',
  description: '3号楼门口路灯坏了三天，晚上很黑',
  reporterName: '陈阿姨',
  reporterPhone: '13812345678',
  lng: '108.005',
  lat: '37.005',
  ...over,
});
const report = (over: Record<string, string> = {}, photos: Buffer[] = [], headers: Record<string, string> = {}) => {
  const form = multipart(reportFields(over));
  for (const p of photos) form.append('photos', new File([new Uint8Array(p)], 'p.png', { type: 'image/png' }));
  return new Session(ctx).request('POST', '/api/v1/public/cases', form, headers);
};
const outbox = async () =>
  ctx.deps.db
    .selectFrom('sms_outbox')
    .select(['to_masked', 'template', 'body', 'status'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
const caseByCode = async (code: string) =>
  ctx.deps.db.selectFrom('cases').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();
const act = (s: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/v1/cases/${id}/actions/${action}`, body);

describe(`cases: intake (${testEngine})`, () => {
  it('takes a QR report with a photo, files it in the grid of the point, and texts the cadre on duty and the reporter', async () => {
    const res = await report({}, [tinyPng], { 'x-forwarded-for': '1.1.1.1' });
    expect(res.status).toBe(201);
    expect(res.body.trackingCode).toMatch(/^LL-20261124-0001$/);
    const c = await caseByCode(res.body.trackingCode);
    expect(c).toMatchObject({
      state: 'submitted',
      channel: 'qr',
      category_code: 'street_light',
      place_path: world.gridA.path,
      reporter_phone_masked: '138****5678',
    });
    expect(c.photo_ids).toHaveLength(1);
    expect(new Date(c.first_contact_due_at!).toISOString()).toBe('2026-11-24T01:30:00.000Z');
    const sms = await outbox();
    expect(sms.map((m) => [m.to_masked, m.template])).toEqual([
      ['139****0001', 'case_new'],
      ['138****5678', 'case_received'],
    ]);
    expect(sms[0].body).toContain('和平社区有新诉求（LL-20261124-0001）');
    expect(sms[0].body).toContain('30分钟内回电');
    await ctx.deps.jobs.drain();
    expect((await outbox()).every((m) => m.status === 'sent')).toBe(true);
  });

  it('refuses bad input with clear errors and keeps nothing', async () => {
    const short = await report({ description: '灯坏' });
    expect(short.status).toBe(400);
    expect(short.body.error.details.issues[0]).toMatchObject({ path: 'description', message: '请至少写 5 个字' });
    expect((await report({ reporterPhone: '12345678' })).body.error.code).toBe('RESIDENT_PHONE_INVALID');
    expect((await report({}, [Buffer.from('GIF? no, text')])).status).toBe(415);
    expect((await report({ communityCode: '999999999999' })).status).toBe(404);
    const count = await ctx.deps.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('creates one case however often the same report is retried', async () => {
    const first = await report({ reporterPhone: '13700000009' }, [], { 'idempotency-key': 'retry-key-0001' });
    const again = await report({ reporterPhone: '13700000009' }, [], { 'idempotency-key': 'retry-key-0001' });
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    const rows = await ctx.deps.db
      .selectFrom('cases')
      .select('id')
      .where('idempotency_key', '=', 'retry-key-0001')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('files a grid worker’s patrol report under their own grid when they stand just across its border', async () => {
    const grid = await new Session(ctx).login('gridA');
    const res = await grid.post('/api/v1/cases', {
      channel: 'patrol',
      placeCode: world.gridA.code,
      lng: 108.0105,
      lat: 37.005,
      description: '网格边界处井盖缺失，需要尽快处理',
      idempotencyKey: 'patrol-border-0001',
    });
    expect(res.status).toBe(201);
    expect((await caseByCode(res.body.trackingCode)).place_path).toBe(world.gridA.path);
    const worker2 = await new Session(ctx).login('worker2');
    expect(
      (
        await worker2.post('/api/v1/cases', {
          channel: 'hotline',
          placeCode: world.gridA.code,
          description: '不属于本社区的诉求登记测试',
        })
      ).status,
    ).toBe(404);
  });

  it('limits reports per phone per hour', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await report({ reporterPhone: '13600000006', description: `第${i}次反映楼道灯不亮的问题` })).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    ctx.clock.advance(3_600_001);
    expect((await report({ reporterPhone: '13600000006' })).status).toBe(201);
    ctx.clock.set('2026-11-24T01:00:00Z');
  });
});

describe(`cases: the closed loop (${testEngine})`, () => {
  let id: string;
  let code: string;

  it('shows the dispatcher only the actions the table allows, and suggests duplicates', async () => {
    code = (
      await report({
        description: '楼上邻居家下水道堵塞，水漏到我家厨房',
        lng: '108.006',
        lat: '37.006',
        reporterPhone: '13512340000',
      })
    ).body.trackingCode;
    id = (await caseByCode(code)).id;
    await report({
      description: '邻居家下水道堵塞了，水漏到楼下厨房',
      lng: '108.006',
      lat: '37.006',
      reporterPhone: '13512340001',
    });
    const detail = await worker.get(`/api/v1/cases/${id}`);
    expect(detail.body.actions).toEqual(['accept', 'reject', 'contact', 'note']);
    expect(detail.body.category.name).toBe('下水道堵塞');
    const dups = await worker.get(`/api/v1/cases/${id}/duplicates`);
    expect(dups.body.items).toHaveLength(1);
    expect(dups.body.items[0].score).toBeGreaterThan(0.3);
  });

  it('accept → call back → dispatch to a department → take → resolve → rated → closed, each step in the timeline', async () => {
    expect((await act(worker, id, 'accept')).body.state).toBe('accepted');
    ctx.clock.advance(10 * 60_000);
    expect((await act(worker, id, 'contact', { note: '已电话联系陈阿姨' })).status).toBe(200);
    const dept = (await worker.get('/api/v1/departments')).body.items[0];
    const handlerSession = await new Session(ctx).login('handler');
    expect((await handlerSession.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect(
      (await act(worker, id, 'dispatch', { target: { kind: 'department', id: dept.id }, resolveHours: 48 })).body.state,
    ).toBe('dispatched');
    const inbox = await handlerSession.get('/api/v1/cases?mine=true');
    expect(inbox.body.items.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([code]);
    expect((await handlerSession.get(`/api/v1/cases/${id}`)).body.actions).toEqual([
      'contact',
      'take',
      'return',
      'note',
    ]);
    expect((await act(handlerSession, id, 'resolve', { result: 'x' })).status).toBe(409);
    expect((await act(handlerSession, id, 'take')).body.state).toBe('in_progress');
    const photo = await handlerSession.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'done.png', type: 'image/png' } }),
    );
    expect(
      (await act(handlerSession, id, 'resolve', { result: '已疏通下水道，赔偿已协商', photoIds: [photo.body.id] })).body
        .state,
    ).toBe('resolved');
    expect((await lastSmsTo(ctx, '13512340000', 'case_resolved', code)).text).toContain(`/r/track/${code}?t=`);
    const token = await ratingTokenOf(ctx, '13512340000', code);

    const anon = new Session(ctx);
    expect((await anon.get(`/api/v1/public/cases/${code}?phone4=9999`)).status).toBe(404);
    const tracking = await anon.get(`/api/v1/public/cases/${code}?t=${token}`);
    expect(tracking.body).toMatchObject({
      state: 'resolved',
      canRate: true,
      resultText: '已疏通下水道，赔偿已协商',
      community: '和平社区',
    });
    expect(tracking.body.steps.map((s: { action: string; holder: string | null }) => [s.action, s.holder])).toEqual([
      ['submit', null],
      ['accept', null],
      ['contact', null],
      ['dispatch', 'department'],
      ['take', 'department'],
      ['resolve', null],
    ]);
    expect(JSON.stringify(tracking.body)).not.toContain('13512340000');
    const rated = await anon.post(`/api/v1/public/cases/${code}/rating`, {
      token,
      rating: 'satisfied',
      solved: true,
      comment: '很满意',
    });
    expect(rated.body.state).toBe('closed');
    const done = await worker.get(`/api/v1/cases/${id}`);
    expect(done.body.rating).toMatchObject({ rating: 'satisfied', solved: true, comment: '很满意' });
    expect(done.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'contact',
      'dispatch',
      'take',
      'resolve',
      'rateSatisfied',
    ]);
    expect(done.body.actions).toEqual([]);
    const row = await caseByCode(code);
    expect(row.first_contact_on_time).toBe(true);
    expect(row.resolved_on_time).toBe(true);
  });

  it('keeps cases in scope: other grids and other departments see nothing', async () => {
    const gridB = await new Session(ctx).login('gridB');
    expect((await gridB.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await gridB.get('/api/v1/cases')).body.total).toBe(0);
    const gridA = await new Session(ctx).login('gridA');
    expect((await gridA.get('/api/v1/cases')).body.total).toBeGreaterThan(0);
    const other = await new Session(ctx).login('worker2');
    expect((await other.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await act(other, id, 'accept')).status).toBe(404);
  });

  it('reopens once when the resident is not satisfied, then escalates', async () => {
    const c2 = (await report({ description: '小区垃圾桶满了没人清运，很臭', reporterPhone: '13512349999' })).body
      .trackingCode;
    const cid = (await caseByCode(c2)).id;
    await act(worker, cid, 'accept');
    await act(worker, cid, 'resolve', { result: '已通知保洁清运' });
    const anon = new Session(ctx);
    const first = await ratingTokenOf(ctx, '13512349999', c2);
    expect(
      (await anon.post(`/api/v1/public/cases/${c2}/rating`, { token: first, rating: 'unsatisfied', solved: false }))
        .body.state,
    ).toBe('accepted');
    expect((await caseByCode(c2)).reopen_count).toBe(1);
    ctx.clock.advance(60_000);
    await act(worker, cid, 'resolve', { result: '再次清运并增加垃圾桶' });
    const second = await ratingTokenOf(ctx, '13512349999', c2);
    expect(second).not.toBe(first);
    expect(
      (await anon.post(`/api/v1/public/cases/${c2}/rating`, { token: first, rating: 'unsatisfied', solved: false }))
        .status,
    ).toBe(404);
    expect(
      (await anon.post(`/api/v1/public/cases/${c2}/rating`, { token: second, rating: 'unsatisfied', solved: false }))
        .body.state,
    ).toBe('accepted');
    const row = await caseByCode(c2);
    expect(row.escalation_level).toBe(1);
    expect(row.reopen_count).toBe(2);
  });
});

describe(`cases: watched deadlines (${testEngine})`, () => {
  it('turns yellow at 80 %, red when overdue, lifts it to the street and tells the cadre on duty and the street, once', async () => {
    ctx.clock.set('2026-11-25T02:00:00Z');
    worker = await new Session(ctx).login('worker1'); // a new day, a new login
    const code = (await report({ description: '小区消防通道被电动车堵塞', reporterPhone: '13300000001' })).body
      .trackingCode;
    const c = await caseByCode(code);
    expect(c.category_code).toBe('fire');
    const firstContactMinutes = 15;
    await ctx.deps.jobs.drain();
    ctx.clock.advance(firstContactMinutes * 0.8 * 60_000);
    await ctx.deps.jobs.drain();
    expect((await caseByCode(code)).sla_level).toBe('yellow');
    ctx.clock.advance(firstContactMinutes * 0.2 * 60_000);
    await ctx.deps.jobs.drain();
    await ctx.deps.jobs.drain();
    expect((await caseByCode(code)).sla_level).toBe('red');
    const events = (await worker.get(`/api/v1/cases/${c.id}`)).body.timeline.map((e: { action: string }) => e.action);
    expect(events.filter((a: string) => a === 'warning' || a === 'overdue')).toEqual(['warning', 'overdue']);
    // The missed call back lifts the case to the street (督办): the street's officer hears of it.
    const overdueSms = (await outbox()).filter((m) => m.template === 'case_escalated' && m.body.includes(code));
    expect(overdueSms.map((m) => m.to_masked).sort()).toEqual(['139****0001', '139****0002']);
    expect(overdueSms[0].body).toContain('首次联系已超时');
    const list = await worker.get('/api/v1/cases?overdue=true');
    expect(list.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(code);
  });

  it('stops the clock when the call back happens in time', async () => {
    ctx.clock.set('2026-11-26T02:00:00Z');
    worker = await new Session(ctx).login('worker1'); // a new day, a new login
    const code = (await report({ description: '楼道灯不亮很久了，老人摸黑', reporterPhone: '13300000002' })).body
      .trackingCode;
    const c = await caseByCode(code);
    ctx.clock.advance(10 * 60_000);
    await act(worker, c.id, 'contact', { note: '已回电' });
    ctx.clock.advance(60 * 60_000);
    await ctx.deps.jobs.drain();
    const after = await caseByCode(code);
    expect(after.first_contact_on_time).toBe(true);
    expect(after.first_contact_due_at).toBeNull();
    expect(
      (await worker.get(`/api/v1/cases/${c.id}`)).body.timeline.map((e: { action: string }) => e.action),
    ).not.toContain('overdue');
  });

  it('pauses the clock while suspended and moves the deadline by the pause', async () => {
    ctx.clock.set('2026-11-27T02:00:00Z');
    worker = await new Session(ctx).login('worker1'); // a new day, a new login
    const code = (await report({ description: '道路井盖破损，车辆经过很危险', reporterPhone: '13300000003' })).body
      .trackingCode;
    const c = await caseByCode(code);
    await act(worker, c.id, 'accept');
    const gridA = (
      await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'gridA').executeTakeFirstOrThrow()
    ).id;
    await act(worker, c.id, 'dispatch', { target: { kind: 'user', id: gridA }, resolveHours: 24 });
    const due = new Date((await caseByCode(code)).resolve_due_at!).getTime();
    expect((await act(worker, c.id, 'suspend', {})).status).toBe(400);
    await act(worker, c.id, 'suspend', { reason: '等待住建部门材料' });
    ctx.clock.advance(5 * 3_600_000);
    await act(worker, c.id, 'resume');
    const moved = await caseByCode(code);
    expect(moved.state).toBe('dispatched');
    expect(new Date(moved.resolve_due_at!).getTime() - due).toBe(5 * 3_600_000);
  });

  it('tells the reporter a grid worker holds the case when one took it, and when it went back to be sent anew', async () => {
    ctx.clock.set('2026-11-27T09:00:00Z');
    worker = await new Session(ctx).login('worker1'); // a new day, a new login
    const code = (await report({ description: '小区门口的垃圾桶满了没人清理', reporterPhone: '13300000005' })).body
      .trackingCode;
    const c = await caseByCode(code);
    await act(worker, c.id, 'accept');
    const gridA = (
      await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'gridA').executeTakeFirstOrThrow()
    ).id;
    await act(worker, c.id, 'dispatch', { target: { kind: 'user', id: gridA }, resolveHours: 24 });
    const grid = await new Session(ctx).login('gridA');
    expect((await act(grid, c.id, 'take')).body.state).toBe('in_progress');
    expect((await act(grid, c.id, 'return', { reason: '不在我的网格' })).body.state).toBe('accepted');
    const tracking = await new Session(ctx).get(`/api/v1/public/cases/${code}?phone4=0005`);
    expect(
      tracking.body.steps.map((s: { action: string; holder: string | null; note: string }) => [
        s.action,
        s.holder,
        s.note,
      ]),
    ).toEqual([
      ['submit', null, ''],
      ['accept', null, ''],
      ['dispatch', 'gridWorker', ''],
      ['take', 'gridWorker', ''],
      ['return', null, ''],
    ]);
  });

  it('closes a resolved case nobody rated after seven days', async () => {
    ctx.clock.set('2026-11-28T02:00:00Z');
    worker = await new Session(ctx).login('worker1'); // a new day, a new login
    const code = (await report({ description: '广场舞音响太吵，晚上十点还在放', reporterPhone: '13300000004' })).body
      .trackingCode;
    const c = await caseByCode(code);
    await act(worker, c.id, 'accept');
    await act(worker, c.id, 'resolve', { result: '已协调广场舞队九点前结束' });
    ctx.clock.advance(7 * 86_400_000 + 1000);
    await ctx.deps.jobs.drain();
    const closed = await caseByCode(code);
    expect(closed.state).toBe('closed');
    expect(closed.rating).toBeNull();
  });
});
