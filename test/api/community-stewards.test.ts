import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows, testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { residentIn } from '../support/community-stewards.js';

// 楼门管家 (issue 16): a building's steward from nomination to by-election — residents nominate,
// the community opens a vote (a secret vote of the kernel: residents on its roll vote once, and see
// that they voted and their receipt, never their choice), the winner is appointed (and
// holds a steward membership), ticks the month's six roles (steward_duty points), turns an opinion into
// a case (opinion_collected), is evaluated and commended (steward_commended), retires (membership ends)
// and a successor is appointed. A steward of building A sees nothing of building B; community B's
// worker sees nothing of community A.

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
const B = () => world.inB.building.code;
const base = '/api/v1/community/stewards';
const month = '2026-11';
const count = (table: 'steward_nominations' | 'steward_terms' | 'memberships') => countRows(ctx.deps.db, table);
/** Steward elections are votes of the kernel (subject steward_election). */
const stewardVotes = async () =>
  Number(
    (
      await ctx.deps.db
        .selectFrom('votes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subject_kind', '=', 'steward_election')
        .executeTakeFirstOrThrow()
    ).n,
  );
const pointsOf = async (userId: string, rule: string) =>
  (
    await ctx.deps.db
      .selectFrom('points_entries as e')
      .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
      .select('e.points')
      .where('a.user_id', '=', userId)
      .where('e.rule', '=', rule)
      .execute()
  ).reduce((s, r) => s + r.points, 0);
const stewardMemberships = (userId: string) =>
  ctx.deps.db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['p.code'])
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'steward')
    .execute();

let voteId = '';
let termId = '';
let wangNomination = '';
let zhangNomination = '';

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

describe(`stewards: the lifecycle (${testEngine})`, () => {
  it('residents of the building nominate themselves or a neighbour by phone; others cannot', async () => {
    const self = await wang.session.post(`${base}/buildings/${A()}/nominations`, { reason: '热心公益' });
    expect(self.status).toBe(201);
    expect(self.body.kind).toBe('self');
    wangNomination = self.body.id;
    const neighbour = await li.session.post(`${base}/buildings/${A()}/nominations`, {
      nomineePhone: zhang.phone,
      reason: '退休教师，威望高',
    });
    expect(neighbour.status).toBe(201);
    expect(neighbour.body.kind).toBe('resident');
    zhangNomination = neighbour.body.id;

    expect((await wang.session.post(`${base}/buildings/${A()}/nominations`, {})).body.error.code).toBe(
      'STEWARD_ALREADY_NOMINATED',
    );
    // 赵 lives in building B: building A is nothing of his; nor may A's residents name him.
    const before = await count('steward_nominations');
    expect((await zhao.session.post(`${base}/buildings/${A()}/nominations`, {})).status).toBe(404);
    const outsider = await li.session.post(`${base}/buildings/${A()}/nominations`, { nomineePhone: zhao.phone });
    expect(outsider.status).toBe(422);
    expect(outsider.body.error.code).toBe('STEWARD_NOMINEE_NOT_IN_BUILDING');
    expect((await li.session.post(`${base}/buildings/${A()}/nominations`, { reason: 'bad\u0007' })).status).toBe(400);
    expect(await count('steward_nominations')).toBe(before);
  });

  it('the community opens a vote; each resident votes once, secretly; the winner is appointed with a membership', async () => {
    expect((await worker2.post(`${base}/buildings/${A()}/votes`, { title: '1号楼楼门管家选举' })).status).toBe(404);
    expect((await wang.session.post(`${base}/buildings/${A()}/votes`, { title: '1号楼楼门管家选举' })).status).toBe(
      403,
    );
    const opened = await worker1.post(`${base}/buildings/${A()}/votes`, { title: '1号楼楼门管家选举' });
    expect(opened.status).toBe(201);
    voteId = opened.body.id;
    expect((await worker1.post(`${base}/buildings/${A()}/votes`, { title: '再开一次' })).body.error.code).toBe(
      'STEWARD_VOTE_OPEN',
    );

    const seen = await wang.session.get(`${base}/mine`);
    expect(seen.status).toBe(200);
    const vote = seen.body.buildings[0].openVote;
    expect(vote.candidates).toHaveLength(2);
    for (const c of vote.candidates) {
      expect(c.name).toMatch(/\*/);
      expect(c.votes).toBeNull();
    }

    const wangCast = await wang.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: zhangNomination });
    expect(wangCast.status).toBe(201);
    expect(wangCast.body).toMatchObject({ id: voteId, voted: true });
    expect(wangCast.body.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await li.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: zhangNomination })).status).toBe(
      201,
    );
    expect((await zhang.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: wangNomination })).status).toBe(
      201,
    );
    const again = await wang.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: wangNomination });
    expect(again.body.error.code).toBe('STEWARD_ALREADY_VOTED');
    expect((await zhao.session.post(`${base}/votes/${voteId}/ballots`, { nominationId: wangNomination })).status).toBe(
      404,
    );
    // A secret vote (无记名) cannot show the voter's choice: the voter sees THAT they voted, and their
    // receipt checks as counted — never what it marked.
    const mine = (await wang.session.get(`${base}/votes/${voteId}`)).body;
    expect(mine).toMatchObject({ voted: true, onRoll: true });
    expect(JSON.stringify(mine)).not.toContain('myChoice');
    const check = await wang.session.post(`/api/v1/me/votes/${voteId}/receipt-check`, {
      receipt: wangCast.body.receipt,
    });
    expect(check.body).toEqual({ counted: true, marks: null });
    expect((await li.session.get(`${base}/votes/${voteId}`)).body.voted).toBe(true);
    // counts are known only once the vote closes — for staff too
    expect((await worker1.get(`${base}/votes/${voteId}`)).body.candidates.map((c: any) => c.votes)).toEqual([
      null,
      null,
    ]);

    expect((await worker2.post(`${base}/votes/${voteId}/close`)).status).toBe(404);
    const closed = await worker1.post(`${base}/votes/${voteId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', winnerNominationId: zhangNomination });
    termId = closed.body.termId;
    expect(await stewardMemberships(zhang.userId)).toEqual([{ code: A() }]);

    const detail = await worker1.get(`${base}/buildings/${A()}`);
    expect(detail.body.current).toMatchObject({ id: termId, state: 'active', byVote: true, actions: ['retire'] });
    const states = Object.fromEntries(detail.body.nominations.map((n: any) => [n.id, n.state]));
    expect(states).toEqual({ [zhangNomination]: 'appointed', [wangNomination]: 'lost' });
    const counted = detail.body.votes[0].candidates.map((c: any) => c.votes).sort();
    expect(counted).toEqual([1, 2]);
    expect((await worker1.post(`${base}/votes/${voteId}/close`)).body.error.code).toBe('STEWARD_STATE_CONFLICT');
  });

  it('the steward’s phone home shows their building, households without IDs or phones, and the checklist', async () => {
    const home = await zhang.session.get(`${base}/me`);
    expect(home.status).toBe(200);
    expect(home.body.terms).toHaveLength(1);
    const t = home.body.terms[0];
    expect(t.term.buildingCode).toBe(A());
    expect(t.households).toHaveLength(2);
    expect(JSON.stringify(t.households)).not.toMatch(/139\d{8}/);
    expect(t.checklist.items).toHaveLength(6);
    expect(t.checklist.completed).toBe(false);
  });

  it('six roles ticked complete the month once: steward_duty points, no double credit', async () => {
    for (const duty of ['publicity', 'liaison', 'mediation', 'supervision', 'advocacy']) {
      const r = await zhang.session.post(`${base}/terms/${termId}/checklists/${month}/ticks`, { duty, note: '已完成' });
      expect(r.status).toBe(200);
      expect(r.body.completed).toBe(false);
    }
    const last = await zhang.session.post(`${base}/terms/${termId}/checklists/${month}/ticks`, { duty: 'information' });
    expect(last.body).toMatchObject({ completed: true, pointsAwarded: 20 });
    const redo = await zhang.session.post(`${base}/terms/${termId}/checklists/${month}/ticks`, {
      duty: 'information',
      note: '补充说明',
    });
    expect(redo.body.pointsAwarded).toBe(20);
    expect(await pointsOf(zhang.userId, 'steward_duty')).toBe(20);
    expect(
      (await zhang.session.post(`${base}/terms/${termId}/checklists/2026-01/ticks`, { duty: 'liaison' })).body.error
        .code,
    ).toBe('STEWARD_MONTH_CLOSED');
    expect(
      (await wang.session.post(`${base}/terms/${termId}/checklists/${month}/ticks`, { duty: 'liaison' })).status,
    ).toBe(404);
    expect(
      (await zhang.session.post(`${base}/terms/${termId}/checklists/${month}/ticks`, { duty: 'cook' })).status,
    ).toBe(400);
  });

  it('an opinion becomes a case with one tap: on the building, channel patrol, opinion_collected once', async () => {
    const outside = await zhang.session.post(`${base}/terms/${termId}/opinions`, {
      body: '楼道灯坏了',
      householdCode: world.inB.households[0].code,
    });
    expect(outside.body.error.code).toBe('STEWARD_HOUSEHOLD_NOT_IN_BUILDING');
    const collected = await zhang.session.post(`${base}/terms/${termId}/opinions`, {
      body: '三楼楼道灯坏了，老人晚上上下楼不方便',
      householdCode: world.inA.households[0].code,
    });
    expect(collected.status).toBe(201);
    expect(collected.body).toMatchObject({ state: 'collected', actions: ['file'] });
    const filed = await zhang.session.post(`${base}/opinions/${collected.body.id}/file`);
    expect(filed.status).toBe(200);
    expect(filed.body.state).toBe('filed');
    expect(filed.body.caseTrackingCode).toBeTruthy();
    const c = await ctx.deps.db
      .selectFrom('cases')
      .select(['channel', 'place_path'])
      .where('tracking_code', '=', filed.body.caseTrackingCode)
      .executeTakeFirstOrThrow();
    expect(c.channel).toBe('patrol');
    expect(c.place_path).toBe(world.inA.building.path);
    expect((await zhang.session.post(`${base}/opinions/${collected.body.id}/file`)).body.error.code).toBe(
      'STEWARD_STATE_CONFLICT',
    );
    expect(await pointsOf(zhang.userId, 'opinion_collected')).toBe(2);
    const home = await zhang.session.get(`${base}/me`);
    expect(home.body.terms[0].openCases).toHaveLength(1);
    expect(home.body.terms[0].opinionsThisMonth).toBe(1);
    expect((await worker1.get(`${base}/opinions?month=${month}`)).body.items).toHaveLength(1);
    expect((await worker2.get(`${base}/opinions`)).body.items).toHaveLength(0);
  });

  it('the community evaluates the month and commends the steward once (steward_commended)', async () => {
    expect(
      (await worker2.request('PUT', `${base}/terms/${termId}/evaluations/${month}`, { grade: 'excellent' })).status,
    ).toBe(404);
    expect(
      (await worker1.request('PUT', `${base}/terms/${termId}/evaluations/${month}`, { grade: 'best' })).status,
    ).toBe(400);
    expect(
      (await worker1.request('PUT', `${base}/terms/${termId}/evaluations/2026-12`, { grade: 'good' })).body.error.code,
    ).toBe('STEWARD_MONTH_OUTSIDE_TERM');
    const graded = await worker1.request('PUT', `${base}/terms/${termId}/evaluations/${month}`, {
      grade: 'excellent',
      comment: '履职尽责',
    });
    expect(graded.status).toBe(200);
    expect(graded.body.grade).toBe('excellent');
    const lists = await worker1.get(`${base}/commendations?year=2026`);
    expect(lists.body.stewardRanking[0]).toMatchObject({ termId, score: 3, excellent: 1 });
    expect(lists.body.buildingRanking[0]).toMatchObject({ buildingCode: A(), dutyMonths: 1, opinions: 1 });
    const commended = await worker1.post(`${base}/commendations`, { year: 2026, kind: 'steward', buildingCode: A() });
    expect(commended.status).toBe(201);
    expect(commended.body.points).toBe(50);
    expect(
      (await worker1.post(`${base}/commendations`, { year: 2026, kind: 'steward', buildingCode: A() })).body.error.code,
    ).toBe('STEWARD_ALREADY_COMMENDED');
    expect(await pointsOf(zhang.userId, 'steward_commended')).toBe(50);
    expect((await worker2.get(`${base}/commendations?year=2026`)).body.items).toHaveLength(0);
  });

  it('a steward of building A sees nothing of building B', async () => {
    // The community names 赵 (who lives in B) and appoints him steward of B.
    const named = await worker1.post(`${base}/buildings/${B()}/nominations`, { nomineeUserId: zhao.userId });
    expect(named.body.kind).toBe('community');
    const appointed = await worker1.post(`${base}/nominations/${named.body.id}/appoint`, { note: '社区任命' });
    expect(appointed.status).toBe(200);
    const termB = appointed.body.termId;
    expect((await zhang.session.get(`${base}/buildings/${B()}`)).status).toBe(404);
    expect((await zhang.session.get(`${base}/terms/${termB}/checklists/${month}`)).status).toBe(404);
    expect(
      (await zhang.session.post(`${base}/terms/${termB}/checklists/${month}/ticks`, { duty: 'liaison' })).status,
    ).toBe(404);
    expect((await zhang.session.post(`${base}/terms/${termB}/opinions`, { body: '看看B楼' })).status).toBe(404);
    const bOpinion = await zhao.session.post(`${base}/terms/${termB}/opinions`, { body: '二号楼下水道堵了' });
    expect(bOpinion.status).toBe(201);
    expect((await zhang.session.post(`${base}/opinions/${bOpinion.body.id}/file`)).status).toBe(404);
    const zhangHome = await zhang.session.get(`${base}/me`);
    expect(zhangHome.body.terms.map((t: any) => t.term.buildingCode)).toEqual([A()]);
    expect(JSON.stringify(zhangHome.body)).not.toContain('下水道');
    expect((await zhang.session.get(`${base}/buildings`)).body.items).toEqual([]);
    expect((await worker2.get(`${base}/buildings/${A()}`)).status).toBe(404);
    expect((await worker2.get(`${base}/buildings`)).body.items.map((b: any) => b.code)).toEqual([
      world.inC.building.code,
    ]);
  });

  it('retirement ends the term and the membership; the lost nominee stands again and is appointed (by-election)', async () => {
    expect((await zhang.session.post(`${base}/terms/${termId}/retire`, { reason: 'moved' })).status).toBe(403);
    expect((await worker1.post(`${base}/terms/${termId}/retire`, { reason: 'bored' })).status).toBe(400);
    const retired = await worker1.post(`${base}/terms/${termId}/retire`, { reason: 'moved', note: '搬到儿子家' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ state: 'retired', retireReason: 'moved', endedOn: '2026-11-24', actions: [] });
    expect(await stewardMemberships(zhang.userId)).toEqual([]);
    expect((await zhang.session.get(`${base}/me`)).body.terms).toEqual([]);
    expect(
      (await zhang.session.post(`${base}/terms/${termId}/checklists/${month}/ticks`, { duty: 'liaison' })).status,
    ).toBe(404);
    expect((await worker1.post(`${base}/terms/${termId}/retire`, { reason: 'moved' })).body.error.code).toBe(
      'STEWARD_STATE_CONFLICT',
    );

    const votesBefore = await stewardVotes();
    expect((await worker1.post(`${base}/buildings/${A()}/votes`, { title: '补选' })).body.error.code).toBe(
      'STEWARD_NO_CANDIDATES',
    );
    expect(await stewardVotes()).toBe(votesBefore);

    const again = await wang.session.post(`${base}/buildings/${A()}/nominations`, { reason: '补选自荐' });
    expect(again.status).toBe(201);
    expect((await wang.session.post(`${base}/nominations/${again.body.id}/appoint`, {})).status).toBe(403);
    const appointed = await worker1.post(`${base}/nominations/${again.body.id}/appoint`, { note: '补选任命' });
    expect(appointed.status).toBe(200);
    expect(await stewardMemberships(wang.userId)).toEqual([{ code: A() }]);
    const history = (await worker1.get(`${base}/buildings/${A()}`)).body.terms;
    expect(history.map((t: any) => t.state)).toEqual(['active', 'retired']);
    expect(history[1]).toMatchObject({ id: termId, retireReason: 'moved' });
  });

  it('numbers: the year’s counts per community in scope', async () => {
    const mine = await worker1.get(`${base}/numbers?year=2026`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        communityCode: world.c1.code,
        communityName: '和平社区',
        buildingsWithSteward: 2,
        appointed: 3,
        retired: 1,
        votes: 1,
        checklistsCompleted: 1,
        opinions: 2,
        opinionsFiled: 1,
        evaluations: 1,
        excellent: 1,
        commendations: 1,
      },
    ]);
    const other = await worker2.get(`${base}/numbers?year=2026`);
    expect(other.body.items.map((i: any) => i.communityCode)).toEqual([world.c2.code]);
    expect(other.body.items[0].appointed).toBe(0);
    expect((await worker2.get(`${base}/numbers?year=2026&placeCode=${world.c1.code}`)).status).toBe(404);
  });
});
