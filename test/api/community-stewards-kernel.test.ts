import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voteCloseJob } from '../../src/server/platform/decide/votes.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { residentIn } from '../support/community-stewards.js';

// 楼门管家选举 on the one vote kernel (issue 17): a building's election is a secret vote of the kernel,
// listed on the console's 表决 page and on the resident's 我的表决 with its subject named; a ballot cast
// on the steward page or on 我的表决 goes through the same guard, so one resident never counts twice —
// not even when the submissions race; a tie closed by hand is refused (the vote stays open), a tie at
// the closing time closes without a steward and the candidates stand again.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
type Resident = Awaited<ReturnType<typeof residentIn>>;
let wang: Resident;
let li: Resident;
let zhang: Resident;
let zhao: Resident;

const A = () => world.inA.building.code;
const base = '/api/v1/community/stewards';
let voteId = '';
const nominations: Record<string, string> = {};
const optionOf: Record<string, string> = {}; // a resident's user id → the option that stands for their nomination
const ballots = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('vote_ballots')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('vote_id', '=', voteId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  wang = await residentIn(ctx, worker1, world.inA.households[0].code, '王大山');
  li = await residentIn(ctx, worker1, world.inA.households[1].code, '李二妹');
  zhang = await residentIn(ctx, worker1, world.inA.households[0].code, '张三丰');
  zhao = await residentIn(ctx, worker1, world.inB.households[0].code, '赵四海');
});
afterAll(() => ctx.close());

describe(`stewards: elections are votes of the kernel (${testEngine})`, () => {
  it('an election opens as a secret kernel vote, on the console’s 表决 list and the roll’s 我的表决', async () => {
    for (const r of [wang, li, zhang])
      nominations[r.userId] = (await r.session.post(`${base}/buildings/${A()}/nominations`, {})).body.id;
    const opened = await worker1.post(`${base}/buildings/${A()}/votes`, { title: '1号楼楼门管家选举' });
    expect(opened.status).toBe(201);
    voteId = opened.body.id;

    const listed = (await worker1.get('/api/v1/deliberation/votes')).body.items.find((v: any) => v.id === voteId);
    expect(listed).toMatchObject({
      title: '1号楼楼门管家选举',
      subjectKind: 'steward_election',
      secret: true,
      state: 'open',
      placeName: '1号楼',
    });
    expect(listed.eligible).toBeGreaterThanOrEqual(3);
    expect((await worker2.get('/api/v1/deliberation/votes')).body.items.map((v: any) => v.id)).not.toContain(voteId);

    const mine = (await wang.session.get('/api/v1/me/votes')).body.items.find((v: any) => v.id === voteId);
    expect(mine).toMatchObject({ subjectKind: 'steward_election', secret: true, canVote: true, voted: false });
    // each option stands for a nomination; its label is the nominee's name on the registry
    const refs = await ctx.deps.db
      .selectFrom('vote_options')
      .select(['id', 'ref_id'])
      .where('vote_id', '=', voteId)
      .execute();
    for (const r of [wang, li, zhang]) optionOf[r.userId] = refs.find((o) => o.ref_id === nominations[r.userId])!.id;
    expect(mine.options.map((o: any) => o.label).sort()).toEqual(['张三丰', '李二妹', '王大山'].sort());
    // 赵 lives in building B: not on the roll, the vote is not his
    expect((await zhao.session.get('/api/v1/me/votes')).body.items.map((v: any) => v.id)).not.toContain(voteId);
    expect(
      (await zhao.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: nominations[wang.userId] })).status,
    ).toBe(404);
  });

  it('one ballot per resident whichever way: the steward page and 我的表决 share the kernel’s guard', async () => {
    const viaKernel = await wang.session.post(`/api/v1/me/votes/${voteId}/ballots`, {
      optionIds: [optionOf[li.userId]],
    });
    expect(viaKernel.status).toBe(201);
    const again = await wang.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: nominations[li.userId] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STEWARD_ALREADY_VOTED');
    expect((await wang.session.get(`${base}/mine`)).body.buildings[0].openVote).toMatchObject({ voted: true });

    const viaSteward = await li.session.post(`${base}/votes/${voteId}/ballots`, {
      nominationId: nominations[wang.userId],
    });
    expect(viaSteward.status).toBe(201);
    const twice = await li.session.post(`/api/v1/me/votes/${voteId}/ballots`, { optionIds: [optionOf[wang.userId]] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('VOTE_ALREADY_VOTED');
    expect((await li.session.get(`/api/v1/me/votes/${voteId}`)).body).toMatchObject({ voted: true, canVote: false });
    expect(await ballots()).toBe(2);
  });

  it('concurrent submissions of one resident count once', async () => {
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? zhang.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: nominations[zhang.userId] })
          : zhang.session.post(`/api/v1/me/votes/${voteId}/ballots`, { optionIds: [optionOf[zhang.userId]] }),
      ),
    );
    expect(tries.filter((t) => t.status === 201)).toHaveLength(1);
    expect(tries.filter((t) => t.status === 409)).toHaveLength(5);
    expect(await ballots()).toBe(3);
    const voted = await ctx.deps.db
      .selectFrom('vote_electors')
      .select('voter_user_id')
      .where('vote_id', '=', voteId)
      .where('voted_at', 'is not', null)
      .execute();
    expect(voted.map((e) => e.voter_user_id).sort()).toEqual([wang.userId, li.userId, zhang.userId].sort());
  });

  it('a tie closed by hand is refused and the vote stays open, on the steward page and on the 表决 page', async () => {
    const closing = await worker1.post(`${base}/votes/${voteId}/close`);
    expect(closing.status).toBe(409);
    expect(closing.body.error.code).toBe('STEWARD_VOTE_TIE');
    const console = await worker1.post(`/api/v1/deliberation/votes/${voteId}/close`);
    expect(console.status).toBe(409);
    expect(console.body.error.code).toBe('STEWARD_VOTE_TIE');
    const v = (await worker1.get(`${base}/votes/${voteId}`)).body;
    expect(v).toMatchObject({ state: 'open', winnerNominationId: null, failure: null, ballots: 3 });
    expect(v.candidates.map((c: any) => c.votes)).toEqual([null, null, null]);
  });

  it('a tie at the closing time closes without a steward; the candidates stand again', async () => {
    const runner = new JobRunner(ctx.deps.db, ctx.clock);
    runner.add(voteCloseJob);
    ctx.clock.advance(31 * 86_400_000);
    try {
      await runner.drain();
    } finally {
      ctx.clock.advance(-31 * 86_400_000);
    }
    const v = (await worker1.get(`${base}/votes/${voteId}`)).body;
    expect(v).toMatchObject({ state: 'closed', winnerNominationId: null, failure: 'tie', actions: [] });
    expect(v.candidates.map((c: any) => c.votes)).toEqual([1, 1, 1]);
    const detail = (await worker1.get(`${base}/buildings/${A()}`)).body;
    expect(detail.current).toBeNull();
    expect(detail.building.openVoteId).toBeNull();
    expect(detail.nominations.map((n: any) => [n.state, n.voteId])).toEqual([
      ['nominated', null],
      ['nominated', null],
      ['nominated', null],
    ]);
    // the next election takes the same candidates
    const next = await worker1.post(`${base}/buildings/${A()}/votes`, { title: '1号楼楼门管家选举（重选）' });
    expect(next.status).toBe(201);
    expect((await worker1.get(`${base}/votes/${next.body.id}`)).body.candidates).toHaveLength(3);
  });
});
