import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// Issue 14: a case sent to someone who does not act stayed with them, even once escalated. A
// dispatcher of the case's place — the community, or the street supervising it — takes it back
// (收回改派) with a reason and sends it anew; the assignee loses it, a grid worker cannot.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
let caseId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
  const res = await worker.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.gridA.code,
    description: '小区东门路灯连续三晚不亮，老人晚上出门看不清',
    reporterName: '刘阿姨',
    reporterPhone: '13812345679',
  });
  expect(res.status).toBe(201);
  caseId = res.body.id;
  expect((await worker.post(`/api/v1/cases/${caseId}/actions/accept`, {})).status).toBe(200);
  const dept = (await worker.get('/api/v1/departments')).body.items[0];
  const sent = await worker.post(`/api/v1/cases/${caseId}/actions/dispatch`, {
    target: { kind: 'department', id: dept.id },
    resolveHours: 24,
  });
  expect(sent.body.state).toBe('dispatched');
});
afterAll(() => ctx.close());

describe(`收回改派: a dispatcher takes a case back from an assignee (${testEngine})`, () => {
  it('is refused without a reason, to the assignee and to a grid worker', async () => {
    expect((await worker.post(`/api/v1/cases/${caseId}/actions/recall`, {})).status).toBe(400);
    const receiver = await new Session(ctx).login('receiver');
    expect((await receiver.get(`/api/v1/cases/${caseId}`)).body.actions).not.toContain('recall');
    const grid = await new Session(ctx).login('gridA');
    expect((await grid.post(`/api/v1/cases/${caseId}/actions/recall`, { reason: '没人接' })).status).toBe(409);
  });

  it('lets the street officer above take it back and send it to a grid worker', async () => {
    const officer = await new Session(ctx).login('officer');
    expect((await officer.get(`/api/v1/cases/${caseId}`)).body.actions).toContain('recall');
    const back = await officer.post(`/api/v1/cases/${caseId}/actions/recall`, { reason: '部门两天未接单，改派网格员' });
    expect(back.status).toBe(200);
    const detail = (await officer.get(`/api/v1/cases/${caseId}`)).body;
    expect(detail).toMatchObject({ state: 'accepted', assignee: null });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'recall', note: '部门两天未接单，改派网格员' });
    // The department no longer reads it; the dispatch clock runs again.
    const receiver = await new Session(ctx).login('receiver');
    expect((await receiver.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select(['dispatch_due_at', 'take_due_at', 'assignee_department_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ take_due_at: null, assignee_department_id: null });
    expect(row.dispatch_due_at).not.toBeNull();
    const gridUser = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'gridA')
      .executeTakeFirstOrThrow();
    const again = await officer.post(`/api/v1/cases/${caseId}/actions/dispatch`, {
      target: { kind: 'user', id: gridUser.id },
      resolveHours: 24,
    });
    expect(again.body.state).toBe('dispatched');
  });
});
