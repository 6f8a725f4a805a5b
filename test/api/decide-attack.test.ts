import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { residentIn } from '../support/community-stewards.js';
import { buildUnitWithLiaison } from '../support/community-wishes.js';
import { buildWorld, userIdOf } from '../support/factories.js';

// Issue 17 attacked from outside: a worker or resident of another community probing what 议事,
// 表决 and their neighbours added, by ids in paths and in bodies. Each case here failed before its fix.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
type Resident = Awaited<ReturnType<typeof residentIn>>;
let wang: Resident; // community 1, building 1
let chen: Resident; // community 2
let li: Resident; // community 1, building 2
let voteId = '';
let meetingId = '';

const V = '/api/v1/deliberation/votes';
const M = '/api/v1/deliberation/meetings';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  const worker2 = await new Session(ctx).login('worker2');
  wang = await residentIn(ctx, worker1, world.inA.households[0].code, '王大山');
  chen = await residentIn(ctx, worker2, world.inC.households[0].code, '陈五');
  li = await residentIn(ctx, worker1, world.inB.households[0].code, '李二妹');
  const created = await worker1.post(V, {
    placeCode: world.inA.building.code,
    title: '1号楼加装电梯表决',
    method: 'yes_no_abstain',
    secret: true,
    electorate: 'residents',
    allowPhone: true,
    allowPaper: true,
    quorumPercent: 50,
    majority: 'simple',
    closesAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString(),
  });
  voteId = created.body.id;
  expect((await worker1.post(`${V}/${voteId}/open`)).status).toBe(200);
  const meeting = await worker1.post(M, {
    placeCode: world.c1.code,
    kind: 'four_party',
    title: '十一月四方联动议事会',
    startsAt: '2026-12-26T07:00:00Z',
    location: '和平社区议事厅',
  });
  expect(meeting.status).toBe(201);
  meetingId = meeting.body.id;
});
afterAll(() => ctx.close());

describe(`issue 17 attacked from another community (${testEngine})`, () => {
  it("a resident of another community cannot probe a vote's receipts (404, as for any unseen vote)", async () => {
    const probe = await chen.session.post(`/api/v1/me/votes/${voteId}/receipt-check`, { receipt: 'ABCD-EFGH-JKLM' });
    expect(probe.status).toBe(404);
    // casting reads the same: not found (not "not eligible", nor whether it is open) for another community
    const options = (await worker1.get(`${V}/${voteId}`)).body.options as { id: string }[];
    const foreign = await chen.session.post(`/api/v1/me/votes/${voteId}/ballots`, { optionIds: [options[0]!.id] });
    expect(foreign.status).toBe(404);
    const neighbour = await li.session.post(`/api/v1/me/votes/${voteId}/ballots`, { optionIds: [options[0]!.id] });
    expect(neighbour.body.error.code).toBe('VOTE_NOT_ELIGIBLE');
    // the voter on the roll still checks theirs
    const mine = await wang.session.get(`/api/v1/me/votes/${voteId}`);
    const cast = await wang.session.post(`/api/v1/me/votes/${voteId}/ballots`, {
      optionIds: [mine.body.options[0].id],
    });
    expect(cast.status).toBe(201);
    const check = await wang.session.post(`/api/v1/me/votes/${voteId}/receipt-check`, { receipt: cast.body.receipt });
    expect(check.body).toEqual({ counted: true, marks: null });
  });

  it('a meeting party cannot name a user or unit of another community; nothing is left behind', async () => {
    const outsider = await userIdOf(ctx.deps, 'worker2');
    const unit = await buildUnitWithLiaison(ctx.deps, world.c2, '文化共建单位', 'liaison2');
    for (const body of [
      { kind: 'residents', name: '文化社区的人', userId: outsider },
      { kind: 'residents', name: '文化社区联络员', userId: await userIdOf(ctx.deps, 'liaison2') },
      { kind: 'co_building_unit', name: '文化共建单位', organisationId: unit.id },
    ])
      expect((await worker1.post(`${M}/${meetingId}/parties`, body)).status).toBe(400);
    const rows = await ctx.deps.db
      .selectFrom('deliberation_meeting_parties')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('name', 'like', '文化%')
      .execute();
    expect(rows).toHaveLength(0);
    // a resident of the community, or its own staff, may be named
    for (const userId of [wang.userId, await userIdOf(ctx.deps, 'worker1')])
      expect(
        (await worker1.post(`${M}/${meetingId}/parties`, { kind: 'residents', name: '居民代表', userId })).status,
      ).toBe(200);
  });

  it('a supervision project dropping its election (cancel, call again, appoint) cancels the open vote', async () => {
    const S = '/api/v1/decide/supervision';
    const voteOf = async (action: string) => {
      const p = await worker1.post(`${S}/projects`, { placeCode: world.c1.code, title: `改造 ${action}`, seats: 1 });
      expect(p.status).toBe(201);
      const added: string[] = [];
      for (const r of [wang, li])
        added.push(
          (await worker1.post(`${S}/projects/${p.body.id}/candidates`, { phone: r.phone, statement: '推荐' })).body.id,
        );
      const closesAt = new Date(ctx.clock.now().getTime() + 86_400_000).toISOString();
      const started = await worker1.post(`${S}/projects/${p.body.id}/actions/start_election`, { closesAt });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const id = started.body.election.voteId as string;
      expect((await worker1.post(`${V}/${id}/open`)).status).toBe(200);
      const moved =
        action === 'appoint'
          ? await worker1.post(`${S}/projects/${p.body.id}/appoint`, {
              candidateId: added[0],
              reason: '居民代表会议决定',
            })
          : await worker1.post(`${S}/projects/${p.body.id}/actions/${action}`, { note: '重新征集' });
      expect(moved.status, JSON.stringify(moved.body)).toBeLessThan(300);
      return id;
    };
    for (const action of ['cancel', 'reopen_call', 'appoint']) {
      const id = await voteOf(action);
      const vote = await ctx.deps.db.selectFrom('votes').select('state').where('id', '=', id).executeTakeFirstOrThrow();
      expect(vote.state, action).toBe('cancelled');
      const mine = await li.session.get(`/api/v1/me/votes/${id}`);
      expect(mine.body.canVote, action).toBe(false);
      const cast = await li.session.post(`/api/v1/me/votes/${id}/ballots`, { optionIds: [mine.body.options[0].id] });
      expect(cast.status, action).toBe(409);
    }
  });
});
