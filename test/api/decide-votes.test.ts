import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voteCloseJob } from '../../src/server/platform/decide/votes.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { residentIn } from '../support/community-stewards.js';

// 表决 (issue 17): the one vote machinery through the API — the community drafts and opens a vote
// over building 1 (the roll frozen: adults of the registry, or households), residents vote once by
// phone, staff record paper ballots, never both; results (counts) appear only when the vote closes;
// secret ballots carry nothing that leads back to the voter; community B sees nothing of A's votes.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
type Resident = Awaited<ReturnType<typeof residentIn>>;
let wang: Resident; // building 1, household 0
let zhang: Resident; // building 1, household 0 (wang's household)
let li: Resident; // building 1, household 1
let minor: Resident; // building 1, household 1, aged 10
let zhao: Resident; // building 2 (same community)
let chen: Resident; // community 2

const base = '/api/v1/deliberation/votes';
const put = (s: Session, path: string, body: unknown) => s.request('PUT', path, body);
const inADay = () => new Date(ctx.clock.now().getTime() + 86_400_000).toISOString();
const ballots = async (voteId: string) =>
  ctx.deps.db.selectFrom('vote_ballots').select(['id', 'elector_id']).where('vote_id', '=', voteId).execute();

let secretVote = '';
let options: { id: string; label: string }[] = [];
let wangReceipt = '';
const seen: unknown[] = []; // every response before the close, searched for counts at the end

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  const h = world.inA.households;
  wang = await residentIn(ctx, worker1, h[0].code, '王大山');
  zhang = await residentIn(ctx, worker1, h[0].code, '张三丰');
  li = await residentIn(ctx, worker1, h[1].code, '李二妹');
  minor = await residentIn(ctx, worker1, h[1].code, '李小明');
  zhao = await residentIn(ctx, worker1, world.inB.households[0].code, '赵四海');
  chen = await residentIn(ctx, worker2, world.inC.households[0].code, '陈五');
  await ctx.deps.db
    .updateTable('residents')
    .set({ birth_date: '2016-05-01' })
    .where('id', '=', minor.residentId)
    .execute();
});
afterAll(() => ctx.close());

const draft = (over: Record<string, unknown> = {}) => ({
  placeCode: world.inA.building.code,
  title: '1号楼加装电梯表决',
  description: '是否同意在1号楼加装电梯',
  method: 'yes_no_abstain',
  secret: true,
  electorate: 'residents',
  allowPhone: true,
  allowPaper: true,
  quorumPercent: 50,
  majority: 'simple',
  closesAt: inADay(),
  ...over,
});

describe(`votes: one ballot per elector, results only after close (${testEngine})`, () => {
  it('the community drafts, edits and opens a vote; the roll holds the adults of the building', async () => {
    expect((await worker1.post(base, draft({ title: 'x\u0007y' }))).status).toBe(400);
    expect((await worker1.post(base, draft({ method: 'options', options: ['甲'] }))).status).toBe(400);
    expect((await worker2.post(base, draft())).status).toBe(404);
    expect((await wang.session.post(base, draft())).status).toBe(403);
    const created = await worker1.post(base, draft({ title: '草稿' }));
    expect(created.status).toBe(201);
    secretVote = created.body.id;
    const edited = await put(worker1, `${base}/${secretVote}`, draft());
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('1号楼加装电梯表决');
    expect(edited.body.actions).toEqual(['edit', 'open', 'cancel']);
    options = edited.body.options;
    expect(options.map((o) => o.label)).toEqual(['同意', '反对', '弃权']);
    // a draft takes no ballots and is nobody's on the phone
    expect(
      (await wang.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [options[0].id] })).status,
    ).toBe(404);

    const opened = await worker1.post(`${base}/${secretVote}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ state: 'open', eligible: 3, voted: 0, result: null });
    seen.push(opened.body);
    expect((await put(worker1, `${base}/${secretVote}`, draft())).body.error.code).toBe('VOTE_OPTIONS_LOCKED');
    const mine = await wang.session.get('/api/v1/me/votes');
    expect(mine.body.items.map((v: { id: string }) => v.id)).toEqual([secretVote]);
    expect(mine.body.items[0]).toMatchObject({ canVote: true, voted: false, result: null });
    seen.push(mine.body);
  });

  it('five casts at once by one resident make exactly one ballot; the receipt comes once', async () => {
    const tries = await Promise.all(
      Array.from({ length: 5 }, () =>
        wang.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [options[0].id] }),
      ),
    );
    const ok = tries.filter((t) => t.status === 201);
    expect(ok).toHaveLength(1);
    for (const t of tries.filter((t) => t.status !== 201)) expect(t.status).toBe(409);
    wangReceipt = ok[0]!.body.receipt;
    expect(wangReceipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await ballots(secretVote)).toHaveLength(1);
    const again = await wang.session.get(`/api/v1/me/votes/${secretVote}`);
    expect(again.body).toMatchObject({ voted: true, channel: 'phone', canVote: false });
    expect(JSON.stringify(again.body)).not.toContain(wangReceipt);
  });

  it('refuses who is not on the roll: another building, another community, a minor; and bad marks', async () => {
    for (const r of [zhao, minor]) {
      const t = await r.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [options[0].id] });
      expect(t.status).toBe(403);
      expect(t.body.error.code).toBe('VOTE_NOT_ELIGIBLE');
      expect((await r.session.get(`/api/v1/me/votes/${secretVote}`)).status).toBe(404);
    }
    expect(
      (await chen.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [options[0].id] })).status,
    ).toBe(404);
    const two = await zhang.session.post(`/api/v1/me/votes/${secretVote}/ballots`, {
      optionIds: [options[0].id, options[1].id],
    });
    expect(two.body.error.code).toBe('VOTE_MARKS_INVALID');
    const foreign = await zhang.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [secretVote] });
    expect(foreign.body.error.code).toBe('VOTE_MARKS_INVALID');
    expect(await ballots(secretVote)).toHaveLength(1);
  });

  it('phone then paper is refused, and paper then phone', async () => {
    const roll = await worker1.get(`${base}/${secretVote}/roll`);
    expect(roll.status).toBe(200);
    expect(roll.body).toMatchObject({ eligible: 3, voted: 1, phone: 1, paper: 0 });
    seen.push(roll.body);
    const names = roll.body.items.map((e: { name: string }) => e.name).sort();
    expect(names).toEqual(['张*丰', '李*妹', '王*山']);
    const electorOf = (masked: string) => roll.body.items.find((e: { name: string }) => e.name === masked).electorId;
    expect((await worker1.get(`${base}/${secretVote}/roll?q=${encodeURIComponent('李*')}`)).body.items).toHaveLength(1);

    const phoneThenPaper = await worker1.post(`${base}/${secretVote}/paper-ballots`, {
      electorId: electorOf('王*山'),
      optionIds: [options[1].id],
    });
    expect(phoneThenPaper.status).toBe(409);
    expect(phoneThenPaper.body.error.code).toBe('VOTE_ALREADY_VOTED');

    const paper = await worker1.post(`${base}/${secretVote}/paper-ballots`, {
      electorId: electorOf('李*妹'),
      optionIds: [options[0].id],
    });
    expect(paper.status).toBe(201);
    const paperThenPhone = await li.session.post(`/api/v1/me/votes/${secretVote}/ballots`, {
      optionIds: [options[1].id],
    });
    expect(paperThenPhone.status).toBe(409);
    expect((await li.session.get(`/api/v1/me/votes/${secretVote}`)).body).toMatchObject({
      voted: true,
      channel: 'paper',
    });
    // an elector not on this roll, and a resident's paper ballot by someone without the permission
    expect(
      (
        await worker1.post(`${base}/${secretVote}/paper-ballots`, {
          electorId: zhao.residentId,
          optionIds: [options[0].id],
        })
      ).body.error.code,
    ).toBe('VOTE_NOT_ELIGIBLE');
    expect(
      (
        await zhang.session.post(`${base}/${secretVote}/paper-ballots`, {
          electorId: electorOf('张*丰'),
          optionIds: [options[0].id],
        })
      ).status,
    ).toBe(403);
    expect(
      (await zhang.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [options[1].id] })).status,
    ).toBe(201);
    expect(await ballots(secretVote)).toHaveLength(3);
  });

  it('community B sees none of A’s votes and gets 404 for A’s vote', async () => {
    expect((await worker2.get(base)).body.items).toEqual([]);
    expect((await worker1.get(base)).body.items.map((v: { id: string }) => v.id)).toContain(secretVote);
    expect((await worker2.get(`${base}/${secretVote}`)).status).toBe(404);
    expect((await worker2.get(`${base}/${secretVote}/roll`)).status).toBe(404);
    expect((await worker2.post(`${base}/${secretVote}/close`)).status).toBe(404);
    expect((await worker2.post(`${base}/${secretVote}/cancel`, { reason: '越权取消' })).status).toBe(404);
  });

  it('nothing shows a count before the close; the public page shows turnout only', async () => {
    const pub = await new Session(ctx).get(`/api/v1/public/communities/${world.c1.code}/votes`);
    expect(pub.status).toBe(200);
    expect(pub.body.open).toEqual([
      { id: secretVote, title: '1号楼加装电梯表决', closesAt: expect.any(String), eligible: 3, voted: 3 },
    ]);
    seen.push(pub.body, (await worker1.get(`${base}/${secretVote}`)).body, (await worker1.get(base)).body);
    seen.push((await zhang.session.get('/api/v1/me/votes')).body);
    expect((await worker1.get(`${base}/${secretVote}/results.xlsx`)).status).toBe(409);
    for (const body of seen) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/"counts"|"votes"|"winners"|"marks"/);
      expect(text).not.toContain('"result":{');
    }
  });

  it('a secret ballot has no elector, no time and a random id; its receipt says counted, never the choice', async () => {
    for (const b of await ballots(secretVote)) {
      expect(b.elector_id).toBeNull();
      expect(b.id[14]).not.toBe('7'); // not UUIDv7 (time-ordered)
    }
    const cols = (
      await sql<{ table_name: string; column_name: string; data_type: string }>`
        SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_name IN ('vote_ballots', 'vote_marks')`.execute(ctx.deps.db)
    ).rows;
    expect(cols.length).toBeGreaterThan(0);
    for (const c of cols) {
      expect(c.data_type).not.toMatch(/time|date/);
      expect(c.column_name).not.toMatch(/user|resident|voter|_at$|household/);
    }
    const refs = (
      await sql<{ parent: string }>`
        SELECT u.table_name AS parent
        FROM information_schema.referential_constraints rc
        JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name
        JOIN information_schema.constraint_column_usage u ON u.constraint_name = rc.unique_constraint_name
        WHERE k.table_name IN ('vote_ballots', 'vote_marks')`.execute(ctx.deps.db)
    ).rows;
    const parents = refs.map((r) => r.parent);
    expect(parents.length).toBeGreaterThan(0);
    for (const p of parents) expect(['votes', 'vote_options', 'vote_ballots']).toContain(p);

    const check = await wang.session.post(`/api/v1/me/votes/${secretVote}/receipt-check`, { receipt: wangReceipt });
    expect(check.body).toEqual({ counted: true, marks: null });
    const wrong = await wang.session.post(`/api/v1/me/votes/${secretVote}/receipt-check`, {
      receipt: 'AAAA-BBBB-CCCC',
    });
    expect(wrong.body).toEqual({ counted: false, marks: null });
    const stored = await ctx.deps.db.selectFrom('vote_ballots').select('receipt_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(wangReceipt);
  });

  it('closes with counts, turnout and the majority; the result then shows everywhere', async () => {
    const closed = await worker1.post(`${base}/${secretVote}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.result).toMatchObject({
      eligible: 3,
      cast: 3,
      turnoutPercent: 100,
      quorumMet: true,
      passed: true,
      failure: null,
      winners: [options[0].id],
    });
    expect(closed.body.result.counts.map((c: { votes: number }) => c.votes)).toEqual([2, 1, 0]);
    expect(
      (await wang.session.post(`/api/v1/me/votes/${secretVote}/ballots`, { optionIds: [options[0].id] })).status,
    ).toBe(409);
    expect((await wang.session.get(`/api/v1/me/votes/${secretVote}`)).body.result.passed).toBe(true);
    const pub = await new Session(ctx).get(`/api/v1/public/communities/${world.c1.code}/votes`);
    expect(pub.body.closed[0]).toMatchObject({ id: secretVote, result: { passed: true } });
    const sheet = await worker1.get(`${base}/${secretVote}/results.xlsx`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('households: one ballot per household; an open vote’s receipt shows its marks; the job closes it at closes_at', async () => {
    const created = await worker1.post(
      base,
      draft({
        title: '1号楼公共收益使用',
        secret: false,
        electorate: 'households',
        quorumPercent: 60,
        majority: 'two_thirds',
      }),
    );
    const id = created.body.id;
    const opened = await worker1.post(`${base}/${id}/open`);
    expect(opened.body.eligible).toBe(2);
    const yes = opened.body.options[0].id;
    const cast = await wang.session.post(`/api/v1/me/votes/${id}/ballots`, { optionIds: [yes] });
    expect(cast.status).toBe(201);
    const second = await zhang.session.post(`/api/v1/me/votes/${id}/ballots`, {
      optionIds: [opened.body.options[1].id],
    });
    expect(second.status).toBe(409);
    expect((await zhang.session.get(`/api/v1/me/votes/${id}`)).body).toMatchObject({ voted: true, canVote: false });
    const [ballot] = await ballots(id);
    expect(ballot!.elector_id).toBe(world.inA.households[0].id);
    const check = await wang.session.post(`/api/v1/me/votes/${id}/receipt-check`, { receipt: cast.body.receipt });
    expect(check.body).toEqual({ counted: true, marks: [yes] });

    const runner = new JobRunner(ctx.deps.db, ctx.clock);
    runner.add(voteCloseJob);
    await runner.drain();
    expect((await worker1.get(`${base}/${id}`)).body.state).toBe('open');
    ctx.clock.advance(2 * 86_400_000);
    await runner.drain();
    ctx.clock.advance(-2 * 86_400_000);
    const done = await worker1.get(`${base}/${id}`);
    expect(done.body.state).toBe('closed');
    // 1 of 2 households is 50 %, short of the 60 % quorum
    expect(done.body.result).toMatchObject({
      cast: 1,
      eligible: 2,
      turnoutPercent: 50,
      quorumMet: false,
      passed: false,
      failure: 'no_quorum',
    });
  });

  it('options with absolute majority: a winner needs more than half of the ballots', async () => {
    const created = await worker1.post(
      base,
      draft({
        title: '楼道颜色',
        method: 'options',
        options: ['米白', '浅灰', '淡蓝'],
        majority: 'absolute',
        quorumPercent: 0,
      }),
    );
    const id = created.body.id;
    const opened = await worker1.post(`${base}/${id}/open`);
    const [a, b] = opened.body.options;
    await wang.session.post(`/api/v1/me/votes/${id}/ballots`, { optionIds: [a.id] });
    await zhang.session.post(`/api/v1/me/votes/${id}/ballots`, { optionIds: [b.id] });
    await li.session.post(`/api/v1/me/votes/${id}/ballots`, { optionIds: [a.id] });
    const closed = await worker1.post(`${base}/${id}/close`);
    expect(closed.body.result).toMatchObject({ cast: 3, passed: true, winners: [a.id] });
    const cancelled = await worker1.post(`${base}/${id}/cancel`, { reason: '已结束不能取消' });
    expect(cancelled.body.error.code).toBe('VOTE_STATE');
  });
});
