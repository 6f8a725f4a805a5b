import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildUser, buildWorld } from '../support/factories.js';
import { multipart, tinyPng } from '../support/files.js';
import { residentIn } from '../support/community-stewards.js';
import { buildResidentIn } from '../support/community-wishes.js';

// 邻里生活 (issue 16): every area that keeps file ids on its records — wishes' photos, micro-actions'
// proof, units' agreements and proof, the shop's goods photos, stewards' opinions and checklist ticks —
// keeps them through the nightly sweep of orphan files (run here with a clock a day and more later),
// and the general file route reads them to the staff of the record's community, not to another's.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
let colleague: Session;

const upload = async (s: Session) => {
  const res = await s.request(
    'POST',
    '/api/v1/files',
    multipart({ file: { bytes: tinyPng, name: 'p.png', type: 'image/png' } }),
  );
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const created = (res: { status: number; body: unknown }) => {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as { id: string } & Record<string, unknown>;
};

/** Each area's attached photos, by area; filled before the sweep runs. */
const attached: Record<string, string> = {};
let orphan = '';

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker1 = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
  await ctx.deps.jobs.ensureRecurring();

  orphan = await upload(worker1);

  // 微心愿: a wish the community worker posts for a resident, with a photo.
  const huang = await buildResidentIn(ctx.deps, world.inA.households[0], { name: '黄玉兰', birthDate: '1941-03-02' });
  attached.wish = await upload(worker1);
  created(
    await worker1.post('/api/v1/community/wishes', {
      category: 'daily_goods',
      content: '想要一个暖水袋',
      residentId: huang.id,
      photoIds: [attached.wish],
    }),
  );

  // 微行动: a micro-action marked done with proof.
  const action = created(
    await worker1.post('/api/v1/community/wishes/actions', {
      placeCode: world.c1.code,
      title: '清理楼道杂物',
      date: ctx.clock.now().toISOString().slice(0, 10),
      slots: 2,
    }),
  );
  attached.action = await upload(worker1);
  created(
    await worker1.post(`/api/v1/community/wishes/actions/${action.id}/done`, {
      photoIds: [attached.action],
      participantIds: [],
    }),
  );

  // 共驻共建: a unit's agreement carrying its scanned PDF (any stored file).
  const unit = created(
    await worker1.post('/api/v1/community/units', {
      kind: 'co_building_unit',
      placeCode: world.c1.code,
      name: '县供电公司城关供电所',
    }),
  );
  attached.unit = await upload(worker1);
  created(
    await worker1.post(`/api/v1/community/units/${unit.id}/agreements`, {
      year: 2026,
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      fileId: attached.unit,
    }),
  );

  // 积分超市: goods with a photo.
  attached.shop = await upload(worker1);
  created(
    await worker1.post('/api/v1/community/shop/goods', {
      communityCode: world.c1.code,
      name: '洗衣液',
      pointsPrice: 30,
      stock: 10,
      photoFileId: attached.shop,
    }),
  );

  // 楼门管家: the community appoints a resident of building A; the steward ticks a duty and collects
  // an opinion, each with a photo.
  const wang = await residentIn(ctx, worker1, world.inA.households[0].code, '王大山');
  const named = created(
    await worker1.post(`/api/v1/community/stewards/buildings/${world.inA.building.code}/nominations`, {
      nomineeUserId: wang.userId,
    }),
  );
  const term = created(await worker1.post(`/api/v1/community/stewards/nominations/${named.id}/appoint`, {}));
  const steward = wang.session;
  attached.stewardTick = await upload(steward);
  created(
    await steward.post(
      `/api/v1/community/stewards/terms/${term.termId as string}/checklists/${ctx.clock.now().toISOString().slice(0, 7)}/ticks`,
      { duty: 'publicity', note: '贴了通知', photoId: attached.stewardTick },
    ),
  );
  attached.stewardOpinion = await upload(steward);
  created(
    await steward.post(`/api/v1/community/stewards/terms/${term.termId as string}/opinions`, {
      body: '楼道灯坏了',
      photoId: attached.stewardOpinion,
    }),
  );

  ctx.clock.advance(30 * 3_600_000);
  await ctx.deps.jobs.drain();
  // Read by a colleague of the community (not the uploader) and by another community's worker.
  await buildUser(ctx.deps, 'colleague1', 'community_worker', world.c1.code);
  colleague = await new Session(ctx).login('colleague1');
  worker2 = await new Session(ctx).login('worker2');
});
afterAll(() => ctx.close());

const stillStored = async (id: string) =>
  (await ctx.deps.db.selectFrom('files').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe(`community files survive the orphan sweep (${testEngine})`, () => {
  it('the sweep ran: a photo attached to nothing is gone', async () => {
    expect(await stillStored(orphan)).toBe(false);
  });

  for (const area of ['wish', 'action', 'unit', 'shop', 'stewardTick', 'stewardOpinion']) {
    it(`keeps the ${area} photo, readable by the community's staff and not by another community's`, async () => {
      const id = attached[area]!;
      expect(await stillStored(id)).toBe(true);
      expect((await colleague.get(`/api/v1/files/${id}`)).status).toBe(200);
      expect((await worker2.get(`/api/v1/files/${id}`)).status).toBe(404);
    });
  }
});

describe(`files shown by a county's row stay in that county (${testEngine})`, () => {
  // Goods and agreements keep their file by a key with the county (migration 0054). A file takes its
  // uploader's first county; one's own upload of another county moves when nothing shows it yet, else
  // it is refused as unknown, not a server error.
  const fileOf = async (id: string, county: string) => {
    const db = ctx.deps.db;
    const me = await db.selectFrom('users').select('id').where('username', '=', 'worker1').executeTakeFirstOrThrow();
    await db
      .insertInto('files')
      .values({
        id,
        tenant_id: county,
        mime: 'image/png',
        size_bytes: tinyPng.length,
        sha256: 'x'.repeat(64),
        storage_key: `elsewhere/${id}`,
        uploaded_by: me.id,
        created_at: ctx.clock.now(),
      })
      .execute();
    return me.id;
  };
  // A new login: the sweep above ran a day and more later, past the first session.
  const addGoods = async (name: string, photoFileId: string) =>
    (await new Session(ctx).login('worker1')).post('/api/v1/community/shop/goods', {
      communityCode: world.c1.code,
      name,
      pointsPrice: 5,
      stock: 3,
      photoFileId,
    });

  it('moves one’s own photo of another county, shown by nothing yet, to the goods’ county', async () => {
    const id = '01a00000-0000-7000-8000-0000000000f2';
    await fileOf(id, '610898');
    const goods = await addGoods('香皂', id);
    const rows = await ctx.deps.db.selectFrom('files').select('tenant_id').where('id', '=', id).execute();
    if (testEngine === 'postgres') {
      // The tenant guard runs this one-county worker's request: another county's file is not even seen.
      expect(goods.status, JSON.stringify(goods.body)).toBe(400);
      expect(rows).toEqual([{ tenant_id: '610898' }]);
    } else {
      expect(goods.status, JSON.stringify(goods.body)).toBe(201);
      expect(rows).toEqual([{ tenant_id: world.c1.code.slice(0, 6) }]);
    }
  });

  it('refuses a photo another county’s goods show (a server error before), and writes nothing', async () => {
    const db = ctx.deps.db;
    const id = '01a00000-0000-7000-8000-0000000000f1';
    const me = await fileOf(id, '610898');
    await db
      .insertInto('shop_goods')
      .values({
        id: '01a00000-0000-7000-8000-0000000000f3',
        tenant_id: '610898',
        community_id: world.c1.id,
        community_path: world.c1.path,
        name: '别县的货',
        photo_file_id: id,
        points_price: 5,
        stock: 1,
        created_by: me,
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .execute();
    const goods = await addGoods('肥皂', id);
    expect(goods.status, JSON.stringify(goods.body)).toBe(400);
    expect(goods.body.error.code).toBe('VALIDATION_FAILED');
    expect(goods.body.error.details.issues).toMatchObject([{ path: 'photoFileId', message: '没有这张照片' }]);
    expect(await db.selectFrom('shop_goods').select('id').where('name', '=', '肥皂').execute()).toEqual([]);
    expect(await db.selectFrom('files').select('tenant_id').where('id', '=', id).execute()).toEqual([
      { tenant_id: '610898' },
    ]);
  });
});
