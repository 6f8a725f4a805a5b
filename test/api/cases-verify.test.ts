import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { multipart, tinyPng } from '../support/files.js';
import { smsTo } from '../support/handset.js';

// 核查: a case dispatched with `verify` (on by default for a volunteer team) goes from the handler's
// resolve to `verifying`; a grid worker or dispatcher of its place checks it on site. Passed → resolved
// and the reporter is asked to rate; failed → back to the handler with the reason.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
let teamId: string;

const act = (s: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/v1/cases/${id}/actions/${action}`, body);
const row = (id: string) => ctx.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const upload = async (s: Session) =>
  (await s.request('POST', '/api/v1/files', multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } })))
    .body.id as string;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'vol1', 'volunteer', world.c1.code);
  const vol1 = await ctx.deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'vol1')
    .executeTakeFirstOrThrow();
  worker = await new Session(ctx).login('worker1');
  teamId = (
    await worker.post('/api/v1/volunteer-teams', {
      name: '和平社区服务队',
      placeCode: world.c1.code,
      leaderUserId: vol1.id,
    })
  ).body.id;
  await givePhone(ctx.deps, 'vol1', '13900002001');
});
afterAll(() => ctx.close());

/** A hotline case with the reporter's phone, accepted, sent to the team and resolved by its leader. */
async function resolvedByTeam(description: string, phone: string, dispatch: Record<string, unknown> = {}) {
  const res = await worker.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.gridA.code,
    description,
    reporterName: '王大爷',
    reporterPhone: phone,
  });
  expect(res.status).toBe(201);
  const id = (await worker.get(`/api/v1/cases?q=${res.body.trackingCode}`)).body.items[0].id as string;
  await act(worker, id, 'accept');
  expect((await act(worker, id, 'dispatch', { target: { kind: 'team', id: teamId }, ...dispatch })).status).toBe(200);
  const vol = await new Session(ctx).login('vol1');
  await act(vol, id, 'take');
  const done = await act(vol, id, 'resolve', { result: '已上门疏通下水管道' });
  expect(done.status).toBe(200);
  return { id, code: res.body.trackingCode as string, vol, state: done.body.state as string };
}

describe(`cases: on-site verification 核查 (${testEngine})`, () => {
  it('holds a resolved case in 待核查: it cannot be closed or rated, and the reporter is not asked yet', async () => {
    const { id, state, vol } = await resolvedByTeam('厨房下水道堵了，老人自己弄不了', '13500000001');
    expect(state).toBe('verifying');
    expect((await row(id)).verify_required).toBe(true);
    const close = await act(worker, id, 'close');
    expect(close.status).toBe(409);
    expect(close.body.error.code).toBe('CASE_ACTION_NOT_ALLOWED');
    expect(await smsTo(ctx, '13500000001', 'case_resolved')).toHaveLength(0);
    expect((await row(id)).rating_token_hash).toBeNull();
    // The one who did the work does not check it.
    expect((await vol.get(`/api/v1/cases/${id}`)).body.actions).toEqual(['note']); // notes only: no check of its own work
    expect((await act(vol, id, 'verify', { note: '自己核查自己' })).status).toBe(409);
    const page = await worker.get(`/api/v1/cases/${id}`);
    expect(page.body).toMatchObject({ state: 'verifying', stage: 'feedback', verifyRequired: true });
    expect(page.body.actions).toEqual(['note', 'verify', 'failVerify']);
    const grid = await new Session(ctx).login('gridA');
    expect((await grid.get(`/api/v1/cases/${id}`)).body.actions).toEqual(['verify', 'failVerify']);
    // Another grid's worker cannot even read it.
    const gridB = await new Session(ctx).login('gridB');
    expect((await gridB.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await act(gridB, id, 'verify', { note: '越界核查' })).status).toBe(404);
  });

  it('passes: a grid worker checks on site with a note and photos; then the reporter rates and it closes', async () => {
    const { id, code } = await resolvedByTeam('楼下垃圾桶破损，垃圾散落一地', '13500000002');
    const grid = await new Session(ctx).login('gridA');
    const noNote = await act(grid, id, 'verify', {});
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details.issues[0]).toMatchObject({ path: 'note' });
    expect((await row(id)).state).toBe('verifying');
    const photo = await upload(grid);
    const ok = await act(grid, id, 'verify', { note: '现场查看，垃圾桶已更换，地面已清理', photoIds: [photo] });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('resolved');
    const c = await row(id);
    expect(c.verify_photo_ids).toEqual([photo]);
    expect(c.rating_token_hash).not.toBeNull();
    const sms = await smsTo(ctx, '13500000002', 'case_resolved');
    expect(sms).toHaveLength(1);
    expect(sms[0].text).toContain('已上门疏通下水管道');
    const page = await worker.get(`/api/v1/cases/${id}`);
    expect(page.body).toMatchObject({ state: 'resolved', stage: 'verify', verifyPhotoIds: [photo] });
    const verifyEvent = page.body.timeline.find((e: { action: string }) => e.action === 'verify');
    expect(verifyEvent).toMatchObject({
      actorName: 'gridA',
      note: '现场查看，垃圾桶已更换，地面已清理',
      toState: 'resolved',
    });
    // The team's members can see the check's photo of their case.
    const vol = await new Session(ctx).login('vol1');
    expect((await vol.get(`/api/v1/files/${photo}`)).status).toBe(200);
    const closed = await act(worker, id, 'close');
    expect(closed.body.state).toBe('closed');
    expect((await worker.get(`/api/v1/cases/${id}`)).body.stage).toBe('evaluate');
    expect(code).toMatch(/^LL-/);
  });

  it('fails: back to the handler in progress with the reason, a new deadline and an SMS; resolved again it waits for 核查 again', async () => {
    const { id, vol } = await resolvedByTeam('单元门禁坏了，关不上', '13500000003');
    const noReason = await act(worker, id, 'failVerify', {});
    expect(noReason.status).toBe(400);
    const back = await act(worker, id, 'failVerify', { reason: '门禁仍然无法关闭，请重新维修' });
    expect(back.status).toBe(200);
    expect(back.body.state).toBe('in_progress');
    const c = await row(id);
    expect(c.resolved_at).toBeNull();
    expect(c.resolve_due_at).not.toBeNull();
    const sms = await smsTo(ctx, '13900002001', 'case_verify_failed');
    expect(sms).toHaveLength(1);
    expect(sms[0].text).toContain('门禁仍然无法关闭');
    const page = await vol.get(`/api/v1/cases/${id}`);
    expect(page.body.stage).toBe('handle');
    expect(page.body.actions).toContain('resolve');
    const event = page.body.timeline.at(-1);
    expect(event).toMatchObject({ action: 'failVerify', fromState: 'verifying', toState: 'in_progress' });
    expect(event.note).toBe('门禁仍然无法关闭，请重新维修');
    expect((await act(vol, id, 'resolve', { result: '更换门禁电磁锁，已能正常关闭' })).body.state).toBe('verifying');
    expect(await smsTo(ctx, '13500000003', 'case_resolved')).toHaveLength(0);
  });

  it('needs no check when the dispatcher says so, and none for a worker unless asked', async () => {
    const noCheck = await resolvedByTeam('小区路灯不亮', '13500000004', { verify: false });
    expect(noCheck.state).toBe('resolved');
    expect(await smsTo(ctx, '13500000004', 'case_resolved')).toHaveLength(1);
    const res = await worker.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.gridA.code,
      description: '井盖松动，走上去咣当响',
    });
    const id = (await worker.get(`/api/v1/cases?q=${res.body.trackingCode}`)).body.items[0].id as string;
    await act(worker, id, 'accept');
    const gridB = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'gridB')
      .executeTakeFirstOrThrow();
    await act(worker, id, 'dispatch', { target: { kind: 'user', id: gridB.id }, verify: true });
    const b = await new Session(ctx).login('gridB');
    await act(b, id, 'take');
    expect((await act(b, id, 'resolve', { result: '已更换井盖' })).body.state).toBe('verifying');
    // gridB did the work: gridA (the case's grid) or the dispatcher checks it.
    expect((await b.get(`/api/v1/cases/${id}`)).body.actions).toEqual(['note']);
    expect((await act(worker, id, 'verify', { note: '电话及现场确认井盖已更换' })).body.state).toBe('resolved');
  });
  // Last: it moves the clock on by days (sessions of the other tests would expire).
  it('closes an unrated case a week after the check, not a week after the handler’s resolve', async () => {
    const { id } = await resolvedByTeam('楼道扶手松动', '13500000005');
    ctx.clock.advance(5 * 86_400_000);
    await ctx.deps.jobs.drain();
    const grid = await new Session(ctx).login('gridA');
    expect((await act(grid, id, 'verify', { note: '扶手已加固，现场确认牢固' })).body.state).toBe('resolved');
    ctx.clock.advance(6 * 86_400_000);
    await ctx.deps.jobs.drain();
    expect((await row(id)).state).toBe('resolved');
    ctx.clock.advance(86_400_000 + 60_000);
    await ctx.deps.jobs.drain();
    expect((await row(id)).state).toBe('closed');
  });
});
