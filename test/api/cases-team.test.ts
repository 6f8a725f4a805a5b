import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildUser, buildWorld, givePhone } from '../support/factories.js';
import { testEngine } from '../support/db.js';
import { smsTo } from '../support/handset.js';

// 上门服务 by a volunteer team (志愿服务队): a community sets up a team of volunteer accounts, sends a
// case to it, and the team's members take and resolve it from their inbox. Only teams of the case's
// community or street; another community's volunteers see nothing.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
const ids: Record<string, string> = {};

const userId = async (username: string) =>
  (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const act = (s: Session, id: string, action: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/v1/cases/${id}/actions/${action}`, body);

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'vol1', 'volunteer', world.c1.code);
  await buildUser(ctx.deps, 'vol2', 'volunteer', world.c1.code);
  await buildUser(ctx.deps, 'volC2', 'volunteer', world.c2.code);
  await givePhone(ctx.deps, 'vol1', '13900001001');
  await givePhone(ctx.deps, 'vol2', '13900001002');
  for (const u of ['vol1', 'vol2', 'volC2']) ids[u] = await userId(u);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

async function newCase(s: Session, placeCode: string, description: string) {
  const res = await s.post('/api/v1/cases', { channel: 'hotline', placeCode, description });
  expect(res.status).toBe(201);
  const id = (await s.get(`/api/v1/cases?q=${res.body.trackingCode}`)).body.items[0].id as string;
  expect((await act(s, id, 'accept')).status).toBe(200);
  return id;
}

describe(`cases: home service by a volunteer team (${testEngine})`, () => {
  let teamC1: string;
  let teamC2: string;

  it('sets up teams of volunteer accounts, and refuses a member from another community', async () => {
    const candidates = await worker.get(`/api/v1/volunteer-teams/candidates?placeCode=${world.c1.code}`);
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.map((u: { id: string }) => u.id).sort()).toEqual([ids.vol1, ids.vol2].sort());
    const created = await worker.post('/api/v1/volunteer-teams', {
      name: '和平社区助老服务队',
      placeCode: world.c1.code,
      leaderUserId: ids.vol1,
      memberUserIds: [ids.vol2],
    });
    expect(created.status).toBe(201);
    teamC1 = created.body.id;
    const stranger = await worker.post('/api/v1/volunteer-teams', {
      name: '混编队',
      placeCode: world.c1.code,
      memberUserIds: [ids.vol2, ids.volC2],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details.issues[0]).toMatchObject({ path: 'memberUserIds.1' });
    // Another community's worker cannot set up a team in this community.
    const worker2 = await new Session(ctx).login('worker2');
    expect((await worker2.post('/api/v1/volunteer-teams', { name: '越界队', placeCode: world.c1.code })).status).toBe(
      404,
    );
    teamC2 = (
      await worker2.post('/api/v1/volunteer-teams', {
        name: '文化社区维修队',
        placeCode: world.c2.code,
        leaderUserId: ids.volC2,
      })
    ).body.id;
    const list = await worker.get('/api/v1/volunteer-teams');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      name: '和平社区助老服务队',
      leader: { id: ids.vol1, name: 'vol1' },
      members: [{ id: ids.vol2, name: 'vol2' }],
    });
  });

  it('offers a case only the teams of its community or street, and refuses another community’s team', async () => {
    const id = await newCase(worker, world.gridA.code, '独居老人家中水龙头坏了，需要上门维修');
    // The street's team serves every community of the street; a community worker may send a case to it.
    const officer = await new Session(ctx).login('officer');
    const teamStreet = (
      await officer.post('/api/v1/volunteer-teams', { name: '城关街道应急服务队', placeCode: world.street.code })
    ).body.id;
    const serving = await worker.get(`/api/v1/volunteer-teams?serving=${world.gridA.code}`);
    expect(serving.body.items.map((t: { id: string }) => t.id)).toEqual([teamStreet, teamC1]);
    const worker2 = await new Session(ctx).login('worker2');
    expect((await worker2.get(`/api/v1/volunteer-teams?serving=${world.gridA.code}`)).status).toBe(404);
    const refused = await act(worker, id, 'dispatch', { target: { kind: 'team', id: teamC2 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0]).toMatchObject({ path: 'target' });
    const unknown = await act(worker, id, 'dispatch', {
      target: { kind: 'team', id: '01937a2e-5b1c-7f00-8000-00000000dead' },
    });
    expect(unknown.status).toBe(400);
    const c = await ctx.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(c.state).toBe('accepted');
    expect(c.assignee_team_id).toBeNull();
    const toStreet = await act(worker, id, 'dispatch', { target: { kind: 'team', id: teamStreet }, verify: false });
    expect(toStreet.status).toBe(200);
    expect(
      (await ctx.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
        .assignee_team_id,
    ).toBe(teamStreet);
  });

  it('lets a member take and resolve the case from the inbox, texts the team, and shows the team on the case page', async () => {
    const id = await newCase(worker, world.gridA.code, '楼道灯不亮，老人晚上下楼不便');
    const sent = await act(worker, id, 'dispatch', { target: { kind: 'team', id: teamC1 }, verify: false });
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('dispatched');
    // The leader and the member both get the dispatch SMS.
    expect(await smsTo(ctx, '13900001001', 'case_dispatched')).toHaveLength(1);
    expect(await smsTo(ctx, '13900001002', 'case_dispatched')).toHaveLength(1);

    const member = await new Session(ctx).login('vol2');
    const inbox = await member.get('/api/v1/cases?mine=true&state=dispatched');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const page = await member.get(`/api/v1/cases/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      assignee: '和平社区助老服务队',
      assigneeKind: 'team',
      stage: 'dispatch',
      actions: ['contact', 'take', 'return', 'note'],
    });
    expect((await act(member, id, 'take')).body.state).toBe('in_progress');
    const done = await act(member, id, 'resolve', { result: '已上门更换灯泡，楼道恢复照明' });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('resolved');
    const after = await worker.get(`/api/v1/cases/${id}`);
    expect(after.body).toMatchObject({ state: 'resolved', stage: 'verify', assigneeKind: 'team' });
    expect(after.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'take',
      'resolve',
    ]);
  });

  it('shows another community’s volunteer nothing: not in the inbox, 404 on the case, no actions', async () => {
    const id = await newCase(worker, world.gridA.code, '小区健身器材松动需要加固');
    await act(worker, id, 'dispatch', { target: { kind: 'team', id: teamC1 } });
    const outsider = await new Session(ctx).login('volC2');
    const inbox = await outsider.get('/api/v1/cases?mine=true');
    expect(inbox.status).toBe(200);
    expect(inbox.body.total).toBe(0);
    expect((await outsider.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await act(outsider, id, 'take')).status).toBe(404);
    // A volunteer of the same community but outside the team sees nothing either.
    await buildUser(ctx.deps, 'vol3', 'volunteer', world.c1.code);
    const notInTeam = await new Session(ctx).login('vol3');
    expect((await notInTeam.get('/api/v1/cases?mine=true')).body.total).toBe(0);
    expect((await notInTeam.get(`/api/v1/cases/${id}`)).status).toBe(404);
  });
});
