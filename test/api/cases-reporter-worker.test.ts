import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Issue 14: the grid worker who entered a case for a resident (the actor of its submit step) may
// call the reporter back (联系反映人) and add notes (备注) on that case — nothing more.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let gridA: Session;
let caseId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'gridA2', 'grid_worker', world.gridA.code);
  gridA = await new Session(ctx).login('gridA');
  const res = await gridA.post('/api/v1/cases', {
    channel: 'patrol',
    placeCode: world.gridA.code,
    description: '独居老人王大爷家水管爆裂，请社区帮忙找人维修',
    reporterName: '王大爷',
    reporterPhone: '13812345678',
  });
  expect(res.status).toBe(201);
  caseId = res.body.id;
});
afterAll(() => ctx.close());

const timelineOf = async (s: Session) =>
  ((await s.get(`/api/v1/cases/${caseId}`)).body.timeline as { action: string; note: string }[]).map(
    (e) => `${e.action}:${e.note}`,
  );

describe(`the grid worker who entered a case (${testEngine})`, () => {
  it('is offered 联系反映人 and 备注, and takes them', async () => {
    expect((await gridA.get(`/api/v1/cases/${caseId}`)).body.actions).toEqual(['contact', 'note']);
    const contact = await gridA.post(`/api/v1/cases/${caseId}/actions/contact`, {
      note: '已电话联系王大爷，先关了总阀',
    });
    expect(contact.status).toBe(200);
    const note = await gridA.post(`/api/v1/cases/${caseId}/actions/note`, {
      note: '王大爷腿脚不便，上门请先敲门再打电话',
    });
    expect(note).toMatchObject({ status: 200, body: { id: caseId, state: 'submitted' } });
    expect(await timelineOf(gridA)).toEqual([
      'submit:',
      'contact:已电话联系王大爷，先关了总阀',
      'note:王大爷腿脚不便，上门请先敲门再打电话',
    ]);
    // The first contact counts for the response rate as anyone's call back would.
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select('first_contact_at')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row.first_contact_at).not.toBeNull();
  });

  it('refuses an empty note, and everything beyond calling back and notes', async () => {
    const empty = await gridA.post(`/api/v1/cases/${caseId}/actions/note`, { note: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues).toEqual([{ path: 'note', message: '请填写备注（至少 2 个字）' }]);
    for (const action of ['accept', 'reject', 'dispatch', 'resolve', 'close'])
      expect((await gridA.post(`/api/v1/cases/${caseId}/actions/${action}`, { reason: '测试原因' })).status).toBe(409);
  });

  it('gives nothing to another grid worker of the same grid, and the dispatcher may note too', async () => {
    const other = await new Session(ctx).login('gridA2');
    expect((await other.get(`/api/v1/cases/${caseId}`)).body.actions).toEqual([]);
    expect((await other.post(`/api/v1/cases/${caseId}/actions/note`, { note: '我也来看看' })).status).toBe(409);
    expect((await (await new Session(ctx).login('gridB')).get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.get(`/api/v1/cases/${caseId}`)).body.actions).toContain('note');
    expect((await worker.post(`/api/v1/cases/${caseId}/actions/note`, { note: '已联系物业维修班' })).status).toBe(200);
  });
});
