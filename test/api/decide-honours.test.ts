import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows, testEngine } from '../support/db.js';
import { buildWorld } from '../support/factories.js';
import { residentIn } from '../support/community-stewards.js';
import { newId } from '../../src/server/platform/ids.js';

// 文明户评选 (issue 17): a 星级文明户 campaign from nomination to published stars — residents
// nominate themselves and neighbours, the building's steward and the community name more; a panel
// scores against the criteria; the shortlist (by the average of the members' totals) goes on public
// notice; a resident objects and is answered; the results are published with one change and its
// reason; the household's star level shows in the registry for staff in scope, never in public.
// Community B sees none of community A's campaign.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
let gridA: Session;
let gridB: Session;
type Resident = Awaited<ReturnType<typeof residentIn>>;
let wang: Resident; // household A-101
let li: Resident; // household A-102, also on the panel as a residents' representative
let zhang: Resident; // household B-102 (same community), steward of building A
let zhao: Resident; // community 2: an outsider

const base = '/api/v1/honours';
let campaignId = '';
let criteria: { id: string; maxPoints: number }[] = [];
const nominationOf: Record<string, string> = {};
const hh = () => ({
  a1: world.inA.households[0].code,
  a2: world.inA.households[1].code,
  b1: world.inB.households[0].code,
  b2: world.inB.households[1].code,
  c1: world.inC.households[0].code,
});
const count = (table: 'honour_nominations' | 'honour_objections' | 'honour_score_sheets') =>
  countRows(ctx.deps.db, table);
const put = (s: Session, path: string, body: unknown) => s.request('PUT', path, body);
const sheet = (a: number, b: number) => ({ points: { [criteria[0].id]: a, [criteria[1].id]: b } });

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  gridA = await new Session(ctx).login('gridA');
  gridB = await new Session(ctx).login('gridB');
  wang = await residentIn(ctx, worker1, hh().a1, '王大山');
  li = await residentIn(ctx, worker1, hh().a2, '李二妹');
  zhang = await residentIn(ctx, worker1, hh().b2, '张三丰');
  zhao = await residentIn(ctx, worker2, hh().c1, '赵四海');
  const chen = await worker1.post('/api/v1/residents', { householdCode: hh().b1, name: '陈小红', relation: 'head' });
  if (chen.status !== 201) throw new Error(JSON.stringify(chen.body));
  // 张三丰 serves building A as its steward.
  await ctx.deps.db
    .insertInto('memberships')
    .values({
      id: newId(),
      tenant_id: world.county.tenantId!,
      user_id: zhang.userId,
      role: 'steward',
      place_id: world.inA.building.id,
      department_id: null,
      created_at: ctx.clock.now(),
    })
    .execute();
});
afterAll(() => ctx.close());

describe(`honours: a civilised-household campaign (${testEngine})`, () => {
  it('staff start a campaign with criteria and star bands; community B sees none of it', async () => {
    const bad = await worker1.post(`${base}/campaigns`, {
      placeCode: world.c1.code,
      kind: 'civilised_household',
      year: 2026,
      title: '2026年星级文明户',
      criteria: [{ name: '爱国守法', maxPoints: 50 }],
      starBands: [
        { stars: 5, minPoints: 60 },
        { stars: 4, minPoints: 80 },
      ],
    });
    expect(bad.body.error.code).toBe('HONOUR_BANDS_INVALID');
    expect((await wang.session.post(`${base}/campaigns`, { placeCode: world.c1.code })).status).toBe(400);
    const created = await worker1.post(`${base}/campaigns`, {
      placeCode: world.c1.code,
      kind: 'civilised_household',
      year: 2026,
      title: '2026年星级文明户',
      criteria: [
        { name: '爱国守法 诚实守信', maxPoints: 50, description: '遵纪守法' },
        { name: '邻里和睦 热心公益', maxPoints: 50 },
      ],
      starBands: [
        { stars: 3, minPoints: 60 },
        { stars: 4, minPoints: 80 },
        { stars: 5, minPoints: 95 },
      ],
    });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    const got = await worker1.get(`${base}/campaigns/${campaignId}`);
    expect(got.status).toBe(200);
    expect(got.body.actions).toContain('open_scoring');
    criteria = got.body.criteria;
    expect(criteria.map((c) => c.maxPoints)).toEqual([50, 50]);

    expect((await worker1.get(`${base}/campaigns`)).body.items.map((c: { id: string }) => c.id)).toEqual([campaignId]);
    expect((await worker2.get(`${base}/campaigns`)).body.items).toEqual([]);
    expect((await worker2.get(`${base}/campaigns/${campaignId}`)).status).toBe(404);
    expect((await worker2.post(`${base}/campaigns`, { ...created.body, placeCode: world.c1.code })).status).toBe(400);
    expect(
      (
        await worker2.post(`${base}/campaigns`, {
          placeCode: world.c1.code,
          kind: 'moral_model',
          year: 2026,
          title: '越权评选',
          criteria: [{ name: '孝老爱亲', maxPoints: 10 }],
        })
      ).status,
    ).toBe(404);
    expect((await zhao.session.get(`${base}/campaigns/${campaignId}`)).status).toBe(404);
  });

  it('nominations: self, a neighbour, the steward and staff; one per household; outsiders cannot', async () => {
    const self = await wang.session.post(`${base}/campaigns/${campaignId}/nominations`, {
      householdCode: hh().a1,
      reason: '家风淳朴，孝老爱亲',
    });
    expect(self.status).toBe(201);
    expect(self.body.kind).toBe('self');
    nominationOf.a1 = self.body.id;
    const neighbour = await li.session.post(`${base}/campaigns/${campaignId}/nominations`, {
      householdCode: hh().b1,
      reason: '热心帮助邻里',
    });
    expect(neighbour.body.kind).toBe('neighbour');
    nominationOf.b1 = neighbour.body.id;
    const steward = await zhang.session.post(`${base}/campaigns/${campaignId}/nominations`, {
      householdCode: hh().a2,
      reason: '楼道卫生常年包干',
    });
    expect(steward.body.kind).toBe('steward');
    nominationOf.a2 = steward.body.id;
    const staff = await worker1.post(`${base}/campaigns/${campaignId}/nominations`, {
      householdCode: hh().b2,
      reason: '社区推荐',
    });
    expect(staff.body.kind).toBe('staff');
    nominationOf.b2 = staff.body.id;

    const before = await count('honour_nominations');
    const again = await li.session.post(`${base}/campaigns/${campaignId}/nominations`, {
      householdCode: hh().a1,
      reason: '再推荐一次',
    });
    expect(again.body.error.code).toBe('HONOUR_ALREADY_NOMINATED');
    // 赵 lives in community 2: the campaign is nothing of his, and community 2's households are outside it.
    expect(
      (
        await zhao.session.post(`${base}/campaigns/${campaignId}/nominations`, {
          householdCode: hh().a1,
          reason: '推荐',
        })
      ).status,
    ).toBe(404);
    const outside = await worker1.post(`${base}/campaigns/${campaignId}/nominations`, {
      householdCode: hh().c1,
      reason: '外社区',
    });
    expect(outside.body.error.code).toBe('HONOUR_NOMINEE_OUTSIDE');
    expect(
      (
        await wang.session.post(`${base}/campaigns/${campaignId}/nominations`, {
          householdCode: hh().a1,
          reason: 'x\u0007y',
        })
      ).status,
    ).toBe(400);
    expect(await count('honour_nominations')).toBe(before);

    // the picker lists buildings and rooms by name (no names of other households unmasked)
    const places = await li.session.get(`${base}/campaigns/${campaignId}/places`);
    expect(places.status).toBe(200);
    expect(places.body.buildings.map((b: { name: string }) => b.name)).toEqual(['1号楼', '2号楼']);
  });

  it('the panel scores every nominee within 0..max; totals are the average of the members’ totals', async () => {
    expect((await worker1.post(`${base}/campaigns/${campaignId}/panel`, { userId: zhao.userId })).body.error.code).toBe(
      'HONOUR_PANEL_OUTSIDE',
    );
    const gridAId = (await gridA.get('/api/v1/me')).body.user.id;
    expect((await worker1.post(`${base}/campaigns/${campaignId}/panel`, { userId: gridAId })).status).toBe(200);
    const withLi = await worker1.post(`${base}/campaigns/${campaignId}/panel`, { userId: li.userId });
    expect(withLi.body.panel).toHaveLength(2);
    expect((await worker1.post(`${base}/campaigns/${campaignId}/open_scoring`, {})).body.state).toBe('scoring');
    expect(
      (
        await wang.session.post(`${base}/campaigns/${campaignId}/nominations`, {
          householdCode: hh().b2,
          reason: '迟到',
        })
      ).body.error.code,
    ).toBe('HONOUR_STATE_CONFLICT');

    const before = await count('honour_score_sheets');
    expect((await put(gridA, `${base}/nominations/${nominationOf.a1}/score`, sheet(51, 10))).body.error.code).toBe(
      'HONOUR_SCORE_INVALID',
    );
    expect((await put(gridA, `${base}/nominations/${nominationOf.a1}/score`, sheet(-1, 10))).status).toBe(422);
    expect(
      (await put(gridA, `${base}/nominations/${nominationOf.a1}/score`, { points: { [criteria[0].id]: 40 } })).status,
    ).toBe(422);
    expect((await put(gridA, `${base}/nominations/${nominationOf.a1}/score`, sheet(40.5, 10))).status).toBe(400);
    expect((await put(worker1, `${base}/nominations/${nominationOf.a1}/score`, sheet(40, 10))).body.error.code).toBe(
      'HONOUR_NOT_PANEL',
    );
    expect((await put(zhao.session, `${base}/nominations/${nominationOf.a1}/score`, sheet(40, 10))).status).toBe(404);
    expect(await count('honour_score_sheets')).toBe(before);

    const scores: Record<string, [Session, number, number][]> = {
      a1: [
        [gridA, 45, 45],
        [li.session, 40, 40],
      ], // 90 and 80 → 85 → 4 stars
      b1: [
        [gridA, 30, 30],
        [li.session, 35, 35],
      ], // 60 and 70 → 65 → 3 stars
      a2: [
        [gridA, 50, 50],
        [li.session, 48, 47],
      ], // 100 and 95 → 97.5 → 5 stars
      b2: [
        [gridA, 20, 20],
        [li.session, 10, 10],
      ], // 40 and 20 → 30
    };
    // a sheet is editable while scoring: first a slip, then the real marks
    expect((await put(gridA, `${base}/nominations/${nominationOf.a1}/score`, sheet(1, 1))).body.total).toBe(2);
    for (const [key, sheets] of Object.entries(scores))
      for (const [s, a, b] of sheets) {
        const res = await put(s, `${base}/nominations/${nominationOf[key]}/score`, sheet(a, b));
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(a + b);
      }
    expect(await count('honour_score_sheets')).toBe(before + 8);

    const got = (await worker1.get(`${base}/campaigns/${campaignId}`)).body;
    const total = (id: string) => got.nominations.find((n: { id: string }) => n.id === id).total;
    expect(total(nominationOf.a1)).toBe(85);
    expect(total(nominationOf.b1)).toBe(65);
    expect(total(nominationOf.a2)).toBe(97.5);
    expect(total(nominationOf.b2)).toBe(30);
    expect(got.sheets).toHaveLength(8);
    // a panel member sees only their own sheets
    expect((await li.session.get(`${base}/campaigns/${campaignId}`)).body.sheets).toHaveLength(4);
  });

  it('the shortlist by threshold carries the star bands; then the notice opens and scores are frozen', async () => {
    const listed = await worker1.post(`${base}/campaigns/${campaignId}/shortlist`, {
      mode: 'threshold',
      threshold: 60,
    });
    expect(listed.status).toBe(200);
    const byId = (id: string) => listed.body.nominations.find((n: { id: string }) => n.id === id);
    expect([byId(nominationOf.a1).stars, byId(nominationOf.b1).stars, byId(nominationOf.a2).stars]).toEqual([4, 3, 5]);
    expect(byId(nominationOf.b2).shortlisted).toBe(false);
    expect(
      (await worker1.post(`${base}/campaigns/${campaignId}/publicise`, { objectionEndsOn: '2026-11-01' })).body.error
        .code,
    ).toBe('HONOUR_OBJECTION_END');
    const on = await worker1.post(`${base}/campaigns/${campaignId}/publicise`, { objectionEndsOn: '2026-11-30' });
    expect(on.body.state).toBe('publicising');
    expect((await put(gridA, `${base}/nominations/${nominationOf.a1}/score`, sheet(1, 1))).body.error.code).toBe(
      'HONOUR_STATE_CONFLICT',
    );
  });

  it('public notice: building, room and a masked head of household; no stars while on notice; nothing for community 2', async () => {
    const pub = await new Session(ctx).get(`/api/v1/public/communities/${world.c1.code}/honours`);
    expect(pub.status).toBe(200);
    const c = pub.body.campaigns[0];
    expect(c.state).toBe('publicising');
    expect(c.objectionEndsOn).toBe('2026-11-30');
    expect(c.entries).toHaveLength(3);
    expect(c.entries.map((e: { name: string }) => e.name).sort()).toEqual(['李*妹', '王*山', '陈*红'].sort());
    for (const e of c.entries) {
      expect(e.name).toMatch(/\*/);
      expect(e.stars).toBeNull();
      expect(e.householdLabel).toMatch(/号楼.*室$/);
    }
    const text = JSON.stringify(pub.body);
    for (const p of [wang.phone, li.phone, '王大山', '李二妹', '陈小红']) expect(text).not.toContain(p);
    expect((await new Session(ctx).get(`/api/v1/public/communities/${world.c2.code}/honours`)).body.campaigns).toEqual(
      [],
    );
  });

  it('residents of the community object during the period; outsiders cannot; staff answer', async () => {
    const objected = await wang.session.post(`${base}/campaigns/${campaignId}/objections`, {
      body: '2号楼101户去年有违规搭建，请核实',
      nominationId: nominationOf.b1,
    });
    expect(objected.status).toBe(201);
    const before = await count('honour_objections');
    expect((await zhao.session.post(`${base}/campaigns/${campaignId}/objections`, { body: '我有意见' })).status).toBe(
      404,
    );
    expect((await worker2.post(`${base}/objections/${objected.body.id}/answer`, { answer: '越权回复' })).status).toBe(
      404,
    );
    const answered = await worker1.post(`${base}/objections/${objected.body.id}/answer`, {
      answer: '经核实违规搭建已拆除，维持入围',
    });
    expect(answered.status).toBe(200);
    const mine = (await wang.session.get(`${base}/campaigns/${campaignId}`)).body;
    expect(mine.objections).toHaveLength(1);
    expect(mine.objections[0].answer).toBe('经核实违规搭建已拆除，维持入围');
    // the resident sees the shortlist masked, without totals
    for (const n of mine.nominations.filter((x: { shortlisted: boolean }) => x.shortlisted)) {
      expect(n.total).toBeNull();
    }
    expect(mine.panel).toEqual([]);

    expect((await worker1.post(`${base}/campaigns/${campaignId}/publish`, {})).body.error.code).toBe(
      'HONOUR_OBJECTION_PERIOD',
    );
    // the notice period ends (moved in the database: moving the clock a week would end the sessions)
    await ctx.deps.db
      .updateTable('honour_campaigns')
      .set({ objection_ends_on: '2026-11-23' })
      .where('id', '=', campaignId)
      .execute();
    expect(
      (await li.session.post(`${base}/campaigns/${campaignId}/objections`, { body: '公示期后的异议' })).body.error.code,
    ).toBe('HONOUR_OBJECTION_CLOSED');
    expect(await count('honour_objections')).toBe(before);
  });

  it('the results are published with a change and its reason; the registry shows the stars to staff in scope only', async () => {
    const published = await worker1.post(`${base}/campaigns/${campaignId}/publish`, {
      reason: '公示期满',
      changes: [{ nominationId: nominationOf.b1, remove: true, reason: '群众异议核实后自愿退出' }],
    });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    const b1 = published.body.nominations.find((n: { id: string }) => n.id === nominationOf.b1);
    expect(b1).toMatchObject({ result: 'removed', resultNote: '群众异议核实后自愿退出' });

    const registry = await worker1.get(`${base}/households/${hh().a1}`);
    expect(registry.status).toBe(200);
    expect(registry.body.latest).toMatchObject({ stars: 4, year: 2026 });
    expect((await gridA.get(`${base}/households/${hh().a2}`)).body.latest.stars).toBe(5);
    expect((await gridB.get(`${base}/households/${hh().a1}`)).status).toBe(404);
    expect((await worker2.get(`${base}/households/${hh().a1}`)).status).toBe(404);
    expect((await wang.session.get(`${base}/households/${hh().a1}`)).status).toBe(404);
    expect((await worker1.get(`${base}/households/${hh().b1}`)).body.latest).toBeNull();

    const pub = await new Session(ctx).get(`/api/v1/public/communities/${world.c1.code}/honours`);
    const c = pub.body.campaigns[0];
    expect(c.state).toBe('published');
    expect(c.entries.map((e: { stars: number }) => e.stars).sort()).toEqual([4, 5]);
    expect(JSON.stringify(pub.body)).not.toContain('history');

    const sheetRes = await worker1.get(`${base}/campaigns/${campaignId}/results.xlsx`);
    expect(sheetRes.status).toBe(200);
    expect(sheetRes.headers.get('content-type')).toContain('spreadsheetml');
    expect((await worker2.get(`${base}/campaigns/${campaignId}/results.xlsx`)).status).toBe(404);
    expect((await worker1.post(`${base}/campaigns/${campaignId}/cancel`, { reason: '晚了' })).body.error.code).toBe(
      'HONOUR_STATE_CONFLICT',
    );
  });
});
