import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltPlace } from '../support/factories.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildUser, buildWorld, givePhone } from '../support/factories.js';
import { buildServiceApplication, buildServiceItem } from '../support/services.js';
import { newId } from '../../src/server/platform/ids.js';

// 救助顾问: people in hardship of C1 and C2, a team of C1 with a volunteer on it, visits from the phone,
// scope (C2 sees none of C1's people or visits), the link to an application, and the daily reminder.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const people: Record<string, string> = {};
const DAY = 86_400_000;

async function resident(household: BuiltPlace, name: string, tags: string[], idNumberHash: string | null = null) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.deps.db
    .insertInto('residents')
    .values({
      id,
      tenant_id: '610899',
      household_id: household.id,
      name,
      name_pinyin: 'x',
      name_initials: 'x',
      gender: 'female',
      birth_date: '1940-05-01',
      id_number_enc: null,
      id_number_hash: idNumberHash,
      id_number_masked: '610899********1234',
      phone_enc: null,
      phone_hash: null,
      phone_masked: '139****0001',
      tags,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'helper', 'volunteer', world.c1.code);
  await givePhone(ctx.deps, 'helper', '13900000088');
  people.alone = await resident(world.inA.households[0]!, '王秀兰', ['elderly_alone', 'veteran'], 'hash-wang');
  people.veteran = await resident(world.inA.households[1]!, '李建国', ['veteran']);
  people.other = await resident(world.inC.households[0]!, '赵桂英', ['disabled']);
});
afterAll(() => ctx.close());

const userId = async (username: string) =>
  (await ctx.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const today = () => new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const overdueTexts = async () =>
  ctx.deps.db.selectFrom('sms_outbox').select(['to_masked', 'body']).where('template', '=', 'assist_overdue').execute();

describe(`assistance advisers 救助顾问 (${testEngine})`, () => {
  let teamId: string;

  it('lists the people in hardship of one’s places only, masked, never contacted first', async () => {
    const worker = await new Session(ctx).login('worker1');
    const res = await worker.get('/api/v1/services/assistance/people');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(['王秀兰']);
    expect(res.body.items[0]).toMatchObject({
      idNumber: '610899********1234',
      phone: '139****0001',
      tags: [{ code: 'elderly_alone', label: '独居老人' }],
      team: null,
      lastContactOn: null,
      overdue: true,
    });
    expect(res.body.overdueDays).toBe(30);
    const other = await new Session(ctx).login('worker2');
    expect(
      (await other.get('/api/v1/services/assistance/people')).body.items.map((p: { name: string }) => p.name),
    ).toEqual(['赵桂英']);
    expect((await other.get(`/api/v1/services/assistance/people/${people.alone}`)).status).toBe(404);
    expect((await worker.get(`/api/v1/services/assistance/people/${people.veteran}`)).status).toBe(404);
    expect((await (await new Session(ctx).login('gridA')).get('/api/v1/services/assistance/people')).status).toBe(403);
  });

  it('forms a team of community staff; another community’s staff cannot be on it', async () => {
    const worker = await new Session(ctx).login('worker1');
    const candidates = await worker.get(`/api/v1/services/assistance/team-candidates?communityCode=${world.c1.code}`);
    const names = candidates.body.items.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['helper', 'worker1', 'officer']));
    expect(names).not.toContain('worker2');
    const stranger = await worker.post('/api/v1/services/assistance/teams', {
      communityCode: world.c1.code,
      name: '和平社区救助顾问服务团',
      members: [{ userId: await userId('worker2'), kind: 'community_worker' }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details.issues[0].path).toBe('members.0.userId');
    const created = await worker.post('/api/v1/services/assistance/teams', {
      communityCode: world.c1.code,
      name: '和平社区救助顾问服务团',
      leaderUserId: await userId('worker1'),
      members: [
        { userId: await userId('worker1'), kind: 'community_worker' },
        { userId: await userId('helper'), kind: 'volunteer' },
      ],
    });
    expect(created.status).toBe(201);
    teamId = created.body.id;
    const other = await new Session(ctx).login('worker2');
    expect(
      (await other.post('/api/v1/services/assistance/teams', { communityCode: world.c1.code, name: '越权' })).status,
    ).toBe(404);
    expect((await other.get('/api/v1/services/assistance/teams')).body.items).toEqual([]);
    const teams = (await worker.get('/api/v1/services/assistance/teams')).body.items;
    expect(teams).toHaveLength(1);
    expect(teams[0].members.map((m: { name: string; kind: string }) => `${m.name}:${m.kind}`).sort()).toEqual([
      'helper:volunteer',
      'worker1:community_worker',
    ]);
  });

  it('assigns a person to a team of their community with a lead adviser on it', async () => {
    const worker = await new Session(ctx).login('worker1');
    const officer = await new Session(ctx).login('officer');
    expect(
      (
        await officer.request('PUT', `/api/v1/services/assistance/people/${people.other}/assignment`, {
          teamId,
          leadUserId: null,
        })
      ).body.error.details.issues[0].path,
    ).toBe('teamId');
    const notOnTeam = await worker.request('PUT', `/api/v1/services/assistance/people/${people.alone}/assignment`, {
      teamId,
      leadUserId: await userId('gridA'),
    });
    expect(notOnTeam.status).toBe(400);
    const other = await new Session(ctx).login('worker2');
    expect(
      (
        await other.request('PUT', `/api/v1/services/assistance/people/${people.alone}/assignment`, {
          teamId,
          leadUserId: null,
        })
      ).status,
    ).toBe(404);
    const ok = await worker.request('PUT', `/api/v1/services/assistance/people/${people.alone}/assignment`, {
      teamId,
      leadUserId: await userId('helper'),
    });
    expect(ok.status).toBe(200);
    const person = await worker.get(`/api/v1/services/assistance/people/${people.alone}`);
    expect(person.body).toMatchObject({ team: { id: teamId }, lead: { name: 'helper' }, actions: ['assign', 'visit'] });
  });

  it('a volunteer on the team logs a visit from the phone, once per id, linked to their application', async () => {
    const helper = await new Session(ctx).login('helper');
    const mine = await helper.get('/api/v1/services/assistance/mine');
    expect(mine.body.items.map((p: { name: string }) => p.name)).toEqual(['王秀兰']);
    const item = await buildServiceItem(ctx.deps, { code: 'A01', name: '高龄津贴' });
    const theirs = await buildServiceApplication(ctx.deps, {
      community: world.c1,
      itemId: item.id,
      state: 'submitted',
      created: ctx.clock.now().toISOString(),
      residentId: people.alone,
    });
    const elsewhere = await buildServiceApplication(ctx.deps, {
      community: world.c2,
      itemId: item.id,
      state: 'submitted',
      created: ctx.clock.now().toISOString(),
      residentId: people.other,
    });
    const visit = {
      id: newId(),
      residentId: people.alone,
      mode: 'visit',
      kinds: ['policy', 'errand'],
      note: '上门讲解高龄津贴政策，代为提交申请。',
      visitedOn: today(),
    };
    const refused = await helper.post('/api/v1/services/assistance/visits', { ...visit, applicationId: elsewhere.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].path).toBe('applicationId');
    const visitCount = async () => (await ctx.deps.db.selectFrom('assist_visits').select('id').execute()).length;
    expect(await visitCount()).toBe(0);
    const logged = await helper.post('/api/v1/services/assistance/visits', { ...visit, applicationId: theirs.id });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ kinds: ['policy', 'errand'], application: { id: theirs.id } });
    const again = await helper.post('/api/v1/services/assistance/visits', { ...visit, applicationId: theirs.id });
    expect(again.status).toBe(200);
    expect(await visitCount()).toBe(1);
    expect(
      (await helper.post('/api/v1/services/assistance/visits', { ...visit, id: newId(), residentId: people.other }))
        .status,
    ).toBe(404);
    expect(
      (await helper.post('/api/v1/services/assistance/visits', { ...visit, id: newId(), kinds: ['policy', 'policy'] }))
        .status,
    ).toBe(400);
    const worker = await new Session(ctx).login('worker1');
    const person = (await worker.get(`/api/v1/services/assistance/people/${people.alone}`)).body;
    expect(person).toMatchObject({ lastContactOn: today(), daysSinceContact: 0, overdue: false });
    expect(person.visits).toHaveLength(1);
    expect((await worker.get('/api/v1/services/assistance/visits')).body.total).toBe(1);
    const other = await new Session(ctx).login('worker2');
    expect((await other.get('/api/v1/services/assistance/visits')).body).toMatchObject({ items: [], total: 0 });
  });

  it('reminds the lead adviser once per period of no contact', async () => {
    await ctx.deps.jobs.ensureRecurring();
    ctx.clock.advance(29 * DAY);
    await ctx.deps.jobs.drain();
    expect(await overdueTexts()).toEqual([]);
    ctx.clock.advance(DAY);
    await ctx.deps.jobs.drain();
    const first = await overdueTexts();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ to_masked: '139****0088' });
    expect(first[0]!.body).toContain('王**已30天未联系');
    ctx.clock.advance(DAY);
    await ctx.deps.jobs.drain();
    expect(await overdueTexts()).toHaveLength(1);
    const worker = await new Session(ctx).login('worker1');
    const overdue = await worker.get('/api/v1/services/assistance/people?overdue=true');
    expect(overdue.body.items.map((p: { name: string; overdue: boolean }) => [p.name, p.overdue])).toEqual([
      ['王秀兰', true],
    ]);
    ctx.clock.advance(29 * DAY);
    await ctx.deps.jobs.drain();
    expect(await overdueTexts()).toHaveLength(2);
  });

  it('lets only the county’s administrators set the reminder period', async () => {
    const worker = await new Session(ctx).login('worker1');
    expect((await worker.request('PUT', '/api/v1/services/assistance/settings', { overdueDays: 7 })).status).toBe(403);
    const admin = await new Session(ctx).login('admin');
    expect((await admin.request('PUT', '/api/v1/services/assistance/settings', { overdueDays: 400 })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/services/assistance/settings', { overdueDays: 90 })).status).toBe(200);
    const list = await worker.get('/api/v1/services/assistance/people?overdue=true');
    expect(list.body).toMatchObject({ overdueDays: 90, items: [] });
  });

  it('a tag the administrator marks as hardship puts its residents on the list', async () => {
    const admin = await new Session(ctx).login('admin');
    const worker = await new Session(ctx).login('worker1');
    const names = async () =>
      (await worker.get('/api/v1/services/assistance/people')).body.items.map((p: { name: string }) => p.name);
    expect(await names()).toEqual(['王秀兰']);
    expect((await admin.patch('/api/v1/resident-tags/veteran', { hardship: true })).status).toBe(200);
    const tags = (await admin.get('/api/v1/resident-tags')).body.items;
    expect(tags.find((t: { code: string }) => t.code === 'veteran').hardship).toBe(true);
    expect((await names()).sort()).toEqual(['李建国', '王秀兰']);
  });
});
