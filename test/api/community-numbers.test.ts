import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildDiner } from '../support/community-canteen.js';
import { bookingBody, buildRoom } from '../support/community-rooms.js';
import { buildGoods, creditPoints } from '../support/community-shop.js';
import { buildActivity } from '../support/community-volunteers.js';
import { buildResidentIn } from '../support/community-wishes.js';
import { buildUser, buildWorld, phoneLogin, userIdOf } from '../support/factories.js';
import { testEngine } from '../support/db.js';

// 社区生活数据 (issue 16), on both databases: known records of 和平社区 built with the areas' own
// factories and APIs, and the figures worked out by hand below; 文化社区 has 5 points and nothing else.
//
//   activity 11-25 (finished): 张大爷 120 min, 李大妈 90 min   → 1 held, 2 participants, 3.5 h
//   wishes posted for 黄玉兰 by the worker                       → 2 posted, 0 fulfilled
//   points: 7 at 2025-12-31 23:00 China (last year), 30 at 2026-01-01 00:00, 12 in November → 42
//   rooms: 11-26 10 seats / 8 came, 11-27 10 seats / 5 came    → 2 days, 13/20 = 65 %
//   canteen 11-24: elder (1948) 15.00 with 2.00 off, younger (1990) and a walk-in → 3 meals, 1 elder's, 2.00 yuan

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
const N = '/api/v1/community/numbers';
const login = (username: string) => new Session(ctx).login(username);
const at = (iso: string) => ctx.clock.set(iso);
type Row = Record<string, unknown> & { communityCode: string };

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'cook', 'canteen_operator', world.c1.code);
  await buildUser(ctx.deps, 'vol', 'volunteer', world.c1.code);
  const vol = await userIdOf(ctx.deps, 'vol');

  at('2025-12-31T15:00:00Z');
  await creditPoints(ctx.deps, vol, world.c1.id, 7);
  at('2025-12-31T16:00:00Z');
  await creditPoints(ctx.deps, vol, world.c1.id, 30);

  at('2026-11-24T01:00:00Z');
  await creditPoints(ctx.deps, vol, world.c1.id, 12);
  await creditPoints(ctx.deps, vol, world.c2.id, 5);
  let worker = await login('worker1');

  const huang = await buildResidentIn(ctx.deps, world.inA.households[0], { name: '黄玉兰', birthDate: '1948-03-15' });
  for (const content of ['想要一个电饭煲', '想要一副老花镜']) {
    const posted = await worker.post('/api/v1/community/wishes', {
      category: 'daily_goods',
      content,
      residentId: huang.id,
    });
    expect(posted.status).toBe(201);
  }

  const activity = await buildActivity(worker, world.c1.code, {
    startsAt: '2026-11-25T01:00:00Z',
    endsAt: '2026-11-25T03:00:00Z',
  });
  for (const [guestName, minutes] of [
    ['张大爷', 120],
    ['李大妈', 90],
  ] as const) {
    const res = await worker.post(`/api/v1/community/volunteers/activities/${activity.id}/attendance`, {
      guestName,
      minutes,
    });
    expect(res.status).toBe(200);
  }

  const room = await buildRoom(worker, world.c1.id, { name: '老年活动室', capacity: 40 });
  const bookings: string[] = [];
  for (const day of ['2026-11-26', '2026-11-27']) {
    const res = await worker.post('/api/v1/community/rooms/bookings', bookingBody(room.id, day, '09:00', '11:00'));
    expect(res.status).toBe(201);
    bookings.push(res.body.id);
  }

  const canteen = await worker.post('/api/v1/community/canteen/canteens', {
    communityCode: world.c1.code,
    name: '和平社区老年食堂',
    kind: 'canteen',
    address: '和平路 8 号',
    hours: '11:00-13:00',
  });
  expect(canteen.status).toBe(201);
  const K = `/api/v1/community/canteen/canteens/${canteen.body.id}`;
  const cookId = await userIdOf(ctx.deps, 'cook');
  expect((await worker.request('PUT', `${K}/operators`, { userIds: [cookId] })).status).toBe(200);
  const dish = await worker.post(`${K}/dishes`, {
    day: '2026-11-24',
    meal: 'lunch',
    name: '红烧肉套餐',
    priceFen: 1500,
  });
  expect(dish.status).toBe(201);
  const rule = await worker.post('/api/v1/community/canteen/rules', {
    communityCode: world.c1.code,
    name: '60岁以上助餐补贴',
    criterion: 'age',
    minAge: 60,
    amountFen: 200,
  });
  expect(rule.status).toBe(201);
  const [h1, h2] = world.inA.households;
  const elder = await buildDiner(ctx.deps, h1, { name: '赵德厚', birth: '1948-01-10' });
  const younger = await buildDiner(ctx.deps, h2, { name: '王小明', birth: '1990-05-01' });
  const cook = await login('cook');
  for (const [clientId, residentId] of [
    ['meal-elder-01', elder.id],
    ['meal-young-01', younger.id],
    ['meal-walkin-1', null],
  ] as const) {
    const res = await cook.post(`${K}/meals`, { clientId, meal: 'lunch', dishIds: [dish.body.id], residentId });
    expect(res.status).toBe(201);
  }

  at('2026-11-28T04:00:00Z');
  worker = await login('worker1');
  expect((await worker.post(`/api/v1/community/volunteers/activities/${activity.id}/finish`)).status).toBe(200);
  for (const [id, attended] of [
    [bookings[0], 8],
    [bookings[1], 5],
  ] as const) {
    expect((await worker.post(`/api/v1/community/rooms/bookings/${id}/check-in`, {})).status).toBe(200);
    expect((await worker.post(`/api/v1/community/rooms/bookings/${id}/complete`, { attended })).status).toBe(200);
  }
});
afterAll(() => ctx.close());

const heping = {
  communityName: '和平社区',
  activitiesHeld: 1,
  participants: 2,
  volunteerHours: 3.5,
  postMembers: 0,
  postMonths: 0,
  wishesPosted: 2,
  wishesFulfilled: 0,
  actionsDone: 0,
  actionParticipants: 0,
  pointsEarned: 42,
  pointsSpent: 0,
  roomDaysUsed: 2,
  roomBookedSeats: 20,
  roomAttended: 13,
  roomParticipationPct: 65,
  stewardOpinions: 0,
  stewardEvaluations: 0,
  unitEntriesConfirmed: 0,
  meals: 3,
  elderMeals: 1,
  subsidyFen: 200,
  subsidyYuan: '2.00',
};

describe(`社区生活数据 (${testEngine})`, () => {
  it('gives the street one row per community from the areas’ records, and the totals', async () => {
    const res = await (await login('officer')).get(`${N}?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.items.map((r: Row) => r.communityCode)).toEqual([world.c1.code, world.c2.code]);
    expect(res.body.items[0]).toEqual({ communityCode: world.c1.code, ...heping });
    expect(res.body.items[1]).toMatchObject({
      communityName: '文化社区',
      pointsEarned: 5,
      activitiesHeld: 0,
      wishesPosted: 0,
      roomDaysUsed: 0,
      roomParticipationPct: null,
      meals: 0,
      subsidyYuan: '0.00',
    });
    const { communityName: _, ...figures } = heping;
    expect(res.body.totals).toEqual({ ...figures, pointsEarned: 47 });
  });

  it('counts by the year in China time: the last evening of 2025 belongs to 2025', async () => {
    const res = await (await login('officer')).get(`${N}?year=2025&placeCode=${world.c1.code}`);
    expect(res.status).toBe(200);
    expect(res.body.placeName).toBe('和平社区');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ pointsEarned: 7, activitiesHeld: 0, meals: 0, wishesPosted: 0 });
  });

  it('exports the same table as Excel, with a totals row', async () => {
    const res = await (await login('officer')).get(`${N}.xlsx?year=2026`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('社区');
    expect(values(2)[0]).toBe('和平社区');
    const header = values(1) as string[];
    const cell = (n: number, title: string) => values(n)[header.indexOf(title)];
    expect(cell(2, '志愿时长（小时）')).toBe(3.5);
    expect(cell(2, '功能室参与率')).toBe('65%');
    expect(cell(2, '助餐补贴（元）')).toBe(2);
    expect(values(4)[0]).toBe('合计');
    expect(cell(4, '积分发放')).toBe(47);
  });

  it('shows a community worker only their community, and refuses another’s place as not found', async () => {
    const other = await login('worker2');
    const own = await other.get(`${N}?year=2026`);
    expect(own.body.items.map((r: Row) => r.communityCode)).toEqual([world.c2.code]);
    expect(own.body.totals).toMatchObject({ pointsEarned: 5, meals: 0, activitiesHeld: 0, wishesPosted: 0 });
    expect((await other.get(`${N}?year=2026&placeCode=${world.c1.code}`)).status).toBe(404);
    expect((await other.get(`${N}.xlsx?year=2026&placeCode=${world.c1.code}`)).status).toBe(404);
    const mine = await (await login('worker1')).get(`${N}?year=2026`);
    expect(mine.body.items).toEqual([{ communityCode: world.c1.code, ...heping }]);
  });

  it('refuses a resident, an anonymous caller and bad input', async () => {
    const resident = await phoneLogin(ctx, '13900000188');
    expect((await resident.get(`${N}?year=2026`)).status).toBe(403);
    expect((await new Session(ctx).get(`${N}?year=2026`)).status).toBe(401);
    const officer = await login('officer');
    expect((await officer.get(`${N}?year=1999`)).status).toBe(400);
    expect((await officer.get(`${N}?placeCode=abc`)).status).toBe(400);
  });
});

describe(`待办 on the workbench (${testEngine})`, () => {
  const T = '/api/v1/community/todo';
  const counts = async (s: Session) => {
    const res = await s.get(T);
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.items.map((i: { kind: string; count: number }) => [i.kind, i.count]));
  };

  it('counts what waits for the community worker in their community only, and nothing for those who cannot act', async () => {
    let worker = await login('worker1');
    const room = await buildRoom(worker, world.c1.id, { name: '多功能厅', capacity: 20 });
    const booked = await worker.post(
      '/api/v1/community/rooms/bookings',
      bookingBody(room.id, '2026-11-28', '14:00', '16:00', { expected: 8 }),
    );
    expect(booked.status).toBe(201);
    const goods = await buildGoods(worker, world.c1.code, { pointsPrice: 30 });
    const vol = await login('vol');
    expect((await vol.post(`/api/v1/community/shop/goods/${goods.id}/redeem`, { quantity: 1 })).status).toBe(201);

    worker = await login('worker1');
    expect(await counts(worker)).toEqual({
      wishesToReview: 2,
      entriesToConfirm: 0,
      redemptionsToHandOver: 1,
      stewardNominations: 0,
      stewardVotes: 0,
      bookingsToday: 1,
      postRecordsToConfirm: 0,
    });
    expect(await counts(await login('worker2'))).toEqual({
      wishesToReview: 0,
      entriesToConfirm: 0,
      redemptionsToHandOver: 0,
      stewardNominations: 0,
      stewardVotes: 0,
      bookingsToday: 0,
      postRecordsToConfirm: 0,
    });
    // A reviewed wish leaves the count.
    const submitted = await worker.get('/api/v1/community/wishes?state=submitted');
    expect((await worker.post(`/api/v1/community/wishes/${submitted.body.items[0].id}/approve`, {})).status).toBe(200);
    expect((await counts(worker)).wishesToReview).toBe(1);

    expect(await counts(vol)).toEqual({});
    expect(await counts(await phoneLogin(ctx, '13900000189'))).toEqual({});
    expect((await new Session(ctx).get(T)).status).toBe(401);
  });
});
