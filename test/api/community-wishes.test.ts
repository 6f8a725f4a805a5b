import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wishClaimExpiry } from '../../src/server/features/community/wishes/jobs.js';
import { JobRunner } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildResidentIn, buildUnitWithLiaison, pointsEntriesOf } from '../support/community-wishes.js';
import { countRows, testEngine } from '../support/db.js';
import { buildUser, buildWorld, phoneLogin, userIdOf } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';

// 微心愿 · 微行动 (issue 16): a steward posts a wish for an elderly resident of their building, the
// community approves it, it shows on the wall with the name masked, one claim only (also at once),
// fulfilled with a photo (points to the claimer), thanked; units claim through their liaison;
// micro-actions never take more than their slots; another community sees none of it.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let huang: { id: string };
let other: { id: string };
let unit: { id: string };

const session = (username: string) => new Session(ctx).login(username);
const upload = async (s: Session) =>
  (await s.request('POST', '/api/v1/files', multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } })))
    .body.id as string;
const count = (table: 'community_wishes' | 'community_micro_action_signups') => countRows(ctx.deps.db, table);
const W = '/api/v1/community/wishes';

async function postedAndApproved(content = '想要一台收音机') {
  const steward = await session('stewardA');
  const posted = await steward.post(W, { category: 'daily_goods', content, residentId: huang.id });
  expect(posted.status).toBe(201);
  const approved = await (await session('worker1')).post(`${W}/${posted.body.id}/approve`, {});
  expect(approved.status).toBe(200);
  return posted.body.id as string;
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'stewardA', 'steward', world.inA.building.code);
  await buildUser(ctx.deps, 'vol1', 'volunteer', world.c1.code);
  await buildUser(ctx.deps, 'vol2', 'volunteer', world.c1.code);
  await buildUser(ctx.deps, 'vol3', 'volunteer', world.c2.code);
  huang = await buildResidentIn(ctx.deps, world.inA.households[0], { name: '黄玉兰', birthDate: '1941-03-02' });
  other = await buildResidentIn(ctx.deps, world.inB.households[0], { name: '李秀英', birthDate: '1950-01-01' });
  unit = await buildUnitWithLiaison(ctx.deps, world.c1, '县供电公司城关供电所', 'unitA');
});
afterAll(() => ctx.close());

describe(`micro-wishes (${testEngine})`, () => {
  it('lets a steward post for a resident of their building only; a refused post leaves no row', async () => {
    const steward = await session('stewardA');
    const picks = await steward.get(`${W}/residents`);
    expect(picks.status).toBe(200);
    expect(picks.body.items.map((r: { name: string; age: number }) => [r.name, r.age])).toEqual([['黄玉兰', 85]]);
    expect(JSON.stringify(picks.body)).not.toMatch(/phone|idNumber/);
    // The name search takes the text as typed: a % or _ is a character, not a wildcard.
    expect((await steward.get(`${W}/residents?q=${encodeURIComponent('黄%')}`)).body.items).toEqual([]);
    expect((await steward.get(`${W}/residents?q=${encodeURIComponent('黄_兰')}`)).body.items).toEqual([]);
    expect((await steward.get(`${W}/residents?q=${encodeURIComponent('黄玉')}`)).body.items).toHaveLength(1);

    const before = await count('community_wishes');
    const outside = await steward.post(W, { category: 'repair', content: '修水龙头', residentId: other.id });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('WISH_RESIDENT_UNKNOWN');
    const bad = await steward.post(W, { category: 'repair', content: 'a\u0007b', residentId: huang.id });
    expect(bad.status).toBe(400);
    const volunteer = await (
      await session('vol1')
    ).post(W, { category: 'repair', content: '修水龙头', residentId: huang.id });
    expect(volunteer.status).toBe(400);
    expect(await count('community_wishes')).toBe(before);

    const posted = await steward.post(W, { category: 'daily_goods', content: '想要一个电饭煲', residentId: huang.id });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ state: 'submitted', beneficiaryName: '黄玉兰', postedForResident: true });
    expect(posted.body.actions).toEqual(['cancel']);
  });

  it('is reviewed by the community: approve shows it on the wall with the name masked; reject needs a reason', async () => {
    const steward = await session('stewardA');
    const worker = await session('worker1');
    const posted = await steward.post(W, { category: 'study', content: '孙子需要一个书包', residentId: huang.id });
    const vol = await session('vol1');
    expect((await vol.get(`${W}/${posted.body.id}`)).status).toBe(404);

    const queue = await worker.get(`${W}?state=submitted`);
    const mine = queue.body.items.find((w: { id: string }) => w.id === posted.body.id);
    expect(mine.actions).toEqual(['approve', 'reject', 'cancel']);
    expect((await worker.post(`${W}/${posted.body.id}/reject`, {})).body.error.code).toBe('WISH_REASON_REQUIRED');
    // A grid worker reads but does not review.
    expect((await (await session('gridA')).post(`${W}/${posted.body.id}/approve`, {})).status).toBe(409);
    expect((await worker.post(`${W}/${posted.body.id}/approve`, {})).body.state).toBe('published');

    const wall = await vol.get(`${W}/wall`);
    const shown = wall.body.items.find((w: { id: string }) => w.id === posted.body.id);
    expect(shown).toMatchObject({ beneficiaryName: '黄*兰', state: 'published', actions: ['claim'] });
    expect(JSON.stringify(wall.body)).not.toContain('黄玉兰');

    const rejected = await steward.post(W, { category: 'other', content: '想要一部新手机', residentId: huang.id });
    const r = await worker.post(`${W}/${rejected.body.id}/reject`, { reason: '不属于微心愿范围' });
    expect(r.body).toMatchObject({ state: 'rejected', rejectReason: '不属于微心愿范围', actions: [] });
  });

  it('lets only one of two people claiming at once have it', async () => {
    const id = await postedAndApproved('想要一副老花镜');
    const [a, b] = await Promise.all([session('vol1'), session('vol2')]);
    const results = await Promise.all([a.post(`${W}/${id}/claim`, {}), b.post(`${W}/${id}/claim`, {})]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('WISH_ALREADY_CLAIMED');
    const row = await ctx.deps.db
      .selectFrom('community_wishes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const winner = results[0].status === 200 ? 'vol1' : 'vol2';
    expect(row.claimed_by).toBe(await userIdOf(ctx.deps, winner));
    const jobs = await ctx.deps.db.selectFrom('jobs').select('kind').where('kind', '=', 'wishes.claimExpiry').execute();
    expect(jobs.length).toBeGreaterThan(0);
  });

  it('is fulfilled by the claimer with a photo, once, crediting wish_fulfilled points; then thanked by the poster', async () => {
    const id = await postedAndApproved('想要一个暖水袋');
    const vol = await session('vol1');
    const claimed = await vol.post(`${W}/${id}/claim`, {});
    expect(claimed.body).toMatchObject({ state: 'claimed', claimedByMe: true, actions: ['give_up', 'fulfil'] });
    expect((await (await session('vol2')).post(`${W}/${id}/fulfil`, { photoIds: [await upload(vol)] })).status).toBe(
      409,
    );
    expect((await vol.post(`${W}/${id}/fulfil`, { photoIds: [] })).status).toBe(400);

    const photo = await upload(vol);
    const done = await vol.post(`${W}/${id}/fulfil`, { photoIds: [photo], note: '已送到家中' });
    expect(done.body).toMatchObject({ state: 'fulfilled', fulfilPhotoIds: [photo], pointsCredited: 20 });
    expect((await vol.post(`${W}/${id}/fulfil`, { photoIds: [photo] })).status).toBe(409);
    const entries = (await pointsEntriesOf(ctx.deps, { userId: await userIdOf(ctx.deps, 'vol1') })).filter(
      (e) => e.source_id === id,
    );
    expect(entries).toEqual([{ points: 20, rule: 'wish_fulfilled', source_kind: 'wish', source_id: id }]);

    // Whoever sees the wish sees its photo; another community does not.
    expect((await (await session('vol2')).get(`${W}/${id}/photos/${photo}`)).status).toBe(200);
    expect((await (await session('vol3')).get(`${W}/${id}/photos/${photo}`)).status).toBe(404);

    const steward = await session('stewardA');
    expect((await vol.post(`${W}/${id}/thank`, { message: '谢谢' })).status).toBe(409);
    const thanked = await steward.post(`${W}/${id}/thank`, { message: '黄奶奶说谢谢你！' });
    expect(thanked.body).toMatchObject({ state: 'thanked', thanksMessage: '黄奶奶说谢谢你！' });
  });

  it('goes back on the wall when the claimer gives up or the fulfil deadline passes', async () => {
    const id = await postedAndApproved('想要一个助行器');
    const vol = await session('vol2');
    await vol.post(`${W}/${id}/claim`, {});
    expect((await vol.post(`${W}/${id}/give_up`, {})).body.state).toBe('published');
    await vol.post(`${W}/${id}/claim`, {});

    const runner = new JobRunner(ctx.deps.db, ctx.clock);
    runner.add(wishClaimExpiry);
    await runner.drain();
    expect((await vol.get(`${W}/${id}`)).body.state).toBe('claimed');
    ctx.clock.advance(15 * 86_400_000);
    await runner.drain();
    ctx.clock.advance(-15 * 86_400_000);
    const back = await vol.get(`${W}/${id}`);
    expect(back.body).toMatchObject({ state: 'published', claimerName: null });
  });

  it('lets a unit claim through its liaison, and credits the unit', async () => {
    const id = await postedAndApproved('想要一盏台灯');
    const liaison = await session('unitA');
    expect((await liaison.get(`${W}/units`)).body.items).toEqual([{ id: unit.id, name: '县供电公司城关供电所' }]);
    const notMine = await (await session('vol1')).post(`${W}/${id}/claim`, { organisationId: unit.id });
    expect(notMine.body.error.code).toBe('WISH_UNIT_NOT_LIAISON');
    const claimed = await liaison.post(`${W}/${id}/claim`, { organisationId: unit.id });
    expect(claimed.body).toMatchObject({ claimedByUnit: true, claimerName: '县供电公司城关供电所' });
    await liaison.post(`${W}/${id}/fulfil`, { photoIds: [await upload(liaison)] });
    const entries = await pointsEntriesOf(ctx.deps, { organisationId: unit.id });
    expect(entries.filter((e) => e.source_id === id).map((e) => e.rule)).toEqual(['wish_fulfilled']);
  });

  it('lets a resident on the phone wish for themselves and cancel before anyone claims', async () => {
    await buildResidentIn(ctx.deps, world.inA.households[1], { name: '王桂芳', phone: '13500000011' });
    const wang = await phoneLogin(ctx, '13500000011');
    const posted = await wang.post(W, { category: 'companionship', content: '希望有人周末陪我聊聊天' });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ beneficiaryName: '王桂芳', mine: true, communityName: '和平社区' });
    expect((await wang.get(`${W}/mine`)).body.items.map((w: { id: string }) => w.id)).toContain(posted.body.id);
    expect((await wang.post(`${W}/${posted.body.id}/cancel`, {})).body.state).toBe('cancelled');
    // Someone of nowhere may not post.
    const stranger = await phoneLogin(ctx, '13500000012');
    expect((await stranger.post(W, { category: 'other', content: '你好你好' })).body.error.code).toBe(
      'HOME_COMMUNITY_REQUIRED',
    );
  });

  it('shows another community none of it, and a steward only their building', async () => {
    const worker2 = await session('worker2');
    expect((await worker2.get(W)).body.items).toEqual([]);
    const any = (await (await session('worker1')).get(W)).body.items[0];
    expect((await worker2.get(`${W}/${any.id}`)).status).toBe(404);
    expect((await (await session('vol3')).get(`${W}/wall`)).body.items).toEqual([]);

    const steward = await session('stewardA');
    const mine = await steward.get(`${W}?buildingCode=${world.inA.building.code}&state=published`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((w: { state: string }) => w.state === 'published')).toBe(true);
    expect((await steward.get(`${W}?buildingCode=${world.inB.building.code}`)).status).toBe(404);
    expect((await worker2.get(`${W}?buildingCode=${world.inA.building.code}`)).status).toBe(404);
  });

  it('counts the year per community from the records, in scope', async () => {
    const numbers = await (await session('officer')).get(`${W}/numbers?year=2026`);
    expect(numbers.status).toBe(200);
    const c1 = numbers.body.items.find((r: { communityCode: string }) => r.communityCode === world.c1.code);
    const rows = await ctx.deps.db.selectFrom('community_wishes').select(['state', 'fulfilled_at']).execute();
    expect(c1.wishesPosted).toBe(rows.length);
    expect(c1.wishesFulfilled).toBe(rows.filter((r) => r.fulfilled_at !== null).length);
    expect((await (await session('worker2')).get(`${W}/numbers?year=2026`)).body.items).toEqual([]);
    expect((await (await session('vol1')).get(`${W}/numbers?year=2026`)).status).toBe(403);
  });
});

describe(`micro-actions (${testEngine})`, () => {
  it('never takes more sign-ups than its slots, also at once; done credits those who took part', async () => {
    const worker = await session('worker1');
    const created = await worker.post(`${W}/actions`, {
      placeCode: world.c1.code,
      title: '清理楼道杂物',
      date: '2026-11-28',
      location: '1号楼',
      slots: 2,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const people = await Promise.all(['vol1', 'vol2', 'stewardA', 'unitA'].map(session));
    const results = await Promise.all(people.map((p) => p.post(`${W}/actions/${id}/sign-up`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'WISH_ACTION_FULL')).toBe(true);
    const signed = await worker.get(`${W}/actions/${id}`);
    expect(signed.body.signups).toHaveLength(2);

    const stranger = await userIdOf(ctx.deps, 'vol3');
    const photo = await upload(worker);
    const wrong = await worker.post(`${W}/actions/${id}/done`, { photoIds: [photo], participantIds: [stranger] });
    expect(wrong.body.error.code).toBe('WISH_ACTION_PARTICIPANT_UNKNOWN');
    const participant = signed.body.signups[0].userId as string;
    const done = await worker.post(`${W}/actions/${id}/done`, { photoIds: [photo], participantIds: [participant] });
    expect(done.body).toMatchObject({ state: 'done', proofPhotoIds: [photo] });
    const entries = (await pointsEntriesOf(ctx.deps, { userId: participant })).filter((e) => e.source_id === id);
    expect(entries).toEqual([{ points: 10, rule: 'action_done', source_kind: 'micro_action', source_id: id }]);
    expect((await worker.post(`${W}/actions/${id}/done`, { photoIds: [photo], participantIds: [] })).status).toBe(409);

    const numbers = await worker.get(`${W}/numbers?year=2026`);
    expect(numbers.body.items[0]).toMatchObject({ actions: 1, participants: 1 });
    // 文化社区 sees none of it.
    expect((await (await session('vol3')).get(`${W}/actions/${id}`)).status).toBe(404);
    expect((await (await session('worker2')).get(`${W}/actions`)).body.items).toEqual([]);
  });

  it('is posted only by the community’s managers, not in the past', async () => {
    const input = { placeCode: world.c1.code, title: '护送考生', date: '2026-12-01', slots: 5 };
    expect((await (await session('gridA')).post(`${W}/actions`, input)).status).toBe(403);
    expect((await (await session('worker2')).post(`${W}/actions`, input)).status).toBe(404);
    expect(
      (await (await session('worker1')).post(`${W}/actions`, { ...input, date: '2026-11-01' })).body.error.code,
    ).toBe('WISH_ACTION_DATE_PAST');
    const phone = await (await session('vol1')).get(`${W}/actions/nearby`);
    expect(phone.status).toBe(200);
    expect(phone.body.items.length).toBeGreaterThan(0);
  });
});
