import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildGoods, creditPoints, meOf } from '../support/community-shop.js';
import { buildActivity } from '../support/community-volunteers.js';
import { allWeek, bookingBody, buildRoom } from '../support/community-rooms.js';
import { buildPlace, buildUser, buildWorld, phoneLogin } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// 邻里生活 under attack (issue 16, round 2): each hole found by attacking the community-life API
// as someone who should not get through, kept as a test so it stays closed. The clock starts on
// Tuesday 2026-11-24 09:00 Beijing time.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let far: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  // Another county (区县) of the same city, with a volunteer of its own.
  const county = await buildPlace(ctx.deps, {
    kind: 'county',
    code: '610898',
    name: '远山县',
    parent: world.city,
    tenantId: '610898',
  });
  const street = await buildPlace(ctx.deps, { kind: 'street', code: '610898001', name: '远山街道', parent: county });
  const community = await buildPlace(ctx.deps, {
    kind: 'community',
    code: '610898001001',
    name: '远山社区',
    parent: street,
  });
  await buildUser(ctx.deps, 'farvol', 'volunteer', community.code);
  worker1 = await new Session(ctx).login('worker1');
  far = await new Session(ctx).login('farvol');
});
afterAll(() => ctx.close());

describe(`names raced to the same unique row answer 409, never 500 (${testEngine})`, () => {
  it('two rooms of the same name created at once: one is made, the other is told it exists', async () => {
    const body = {
      communityId: world.c1.id,
      name: '同名活动室',
      address: '和平路 8 号',
      capacity: 20,
      openingHours: allWeek(),
      facilities: [],
      active: true,
    };
    const both = await Promise.all([1, 2].map(() => worker1.post('/api/v1/community/rooms/rooms', body)));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('CONFLICT');
    const rooms = await ctx.deps.db
      .selectFrom('community_rooms')
      .select('id')
      .where('name', '=', '同名活动室')
      .execute();
    expect(rooms).toHaveLength(1);
  });

  it('the same steward nomination sent twice at once: one stands, the other is a conflict', async () => {
    const url = `/api/v1/community/stewards/buildings/${world.inB.building.code}/nominations`;
    const both = await Promise.all([1, 2].map(() => worker1.post(url, { reason: '双击' })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = ctx.deps.db.selectFrom('steward_nominations').select('id').where('reason', '=', '双击');
    expect(await rows.execute()).toHaveLength(1);
  });

  it('a canteen named like another of the community is refused (create and rename)', async () => {
    const body = { communityCode: world.c1.code, name: '和平食堂', kind: 'canteen', address: '和平路', hours: '11:00' };
    const first = await worker1.post('/api/v1/community/canteen/canteens', body);
    expect(first.status).toBe(201);
    const again = await worker1.post('/api/v1/community/canteen/canteens', body);
    expect([again.status, again.body.error.code, again.body.error.details]).toEqual([
      409,
      'CONFLICT',
      { field: 'name' },
    ]);
    const other = await worker1.post('/api/v1/community/canteen/canteens', { ...body, name: '和平二食堂' });
    const renamed = await worker1.request('PATCH', `/api/v1/community/canteen/canteens/${other.body.id}`, {
      name: '和平食堂',
    });
    expect([renamed.status, renamed.body.error?.code]).toEqual([409, 'CONFLICT']);
  });
});

describe(`an activity belongs to its county (${testEngine})`, () => {
  it('a person of another county can neither read a published activity by id nor sign up', async () => {
    const a = await buildActivity(worker1, world.c1.code);
    expect((await far.get(`/api/v1/community/volunteers/activities/${a.id}`)).status).toBe(404);
    expect((await far.post(`/api/v1/community/volunteers/activities/${a.id}/signup`)).status).toBe(404);
    const signups = await ctx.deps.db
      .selectFrom('activity_signups')
      .select('id')
      .where('activity_id', '=', a.id)
      .execute();
    expect(signups).toEqual([]);
    // The county's own volunteer still can.
    await buildUser(ctx.deps, 'nearvol', 'volunteer', world.c1.code);
    const near = await new Session(ctx).login('nearvol');
    expect((await near.get(`/api/v1/community/volunteers/activities/${a.id}`)).status).toBe(200);
    expect((await near.post(`/api/v1/community/volunteers/activities/${a.id}/signup`)).status).toBe(200);
  });
});

describe(`我的社区 never answers a retired community (${testEngine})`, () => {
  it('a resident whose chosen community was retired has no home until they choose again', async () => {
    const resident = await phoneLogin(ctx, '13512349001');
    const chosen = await resident.request('PUT', '/api/v1/community/me/home', { communityId: world.c2.id });
    expect(chosen.body.community).toEqual({ id: world.c2.id, name: '文化社区' });
    await ctx.deps.db.updateTable('places').set({ status: 'retired' }).where('id', '=', world.c2.id).execute();
    try {
      const home = await resident.get('/api/v1/community/me/home');
      expect([home.status, home.body.community]).toEqual([200, null]);
      const open = await resident.get('/api/v1/community/volunteers/activities/open');
      expect(open.body.error?.code).toBe('HOME_COMMUNITY_REQUIRED');
    } finally {
      await ctx.deps.db.updateTable('places').set({ status: 'active' }).where('id', '=', world.c2.id).execute();
    }
  });
});

describe(`a residents' group books the rooms of its own community only (${testEngine})`, () => {
  it('a resident of another community, or of none yet, cannot fill a community’s room', async () => {
    const room = await buildRoom(worker1, world.c1.id, { name: '居民议事室' });
    const body = bookingBody(room.id, '2026-11-26', '09:00', '10:00', { for: { kind: 'group', name: '外来合唱团' } });
    const stranger = await phoneLogin(ctx, '13512349002');
    expect((await stranger.post('/api/v1/community/rooms/bookings', body)).body.error?.code).toBe(
      'HOME_COMMUNITY_REQUIRED',
    );
    await stranger.request('PUT', '/api/v1/community/me/home', { communityId: world.c2.id });
    const refused = await stranger.post('/api/v1/community/rooms/bookings', body);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'ROOM_NOT_YOUR_GROUP']);
    const rows = await ctx.deps.db.selectFrom('community_room_bookings').select('id').where('room_id', '=', room.id);
    expect(await rows.execute()).toEqual([]);
    // Of 和平社区, the group books.
    await stranger.request('PUT', '/api/v1/community/me/home', { communityId: world.c1.id });
    expect((await stranger.post('/api/v1/community/rooms/bookings', body)).status).toBe(201);
  });
});

describe(`积分超市 sells to its own community (${testEngine})`, () => {
  it('a resident of another community cannot empty a community’s shelf with county points', async () => {
    const goods = await buildGoods(worker1, world.c1.code, { name: '香皂', pointsPrice: 5, stock: 3 });
    const outsider = await phoneLogin(ctx, '13512349003', world.c2.id);
    await creditPoints(ctx.deps, await meOf(outsider), world.c2.id, 100);
    const tried = await outsider.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, { quantity: 3 });
    expect(tried.status).toBe(404);
    const left = await ctx.deps.db.selectFrom('shop_goods').select('stock').where('id', '=', goods.id);
    expect((await left.executeTakeFirstOrThrow()).stock).toBe(3);
    const neighbour = await phoneLogin(ctx, '13512349004', world.c1.id);
    await creditPoints(ctx.deps, await meOf(neighbour), world.c1.id, 100);
    expect((await neighbour.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, { quantity: 1 })).status).toBe(201);
  });
});
