import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { residentIn } from '../support/community-stewards.js';
import { testEngine } from '../support/db.js';
import { buildCampaign, buildMeeting, buildNotice, buildSupervision, buildVote } from '../support/decide-records.js';
import { buildWorld } from '../support/factories.js';

// 居民议事数据 (issue 17) with records beyond topics: meetings with decisions and tasks, votes with their
// rolls (turnout), supervisors with inspections, notices with readers (read rate), honour campaigns —
// in 和平社区 and 文化社区; each figure counted from the records the test made; 文化社区's worker sees
// only 文化社区's.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const N = '/api/v1/deliberation/numbers';
const login = (username: string) => new Session(ctx).login(username);
type Row = Record<string, unknown> & { communityName: string; noticesByKind: { kind: string }[] };

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  ctx.clock.set('2026-11-24T01:00:00Z');
  const worker1 = await login('worker1');
  const worker2 = await login('worker2');
  // Residents with phones: the notices' audience (3 in 和平社区, 2 of them in 和平一网格; 1 in 文化社区).
  const a0 = await residentIn(ctx, worker1, world.inA.households[0].code, '王大山');
  const a1 = await residentIn(ctx, worker1, world.inA.households[1].code, '李二妹');
  await residentIn(ctx, worker1, world.inB.households[0].code, '赵四海');
  await residentIn(ctx, worker2, world.inC.households[0].code, '陈五');

  // Meetings: held ones count with their decision and tasks (one done, one overdue, two not yet due).
  await buildMeeting(ctx.deps, world.c1, {
    title: '和平四方会',
    by: 'worker1',
    tasks: [
      { title: '修路灯', dueInDays: -3, done: true },
      { title: '清理楼道', dueInDays: -2 },
      { title: '补种绿化', dueInDays: 5 },
      { title: '张贴公告', dueInDays: 0.25 },
    ],
  });
  await buildMeeting(ctx.deps, world.c1, { title: '未开的会', by: 'worker1', state: 'planned' });
  await buildMeeting(ctx.deps, world.c2, {
    title: '文化议事会',
    by: 'worker2',
    tasks: [{ title: '修门', dueInDays: 4 }],
  });

  // Votes closed in the year: 和平 1 of 2 and 2 of 2 households; 文化 0 of 2; an open vote is not counted.
  await buildVote(ctx.deps, world.c1, world.inA.building, {
    title: '1号楼加装电梯',
    by: 'worker1',
    households: world.inA.households,
    voted: 1,
  });
  await buildVote(ctx.deps, world.c1, world.inB.building, {
    title: '2号楼外墙',
    by: 'worker1',
    households: world.inB.households,
    voted: 2,
  });
  await buildVote(ctx.deps, world.c1, world.inA.building, {
    title: '还在投的',
    by: 'worker1',
    households: world.inA.households,
    voted: 1,
    closesInDays: 2,
  });
  await buildVote(ctx.deps, world.c2, world.inC.building, {
    title: '文化楼停车',
    by: 'worker2',
    households: world.inC.households,
    voted: 0,
  });

  // Supervisors and their inspection logs.
  await buildSupervision(ctx.deps, world.c1, world.inA.building, {
    title: '1号楼改造监督',
    by: 'worker1',
    supervisors: ['gridA', 'gridB'],
    logs: 3,
    issuesRaised: 1,
  });
  await buildSupervision(ctx.deps, world.c2, world.c2, {
    title: '文化广场监督',
    by: 'worker2',
    supervisors: ['worker2'],
    logs: 1,
    issuesRaised: 0,
  });

  // Notices: 和平 finance at the community (audience 3, read by 2), affairs at 和平一网格 (audience 2, read by 1);
  // a pending one is not counted; 文化 one published, unread (audience 1).
  await buildNotice(ctx.deps, world.c1, world.c1, {
    title: '三季度财务公开',
    by: 'worker1',
    kind: 'finance',
    readers: [a0.userId, a1.userId],
  });
  await buildNotice(ctx.deps, world.c1, world.gridA, {
    title: '网格事务公开',
    by: 'worker1',
    kind: 'affairs',
    readers: [a1.userId],
  });
  await buildNotice(ctx.deps, world.c1, world.c1, { title: '待审', by: 'worker1', kind: 'party', state: 'pending' });
  await buildNotice(ctx.deps, world.c2, world.c2, { title: '文化服务公开', by: 'worker2', kind: 'service' });

  // Honours: 和平 one published (2 households) and one publicising; 文化 one published (1 household).
  await buildCampaign(ctx.deps, world.c1, {
    title: '和平文明户',
    by: 'worker1',
    year: 2026,
    state: 'published',
    honoured: world.inA.households,
  });
  await buildCampaign(ctx.deps, world.c1, {
    title: '和平美丽庭院',
    by: 'worker1',
    year: 2026,
    state: 'publicising',
    honoured: [world.inB.households[0]],
  });
  await buildCampaign(ctx.deps, world.c2, {
    title: '文化文明户',
    by: 'worker2',
    year: 2026,
    state: 'published',
    honoured: [world.inC.households[0]],
  });
});
afterAll(() => ctx.close());

const heping = {
  communityName: '和平社区',
  meetingsHeld: 1,
  decisions: 1,
  tasks: 4,
  tasksDone: 1,
  tasksOverdue: 1,
  votesHeld: 2,
  votesEligible: 4,
  votesCast: 3,
  turnoutPct: 75,
  supervisors: 2,
  inspections: 3,
  noticesPublished: 2,
  noticeReaders: 3,
  noticeAudience: 5,
  noticeReadRatePct: 60,
  honourCampaigns: 2,
  householdsHonoured: 2,
};
const wenhua = {
  communityName: '文化社区',
  meetingsHeld: 1,
  decisions: 1,
  tasks: 1,
  tasksDone: 0,
  tasksOverdue: 0,
  votesHeld: 1,
  votesEligible: 2,
  votesCast: 0,
  turnoutPct: 0,
  supervisors: 1,
  inspections: 1,
  noticesPublished: 1,
  noticeReaders: 0,
  noticeAudience: 1,
  noticeReadRatePct: 0,
  honourCampaigns: 1,
  householdsHonoured: 1,
};
const kind = (row: Row, k: string) => row.noticesByKind.find((b) => b.kind === k);

describe(`居民议事数据 with records (${testEngine})`, () => {
  it('counts meetings, turnout, supervisors, notices’ read rate and honours per community, with totals', async () => {
    const res = await (await login('officer')).get(`${N}?year=2026`);
    expect(res.status).toBe(200);
    const rows = res.body.items as Row[];
    expect(rows.map((r) => r.communityName)).toEqual(['和平社区', '文化社区']);
    expect(rows[0]).toMatchObject(heping);
    expect(rows[1]).toMatchObject(wenhua);
    expect(kind(rows[0]!, 'finance')).toEqual({
      kind: 'finance',
      published: 1,
      readers: 2,
      audience: 3,
      readRatePct: 66.7,
    });
    expect(kind(rows[0]!, 'affairs')).toEqual({
      kind: 'affairs',
      published: 1,
      readers: 1,
      audience: 2,
      readRatePct: 50,
    });
    expect(kind(rows[0]!, 'party')).toMatchObject({ published: 0, readRatePct: null });
    expect(res.body.totals).toMatchObject({
      meetingsHeld: 2,
      tasks: 5,
      tasksOverdue: 1,
      votesHeld: 3,
      votesEligible: 6,
      votesCast: 3,
      turnoutPct: 50,
      supervisors: 3,
      inspections: 4,
      noticesPublished: 3,
      noticeReaders: 3,
      noticeAudience: 6,
      noticeReadRatePct: 50,
      honourCampaigns: 3,
      householdsHonoured: 3,
    });
    const votes = res.body.votes as { title: string; eligible: number; voted: number; turnoutPct: number | null }[];
    expect(votes.map((v) => [v.title, v.eligible, v.voted, v.turnoutPct]).sort()).toEqual(
      [
        ['1号楼加装电梯', 2, 1, 50],
        ['2号楼外墙', 2, 2, 100],
        ['文化楼停车', 2, 0, 0],
      ].sort(),
    );
  });

  it('shows 文化社区’s worker none of 和平社区’s records', async () => {
    const res = await (await login('worker2')).get(`${N}?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject(wenhua);
    const { communityName: _name, ...figures } = wenhua;
    expect(res.body.totals).toMatchObject(figures);
    expect(res.body.votes.map((v: { title: string }) => v.title)).toEqual(['文化楼停车']);
  });

  it('a community filter shows that community’s figures alone', async () => {
    const res = await (await login('officer')).get(`${N}?year=2026&placeCode=${world.c1.code}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject(heping);
    const { communityName: _name, ...figures } = heping;
    expect(res.body.totals).toMatchObject(figures);
  });

  it('counts nothing in another year', async () => {
    const res = await (await login('officer')).get(`${N}?year=2025`);
    expect(res.status).toBe(200);
    for (const row of res.body.items as Row[])
      expect(row).toMatchObject({
        meetingsHeld: 0,
        votesHeld: 0,
        noticesPublished: 0,
        honourCampaigns: 0,
        inspections: 0,
      });
  });
});
