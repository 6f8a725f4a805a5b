import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteResult } from '../../src/shared/decide.js';
import { voteOutcomeHandler } from '../../src/server/platform/decide/votes.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { photoBy, residentIn } from '../support/decide-supervisors.js';

// 百姓监督员 (issue 17): a renovation project from its public call to the end of the supervisors'
// terms — residents of the community apply with a statement (a non-resident cannot), staff add and
// accept candidates, start the election (a vote of the kernel with the accepted candidates as options,
// seats and max choices the project's seats), the election's outcome handler (registered with the
// kernel for 'supervisor_election') makes the winners supervisors with a supervisor membership, they
// log inspections with their own photos only, raise issues that become a case or a whistle, the
// public page shows masked names and counts, and ending a term takes the power away. Community B's
// worker sees none of it (404 on ids).
//
// The kernel's closeVote is being written at the same time by the votes area: this file calls the
// registered outcome handler with a VoteResult, in a transaction, as closeVote will.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
type Resident = Awaited<ReturnType<typeof residentIn>>;
let wang: Resident;
let li: Resident;
let zhang: Resident;
let zhao: Resident;

const base = '/api/v1/decide/supervision';
let projectId = '';
let voteId = '';
const candidates: Record<string, string> = {};
let wangTerm = '';
let issueId = '';

const supervisorMemberships = (userId: string) =>
  ctx.deps.db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'supervisor')
    .execute();

async function close(result: Omit<VoteResult, 'counts'>) {
  const handler = voteOutcomeHandler('supervisor_election');
  expect(handler).toBeDefined();
  await ctx.deps.db
    .transaction()
    .execute((trx) => handler!(trx, { id: voteId, subjectId: projectId }, { ...result, counts: [] }, new Date()));
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  wang = await residentIn(ctx, worker1, world.inA.households[0].code, '王大山');
  li = await residentIn(ctx, worker1, world.inA.households[1].code, '李二妹');
  zhang = await residentIn(ctx, worker1, world.inB.households[0].code, '张三丰');
  zhao = await residentIn(ctx, worker2, world.inC.households[0].code, '赵四海');
});
afterAll(() => ctx.close());

describe(`supervisors: call, election, work, term end (${testEngine})`, () => {
  it('staff create a project on their community; the other community sees none of it', async () => {
    expect(
      (await worker2.post(`${base}/projects`, { placeCode: world.c1.code, title: '和平小区改造', seats: 2 })).status,
    ).toBe(404);
    const created = await worker1.post(`${base}/projects`, {
      placeCode: world.c1.code,
      title: '和平小区老旧小区改造',
      description: '外墙保温、管网更新、加装电梯',
      duties: '监督施工进度与质量，收集居民意见',
      seats: 2,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      state: 'calling',
      seats: 2,
      actions: ['start_election', 'appoint', 'cancel'],
    });
    projectId = created.body.id;
    expect((await worker2.get(`${base}/projects`)).body.items).toHaveLength(0);
    expect((await worker1.get(`${base}/projects`)).body.items.map((p: { id: string }) => p.id)).toEqual([projectId]);
    expect((await worker2.get(`${base}/projects/${projectId}`)).status).toBe(404);
    expect(
      (await worker1.post(`${base}/projects`, { placeCode: world.c1.code, title: 'x\u0000', seats: 2 })).status,
    ).toBe(400);
  });

  it('residents of the community apply with a statement; a non-resident cannot; staff add and accept candidates', async () => {
    const count = async () =>
      Number(
        (
          await ctx.deps.db
            .selectFrom('supervision_candidates')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const seen = await wang.session.get(`${base}/residents/projects`);
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0].mayApply).toBe(true);
    const applied = await wang.session.post(`${base}/projects/${projectId}/apply`, { statement: '退休工程师，懂施工' });
    expect(applied.status).toBe(201);
    candidates.wang = applied.body.id;
    expect(
      (await wang.session.post(`${base}/projects/${projectId}/apply`, { statement: '再报一次名' })).body.error.code,
    ).toBe('SUPERVISION_ALREADY_APPLIED');
    candidates.li = (
      await li.session.post(`${base}/projects/${projectId}/apply`, { statement: '楼长，熟悉邻里' })
    ).body.id;
    const before = await count();
    expect(
      (await zhao.session.post(`${base}/projects/${projectId}/apply`, { statement: '我也想当监督员' })).status,
    ).toBe(404);
    expect((await zhao.session.get(`${base}/residents/projects`)).body.items).toHaveLength(0);
    const outsider = await worker1.post(`${base}/projects/${projectId}/candidates`, {
      phone: zhao.phone,
      statement: '推荐',
    });
    expect(outsider.body.error.code).toBe('SUPERVISION_NOT_RESIDENT');
    expect(await count()).toBe(before);

    const added = await worker1.post(`${base}/projects/${projectId}/candidates`, {
      phone: zhang.phone,
      statement: '居民代表推荐',
    });
    expect(added.status).toBe(201);
    expect(added.body.state).toBe('accepted');
    candidates.zhang = added.body.id;
    expect((await worker2.post(`${base}/candidates/${candidates.wang}/accept`, {})).status).toBe(404);
    expect((await wang.session.post(`${base}/candidates/${candidates.wang}/accept`, {})).status).toBe(404);
    for (const k of [candidates.wang, candidates.li])
      expect((await worker1.post(`${base}/candidates/${k}/accept`, { note: '符合条件' })).status).toBe(200);

    const page = await li.session.get(`${base}/residents/projects/${projectId}`);
    expect(page.body.candidates).toHaveLength(3);
    for (const c of page.body.candidates) expect(c.name).toMatch(/\*/);
    expect(page.body.myApplication.state).toBe('accepted');
  });

  it('starting the election creates the vote with the accepted candidates, the seats and max choices', async () => {
    const started = await worker1.post(`${base}/projects/${projectId}/actions/start_election`, { quorumPercent: 50 });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.state).toBe('electing');
    voteId = started.body.election.voteId;
    const vote = await ctx.deps.db.selectFrom('votes').selectAll().where('id', '=', voteId).executeTakeFirstOrThrow();
    expect(vote).toMatchObject({
      subject_kind: 'supervisor_election',
      subject_id: projectId,
      method: 'options',
      seats: 2,
      max_choices: 2,
      quorum_percent: 50,
      state: 'draft',
      scope_place_id: world.c1.id,
    });
    const options = started.body.election.options as { candidateId: string }[];
    expect(options.map((o) => o.candidateId).sort()).toEqual([candidates.wang, candidates.li, candidates.zhang].sort());
    expect((await wang.session.post(`${base}/projects/${projectId}/apply`, { statement: '来晚了也想报' })).status).toBe(
      409,
    );
  });

  it('a failed election leaves the project electing with a note; winners become supervisors with the role', async () => {
    const base0 = { eligible: 4, cast: 1, turnoutPercent: 25, quorumMet: false, passed: false, winners: [] };
    await close({ ...base0, failure: 'no_quorum' });
    const failed = await worker1.get(`${base}/projects/${projectId}`);
    expect(failed.body.state).toBe('electing');
    expect(failed.body.electionNote).toContain('法定比例');
    expect(await supervisorMemberships(wang.userId)).toHaveLength(0);

    const options = failed.body.election.options as { id: string; candidateId: string }[];
    const optionOf = (k: string) => options.find((o) => o.candidateId === k)!.id;
    await close({
      eligible: 4,
      cast: 3,
      turnoutPercent: 75,
      quorumMet: true,
      passed: true,
      winners: [optionOf(candidates.wang), optionOf(candidates.zhang)],
      failure: null,
    });
    const active = await worker1.get(`${base}/projects/${projectId}`);
    expect(active.body.state).toBe('active');
    expect(active.body.terms.map((t: { name: string; origin: string }) => [t.name, t.origin]).sort()).toEqual([
      ['张三丰', 'vote'],
      ['王大山', 'vote'],
    ]);
    const states = Object.fromEntries(
      active.body.candidateList.map((k: { id: string; state: string }) => [k.id, k.state]),
    );
    expect(states).toEqual({
      [candidates.wang]: 'elected',
      [candidates.zhang]: 'elected',
      [candidates.li]: 'not_elected',
    });
    expect(await supervisorMemberships(wang.userId)).toHaveLength(1);
    expect(await supervisorMemberships(li.userId)).toHaveLength(0);
    // Seats are full: a direct appointment is refused.
    const full = await worker1.post(`${base}/projects/${projectId}/appoint`, {
      phone: li.phone,
      reason: '居民会议决定增补',
    });
    expect(full.body.error.code).toBe('SUPERVISION_SEATS_FULL');
  });

  it('a supervisor logs inspections with their own photos only and raises issues; staff make a case and a whistle', async () => {
    const home = await wang.session.get(`${base}/mine`);
    expect(home.status).toBe(200);
    expect(home.body.terms).toHaveLength(1);
    wangTerm = home.body.terms[0].termId;
    const mine = await photoBy(wang.session);
    const theirs = await photoBy(li.session);
    const refused = await wang.session.post(`${base}/terms/${wangTerm}/logs`, {
      kind: 'quality',
      body: '外墙保温层厚度不足',
      rating: 2,
      photoIds: [theirs],
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('photoIds');
    const logged = await wang.session.post(`${base}/terms/${wangTerm}/logs`, {
      kind: 'progress',
      body: '3号楼外墙保温完成七成',
      rating: 4,
      photoIds: [mine],
      lng: 108.005,
      lat: 37.005,
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    // Another user's term is not theirs; staff read the photo in the console.
    const zhangTerm = (await zhang.session.get(`${base}/mine`)).body.terms[0].termId;
    expect(
      (await wang.session.post(`${base}/terms/${zhangTerm}/logs`, { kind: 'safety', body: '看看', rating: 3 })).status,
    ).toBe(404);
    expect((await worker1.get(`/api/v1/files/${mine}`)).status).toBe(200);
    expect((await worker2.get(`/api/v1/files/${mine}`)).status).toBe(404);

    const raised = await wang.session.post(`${base}/terms/${wangTerm}/issues`, {
      body: '楼道施工垃圾三天未清运',
      photoIds: [mine],
    });
    expect(raised.status).toBe(201);
    issueId = raised.body.id;
    expect((await worker2.post(`${base}/issues/${issueId}/case`)).status).toBe(404);
    const filed = await worker1.post(`${base}/issues/${issueId}/case`);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const kase = await ctx.deps.db
      .selectFrom('cases')
      .select(['id', 'place_path'])
      .where('id', '=', filed.body.caseId)
      .executeTakeFirstOrThrow();
    expect(kase.place_path).toBe(world.c1.path);
    expect((await worker1.post(`${base}/issues/${issueId}/case`)).body.error.code).toBe('SUPERVISION_ISSUE_HANDLED');

    const second = (await wang.session.post(`${base}/terms/${wangTerm}/issues`, { body: '燃气管道施工无安全围挡' }))
      .body.id;
    expect(
      (
        await wang.session.post(`${base}/issues/${second}/whistle`, {
          request: '请派员检查',
          departmentCodes: ['D61089901'],
        })
      ).status,
    ).toBe(403);
    const blown = await worker1.post(`${base}/issues/${second}/whistle`, {
      request: '请安监派员检查围挡',
      departmentCodes: ['D61089901'],
    });
    expect(blown.status, JSON.stringify(blown.body)).toBe(201);
    const detail = await worker1.get(`${base}/projects/${projectId}`);
    expect(detail.body.logList).toHaveLength(1);
    const issues = Object.fromEntries(detail.body.issueList.map((i: { id: string }) => [i.id, i]));
    expect(issues[issueId]).toMatchObject({ state: 'case', caseId: filed.body.caseId });
    expect(issues[second]).toMatchObject({ state: 'whistle', whistleId: blown.body.whistleId });
  });

  it('the public page shows the projects with masked supervisors and counts, no personal data', async () => {
    const anon = new Session(ctx);
    const page = await anon.get(`/api/v1/public/communities/${world.c1.code}/supervision`);
    expect(page.status).toBe(200);
    expect(page.body.projects).toHaveLength(1);
    expect(page.body.projects[0]).toMatchObject({ state: 'active', inspections: 1, issues: 2 });
    expect(page.body.projects[0].supervisors.sort()).toEqual(['张*丰', '王*山']);
    const text = JSON.stringify(page.body);
    expect(text).not.toContain(wang.phone);
    expect(text).not.toContain('王大山');
    expect((await anon.get(`/api/v1/public/communities/${world.c2.code}/supervision`)).body.projects).toHaveLength(0);
    expect((await anon.get(`/api/v1/public/communities/${world.gridA.code.slice(0, 12)}9/supervision`)).status).toBe(
      400,
    );
  });

  it('ending a term removes the power; ending the project ends every term', async () => {
    expect((await worker2.post(`${base}/terms/${wangTerm}/end`, { note: '搬离' })).status).toBe(404);
    const ended = await worker1.post(`${base}/terms/${wangTerm}/end`, { note: '搬离本社区' });
    expect(ended.status).toBe(200);
    expect(await supervisorMemberships(wang.userId)).toHaveLength(0);
    const after = await wang.session.post(`${base}/terms/${wangTerm}/logs`, {
      kind: 'progress',
      body: '还想记一条',
      rating: 3,
    });
    expect(after.status).toBe(404);
    expect((await wang.session.get(`${base}/mine`)).body.terms).toHaveLength(0);

    expect((await worker2.post(`${base}/projects/${projectId}/actions/end`, {})).status).toBe(404);
    const done = await worker1.post(`${base}/projects/${projectId}/actions/end`, { note: '工程竣工验收' });
    expect(done.body.state).toBe('ended');
    expect(await supervisorMemberships(zhang.userId)).toHaveLength(0);
    expect((await worker1.post(`${base}/projects/${projectId}/actions/end`, {})).body.error.code).toBe(
      'SUPERVISION_STATE_CONFLICT',
    );
  });
});
