import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import type { GeoJsonPolygon } from '../../src/server/platform/db/schema.js';
import { buildDepartment, buildGrid, buildUser, buildWorld, givePhone } from '../support/factories.js';
import { testEngine } from '../support/db.js';

let ctx: TestContext;
let worker: Session;
let caseId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  await buildWorld(ctx.deps);
  await buildDepartment(ctx.deps, 'D61089903', '城关派出所');
  await buildUser(ctx.deps, 'receiver2', 'department_receiver', 'D61089901');
  await buildUser(ctx.deps, 'police', 'department_receiver', 'D61089903');
  await givePhone(ctx.deps, 'police', '13900000009');
  await givePhone(ctx.deps, 'officer', '13900000002');
  await buildUser(ctx.deps, 'lawyer', 'legal_adviser', '610899001001');
  await buildUser(ctx.deps, 'lawyer2', 'legal_adviser', '610899001002');
  worker = await new Session(ctx).login('worker1');
  caseId = (
    await worker.post('/api/v1/cases', {
      channel: 'patrol',
      placeCode: '610899001001001',
      description: '楼上下水道堵塞，陈阿姨家被淹，邻居拒绝赔偿',
      reporterName: '陈阿姨',
    })
  ).body.id;
});
afterAll(() => ctx.close());

const summonsOf = async (s: Session, whistleId: string, dept: string) =>
  (await s.get(`/api/v1/whistles/${whistleId}`)).body.summonses.find(
    (x: { department: { code: string } }) => x.department.code === dept,
  );

describe(`whistle and report for duty (${testEngine})`, () => {
  let whistleId: string;

  it('summons the justice office and the police station on a case', async () => {
    const res = await worker.post('/api/v1/whistles', {
      caseId,
      subject: '邻里漏水纠纷',
      request: '请司法所、派出所到场调解',
      departmentCodes: ['D61089901', 'D61089903'],
      ackMinutes: 30,
      arriveMinutes: 120,
    });
    expect(res.status).toBe(201);
    whistleId = res.body.id;
    // The police receiver's text says who blows, what, and both deadlines in Beijing time.
    const ackBy = new Date(ctx.clock.now().getTime() + (30 + 8 * 60) * 60_000)
      .toISOString()
      .slice(5, 16)
      .replace('T', ' ');
    const texts = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select(['to_masked', 'body'])
      .where('template', '=', 'whistle_summoned')
      .execute();
    expect(texts.map((t) => t.to_masked)).toEqual(['139****0009']);
    expect(texts[0].body).toContain(`和平社区吹哨：邻里漏水纠纷。请在${ackBy}前接哨`);
    const receiver = await new Session(ctx).login('receiver');
    const mine = await receiver.get('/api/v1/whistles?mine=true');
    expect(mine.body.items.map((w: { subject: string }) => w.subject)).toEqual(['邻里漏水纠纷']);
    expect((await summonsOf(receiver, whistleId, 'D61089901')).actions).toEqual(['acknowledge']);
    const grid = await new Session(ctx).login('gridB');
    expect((await grid.get(`/api/v1/whistles/${whistleId}`)).status).toBe(404);
  });

  it('gives the summons to exactly one of two receivers who acknowledge at once (首问负责)', async () => {
    const a = await new Session(ctx).login('receiver');
    const b = await new Session(ctx).login('receiver2');
    const summons = await summonsOf(a, whistleId, 'D61089901');
    const [ra, rb] = await Promise.all([
      a.post(`/api/v1/summonses/${summons.id}/actions/acknowledge`, {}),
      b.post(`/api/v1/summonses/${summons.id}/actions/acknowledge`, {}),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.code).toBe('SUMMONS_TAKEN');
    const owner = ra.status === 200 ? a : b;
    const other = ra.status === 200 ? b : a;
    expect(
      (await other.post(`/api/v1/summonses/${summons.id}/actions/checkIn`, { lng: 108.005, lat: 37.005 })).status,
    ).toBe(409);
    expect(
      (await owner.post(`/api/v1/summonses/${summons.id}/actions/checkIn`, { lng: 108.005, lat: 37.005 })).status,
    ).toBe(200);
    // the whistle took the grid's middle (108.005, 37.005) as the site: the check-in was made on it
    expect((await summonsOf(owner, whistleId, 'D61089901')).arrival).toEqual({
      lng: 108.005,
      lat: 37.005,
      metresFromSite: 0,
    });
    // the timeline says the card's figure (issue 18: a card read 0 米 where its timeline said 7 m)
    const timeline = (await owner.get(`/api/v1/whistles/${whistleId}`)).body.timeline as {
      action: string;
      note: string;
    }[];
    expect(timeline.filter((e) => e.action === 'checkIn').map((e) => e.note)).toEqual(['城关司法所报到：距现场0米']);
    expect(
      (
        await owner.post(`/api/v1/summonses/${summons.id}/actions/report`, {
          note: '现场讲解法律规定，双方达成赔偿协议',
        })
      ).status,
    ).toBe(200);
    const after = await summonsOf(owner, whistleId, 'D61089901');
    expect(after).toMatchObject({ state: 'reported', reportText: '现场讲解法律规定，双方达成赔偿协议' });
    expect(after.acknowledgedAt).not.toBeNull();
  });

  it('flags a department that ignores the whistle, tells it and the street, and ranks it below', async () => {
    ctx.clock.advance(31 * 60_000);
    await ctx.deps.jobs.drain();
    const police = await summonsOf(worker, whistleId, 'D61089903');
    expect(police).toMatchObject({ state: 'summoned', slaLevel: 'red', escalated: true });
    const sms = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select(['to_masked', 'template'])
      .where('template', '=', 'whistle_overdue')
      .where('body', 'like', '%城关派出所接哨已超时%')
      .execute();
    expect(sms.map((m) => m.to_masked).sort()).toEqual(['139****0002', '139****0009']);
    const justice = await summonsOf(worker, whistleId, 'D61089901');
    expect(
      (await worker.post(`/api/v1/summonses/${justice.id}/actions/score`, { score: 5, comment: '到场及时，调解有效' }))
        .status,
    ).toBe(200);
    const ranking = (await worker.get('/api/v1/whistle-ranking')).body.items;
    expect(ranking.map((r: { department: { name: string } }) => r.department.name)).toEqual([
      '城关司法所',
      '城关派出所',
    ]);
    expect(ranking[0]).toMatchObject({ summonses: 1, ackOnTimeRate: 1, arriveOnTimeRate: 1, averageScore: 5 });
    expect(ranking[1]).toMatchObject({ summonses: 1, ackOnTimeRate: 0, averageScore: null, overdue: 1, unanswered: 1 });
    expect(ranking[0]).toMatchObject({
      overdue: 0,
      unanswered: 0,
      department: { kind: 'department', code: 'D61089901' },
    });
  });

  it('summons the community’s legal adviser in person, who checks in even when the phone gives no location', async () => {
    const advisers = (await worker.get(`/api/v1/whistle-advisers?caseId=${caseId}`)).body.items;
    expect(advisers.map((a: { name: string }) => a.name)).toEqual(['lawyer']);
    const lawyer2 = (
      await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'lawyer2').executeTakeFirstOrThrow()
    ).id;
    const refused = await worker.post('/api/v1/whistles', {
      caseId,
      subject: '邻里漏水纠纷',
      request: '请法律顾问到场',
      adviserIds: [lawyer2],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].path).toBe('adviserIds');
    expect(
      (
        await worker.post('/api/v1/whistles', {
          caseId,
          subject: '邻里漏水纠纷',
          request: '请到场',
          departmentCodes: [],
        })
      ).status,
    ).toBe(400);

    const res = await worker.post('/api/v1/whistles', {
      caseId,
      subject: '漏水赔偿',
      request: '请法律顾问到场讲解相邻关系',
      adviserIds: [advisers[0].id],
    });
    expect(res.status).toBe(201);
    const lawyer = await new Session(ctx).login('lawyer');
    expect(
      (await lawyer.get('/api/v1/whistles?mine=true')).body.items.map((w: { subject: string }) => w.subject),
    ).toEqual(['漏水赔偿']);
    const other = await new Session(ctx).login('lawyer2');
    expect((await other.get(`/api/v1/whistles/${res.body.id}`)).status).toBe(404);
    const summons = await summonsOf(lawyer, res.body.id, 'lawyer');
    expect(summons.department).toEqual({ kind: 'adviser', code: 'lawyer', name: '法律顾问lawyer' });
    expect((await other.post(`/api/v1/summonses/${summons.id}/actions/acknowledge`, {})).status).toBe(404);
    expect((await lawyer.post(`/api/v1/summonses/${summons.id}/actions/acknowledge`, {})).status).toBe(200);
    expect((await lawyer.post(`/api/v1/summonses/${summons.id}/actions/checkIn`, {})).status).toBe(200);
    const arrived = await lawyer.get(`/api/v1/whistles/${res.body.id}`);
    expect(arrived.body.summonses[0]).toMatchObject({ state: 'arrived', arrival: null });
    expect(arrived.body.summonses[0].arrivedAt).not.toBeNull();
    expect(arrived.body.timeline.at(-1).note).toBe('法律顾问lawyer报到：未定位');
    const ranking = (await worker.get('/api/v1/whistle-ranking')).body.items;
    expect(ranking.find((r: { department: { kind: string } }) => r.department.kind === 'adviser')).toMatchObject({
      summonses: 1,
      ackOnTimeRate: 1,
      arriveOnTimeRate: 1,
    });
  });

  it('blows the whistle on a place: the site is the building’s point, and a place outside the scope is refused', async () => {
    const res = await worker.post('/api/v1/whistles', {
      placeCode: '610899001001-1',
      subject: '1号楼外墙脱落',
      request: '请派出所到场拉警戒线',
      departmentCodes: ['D61089903'],
    });
    expect(res.status).toBe(201);
    const w = (await worker.get(`/api/v1/whistles/${res.body.id}`)).body;
    expect(w).toMatchObject({ caseId: null, place: { code: '610899001001-1', lng: 108.005, lat: 37.005 } });
    const other = await worker.post('/api/v1/whistles', {
      placeCode: '610899001002',
      subject: '文化社区',
      request: '请到场',
      departmentCodes: ['D61089903'],
    });
    expect(other.status).toBe(404);
  });

  it('shows the whistle and each department’s steps in the case timeline', async () => {
    const timeline = (await worker.get(`/api/v1/cases/${caseId}`)).body.timeline.map(
      (e: { action: string }) => e.action,
    );
    expect(timeline).toEqual(
      expect.arrayContaining([
        'whistle.whistle',
        'whistle.acknowledge',
        'whistle.checkIn',
        'whistle.report',
        'whistle.overdue',
        'whistle.score',
      ]),
    );
  });

  it('sends the departments to a point inside an L-shaped grid, not to the middle of its box', async () => {
    // The middle of this grid's box (108.04, 37.01) lies in the bite taken out of the L.
    const l: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [108.03, 37.0],
          [108.05, 37.0],
          [108.05, 37.008],
          [108.038, 37.008],
          [108.038, 37.02],
          [108.03, 37.02],
          [108.03, 37.0],
        ],
      ],
    };
    const community = await ctx.deps.db
      .selectFrom('places')
      .select(['id', 'code', 'path', 'tenant_id'])
      .where('code', '=', '610899001001')
      .executeTakeFirstOrThrow();
    const grid = await buildGrid(
      ctx.deps,
      { id: community.id, code: community.code, path: community.path, tenantId: community.tenant_id },
      '003',
      l,
      '和平L网格',
    );
    const res = await worker.post('/api/v1/whistles', {
      placeCode: grid.code,
      subject: 'L网格内井盖缺失',
      request: '请派出所到场设置警示',
      departmentCodes: ['D61089903'],
    });
    expect(res.status).toBe(201);
    const { place } = (await worker.get(`/api/v1/whistles/${res.body.id}`)).body;
    expect((await ctx.deps.locator.locate(place.lng, place.lat))?.grid.code).toBe(grid.code);
  });
});
