import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { newId } from '../../src/server/platform/ids.js';
import { addMembership, buildPlace, buildUser, buildWorld, givePhone } from '../support/factories.js';
import { smsTo } from '../support/handset.js';
import { testEngine } from '../support/db.js';

// Issue 14, an insider's attack on what it added: each test is a hole found and closed.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
});
afterAll(() => ctx.close());

const idOf = async (username: string) =>
  (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

async function newCase(worker: Session) {
  const res = await worker.post('/api/v1/cases', {
    channel: 'hotline',
    placeCode: world.gridA.code,
    description: '楼道灯坏了三天，晚上上下楼看不清',
    reporterName: '王大爷',
    reporterPhone: '13812345670',
  });
  expect(res.status).toBe(201);
  expect((await worker.post(`/api/v1/cases/${res.body.id}/actions/accept`, {})).status).toBe(200);
  return res.body.id as string;
}

describe(`issue 14 under attack (${testEngine})`, () => {
  it('a case cannot be sent to a disabled account (nobody would ever take it)', async () => {
    const admin = await new Session(ctx).login('admin');
    const gridB = await idOf('gridB');
    expect((await admin.post(`/api/v1/users/${gridB}/disable`)).status).toBe(200);
    const worker = await new Session(ctx).login('worker1');
    const caseId = await newCase(worker);
    const sent = await worker.post(`/api/v1/cases/${caseId}/actions/dispatch`, {
      target: { kind: 'user', id: gridB },
      resolveHours: 24,
    });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain('已停用');
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select(['state', 'assignee_user_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'accepted', assignee_user_id: null });
    expect((await admin.post(`/api/v1/users/${gridB}/enable`)).status).toBe(200);
  });

  it('a volunteer whose volunteer role is taken away no longer reads or works the team’s cases', async () => {
    // volx volunteers in 和平社区 and is also the grid worker of 文化一网格.
    await buildUser(ctx.deps, 'volx', 'volunteer', world.c1.code);
    await addMembership(ctx.deps, 'volx', 'grid_worker', world.gridC.code);
    const volx = await idOf('volx');
    const worker = await new Session(ctx).login('worker1');
    const team = await worker.post('/api/v1/volunteer-teams', {
      name: '和平社区助老队',
      placeCode: world.c1.code,
      memberUserIds: [volx],
    });
    expect(team.status).toBe(201);
    const caseId = await newCase(worker);
    const sent = await worker.post(`/api/v1/cases/${caseId}/actions/dispatch`, {
      target: { kind: 'team', id: team.body.id },
      resolveHours: 24,
    });
    expect(sent.status).toBe(200);
    expect((await (await new Session(ctx).login('volx')).get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    // The community takes the volunteer role away; the grid worker role in 文化社区 stays.
    const admin = await new Session(ctx).login('admin');
    const user = (await admin.get(`/api/v1/users/${volx}`)).body;
    const volunteer = user.memberships.find((m: { role: string }) => m.role === 'volunteer');
    expect((await admin.request('DELETE', `/api/v1/users/${volx}/memberships/${volunteer.id}`)).status).toBe(200);
    const after = await new Session(ctx).login('volx');
    expect((await after.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await after.post(`/api/v1/cases/${caseId}/actions/take`, {})).status).toBe(404);
    const inbox = (await after.get('/api/v1/cases?pageSize=100')).body.items ?? [];
    expect(inbox.map((c: { id: string }) => c.id)).not.toContain(caseId);
    // Nor is the former volunteer texted about the team's next case.
    await givePhone(ctx.deps, 'volx', '13900009901');
    const next = await newCase(worker);
    expect(
      (await worker.post(`/api/v1/cases/${next}/actions/dispatch`, { target: { kind: 'team', id: team.body.id } }))
        .status,
    ).toBe(200);
    expect(await smsTo(ctx, '13900009901', 'case_dispatched')).toHaveLength(0);
  });

  it('a special day outside the calendar’s years is refused (400), not a 500', async () => {
    const admin = await new Session(ctx).login('admin');
    for (const day of ['0001-01-01', '1999-12-31', '2101-01-01', '9999-01-01']) {
      const put = await admin.request('PUT', `/api/v1/calendar/days/${day}`, { isWorkday: false, name: '假日' });
      expect(put.status, day).toBe(400);
      expect(put.body.error.details.issues[0]).toMatchObject({ path: 'day', message: '年份须在 2000 至 2100 之间' });
      expect((await admin.request('DELETE', `/api/v1/calendar/days/${day}`)).status, day).toBe(400);
    }
    const imported = await admin.post('/api/v1/calendar/years/2030/import', {
      source: '测试',
      days: [{ day: '0001-01-01', isWorkday: false, name: '假日' }],
    });
    expect(imported.status).toBe(400);
    expect(
      (await admin.request('PUT', '/api/v1/calendar/days/2100-12-31', { isWorkday: false, name: '假日' })).status,
    ).toBe(200);
  });

  it('a case list or statistics from year 1 to 9999 is a 400, not a 500', async () => {
    const admin = await new Session(ctx).login('admin');
    for (const path of [
      '/api/v1/cases?from=0001-01-01',
      '/api/v1/cases?to=9999-12-31',
      '/api/v1/stats/summary?from=0001-01-01',
      '/api/v1/stats/trend?to=9999-12-31',
      '/api/v1/stats/breakdown?from=0001-01-01&to=9999-12-31',
    ]) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.issues[0].message, path).toBe('年份须在 2000 至 2100 之间');
    }
    expect((await admin.get('/api/v1/cases?from=2000-01-01&to=2100-12-31')).status).toBe(200);
    expect((await admin.get('/api/v1/stats/summary?from=2026-01-01&to=2026-12-31')).status).toBe(200);
  });

  it('refuses a username that differs from a taken one only by case (no look-alike ADMIN beside admin)', async () => {
    const worker = await new Session(ctx).login('worker1');
    for (const username of ['ADMIN', 'Admin', 'Worker1']) {
      const res = await worker.post('/api/v1/users', {
        displayName: '假管理员',
        password: 'Start2026x',
        username,
        memberships: [{ role: 'grid_worker', scope: world.gridA.code }],
      });
      expect(res.status, username).toBe(409);
    }
    const rows = await ctx.deps.db
      .selectFrom('users')
      .select('username')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', 'admin'))
      .execute();
    expect(rows.map((r) => r.username)).toEqual(['admin']);
  });

  it("bounds a street office's account (城关司法所) by its street, not the county", async () => {
    const other = await buildPlace(ctx.deps, {
      kind: 'street',
      code: '610899009',
      name: '西关街道',
      parent: world.county,
    });
    const otherCommunity = await buildPlace(ctx.deps, {
      kind: 'community',
      code: '610899009001',
      name: '西关社区',
      parent: other,
    });
    await ctx.deps.db
      .insertInto('departments')
      .values({
        id: newId(),
        tenant_id: '610899',
        code: 'D61089901J',
        name: '城关司法所',
        kind: 'justice',
        street_code: world.street.code,
        created_at: ctx.deps.clock.now(),
      })
      .execute();
    await buildUser(ctx.deps, 'streetJustice', 'department_receiver', 'D61089901J');
    const receiver = await new Session(ctx).login('streetJustice');
    expect((await receiver.get(`/api/v1/places/${world.c1.code}`)).status).toBe(200);
    expect((await receiver.get(`/api/v1/places/${otherCommunity.code}`)).status).toBe(404);
    // A county department (no street) still reads the whole county.
    const county = await new Session(ctx).login('receiver');
    expect((await county.get(`/api/v1/places/${otherCommunity.code}`)).status).toBe(200);
  });
});
