import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildTopic } from '../support/decide-meetings.js';
import { buildCampaign, buildMeeting, buildNotice, buildSupervision, buildVote } from '../support/decide-records.js';
import { buildWorld } from '../support/factories.js';

// 居民议事待办 (issue 17): the workbench's counts of deliberation work, each from its area's own list —
// 和平社区's worker counts 和平社区's work only (文化社区 has some of each kind too), a grid worker (who may
// not act on any of it) gets no kinds, the street officer counts both communities.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const T = '/api/v1/deliberation/todo';
const login = (username: string) => new Session(ctx).login(username);
const countsOf = async (username: string) => {
  const res = await (await login(username)).get(T);
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body.items as { kind: string; count: number }[]).map((i) => [i.kind, i.count]));
};

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  ctx.clock.set('2026-11-24T01:00:00Z'); // 09:00 in China
  // Topics: two to screen in 和平 (one raised in a grid), one accepted (not waiting); one in 文化.
  await buildTopic(ctx.deps, world.c1, world.c1, { title: '停车难', raisedBy: 'worker1', state: 'screening' });
  await buildTopic(ctx.deps, world.c1, world.gridA, { title: '路灯坏', raisedBy: 'worker1', state: 'screening' });
  await buildTopic(ctx.deps, world.c1, world.c1, { title: '已采纳', raisedBy: 'worker1', state: 'accepted' });
  await buildTopic(ctx.deps, world.c2, world.c2, { title: '文化议题', raisedBy: 'worker2', state: 'screening' });
  // Tasks: overdue and due today count; done and later do not.
  await buildMeeting(ctx.deps, world.c1, {
    title: '和平四方会',
    by: 'worker1',
    tasks: [
      { title: '逾期', dueInDays: -2 },
      { title: '今天到期', dueInDays: 0.5 },
      { title: '已完成', dueInDays: -1, done: true },
      { title: '下周', dueInDays: 7 },
    ],
  });
  await buildMeeting(ctx.deps, world.c2, {
    title: '文化议事会',
    by: 'worker2',
    tasks: [{ title: '逾期', dueInDays: -1 }],
  });
  // Notices waiting for approval (drafted by another than the approver).
  await buildNotice(ctx.deps, world.c1, world.c1, { title: '待审一', by: 'gridA', kind: 'finance', state: 'pending' });
  await buildNotice(ctx.deps, world.c1, world.c1, { title: '草稿', by: 'gridA', kind: 'finance', state: 'draft' });
  await buildNotice(ctx.deps, world.c2, world.c2, { title: '文化待审', by: 'gridB', kind: 'party', state: 'pending' });
  // Objections: one unanswered and one answered in 和平's publicised campaign; one unanswered in 文化's.
  await buildCampaign(ctx.deps, world.c1, {
    title: '和平文明户',
    by: 'worker1',
    year: 2026,
    state: 'publicising',
    honoured: world.inA.households,
    objections: [
      { by: 'gridA', answered: false },
      { by: 'gridB', answered: true },
    ],
  });
  await buildCampaign(ctx.deps, world.c2, {
    title: '文化文明户',
    by: 'worker2',
    year: 2026,
    state: 'publicising',
    honoured: [],
    objections: [{ by: 'gridA', answered: false }],
  });
  // Votes: one open past its closing time, one still running; 文化 one past its time.
  const h = world.inA.households;
  await buildVote(ctx.deps, world.c1, world.inA.building, {
    title: '过时',
    by: 'worker1',
    households: h,
    voted: 1,
    closesInDays: -0.1,
  });
  await buildVote(ctx.deps, world.c1, world.inA.building, {
    title: '进行中',
    by: 'worker1',
    households: h,
    voted: 0,
    closesInDays: 2,
  });
  await buildVote(ctx.deps, world.c2, world.inC.building, {
    title: '文化过时',
    by: 'worker2',
    households: world.inC.households,
    voted: 0,
    closesInDays: -1,
  });
  // Supervisors' issues: two raised and one handled in 和平; one raised in 文化.
  await buildSupervision(ctx.deps, world.c1, world.inA.building, {
    title: '1号楼改造监督',
    by: 'worker1',
    supervisors: ['gridA'],
    logs: 0,
    issuesRaised: 2,
    issuesHandled: 1,
  });
  await buildSupervision(ctx.deps, world.c2, world.c2, {
    title: '文化广场监督',
    by: 'worker2',
    supervisors: ['gridB'],
    logs: 0,
    issuesRaised: 1,
  });
});
afterAll(() => ctx.close());

describe(`居民议事待办 (${testEngine})`, () => {
  it('counts a community worker’s own community’s work, kind by kind, nothing of the other community', async () => {
    const res = await (await login('worker1')).get(T);
    expect(res.body.day).toBe('2026-11-24');
    expect(await countsOf('worker1')).toEqual({
      topicsToScreen: 2,
      tasksDue: 2,
      noticesToApprove: 1,
      objectionsToAnswer: 1,
      votesToClose: 1,
      issuesToHandle: 2,
    });
    expect(await countsOf('worker2')).toEqual({
      topicsToScreen: 1,
      tasksDue: 1,
      noticesToApprove: 1,
      objectionsToAnswer: 1,
      votesToClose: 1,
      issuesToHandle: 1,
    });
  });

  it('the street officer counts both communities', async () => {
    expect(await countsOf('officer')).toEqual({
      topicsToScreen: 3,
      tasksDue: 3,
      noticesToApprove: 2,
      objectionsToAnswer: 2,
      votesToClose: 2,
      issuesToHandle: 3,
    });
  });

  it('shows no kinds to a role that cannot act on deliberation work', async () => {
    expect(await countsOf('gridA')).toEqual({});
    expect(await countsOf('receiver')).toEqual({});
    expect((await new Session(ctx).get(T)).status).toBe(401);
  });
});
