import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildLiaison, buildUnit } from '../support/community-units.js';
import { buildUser, buildWorld } from '../support/factories.js';
import { multipart, readXlsx, tinyPng } from '../support/files.js';

// 共驻共建 · 一书四单: a unit's agreement and four lists; the liaison records fulfilment with proof,
// the community confirms (the entry's score goes to the unit as points) or returns it; the liaison of
// one unit sees nothing of another and no residents' data; the yearly ranking and its export.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
let unitA: string;
let unitB: string;
let unitC2: string;
let liaisonA: Session;
let liaisonB: Session;

const base = '/api/v1/community/units';
const upload = async (s: Session) =>
  (await s.request('POST', '/api/v1/files', multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } })))
    .body.id as string;
const pointsOf = async (organisationId: string) => {
  const rows = await ctx.deps.db
    .selectFrom('points_entries as e')
    .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
    .select(['e.points', 'e.rule', 'e.source_kind', 'e.source_id'])
    .where('a.organisation_id', '=', organisationId)
    .execute();
  return rows;
};

/** A signed agreement for 2026 with one entry per given score; the entries' ids. */
async function agreementWith(s: Session, unitId: string, scores: number[], dueOn = '2026-12-20') {
  const created = await s.post(`${base}/${unitId}/agreements`, {
    year: 2026,
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    signedOn: '2026-01-10',
  });
  expect(created.status).toBe(201);
  const agreementId = created.body.agreements[0].id as string;
  const ids: string[] = [];
  for (const [i, score] of scores.entries()) {
    const e = await s.post(`${base}/agreements/${agreementId}/entries`, {
      list: (['needs', 'resources', 'projects', 'responsibilities'] as const)[i % 4],
      title: `清单事项${i + 1}`,
      dueOn,
      score,
    });
    expect(e.status).toBe(201);
    ids.push(e.body.id);
  }
  return { agreementId, ids };
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  const registered = await worker1.post(base, {
    kind: 'co_building_unit',
    placeCode: world.c1.code,
    name: '县供电公司城关供电所',
  });
  expect(registered.status).toBe(201);
  unitA = registered.body.id;
  unitB = await buildUnit(ctx.deps, { placeCode: world.c1.code, name: '县自来水公司' });
  unitC2 = await buildUnit(ctx.deps, { placeCode: world.c2.code, name: '县第二中学' });
  await buildUser(ctx.deps, 'liaisonA', 'unit_liaison', world.c1.code);
  await buildLiaison(ctx.deps, 'liaisonB', world.c1.code, unitB);
  liaisonA = await new Session(ctx).login('liaisonA');
  liaisonB = await new Session(ctx).login('liaisonB');
});

afterAll(() => ctx.close());

describe('registering units and liaisons', () => {
  it('links a user holding the liaison role, and refuses anyone else', async () => {
    const candidates = await worker1.get(`${base}/${unitA}/liaison-candidates`);
    expect(candidates.body.items.map((c: { username: string }) => c.username).sort()).toEqual(['liaisonA', 'liaisonB']);
    const gridA = await ctx.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'gridA')
      .executeTakeFirstOrThrow();
    const refused = await worker1.post(`${base}/${unitA}/liaisons`, { userId: gridA.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('UNIT_LIAISON_INVALID');
    const liaisonId = candidates.body.items.find((c: { username: string }) => c.username === 'liaisonA').userId;
    const linked = await worker1.post(`${base}/${unitA}/liaisons`, { userId: liaisonId });
    expect(linked.status).toBe(200);
    expect(linked.body.liaisons.map((l: { displayName: string }) => l.displayName)).toEqual(['liaisonA']);
  });

  it('refuses a second unit of the same name in the community, and a street as its place', async () => {
    const twice = await worker1.post(base, {
      kind: 'co_building_unit',
      placeCode: world.c1.code,
      name: '县供电公司城关供电所',
    });
    expect(twice.body.error.code).toBe('UNIT_NAME_TAKEN');
    const officer = await new Session(ctx).login('officer');
    const atStreet = await officer.post(base, {
      kind: 'co_building_unit',
      placeCode: world.street.code + '000',
      name: '某单位',
    });
    expect(atStreet.status).toBe(400);
  });

  it('keeps another community out: worker2 may not register in 和平社区 nor see its units', async () => {
    const refused = await worker2.post(base, { kind: 'co_building_unit', placeCode: world.c1.code, name: '越界单位' });
    expect(refused.status).toBe(404);
    expect((await worker2.get(`${base}/${unitA}`)).status).toBe(404);
    const list = await worker2.get(base);
    expect(list.body.items.map((u: { name: string }) => u.name)).toEqual(['县第二中学']);
    const count = await ctx.deps.db.selectFrom('organisations').select('id').where('name', '=', '越界单位').execute();
    expect(count).toEqual([]);
  });
});

describe('an entry’s life and the points it earns the unit', () => {
  it('goes submitted → returned → submitted → confirmed, crediting the score once', async () => {
    const { ids } = await agreementWith(worker1, unitA, [20]);
    const entryId = ids[0];
    // The community cannot fulfil for the unit, and the liaison must say what was done.
    expect((await worker1.post(`${base}/entries/${entryId}/submit`, { note: '已完成' })).status).toBe(403);
    const empty = await liaisonA.post(`${base}/entries/${entryId}/submit`, {});
    expect(empty.body.error.code).toBe('UNIT_PROOF_REQUIRED');
    const photo = await upload(liaisonA);
    const submitted = await liaisonA.post(`${base}/entries/${entryId}/submit`, {
      note: '为和平社区老旧小区检修线路 3 次',
      proofFileIds: [photo],
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect(submitted.body.actions).toEqual([]);
    // The community sees the proof and the entry waiting for it.
    expect((await worker1.get(`/api/v1/files/${photo}`)).status).toBe(200);
    expect((await worker2.get(`/api/v1/files/${photo}`)).status).not.toBe(200);
    const pending = await worker1.get(`${base}/entries/pending`);
    expect(pending.body.items.map((e: { id: string }) => e.id)).toEqual([entryId]);
    expect(pending.body.items[0].actions).toEqual(['confirm', 'return']);

    const noReason = await worker1.post(`${base}/entries/${entryId}/return`, {});
    expect(noReason.body.error.code).toBe('UNIT_REASON_REQUIRED');
    const returned = await worker1.post(`${base}/entries/${entryId}/return`, { reason: '请补充现场照片' });
    expect(returned.body.state).toBe('returned');
    expect(returned.body.returnReason).toBe('请补充现场照片');
    expect(await pointsOf(unitA)).toEqual([]);

    const again = await liaisonA.post(`${base}/entries/${entryId}/submit`, { note: '补充照片', proofFileIds: [photo] });
    expect(again.body.state).toBe('submitted');
    const confirmed = await worker1.post(`${base}/entries/${entryId}/confirm`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.state).toBe('confirmed');
    expect(confirmed.body.pointsAwarded).toBe(20);
    expect(await pointsOf(unitA)).toEqual([
      { points: 20, rule: 'unit_entry', source_kind: 'unit_entry', source_id: entryId },
    ]);

    const twice = await worker1.post(`${base}/entries/${entryId}/confirm`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('UNIT_ACTION_NOT_ALLOWED');
    expect(await pointsOf(unitA)).toHaveLength(1);
  });

  it('confirms once when two confirmations race', async () => {
    const unit = await buildUnit(ctx.deps, { placeCode: world.c1.code, name: '县邮政局' });
    const { ids } = await agreementWith(worker1, unit, [15]);
    await buildLiaison(ctx.deps, 'liaisonPost', world.c1.code, unit);
    const liaison = await new Session(ctx).login('liaisonPost');
    await liaison.post(`${base}/entries/${ids[0]}/submit`, { note: '已送报上门' });
    const other = await new Session(ctx).login('worker1');
    const results = await Promise.all([
      worker1.post(`${base}/entries/${ids[0]}/confirm`, {}),
      other.post(`${base}/entries/${ids[0]}/confirm`, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await pointsOf(unit)).map((p) => p.points)).toEqual([15]);
  });

  it('refuses bad input with 4xx and leaves no rows', async () => {
    const detail = await worker1.get(`${base}/${unitA}?year=2026`);
    const agreementId = detail.body.agreements[0].id;
    const before = await ctx.deps.db.selectFrom('unit_entries').select('id').execute();
    for (const body of [
      { list: 'needs', title: '标题\u0007', dueOn: '2026-05-01', score: 5 },
      { list: 'needs', title: '合格标题', dueOn: '2026-02-30', score: 5 },
      { list: 'needs', title: '合格标题', dueOn: '2026-05-01', score: 5000 },
      { list: 'wishes', title: '合格标题', dueOn: '2026-05-01', score: 5 },
    ]) {
      const res = await worker1.post(`${base}/agreements/${agreementId}/entries`, body);
      expect(res.status).toBe(400);
    }
    const dup = await worker1.post(`${base}/${unitA}/agreements`, {
      year: 2026,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
    });
    expect(dup.body.error.code).toBe('UNIT_AGREEMENT_EXISTS');
    const noProof = await liaisonA.post(`${base}/entries/${detail.body.agreements[0].entries[0].id}/submit`, {
      proofFileIds: ['019a7f3e-0000-7000-8000-00000000dead'],
    });
    expect(noProof.status).toBe(409); // already confirmed: refused before anything is read
    expect(await ctx.deps.db.selectFrom('unit_entries').select('id').execute()).toHaveLength(before.length);
  });

  it('ends an agreement: no more entries', async () => {
    const unit = await buildUnit(ctx.deps, { placeCode: world.c1.code, name: '县图书馆' });
    const { agreementId } = await agreementWith(worker1, unit, []);
    const ended = await worker1.post(`${base}/agreements/${agreementId}/end`, {});
    expect(ended.body.agreements[0].state).toBe('ended');
    const refused = await worker1.post(`${base}/agreements/${agreementId}/entries`, {
      list: 'needs',
      title: '太晚了',
      dueOn: '2026-12-01',
      score: 1,
    });
    expect(refused.body.error.code).toBe('UNIT_AGREEMENT_ENDED');
    expect((await worker1.post(`${base}/agreements/${agreementId}/sign`, {})).status).toBe(409);
  });
});

describe('what a liaison sees', () => {
  it('sees its own unit on the phone home, with what is due, points and rank', async () => {
    const mine = await liaisonA.get(`${base}/mine?year=2026`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((u: { name: string }) => u.name)).toEqual(['县供电公司城关供电所']);
    const unit = mine.body.items[0];
    expect(unit.points).toBe(20);
    expect(unit.rank).toBe(1);
    expect(unit.agreements[0].entries[0].state).toBe('confirmed');
    expect(JSON.stringify(mine.body)).not.toContain('县自来水公司');
  });

  it('sees nothing of another unit, even in its own community', async () => {
    const entryOfA = (await worker1.get(`${base}/${unitA}?year=2026`)).body.agreements[0].entries[0].id;
    expect((await liaisonB.get(`${base}/${unitA}`)).status).toBe(404);
    expect((await liaisonB.get(`${base}/entries/${entryOfA}`)).status).toBe(404);
    expect((await liaisonB.post(`${base}/entries/${entryOfA}/submit`, { note: '冒领' })).status).toBe(404);
    expect((await liaisonB.get(`${base}/${unitC2}`)).status).toBe(404);
    const mine = await liaisonB.get(`${base}/mine`);
    expect(mine.body.items.map((u: { name: string }) => u.name)).toEqual(['县自来水公司']);
  });

  it('sees no residents’ data and no staff lists', async () => {
    expect((await liaisonA.get(base)).status).toBe(403);
    expect((await liaisonA.get(`${base}/ranking`)).status).toBe(403);
    expect((await liaisonA.get(`${base}/entries/pending`)).status).toBe(403);
    expect((await liaisonA.get('/api/v1/residents')).status).toBe(403);
    expect(
      (
        await liaisonA.post(`${base}/${unitA}/agreements`, {
          year: 2027,
          termStart: '2027-01-01',
          termEnd: '2027-12-31',
        })
      ).status,
    ).toBe(403);
  });

  it('a user who is not a liaison has no phone home', async () => {
    expect((await worker1.get(`${base}/mine`)).status).toBe(403);
  });
});

describe('ranking, numbers and the export', () => {
  it('ranks the units in scope by points, then confirmed entries, with the export in the same order', async () => {
    const unit = await buildUnit(ctx.deps, { placeCode: world.c1.code, name: '县人民医院' });
    await buildLiaison(ctx.deps, 'liaisonHospital', world.c1.code, unit);
    const liaison = await new Session(ctx).login('liaisonHospital');
    const { ids } = await agreementWith(worker1, unit, [30, 10]);
    for (const id of ids) {
      await liaison.post(`${base}/entries/${id}/submit`, { note: '义诊两次' });
      await worker1.post(`${base}/entries/${id}/confirm`, {});
    }
    const ranking = await worker1.get(`${base}/ranking?year=2026`);
    expect(ranking.status).toBe(200);
    const rows = ranking.body.items.map((r: { name: string; points: number; rank: number; confirmed: number }) => [
      r.rank,
      r.name,
      r.points,
      r.confirmed,
    ]);
    expect(rows.slice(0, 3)).toEqual([
      [1, '县人民医院', 40, 2],
      [2, '县供电公司城关供电所', 20, 1],
      [3, '县邮政局', 15, 1],
    ]);
    expect(rows.map((r: unknown[]) => r[1])).not.toContain('县第二中学');
    const street = await new Session(ctx).login('officer');
    const all = await street.get(`${base}/ranking?year=2026`);
    expect(all.body.items.map((r: { name: string }) => r.name)).toContain('县第二中学');
    expect((await worker2.get(`${base}/ranking?year=2026&placeCode=${world.c1.code}`)).status).toBe(404);

    const sheet = await worker1.get(`${base}/ranking.xlsx?year=2026`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    const cells = await readXlsx(sheet.body);
    expect(cells[0]).toEqual(['名次', '单位名称', '所在社区', '积分', '清单事项', '已确认', '按期完成']);
    expect(cells[1].slice(0, 4)).toEqual(['1', '县人民医院', '和平社区', '40']);
  });

  it('counts per community from the records', async () => {
    const numbers = await new Session(ctx).login('officer').then((s) => s.get(`${base}/numbers?year=2026`));
    expect(numbers.status).toBe(200);
    const c1 = numbers.body.items.find((r: { placeCode: string }) => r.placeCode === world.c1.code);
    expect(c1).toMatchObject({ units: 5, agreements: 4, points: 75, confirmed: 4 });
    const c2 = numbers.body.items.find((r: { placeCode: string }) => r.placeCode === world.c2.code);
    expect(c2).toMatchObject({ units: 1, agreements: 0, points: 0 });
    const own = await worker2.get(`${base}/numbers?year=2026`);
    expect(own.body.items.map((r: { placeCode: string }) => r.placeCode)).toEqual([world.c2.code]);
  });
});

describe('物业与业委会', () => {
  it('registers a property company with its term and the buildings it serves, only of its community', async () => {
    const created = await worker1.post(base, {
      kind: 'property_company',
      placeCode: world.c1.code,
      name: '和平物业服务有限公司',
      contactName: '张经理',
      phone: '0912-3456789',
    });
    expect(created.status).toBe(201);
    const buildings = await worker1.get(`${base}/buildings?placeCode=${world.c1.code}`);
    const inC1 = buildings.body.items.map((b: { id: string }) => b.id);
    expect(inC1.length).toBeGreaterThan(0);
    const otherBuilding = await ctx.deps.db
      .selectFrom('places')
      .select('id')
      .where('code', '=', world.inC.building.code)
      .executeTakeFirstOrThrow();
    const refused = await worker1.request('PUT', `${base}/${created.body.id}/service`, {
      termStart: '2026-01-01',
      termEnd: '2028-12-31',
      buildingIds: [otherBuilding.id],
    });
    expect(refused.body.error.code).toBe('UNIT_BUILDING_INVALID');
    const saved = await worker1.request('PUT', `${base}/${created.body.id}/service`, {
      termStart: '2026-01-01',
      termEnd: '2028-12-31',
      buildingIds: inC1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.service.buildings).toHaveLength(inC1.length);
    const list = await worker1.get(`${base}?kind=property_company`);
    expect(list.body.items.map((u: { name: string }) => u.name)).toEqual(['和平物业服务有限公司']);
    const agreement = await worker1.post(`${base}/${created.body.id}/agreements`, {
      year: 2026,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
    });
    expect(agreement.body.error.code).toBe('UNIT_NOT_CO_BUILDING');
  });
});
