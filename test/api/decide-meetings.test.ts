import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voteOutcomeHandler } from '../../src/server/platform/decide/votes.js';
import type { VoteResult } from '../../src/shared/decide.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildTopic, topicState } from '../support/decide-meetings.js';
import { buildPlace, buildUser, buildWorld, phoneLogin, userIdOf } from '../support/factories.js';

// 议事会议 (issue 17): an accepted topic is scheduled on a four-party meeting, deliberated (each
// party's position), decided (with a vote), its tasks followed (one plain, one case dispatched to a
// department) and reported back, which closes it; another is handed up to the street, seen there and
// not by another street; residents sign in once (phone or QR) and the QR token is listed nowhere; a
// task past its deadline turns red through the watcher; another community sees none of it.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const topics: Record<string, string> = {};
let departmentId: string;
const M = '/api/v1/deliberation/meetings';
const A = '/api/v1/deliberation/agenda-items';
const session = (username: string) => new Session(ctx).login(username);

async function plannedMeeting(title: string, extra: Record<string, unknown> = {}) {
  const res = await (
    await session('worker1')
  ).post(M, {
    placeCode: world.c1.code,
    kind: 'four_party',
    title,
    startsAt: '2026-11-26T07:00:00Z',
    location: '和平社区议事厅',
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  // A second street with its own community and officer: hand-ups of the first are none of its business.
  const street2 = await buildPlace(ctx.deps, {
    kind: 'street',
    code: '610899002',
    name: '东关街道',
    parent: world.county,
  });
  await buildPlace(ctx.deps, { kind: 'community', code: '610899002001', name: '东风社区', parent: street2 });
  await buildUser(ctx.deps, 'officer2', 'street_officer', street2.code);
  for (const [key, title] of [
    ['parking', '小区停车位划线'],
    ['lift', '加装电梯费用分摊'],
    ['dogs', '文明养犬公约'],
    ['lights', '楼道照明维修'],
  ] as const)
    topics[key] = await buildTopic(ctx.deps, world.c1, world.c1, { title, raisedBy: 'worker1' });
  topics.gridOnly = await buildTopic(ctx.deps, world.c1, world.gridB, { title: '二网格晾衣架', raisedBy: 'worker1' });
  topics.other = await buildTopic(ctx.deps, world.c2, world.c2, { title: '文化社区垃圾分类', raisedBy: 'worker2' });
  topics.seconding = await buildTopic(ctx.deps, world.c1, world.c1, {
    title: '还在征集附议',
    raisedBy: 'worker1',
    state: 'seconding',
  });
  departmentId = (
    await ctx.deps.db.selectFrom('departments').select('id').where('code', '=', 'D61089901').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => ctx.close());

describe(`deliberation meetings (${testEngine})`, () => {
  let meetingId: string;
  let itemId: string;

  it('puts only accepted topics of the hall on the agenda and moves them to scheduled', async () => {
    const worker = await session('worker1');
    const m = await plannedMeeting('十一月四方联动议事会');
    meetingId = m.id;
    expect(m).toMatchObject({ state: 'planned', actions: ['start', 'cancel'], canManage: true });
    expect(m.parties).toEqual([expect.objectContaining({ kind: 'community', name: '和平社区' })]);

    const candidates = (await worker.get(`${M}/${m.id}/candidates`)).body.items.map((t: { id: string }) => t.id);
    expect(candidates).toContain(topics.parking);
    expect(candidates).toContain(topics.gridOnly);
    expect(candidates).not.toContain(topics.other);
    expect(candidates).not.toContain(topics.seconding);

    expect((await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.other })).body.error.code).toBe(
      'MEETING_TOPIC_NOT_ACCEPTED',
    );
    expect((await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.seconding })).status).toBe(409);
    const scheduled = await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.parking });
    expect(scheduled.status).toBe(200);
    expect(await topicState(ctx.deps, topics.parking)).toBe('scheduled');
    await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.dogs });
    const twice = await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.parking });
    expect(twice.status).toBe(409);

    // Taken off again: back to accepted.
    const withDogs = (await worker.get(`${M}/${m.id}`)).body;
    const dogsItem = withDogs.items.find((i: { topicId: string }) => i.topicId === topics.dogs);
    expect(dogsItem.actions).toContain('unschedule');
    expect((await worker.post(`${A}/${dogsItem.id}/unschedule`, {})).body.items).toHaveLength(1);
    expect(await topicState(ctx.deps, topics.dogs)).toBe('accepted');
    itemId = scheduled.body.items[0].id;

    for (const [kind, name] of [
      ['property_company', '城关物业公司'],
      ['owners_committee', '和平小区业委会'],
      ['co_building_unit', '县供电所'],
    ])
      expect((await worker.post(`${M}/${m.id}/parties`, { kind, name })).status).toBe(200);
    expect((await worker.post(`${M}/${m.id}/parties`, { kind: 'nobody', name: 'x' })).status).toBe(400);
  });

  it('records positions, the decision with a vote, tasks (a plain one and a case to a department), reports back and closes the topic', async () => {
    const worker = await session('worker1');
    expect((await worker.post(`${A}/${itemId}/decide`, { decision: '先不决定' })).body.error.code).toBe(
      'MEETING_ACTION_NOT_ALLOWED',
    );
    expect((await worker.post(`${M}/${meetingId}/start`, {})).body.state).toBe('in_progress');
    const minutes = await worker.request('PUT', `${A}/${itemId}/minutes`, {
      summary: '各方同意按户分配车位',
      positions: [
        { partyKind: 'property_company', text: '物业负责划线施工' },
        { partyKind: 'owners_committee', text: '按户抽签分配' },
      ],
    });
    expect(minutes.status).toBe(200);
    expect(minutes.body.items[0].positions).toHaveLength(2);
    const bad = await worker.request('PUT', `${A}/${itemId}/minutes`, { summary: 'a\u0000b', positions: [] });
    expect(bad.status).toBe(400);

    const decided = await worker.post(`${A}/${itemId}/decide`, {
      decision: '划线 40 个车位，按户抽签',
      vote: { quorumPercent: 50, majority: 'simple' },
    });
    expect(decided.status).toBe(200);
    const item = decided.body.items[0];
    expect(item).toMatchObject({ outcome: 'decided', decision: '划线 40 个车位，按户抽签' });
    expect(item.vote).toMatchObject({ state: 'draft', passed: null });
    expect(await topicState(ctx.deps, topics.parking)).toBe('decided');
    const vote = await ctx.deps.db
      .selectFrom('votes')
      .select(['subject_kind', 'subject_id', 'method'])
      .where('id', '=', item.vote.id)
      .executeTakeFirstOrThrow();
    expect(vote).toEqual({ subject_kind: 'meeting', subject_id: itemId, method: 'yes_no_abstain' });
    // The console sends no closing time: the draft still closes a week on, or it could never be opened.
    const { closes_at } = await ctx.deps.db
      .selectFrom('votes')
      .select('closes_at')
      .where('id', '=', item.vote.id)
      .executeTakeFirstOrThrow();
    expect(new Date(closes_at!).getTime() - ctx.clock.now().getTime()).toBe(7 * 86_400_000);

    // The kernel closes the vote (simulated here): the registered handler records the result on the item.
    const result: VoteResult = {
      eligible: 20,
      cast: 12,
      turnoutPercent: 60,
      quorumMet: true,
      counts: [
        { optionId: 'a', label: '同意', votes: 9 },
        { optionId: 'b', label: '反对', votes: 2 },
        { optionId: 'c', label: '弃权', votes: 1 },
      ],
      passed: true,
      winners: [],
      failure: null,
    };
    await ctx.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('votes')
        .set({ state: 'closed', result: JSON.stringify(result), closed_at: ctx.clock.now() })
        .where('id', '=', item.vote.id)
        .execute();
      await voteOutcomeHandler('meeting')!(trx, { id: item.vote.id, subjectId: itemId }, result, ctx.clock.now());
    });
    const withVote = (await worker.get(`${M}/${meetingId}`)).body.items[0];
    expect(withVote.vote).toMatchObject({ state: 'closed', passed: true });
    expect(withVote.vote.summary).toContain('同意 9');

    const due = '2026-12-10T09:00:00Z';
    const plain = await worker.post(`${A}/${itemId}/tasks`, {
      title: '通知各户抽签时间',
      kind: 'task',
      ownerUserId: await userIdOf(ctx.deps, 'gridA'),
      dueAt: due,
    });
    expect(plain.status).toBe(201);
    const outsider = await worker.post(`${A}/${itemId}/tasks`, {
      title: '找别的社区的人',
      kind: 'task',
      ownerUserId: await userIdOf(ctx.deps, 'worker2'),
      dueAt: due,
    });
    expect(outsider.body.error.code).toBe('MEETING_OWNER_INVALID');
    const toCase = await worker.post(`${A}/${itemId}/tasks`, {
      title: '车位划线施工',
      kind: 'case',
      departmentId,
      dueAt: due,
    });
    expect(toCase.status).toBe(201);
    const tasks = toCase.body.items[0].tasks;
    expect(tasks).toHaveLength(2);
    const caseTask = tasks.find((t: { kind: string }) => t.kind === 'case');
    expect(caseTask.caseTrackingCode).toBeTruthy();
    const filed = await ctx.deps.db
      .selectFrom('cases')
      .select(['state', 'assignee_kind', 'assignee_department_id'])
      .where('id', '=', caseTask.caseId)
      .executeTakeFirstOrThrow();
    expect(filed).toEqual({ state: 'dispatched', assignee_kind: 'department', assignee_department_id: departmentId });

    expect((await worker.post(`${A}/${itemId}/follow-up`, { report: '已办完' })).body.error.code).toBe(
      'MEETING_TASKS_OPEN',
    );
    // The grid worker owns the plain task and reports it done; the community marks the case task done.
    const gridA = await session('gridA');
    expect((await gridA.post(`/api/v1/deliberation/tasks/${tasks[0].id}/done`, { report: '已张贴通知' })).status).toBe(
      200,
    );
    expect((await gridA.post(`/api/v1/deliberation/tasks/${tasks[0].id}/done`, { report: '再次' })).status).toBe(409);
    expect((await worker.post(`/api/v1/deliberation/tasks/${caseTask.id}/done`, { report: '已划线' })).status).toBe(
      200,
    );
    expect(
      (await worker.post(`/api/v1/deliberation/tasks/${caseTask.id}/done`, { report: '再次' })).body.error.code,
    ).toBe('MEETING_TASK_DONE');
    const closed = await worker.post(`${A}/${itemId}/follow-up`, { report: '车位已划线并抽签完毕，居民满意' });
    expect(closed.status).toBe(200);
    expect(closed.body.items[0].followedUpAt).toBeTruthy();
    expect(await topicState(ctx.deps, topics.parking)).toBe('closed');
    expect((await worker.post(`${M}/${meetingId}/finish`, {})).body.state).toBe('held');
  });

  it('tells the topic’s trail to staff and residents of the community, not to another community', async () => {
    const trail = await (await session('worker1')).get(`/api/v1/deliberation/topics/${topics.parking}/trail`);
    expect(trail.status).toBe(200);
    const kinds = trail.body.steps.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'scheduled',
        'minutes',
        'decision',
        'vote_opened',
        'vote_result',
        'task',
        'task_done',
        'follow_up',
      ]),
    );
    expect(kinds.at(-1)).toBe('follow_up');
    const text = JSON.stringify(trail.body);
    expect(text).toContain('十一月四方联动议事会');
    expect(text).toContain('物业负责划线施工');
    expect(text).toContain('划线 40 个车位，按户抽签');
    expect(text).toContain('车位已划线并抽签完毕');
    for (const s of trail.body.steps) expect(new Date(s.at).toISOString()).toBe(s.at);

    const resident = await phoneLogin(ctx, '13900000011', world.c1.id);
    expect((await resident.get(`/api/v1/deliberation/topics/${topics.parking}/trail`)).status).toBe(200);
    const elsewhere = await phoneLogin(ctx, '13900000012', world.c2.id);
    expect((await elsewhere.get(`/api/v1/deliberation/topics/${topics.parking}/trail`)).status).toBe(404);
    expect((await (await session('worker2')).get(`/api/v1/deliberation/topics/${topics.parking}/trail`)).status).toBe(
      404,
    );
  });

  it('makes the meeting record a real PDF and shows held and upcoming meetings publicly without personal data', async () => {
    const pdf = await (await session('worker1')).get(`${M}/${meetingId}/record.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(pdf.body).subarray(0, 4).toString()).toBe('%PDF');

    const upcoming = await plannedMeeting('十二月居民说事', {
      kind: 'residents_talk',
      startsAt: '2026-12-03T07:00:00Z',
    });
    await (await session('worker1')).post(`${M}/${upcoming.id}/agenda`, { topicId: topics.dogs });
    const pub = await new Session(ctx).get(`/api/v1/public/communities/${world.c1.code}/meetings`);
    expect(pub.status).toBe(200);
    expect(pub.body.upcoming).toEqual([expect.objectContaining({ title: '十二月居民说事', agenda: ['文明养犬公约'] })]);
    expect(pub.body.recent[0]).toMatchObject({
      title: '十一月四方联动议事会',
      decisions: [{ topic: '小区停车位划线', decision: '划线 40 个车位，按户抽签' }],
    });
    expect(JSON.stringify(pub.body)).not.toMatch(/worker1|gridA|phone|1390/);
    expect((await new Session(ctx).get(`/api/v1/public/communities/999999999999/meetings`)).status).toBe(404);
  });

  it('hands an unresolved topic up to its street: that street sees it with the record, another street does not', async () => {
    const worker = await session('worker1');
    const m = await plannedMeeting('加装电梯听证会', { kind: 'hearing' });
    const withItem = await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.lift });
    await worker.post(`${M}/${m.id}/start`, {});
    const handed = await worker.post(`${A}/${withItem.body.items[0].id}/hand-up`, {
      reason: '涉及规划审批，社区无权决定',
    });
    expect(handed.status).toBe(200);
    expect(handed.body.items[0].outcome).toBe('handed_up');
    expect(await topicState(ctx.deps, topics.lift)).toBe('handed_up');

    const officer = await session('officer');
    const list = await officer.get('/api/v1/deliberation/hand-ups');
    expect(list.body.items).toEqual([
      expect.objectContaining({
        topicTitle: '加装电梯费用分摊',
        reason: '涉及规划审批，社区无权决定',
        communityName: '和平社区',
      }),
    ]);
    const record = await officer.get(`/api/v1/deliberation/hand-ups/${list.body.items[0].itemId}/record.pdf`);
    expect(Buffer.from(record.body).subarray(0, 4).toString()).toBe('%PDF');
    const officer2 = await session('officer2');
    expect((await officer2.get('/api/v1/deliberation/hand-ups')).body.items).toEqual([]);
    expect((await officer2.get(`/api/v1/deliberation/hand-ups/${list.body.items[0].itemId}/record.pdf`)).status).toBe(
      404,
    );
    expect((await officer2.get(`${M}/${m.id}`)).status).toBe(404);
  });

  it('signs a person in once, on the phone or by the QR code, whose token is stored as a hash and listed nowhere', async () => {
    const worker = await session('worker1');
    const m = await plannedMeeting('楼道照明议事');
    const resident = await phoneLogin(ctx, '13900000021', world.c1.id);
    const page = await resident.get(`${M}/${m.id}/phone`);
    expect(page.body).toMatchObject({ title: '楼道照明议事', canSignIn: true, signedInAt: null });
    const first = await resident.post(`${M}/${m.id}/checkin`, {});
    expect(first.body.already).toBe(false);
    expect((await resident.post(`${M}/${m.id}/checkin`, {})).body.already).toBe(true);
    const stranger = await phoneLogin(ctx, '13900000022', world.c2.id);
    expect((await stranger.post(`${M}/${m.id}/checkin`, {})).status).toBe(404);

    const qr = await worker.post(`${M}/${m.id}/qr`, {});
    expect(qr.status).toBe(200);
    expect(qr.body.svg).toContain('<svg');
    const token = qr.body.url.split('/m/meeting-checkin/')[1];
    // The same resident scanning afterwards is still one sign-in; the stranger (there in person) signs in by the code.
    expect((await resident.post(`/api/v1/deliberation/meeting-checkin/${token}`, {})).body.already).toBe(true);
    expect((await stranger.get(`/api/v1/deliberation/meeting-checkin/${token}`)).body.title).toBe('楼道照明议事');
    expect((await stranger.post(`/api/v1/deliberation/meeting-checkin/${token}`, {})).body.already).toBe(false);
    expect((await stranger.post(`/api/v1/deliberation/meeting-checkin/${'x'.repeat(32)}`, {})).status).toBe(404);

    const parties = (await worker.get(`${M}/${m.id}`)).body.parties;
    expect((await worker.post(`${M}/${m.id}/attendance`, { partyId: parties[0].id })).status).toBe(200);
    expect((await worker.post(`${M}/${m.id}/attendance`, { partyId: parties[0].id })).body.error.code).toBe(
      'MEETING_ALREADY_SIGNED_IN',
    );
    const detail = (await worker.get(`${M}/${m.id}`)).body;
    expect(detail.attendance).toHaveLength(3);
    expect(detail.attendanceByParty).toEqual([
      { partyKind: 'community', count: 1 },
      { partyKind: 'residents', count: 2 },
    ]);
    const rows = await ctx.deps.db
      .selectFrom('deliberation_attendance')
      .select('user_id')
      .where('meeting_id', '=', m.id)
      .execute();
    expect(rows.filter((r) => r.user_id !== null)).toHaveLength(2);
    const stored = await ctx.deps.db
      .selectFrom('deliberation_meetings')
      .select('checkin_token_hash')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(stored.checkin_token_hash).not.toBe(token);
    for (const body of [detail, (await worker.get(M)).body, (await resident.get(`${M}/mine`)).body])
      expect(JSON.stringify(body)).not.toContain(token);
    // A new code retires the old one.
    await worker.post(`${M}/${m.id}/qr`, {});
    expect((await stranger.get(`/api/v1/deliberation/meeting-checkin/${token}`)).status).toBe(404);
  });

  it('shows another community none of these meetings, and 404 on their ids', async () => {
    const worker2 = await session('worker2');
    expect((await worker2.get(M)).body.items).toEqual([]);
    const ours = (await (await session('worker1')).get(M)).body.items;
    expect(ours.length).toBeGreaterThan(2);
    for (const path of [`${M}/${meetingId}`, `${M}/${meetingId}/candidates`, `${M}/${meetingId}/record.pdf`])
      expect((await worker2.get(path)).status).toBe(404);
    expect((await worker2.post(`${M}/${meetingId}/agenda`, { topicId: topics.other })).status).toBe(404);
    expect((await worker2.post(`${A}/${itemId}/hand-up`, { reason: '越权上报' })).status).toBe(404);
    expect(
      (
        await worker2.post(M, {
          placeCode: world.c1.code,
          kind: 'hearing',
          title: '越权',
          startsAt: '2026-12-01T01:00:00Z',
          location: '某处',
        })
      ).status,
    ).toBe(404);
    // A grid hall holds only its own grid's topics.
    const grid = await plannedMeeting('一网格议事', { placeCode: world.gridA.code });
    expect(grid.gridName).toBe('和平一网格');
    expect((await (await session('worker1')).post(`${M}/${grid.id}/agenda`, { topicId: topics.gridOnly })).status).toBe(
      409,
    );
  });

  it('watches a task’s deadline: past due it shows overdue in red through the watcher', async () => {
    const worker = await session('worker1');
    const m = await plannedMeeting('路灯维修议事');
    const item = (await worker.post(`${M}/${m.id}/agenda`, { topicId: topics.lights })).body.items[0];
    await worker.post(`${M}/${m.id}/start`, {});
    await worker.post(`${A}/${item.id}/decide`, { decision: '请城关司法所协调' });
    const created = await worker.post(`${A}/${item.id}/tasks`, {
      title: '协调维修',
      kind: 'task',
      departmentId,
      dueAt: new Date(ctx.clock.now().getTime() + 2 * 86_400_000).toISOString(),
    });
    expect(created.body.items[0].tasks[0]).toMatchObject({ overdue: false, slaLevel: 'ok' });
    const jobs = await ctx.deps.db.selectFrom('jobs').select('kind').where('kind', '=', 'meetings.task.sla').execute();
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    ctx.clock.advance(3 * 86_400_000);
    await ctx.deps.jobs.drain();
    const task = (await (await session('worker1')).get(`${M}/${m.id}`)).body.items[0].tasks[0];
    expect(task).toMatchObject({ overdue: true, slaLevel: 'red' });
  });
});
