import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows } from '../support/db.js';
import { buildWorld, givePhone, phoneLogin } from '../support/factories.js';
import { multipart, readXlsx, tinyPng } from '../support/files.js';
import { buildGoods, creditPoints, meOf } from '../support/community-shop.js';

// 积分 · 积分超市 · the resident's hub (issue 16): what staff and residents can do, scoped by place.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;
let worker2: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
  worker2 = await new Session(ctx).login('worker2');
});
afterAll(() => ctx.close());

const count = (table: 'shop_goods' | 'shop_redemptions' | 'points_entries' | 'cases') => countRows(ctx.deps.db, table);

describe('goods (积分超市商品)', () => {
  it('the community’s staff add and edit goods; another community’s staff neither see nor touch them', async () => {
    const goods = await buildGoods(worker, world.c1.code, { name: '食用油', pointsPrice: 80, stock: 5 });
    expect((await worker.get('/api/v1/community/shop/goods')).body.items.map((g: { id: string }) => g.id)).toContain(
      goods.id,
    );
    expect((await worker2.get('/api/v1/community/shop/goods')).body.items).toEqual([]);
    expect((await worker2.patch(`/api/v1/community/shop/goods/${goods.id}`, { pointsPrice: 1 })).status).toBe(404);
    const inC1 = await worker2.post('/api/v1/community/shop/goods', {
      communityCode: world.c1.code,
      name: '越权',
      pointsPrice: 1,
      stock: 1,
    });
    expect(inC1.status).toBe(404);
    const edited = await worker.patch(`/api/v1/community/shop/goods/${goods.id}`, { pointsPrice: 70 });
    expect(edited.body).toMatchObject({ pointsPrice: 70, stock: 5 });
    const stock = await worker.post(`/api/v1/community/shop/goods/${goods.id}/stock`, { delta: -6 });
    expect(stock.status).toBe(409);
    expect((await worker.post(`/api/v1/community/shop/goods/${goods.id}/stock`, { delta: 3 })).body.stock).toBe(8);
  });

  it('bad input is refused with a code and leaves no row', async () => {
    const before = await count('shop_goods');
    for (const body of [
      { communityCode: world.c1.code, name: '', pointsPrice: 10, stock: 1 },
      { communityCode: world.c1.code, name: '坏\u0000名', pointsPrice: 10, stock: 1 },
      { communityCode: world.c1.code, name: '负价', pointsPrice: -1, stock: 1 },
      { communityCode: world.c1.code, name: '负库存', pointsPrice: 1, stock: -1 },
      { communityCode: world.street.code, name: '街道', pointsPrice: 1, stock: 1 },
    ]) {
      const res = await worker.post('/api/v1/community/shop/goods', body);
      expect([400, 404]).toContain(res.status);
      expect(res.body.error.code).toMatch(/VALIDATION_FAILED|NOT_FOUND/);
    }
    expect(await count('shop_goods')).toBe(before);
  });

  it('goods carry a photo uploaded by the staff; residents see it; a file the staff cannot read is refused', async () => {
    const upload = await worker.request(
      'POST',
      '/api/v1/files',
      multipart({ file: { bytes: tinyPng, name: 'oil.png', type: 'image/png' } }),
    );
    expect(upload.status).toBe(201);
    const res = await worker.post('/api/v1/community/shop/goods', {
      communityCode: world.c1.code,
      name: '有图的油',
      pointsPrice: 60,
      stock: 3,
      photoFileId: upload.body.id,
    });
    expect(res.body.hasPhoto).toBe(true);
    const resident = await phoneLogin(ctx, '13911110009', world.c1.id);
    const photo = await resident.get(`/api/v1/community/shop/goods/${res.body.id}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    const before = await count('shop_goods');
    const foreign = await worker2.post('/api/v1/community/shop/goods', {
      communityCode: world.c2.code,
      name: '借图',
      pointsPrice: 1,
      stock: 1,
      photoFileId: upload.body.id,
    });
    expect(foreign.status).toBe(400);
    expect(await count('shop_goods')).toBe(before);
  });

  it('a resident cannot add goods', async () => {
    const resident = await phoneLogin(ctx, '13911110000', world.c1.id);
    const res = await resident.post('/api/v1/community/shop/goods', {
      communityCode: world.c1.code,
      name: '自己加',
      pointsPrice: 1,
      stock: 1,
    });
    expect(res.status).toBe(403);
  });
});

describe('redeeming (兑换)', () => {
  it('a resident redeems on the phone, shows the pickup code, and staff hand the goods over against it', async () => {
    const resident = await phoneLogin(ctx, '13911110001', world.c1.id);
    const userId = await meOf(resident);
    await ctx.deps.db.updateTable('users').set({ display_name: '黄玉兰' }).where('id', '=', userId).execute();
    await creditPoints(ctx.deps, userId, world.c1.id, 100);
    const goods = await buildGoods(worker, world.c1.code, { name: '抽纸', pointsPrice: 25, stock: 4 });

    const shelf = await resident.get('/api/v1/community/shop/shelf');
    expect(shelf.body.community.name).toBe('和平社区');
    expect(shelf.body.balance).toBe(100);
    expect(shelf.body.items.map((g: { name: string }) => g.name)).toContain('抽纸');

    const placed = await resident.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, { quantity: 2 });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ state: 'placed', points: 50, quantity: 2, actions: ['cancel'] });
    expect(placed.body.pickupCode).toMatch(/^\d{6}$/);

    const mine = await resident.get('/api/v1/community/shop/redemptions/mine');
    expect(mine.body.items[0]).toMatchObject({ id: placed.body.id, pickupCode: placed.body.pickupCode });
    const me = await resident.get('/api/v1/community/points/me');
    expect(me.body.balance).toBe(50);
    expect(me.body.accounts[0].entries[0]).toMatchObject({
      rule: 'shop_redemption',
      points: -50,
      communityName: '和平社区',
    });

    const staffView = (await worker.get('/api/v1/community/shop/redemptions?state=placed')).body.items.find(
      (r: { id: string }) => r.id === placed.body.id,
    );
    expect(staffView).toMatchObject({ personName: '黄*兰', pickupCode: null, actions: ['hand_over', 'cancel'] });
    expect((await worker2.get('/api/v1/community/shop/redemptions')).body.items).toEqual([]);
    expect((await worker2.post(`/api/v1/community/shop/redemptions/${placed.body.id}/cancel`, {})).status).toBe(404);

    const wrong = placed.body.pickupCode === '000000' ? '111111' : '000000';
    const refused = await worker.post(`/api/v1/community/shop/redemptions/${placed.body.id}/hand-over`, {
      pickupCode: wrong,
    });
    expect(refused.body.error.code).toBe('SHOP_PICKUP_CODE_WRONG');
    expect(
      (
        await resident.post(`/api/v1/community/shop/redemptions/${placed.body.id}/hand-over`, {
          pickupCode: placed.body.pickupCode,
        })
      ).body.error.code,
    ).toBe('SHOP_ACTION_NOT_ALLOWED');
    const handed = await worker.post(`/api/v1/community/shop/redemptions/${placed.body.id}/hand-over`, {
      pickupCode: placed.body.pickupCode,
    });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ state: 'handed_over', actions: [] });
    const late = await resident.post(`/api/v1/community/shop/redemptions/${placed.body.id}/cancel`, {});
    expect(late.body.error.code).toBe('SHOP_ACTION_NOT_ALLOWED');
    expect((await resident.get('/api/v1/community/points/me')).body.balance).toBe(50);
  });

  it('the monthly limit per person holds, counting what was not cancelled', async () => {
    const resident = await phoneLogin(ctx, '13911110002', world.c1.id);
    await creditPoints(ctx.deps, await meOf(resident), world.c1.id, 100);
    const goods = await buildGoods(worker, world.c1.code, {
      name: '鸡蛋',
      pointsPrice: 10,
      stock: 20,
      monthlyLimit: 2,
    });
    const first = await resident.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, { quantity: 2 });
    expect(first.status).toBe(201);
    const third = await resident.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, {});
    expect(third.body.error.code).toBe('SHOP_MONTHLY_LIMIT');
    await resident.post(`/api/v1/community/shop/redemptions/${first.body.id}/cancel`, {});
    expect((await resident.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, {})).status).toBe(201);
    ctx.clock.advance(10 * 86_400_000); // 24 November → 4 December: a new month
    worker = await new Session(ctx).login('worker1'); // sessions do not outlive ten days
    worker2 = await new Session(ctx).login('worker2');
    const later = await phoneLogin(ctx, '13911110002');
    expect((await later.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, { quantity: 2 })).status).toBe(201);
  });

  it('goods off offer cannot be redeemed; a refused redemption leaves no row and no entry', async () => {
    const resident = await phoneLogin(ctx, '13911110003', world.c1.id);
    await creditPoints(ctx.deps, await meOf(resident), world.c1.id, 10);
    const goods = await buildGoods(worker, world.c1.code, { name: '下架', pointsPrice: 5, stock: 5, active: false });
    const [redemptions, entries] = [await count('shop_redemptions'), await count('points_entries')];
    expect((await resident.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, {})).status).toBe(404);
    const dear = await buildGoods(worker, world.c1.code, { name: '太贵', pointsPrice: 50, stock: 5 });
    expect((await resident.post(`/api/v1/community/shop/goods/${dear.id}/redeem`, {})).body.error.code).toBe(
      'POINTS_INSUFFICIENT',
    );
    expect((await resident.post(`/api/v1/community/shop/goods/${dear.id}/redeem`, { quantity: 0 })).status).toBe(400);
    expect([await count('shop_redemptions'), await count('points_entries')]).toEqual([redemptions, entries]);
    expect(
      (await ctx.deps.db.selectFrom('shop_goods').select('stock').where('id', '=', dear.id).executeTakeFirstOrThrow())
        .stock,
    ).toBe(5);
  });
});

describe('the ledger for staff (积分流水, 排行, 规则)', () => {
  it('staff of one community see none of another community’s entries; residents’ names are masked', async () => {
    const c2resident = await phoneLogin(ctx, '13911110004', world.c2.id);
    const c2user = await meOf(c2resident);
    await ctx.deps.db.updateTable('users').set({ display_name: '李文化' }).where('id', '=', c2user).execute();
    await creditPoints(ctx.deps, c2user, world.c2.id, 7);
    const c1 = (await worker.get('/api/v1/community/points/entries?pageSize=100')).body;
    expect(c1.items.every((e: { communityName: string }) => e.communityName === '和平社区')).toBe(true);
    const c2 = (await worker2.get('/api/v1/community/points/entries?pageSize=100')).body;
    expect(c2.items.every((e: { communityName: string }) => e.communityName === '文化社区')).toBe(true);
    expect(c2.items.find((e: { points: number }) => e.points === 7)).toMatchObject({
      holderName: '李*化',
      mayCorrect: true,
    });
    const c1Entry = c1.items[0].id;
    expect(
      (await worker2.post(`/api/v1/community/points/entries/${c1Entry}/corrections`, { points: 1, note: '越权更正' }))
        .status,
    ).toBe(404);
    const resident = await phoneLogin(ctx, '13911110005', world.c1.id);
    expect((await resident.get('/api/v1/community/points/entries')).status).toBe(403);
  });

  it('the ranking lists persons by points earned in the year (spends not counted) and exports to Excel', async () => {
    const res = await worker.get('/api/v1/community/points/ranking?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.persons.length).toBeGreaterThan(0);
    const pts = res.body.persons.map((p: { points: number }) => p.points);
    expect([...pts].sort((a, b) => b - a)).toEqual(pts);
    expect(res.body.persons.find((p: { holderName: string }) => p.holderName === '黄*兰')?.points).toBe(100);
    expect(res.body.persons.every((p: { communityName: string }) => p.communityName === '和平社区')).toBe(true);
    const sheet = await worker.get('/api/v1/community/points/ranking.xlsx?year=2026');
    expect(sheet.status).toBe(200);
    const rows = await readXlsx(sheet.body);
    expect(rows[0]).toEqual(['名次', '姓名/单位', '社区', '积分']);
    expect(rows.some((r) => r[1] === '黄*兰' && Number(r[3]) === 100)).toBe(true);
    expect((await worker.get('/api/v1/community/points/ranking?year=1999')).status).toBe(400);
  });

  it('the year’s numbers per community come from the records', async () => {
    const res = await worker.get('/api/v1/community/shop/numbers?year=2026');
    expect(res.status).toBe(200);
    const c1 = res.body.items.find((i: { communityCode: string }) => i.communityCode === world.c1.code);
    const spent = await ctx.deps.db
      .selectFrom('points_entries')
      .select((eb) => eb.fn.sum<string>('points').as('s'))
      .where('community_id', '=', world.c1.id)
      .where('rule', 'in', ['shop_redemption', 'shop_refund'])
      .executeTakeFirstOrThrow();
    expect(c1.pointsSpent).toBe(-Number(spent.s));
    expect(c1.redemptions).toBeGreaterThan(0);
    expect(res.body.items.map((i: { communityCode: string }) => i.communityCode)).not.toContain(world.c2.code);
  });

  it('rates: staff of the community set them, audited; spending rules carry no rate', async () => {
    const rules = await worker2.get(`/api/v1/community/points/rules?communityCode=${world.c2.code}`);
    expect(rules.body.items.find((i: { rule: string }) => i.rule === 'wish_fulfilled')).toMatchObject({
      points: 20,
      isDefault: true,
    });
    expect((await worker2.get(`/api/v1/community/points/rules?communityCode=${world.c1.code}`)).status).toBe(404);
    const bad = await worker2.request('PUT', '/api/v1/community/points/rules', {
      communityCode: world.c2.code,
      rates: [{ rule: 'shop_refund', points: 3 }],
    });
    expect(bad.body.error.code).toBe('SHOP_RULE_NOT_RATED');
    const ok = await worker2.request('PUT', '/api/v1/community/points/rules', {
      communityCode: world.c2.code,
      rates: [{ rule: 'wish_fulfilled', points: 30 }],
    });
    expect(ok.body.items.find((i: { rule: string }) => i.rule === 'wish_fulfilled').points).toBe(30);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'points.rules')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('the resident’s hub (我的社区, 随手拍)', () => {
  it('a resident chooses her community from the list by name', async () => {
    const resident = await phoneLogin(ctx, '13911110006');
    const before = await resident.get('/api/v1/community/me/home');
    expect(before.body.community).toBeNull();
    expect(before.body.options.map((o: { name: string }) => o.name)).toEqual(['和平社区', '文化社区']);
    expect(JSON.stringify(before.body)).not.toMatch(/610899001001/);
    const set = await resident.request('PUT', '/api/v1/community/me/home', { communityId: world.c2.id });
    expect(set.body).toMatchObject({ community: { name: '文化社区' }, chosen: true });
    expect((await resident.request('PUT', '/api/v1/community/me/home', { communityId: world.street.id })).status).toBe(
      400,
    );
  });

  it('a report from the app is filed in her community through the public intake and shows in 我的反映', async () => {
    const resident = await phoneLogin(ctx, '13911110007');
    const cases = await count('cases');
    const noHome = await resident.request(
      'POST',
      '/api/v1/community/me/report',
      multipart({ description: '楼道灯坏了好几天' }),
    );
    expect(noHome.body.error.code).toBe('HOME_COMMUNITY_REQUIRED');
    await resident.request('PUT', '/api/v1/community/me/home', { communityId: world.c1.id });
    const short = await resident.request('POST', '/api/v1/community/me/report', multipart({ description: '灯' }));
    expect(short.status).toBe(400);
    expect(await count('cases')).toBe(cases);
    const res = await resident.request(
      'POST',
      '/api/v1/community/me/report',
      multipart({
        description: '3号楼楼道灯坏了好几天',
        address: '和平路 3 号楼',
        photos: { bytes: tinyPng, name: 'light.png', type: 'image/png' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.communityName).toBe('和平社区');
    const mine = await resident.get('/api/v1/my/cases');
    expect(mine.body.items.map((c: { trackingCode: string }) => c.trackingCode)).toContain(res.body.trackingCode);
    const row = await ctx.deps.db
      .selectFrom('cases')
      .innerJoin('places', 'places.id', 'cases.place_id')
      .select(['cases.channel', 'places.path'])
      .where('cases.tracking_code', '=', res.body.trackingCode)
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('qr');
    expect(row.path.startsWith(world.c1.path)).toBe(true);
  });

  it('an account without a phone proven by SMS login is told to log in by phone, and nothing is filed', async () => {
    await givePhone(ctx.deps, 'gridA', '13911119999'); // a contact phone, not proven by a login code
    const cases = await count('cases');
    for (const username of ['gridA', 'gridB']) {
      const staff = await new Session(ctx).login(username);
      const res = await staff.request(
        'POST',
        '/api/v1/community/me/report',
        multipart({ description: '路灯不亮已经三天' }),
      );
      expect(res.body.error.code).toBe('SHOP_REPORT_PHONE_REQUIRED');
    }
    expect(await count('cases')).toBe(cases);
  });
});
