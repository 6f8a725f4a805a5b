import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTopicAction } from '../../src/server/features/deliberation/topics/index.js';
import { systemActor, type Actor } from '../../src/server/platform/policy.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildResidentIn } from '../support/community-wishes.js';
import { countRows, testEngine } from '../support/db.js';
import { buildUser, buildWorld, phoneLogin, userIdOf } from '../support/factories.js';

// 议题 (issue 17): raised by a resident on the phone (their community or registry grid, by name), a
// steward (their building), the community, or from a case (linked both ways); seconded by the
// community's residents once each up to the threshold snapshotted when raised (crossed exactly once,
// also at once); screened with a reason; withdrawn by the raiser; out of turn refused; another
// community sees none of it; the public list carries no names.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let raiser: Session;
const neighbours: Session[] = [];
let outsider: Session;

const T = '/api/v1/deliberation/topics';
const session = (username: string) => new Session(ctx).login(username);
const count = (table: 'deliberation_topics' | 'deliberation_topic_events') => countRows(ctx.deps.db, table);
const topicRow = (id: string) =>
  ctx.deps.db.selectFrom('deliberation_topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function raiseByResident(title: string, who = raiser) {
  const places = (await who.get(`${T}/places`)).body.items as { placeId: string; kind: string }[];
  const community = places.find((p) => p.kind === 'community')!;
  const res = await who.post(T, { placeId: community.placeId, title, body: '楼下空地能不能改成停车位，大家商量一下' });
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'stewardA', 'steward', world.inA.building.code);
  await buildResidentIn(ctx.deps, world.inA.households[0], { name: '黄玉兰', phone: '13900000001' });
  raiser = await phoneLogin(ctx, '13900000001');
  for (let i = 2; i <= 8; i++) neighbours.push(await phoneLogin(ctx, `1390000000${i}`, world.c1.id));
  outsider = await phoneLogin(ctx, '13900000020', world.c2.id);
});
afterAll(() => ctx.close());

describe(`topics (${testEngine})`, () => {
  it('lets a resident raise one for their community or registry grid, picked by name; refused input leaves no row', async () => {
    const places = await raiser.get(`${T}/places`);
    expect(places.status).toBe(200);
    expect(places.body.items.map((p: { name: string; hall: string; via: string }) => [p.name, p.hall, p.via])).toEqual([
      ['和平社区', 'community', 'resident'],
      ['和平一网格', 'grid', 'resident'],
      ['1号楼', 'grid', 'resident'],
    ]);
    expect(JSON.stringify(places.body)).not.toContain(world.c1.code);

    const before = await count('deliberation_topics');
    const elsewhere = await raiser.post(T, {
      placeId: world.c2.id,
      title: '文化社区的事',
      body: '这不是我所在社区的事情哦哦',
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('TOPIC_PLACE_NOT_ALLOWED');
    const control = await raiser.post(T, {
      placeId: world.c1.id,
      title: '停车\u0000位',
      body: '楼下空地能不能改成停车位呢',
    });
    expect(control.status).toBe(400);
    const long = await raiser.post(T, {
      placeId: world.c1.id,
      title: '停'.repeat(41),
      body: '楼下空地能不能改成停车位呢',
    });
    expect(long.status).toBe(400);
    expect(await count('deliberation_topics')).toBe(before);

    const emoji = await raiser.post(T, {
      placeId: world.gridA.id,
      title: '🚗'.repeat(40),
      body: '网格里的停车问题大家一起商量',
    });
    expect(emoji.status).toBe(201);
    expect(emoji.body).toMatchObject({
      hall: 'grid',
      placeName: '和平一网格',
      raisedVia: 'resident',
      state: 'seconding',
    });

    const topic = await raiseByResident('楼下空地改停车位');
    expect(topic.code).toMatch(/^YT-20261124-\d{4}$/);
    expect(topic).toMatchObject({
      state: 'seconding',
      raisedVia: 'resident',
      secondsNeeded: 5,
      secondsCount: 0,
      mine: true,
      hall: 'community',
      actions: ['withdraw'],
    });
    expect(topic.events.map((e: { action: string; toState: string }) => [e.action, e.toState])).toEqual([
      ['raise', 'seconding'],
    ]);
  });

  it('sends a steward’s topic (their building) and the community’s straight to screening', async () => {
    const steward = await session('stewardA');
    const stewardPlaces = (await steward.get(`${T}/places`)).body.items;
    const building = stewardPlaces.find((p: { via: string }) => p.via === 'steward');
    expect(building).toMatchObject({ name: '1号楼', kind: 'building', hall: 'grid' });
    const s = await steward.post(T, {
      placeId: building.placeId,
      title: '楼道堆物清理',
      body: '1号楼楼道堆放杂物，需要大家一起定个规矩',
    });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ raisedVia: 'steward', state: 'screening' });

    const worker = await session('worker1');
    const c = await worker.post(T, {
      placeId: world.c1.id,
      title: '社区广场舞时间',
      body: '广场舞音响扰民，商定活动时间和音量',
    });
    // Whoever raised it may still withdraw it before it is screened.
    expect(c.body).toMatchObject({
      raisedVia: 'community',
      state: 'screening',
      actions: ['accept', 'reject', 'withdraw'],
    });
    // Out of turn: a topic in screening takes no seconds and no screen_in.
    expect((await worker.post(`${T}/${c.body.id}/screen_in`, {})).body.error.code).toBe('TOPIC_ACTION_NOT_ALLOWED');
  });

  it('turns a case into a topic with one action, linked both ways, once', async () => {
    const worker = await session('worker1');
    const filed = await worker.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.gridA.code,
      description: '小区要不要加装电梯，住户意见不一',
      reporterName: '刘阿姨',
      reporterPhone: '13812345679',
    });
    const caseId = filed.body.id as string;
    expect((await worker.get(`${T}/by-case/${caseId}`)).body).toEqual({ topic: null, mayRaise: true });
    // A grid worker reads the case but does not dispatch; another community does not see it.
    expect((await (await session('gridA')).get(`${T}/by-case/${caseId}`)).body.mayRaise).toBe(false);
    const body = { title: '加装电梯议一议', body: '住户对加装电梯意见不一，需要议事协商' };
    expect((await (await session('gridA')).post(`${T}/from-case/${caseId}`, body)).status).toBe(403);
    expect((await (await session('worker2')).post(`${T}/from-case/${caseId}`, body)).status).toBe(404);

    const made = await worker.post(`${T}/from-case/${caseId}`, body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      raisedVia: 'case',
      state: 'screening',
      caseId,
      caseTrackingCode: filed.body.trackingCode,
      placeName: '和平一网格',
    });
    const linked = await ctx.deps.db
      .selectFrom('cases')
      .select('topic_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(linked.topic_id).toBe(made.body.id);
    expect((await worker.get(`${T}/by-case/${caseId}`)).body.topic).toMatchObject({
      id: made.body.id,
      code: made.body.code,
    });
    const timeline = (await worker.get(`/api/v1/cases/${caseId}`)).body.timeline;
    expect(
      timeline.some(
        (e: { action: string; note: string }) => e.action === 'topic.raise' && e.note.includes(made.body.code),
      ),
    ).toBe(true);
    const audits = await ctx.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', caseId).execute();
    expect(audits.map((a) => a.action)).toContain('case.toTopic');

    const again = await worker.post(`${T}/from-case/${caseId}`, body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TOPIC_CASE_LINKED');
  });

  it('takes seconds from the community’s residents once each, not from the raiser nor outsiders; five at once cross the threshold once', async () => {
    const worker = await session('worker1');
    const topic = await raiseByResident('小区垃圾分类时间');
    // The threshold was snapshotted when raised: lowering it later changes nothing for this topic.
    expect((await worker.request('PUT', `${T}/settings/${world.c1.id}`, { secondsToAgenda: 3 })).status).toBe(200);
    expect((await topicRow(topic.id)).seconds_needed).toBe(5);

    expect((await raiser.post(`${T}/${topic.id}/second`)).body.error.code).toBe('TOPIC_ACTION_NOT_ALLOWED');
    expect((await outsider.post(`${T}/${topic.id}/second`)).status).toBe(404);
    expect((await outsider.get(`${T}/${topic.id}`)).status).toBe(404);

    const first = await neighbours[0].get(`${T}/${topic.id}`);
    expect(first.body).toMatchObject({ actions: ['second'], secondedByMe: false, mine: false });
    expect(first.body.raiserName).not.toBe('黄玉兰');

    const results = await Promise.all(neighbours.slice(0, 5).map((s) => s.post(`${T}/${topic.id}/second`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const row = await topicRow(topic.id);
    expect([row.seconds_count, row.state]).toEqual([5, 'screening']);
    const screenIns = await ctx.deps.db
      .selectFrom('deliberation_topic_events')
      .select(['by_party', 'by_user_id'])
      .where('topic_id', '=', topic.id)
      .where('action', '=', 'screen_in')
      .execute();
    expect(screenIns).toEqual([{ by_party: 'system', by_user_id: null }]);
    const late = await neighbours[5].post(`${T}/${topic.id}/second`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('TOPIC_ACTION_NOT_ALLOWED');

    // A new topic takes the new threshold; a second twice is refused.
    const next = await raiseByResident('健身器材维修');
    expect(next.secondsNeeded).toBe(3);
    expect((await neighbours[0].post(`${T}/${next.id}/second`)).body).toMatchObject({
      secondsCount: 1,
      secondedByMe: true,
      actions: [],
    });
    const twice = await neighbours[0].post(`${T}/${next.id}/second`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('TOPIC_ALREADY_SECONDED');
    expect((await topicRow(next.id)).seconds_count).toBe(1);

    const hub = await neighbours[1].get(`${T}/community`);
    expect(hub.body.communityName).toBe('和平社区');
    expect(hub.body.items[0].state).toBe('seconding');
    expect(JSON.stringify(hub.body)).not.toContain('黄玉兰');
  });

  it('is screened by the community with a reason shown to residents; withdrawn by the raiser before screening only', async () => {
    const worker = await session('worker1');
    const a = await raiseByResident('楼顶加装太阳能');
    expect((await neighbours[0].post(`${T}/${a.id}/accept`, {})).body.error.code).toBe('TOPIC_ACTION_NOT_ALLOWED');
    const noReason = await worker.post(`${T}/${a.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('TOPIC_REASON_REQUIRED');
    const rejected = await worker.post(`${T}/${a.id}/reject`, { note: '属于物业公司职责，已转物业处理' });
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      screenNote: '属于物业公司职责，已转物业处理',
      actions: [],
    });
    const seen = await neighbours[2].get(`${T}/${a.id}`);
    expect(seen.body.screenNote).toBe('属于物业公司职责，已转物业处理');
    expect(seen.body.events.at(-1)).toMatchObject({ action: 'reject', byParty: 'community', byName: null });
    expect((await worker.get(`${T}/${a.id}`)).body.events.at(-1).byName).toBe('worker1');

    const b = await raiseByResident('增设快递柜');
    expect((await neighbours[0].post(`${T}/${b.id}/withdraw`, {})).status).toBe(409);
    const accepted = await worker.post(`${T}/${b.id}/accept`, { note: '列入下次议事会' });
    expect(accepted.body.state).toBe('accepted');
    expect((await worker.post(`${T}/${b.id}/accept`, {})).status).toBe(409);
    expect((await raiser.post(`${T}/${b.id}/withdraw`, {})).body.error.code).toBe('TOPIC_ACTION_NOT_ALLOWED');

    // The meetings area moves it on through the same table: the community schedules, the system may not.
    const now = ctx.clock.now();
    const community: Actor = {
      kind: 'user',
      userId: await userIdOf(ctx.deps, 'worker1'),
      username: 'worker1',
      displayName: 'worker1',
      tenantId: '610899',
      memberships: [
        {
          role: 'community_worker',
          scopeKind: 'place',
          scopeCode: world.c1.code,
          scopeName: '和平社区',
          path: world.c1.path,
          departmentId: null,
        },
      ],
      requestId: null,
      ip: null,
    };
    const apply = (actor: Actor, action: 'schedule' | 'close') =>
      ctx.deps.db.transaction().execute((trx) => applyTopicAction(trx, actor, b.id, action, '', now));
    await expect(apply(systemActor(), 'schedule')).rejects.toMatchObject({ code: 'TOPIC_ACTION_NOT_ALLOWED' });
    await apply(community, 'schedule');
    expect((await topicRow(b.id)).state).toBe('scheduled');
    await expect(apply(community, 'close')).rejects.toMatchObject({ code: 'TOPIC_ACTION_NOT_ALLOWED' });

    const c = await raiseByResident('小区门禁升级');
    const withdrawn = await raiser.post(`${T}/${c.id}/withdraw`, {});
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', actions: [] });
    expect((await raiser.get(`${T}/mine`)).body.items.some((t: { id: string }) => t.id === c.id)).toBe(true);
  });

  it('keeps one community’s topics from another: lists, ids and counts', async () => {
    const worker2 = await session('worker2');
    const list = await worker2.get(T);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect(Object.values(list.body.counts).every((n) => n === 0)).toBe(true);
    const one = (await (await session('worker1')).get(T)).body;
    expect(one.items.length).toBeGreaterThan(5);
    expect((await worker2.get(`${T}/${one.items[0].id}`)).status).toBe(404);
    expect((await worker2.get(`${T}?communityCode=${world.c1.code}`)).status).toBe(404);
    expect((await worker2.post(`${T}/${one.items[0].id}/accept`, {})).status).toBe(404);

    const officer = await session('officer');
    const filtered = await officer.get(`${T}?communityCode=${world.c1.code}&source=case`);
    expect(filtered.body.items.map((t: { raisedVia: string }) => t.raisedVia)).toEqual(['case']);
    expect(filtered.body.counts.screening).toBe(1);
    const screening = await officer.get(`${T}?state=screening`);
    expect(screening.body.items.every((t: { state: string }) => t.state === 'screening')).toBe(true);
    expect((await (await session('gridA')).get(`${T}/settings`)).status).toBe(403);
  });

  it('shows a community’s public topics without login and without names or personal data', async () => {
    const res = await new Session(ctx).get(`/api/v1/public/communities/${world.c1.code}/topics`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(3);
    expect(Object.keys(res.body.items[0]).sort()).toEqual([
      'code',
      'raisedOn',
      'secondsCount',
      'secondsNeeded',
      'state',
      'title',
    ]);
    expect(res.body.items.some((t: { state: string }) => t.state === 'withdrawn')).toBe(false);
    const text = JSON.stringify(res.body);
    for (const secret of ['黄玉兰', '刘阿姨', '139', 'worker1', 'stewardA']) expect(text).not.toContain(secret);
    expect((await new Session(ctx).get(`/api/v1/public/communities/${world.c2.code}/topics`)).body.items).toEqual([]);
    expect((await new Session(ctx).get('/api/v1/public/communities/999999999999/topics')).status).toBe(404);
  });
});
