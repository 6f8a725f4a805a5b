import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { countRows } from '../support/db.js';
import { buildDiner } from '../support/community-canteen.js';
import { buildUser, buildWorld, phoneLogin } from '../support/factories.js';

// 社区食堂 · 助餐点 (issue 16), on both databases. The clock stands at 2026-11-24 09:00 China time. Known
// residents of 和平社区 and the rules below give known subsidies: the best rule for each diner applies
// and is kept on the meal; the daily counts and the month's statement (a real .xlsx) add them up; a
// worker of 文化社区 sees none of it.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker1: Session;
let worker2: Session;
let cook: Session;
let canteenId: string;
const dish: Record<string, string> = {};
const diners: Record<string, { id: string; idNumber: string }> = {};
const rules: Record<string, string> = {};
const TODAY = '2026-11-24';
const HUANG_PHONE = '13900000101';

const login = (username: string) => new Session(ctx).login(username);
const count = (table: 'canteen_meals' | 'canteen_orders') => countRows(ctx.deps.db, table);
const serve = (s: Session, clientId: string, residentId: string | null, dishIds: string[]) =>
  s.post(`/api/v1/community/canteen/canteens/${canteenId}/meals`, { clientId, meal: 'lunch', dishIds, residentId });

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await buildUser(ctx.deps, 'cook', 'canteen_operator', world.c1.code);
  await buildUser(ctx.deps, 'cook2', 'canteen_operator', world.c1.code);
  const [h1, h2] = world.inA.households;
  diners.huang = await buildDiner(ctx.deps, h1, {
    name: '黄玉兰',
    birth: '1948-03-15',
    tags: ['elderly_alone'],
    phone: HUANG_PHONE,
  });
  diners.li = await buildDiner(ctx.deps, h1, { name: '李建国', birth: '1966-11-24' });
  diners.wang = await buildDiner(ctx.deps, h2, { name: '王小明', birth: '1990-05-01', tags: ['subsistence'] });
  diners.zhao = await buildDiner(ctx.deps, h2, { name: '赵德厚', birth: '1940-01-10' });
  diners.sun = await buildDiner(ctx.deps, world.inC.households[0], { name: '孙玉兰', birth: '1950-02-02' });
  worker1 = await login('worker1');
  worker2 = await login('worker2');
  cook = await login('cook');
});
afterAll(() => ctx.close());

describe('setting up a canteen (community:manage)', () => {
  it('opens a canteen at a community, links its operator and puts today’s menu up', async () => {
    const created = await worker1.post('/api/v1/community/canteen/canteens', {
      communityCode: world.c1.code,
      name: '和平社区老年食堂',
      kind: 'canteen',
      address: '和平路 8 号',
      hours: '11:00-13:00',
      delivery: true,
    });
    expect(created.status).toBe(201);
    canteenId = created.body.id;
    const candidates = await worker1.get(`/api/v1/community/canteen/canteens/${canteenId}/operator-candidates`);
    expect(candidates.body.items.map((u: { name: string }) => u.name).sort()).toEqual(['cook', 'cook2']);
    const cookId = candidates.body.items.find((u: { name: string }) => u.name === 'cook').userId;
    const linked = await worker1.request('PUT', `/api/v1/community/canteen/canteens/${canteenId}/operators`, {
      userIds: [cookId],
    });
    expect(linked.status).toBe(200);
    expect(linked.body.operators).toEqual([{ userId: cookId, name: 'cook' }]);
    for (const [key, name, priceFen] of [
      ['meat', '红烧肉套餐', 1500],
      ['veg', '素菜套餐', 800],
    ] as const) {
      const res = await worker1.post(`/api/v1/community/canteen/canteens/${canteenId}/dishes`, {
        day: TODAY,
        meal: 'lunch',
        name,
        priceFen,
      });
      expect(res.status).toBe(201);
      dish[key] = res.body.id;
    }
    const menu = await cook.get(`/api/v1/community/canteen/desk`);
    expect(menu.body.items).toHaveLength(1);
    expect(menu.body.items[0].dishes.map((d: { name: string }) => d.name)).toEqual(['红烧肉套餐', '素菜套餐']);
  });

  it('refuses an operator who is not a canteen operator of the community, leaving the links as they were', async () => {
    const worker2Id = (
      await ctx.deps.db.selectFrom('users').select('id').where('username', '=', 'worker2').executeTakeFirstOrThrow()
    ).id;
    const res = await worker1.request('PUT', `/api/v1/community/canteen/canteens/${canteenId}/operators`, {
      userIds: [worker2Id],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CANTEEN_OPERATOR_INVALID');
    expect((await worker1.get(`/api/v1/community/canteen/canteens/${canteenId}`)).body.operators).toHaveLength(1);
  });

  it('takes subsidy rules of the county and of the community; a half-made rule is refused', async () => {
    const admin = await login('admin');
    const add = async (s: Session, body: object) => {
      const res = await s.post('/api/v1/community/canteen/rules', body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    rules.county60 = await add(admin, {
      countyCode: '610899',
      name: '全县60岁以上助餐补贴',
      criterion: 'age',
      minAge: 60,
      amountFen: 200,
    });
    rules.alone = await add(worker1, {
      communityCode: world.c1.code,
      name: '独居老人补贴',
      criterion: 'tag',
      tag: 'elderly_alone',
      amountFen: 500,
    });
    rules.dibao = await add(worker1, {
      communityCode: world.c1.code,
      name: '低保助餐',
      criterion: 'tag',
      tag: 'subsistence',
      percent: 50,
    });
    rules.over80 = await add(worker1, {
      communityCode: world.c1.code,
      name: '高龄助餐',
      criterion: 'age',
      minAge: 80,
      amountFen: 400,
      priority: 1,
    });
    const both = await worker1.post('/api/v1/community/canteen/rules', {
      communityCode: world.c1.code,
      name: '两样都填',
      criterion: 'age',
      minAge: 70,
      amountFen: 100,
      percent: 10,
    });
    expect(both.status).toBe(422);
    expect(both.body.error.code).toBe('CANTEEN_RULE_INVALID');
    // the community worker cannot write the county's rule, but sees it
    const countyByWorker = await worker1.post('/api/v1/community/canteen/rules', {
      countyCode: '610899',
      name: '越权规则',
      criterion: 'age',
      minAge: 70,
      amountFen: 100,
    });
    expect(countyByWorker.status).toBe(404);
    const list = await worker1.get('/api/v1/community/canteen/rules');
    expect(list.body.items.map((r: { name: string; mayEdit: boolean }) => [r.name, r.mayEdit])).toEqual([
      ['全县60岁以上助餐补贴', false],
      ['高龄助餐', true],
      ['低保助餐', true],
      ['独居老人补贴', true],
    ]);
  });
});

describe('the desk: diners and meals with their subsidy', () => {
  it('finds a diner by ID number exactly, masked, and never shows the ID number', async () => {
    const res = await cook.get(
      `/api/v1/community/canteen/canteens/${canteenId}/diners?q=${encodeURIComponent(diners.huang.idNumber)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { residentId: diners.huang.id, name: '黄*兰', age: 78, subsidy: '全县60岁以上助餐补贴、独居老人补贴' },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(diners.huang.idNumber.slice(6, 14));
  });

  it('finds diners by name within the community only', async () => {
    const res = await cook.get(
      `/api/v1/community/canteen/canteens/${canteenId}/diners?q=${encodeURIComponent('玉兰')}`,
    );
    // 孙玉兰 lives in 文化社区
    expect(res.body.items.map((d: { name: string }) => d.name)).toEqual(['黄*兰']);
  });

  it('applies the best rule for each known resident, and none to a walk-in', async () => {
    const cases: [string, string | null, string[], number, string][] = [
      ['meal-huang-1', diners.huang.id, [dish.meat], 500, '独居老人补贴'], // 500 vs 200
      ['meal-li-0001', diners.li.id, [dish.meat], 200, '全县60岁以上助餐补贴'], // turns 60 today
      ['meal-wang-01', diners.wang.id, [dish.meat], 750, '低保助餐'], // 50 % of 1500
      ['meal-zhao-01', diners.zhao.id, [dish.veg], 400, '高龄助餐'], // 86: 400 vs 200
      ['meal-walkin1', null, [dish.veg], 0, ''],
    ];
    for (const [clientId, residentId, dishIds, subsidyFen, rule] of cases) {
      const res = await serve(cook, clientId, residentId, dishIds);
      expect(res.status).toBe(201);
      expect(res.body.meal).toMatchObject({ subsidyFen, rule, payFen: res.body.meal.priceFen - subsidyFen });
    }
    const meals = await cook.get(`/api/v1/community/canteen/canteens/${canteenId}/meals?day=${TODAY}`);
    expect(meals.body.items.map((m: { diner: string }) => m.diner)).toEqual([
      '黄*兰',
      '李*国',
      '王*明',
      '赵*厚',
      '散客',
    ]);
  });

  it('records a retried meal once, and refuses a client id reused for another diner', async () => {
    const before = await count('canteen_meals');
    const again = await serve(cook, 'meal-huang-1', diners.huang.id, [dish.meat]);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const reused = await serve(cook, 'meal-huang-1', diners.li.id, [dish.meat]);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('CANTEEN_CLIENT_ID_REUSED');
    expect(await count('canteen_meals')).toBe(before);
  });

  it('refuses a dish that is not on today’s lunch menu and a malformed client id, recording nothing', async () => {
    const before = await count('canteen_meals');
    const breakfast = await cook.post(`/api/v1/community/canteen/canteens/${canteenId}/meals`, {
      clientId: 'meal-wrong-1',
      meal: 'breakfast',
      dishIds: [dish.meat],
      residentId: null,
    });
    expect(breakfast.status).toBe(422);
    expect(breakfast.body.error.code).toBe('CANTEEN_DISH_INVALID');
    const bad = await serve(cook, 'bad id!', null, [dish.veg]);
    expect(bad.status).toBe(400);
    expect(await count('canteen_meals')).toBe(before);
  });

  it('keeps the subsidy of past meals when a rule changes', async () => {
    const changed = await worker1.patch(`/api/v1/community/canteen/rules/${rules.alone}`, { amountFen: 600 });
    expect(changed.status).toBe(200);
    const later = await serve(cook, 'meal-huang-2', diners.huang.id, [dish.meat]);
    expect(later.body.meal.subsidyFen).toBe(600);
    const meals = await cook.get(`/api/v1/community/canteen/canteens/${canteenId}/meals`);
    expect(
      meals.body.items
        .filter((m: { diner: string }) => m.diner === '黄*兰')
        .map((m: { subsidyFen: number }) => m.subsidyFen),
    ).toEqual([500, 600]);
  });

  it('lets only linked operators (or the community’s managers) record meals', async () => {
    const cook2 = await login('cook2');
    const res = await serve(cook2, 'meal-cook2-1', null, [dish.veg]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CANTEEN_NOT_OPERATOR');
    expect((await serve(worker1, 'meal-worker1', null, [dish.veg])).status).toBe(201);
  });
});

describe('residents’ orders on the phone', () => {
  it('orders a meal to the door, sees it, and the desk serves it as a meal with her subsidy', async () => {
    const huang = await phoneLogin(ctx, HUANG_PHONE);
    const mine = await huang.get('/api/v1/community/canteen/mine');
    expect(mine.body.community.name).toBe('和平社区');
    expect(mine.body.canteens[0].dishes.map((d: { name: string }) => d.name)).toEqual(['红烧肉套餐', '素菜套餐']);
    const placed = await huang.post('/api/v1/community/canteen/orders', {
      canteenId,
      day: TODAY,
      meal: 'lunch',
      dishIds: [dish.veg],
      delivery: true,
      address: '和平路 8 号 1 号楼 101',
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ state: 'placed', priceFen: 800, dishes: '素菜套餐', actions: ['cancel'] });
    const desk = await cook.get(`/api/v1/community/canteen/canteens/${canteenId}/orders?day=${TODAY}`);
    expect(desk.body.items[0].actions).toEqual(['serve', 'cancel']);
    const served = await cook.post(`/api/v1/community/canteen/orders/${placed.body.id}/serve`);
    expect(served.status).toBe(200);
    expect(served.body.meal).toMatchObject({ diner: '黄*兰', subsidyFen: 600, fromOrder: true });
    const late = await huang.post(`/api/v1/community/canteen/orders/${placed.body.id}/cancel`);
    expect(late.status).toBe(409);
    expect((await huang.get('/api/v1/community/canteen/orders/mine')).body.items[0]).toMatchObject({
      state: 'served',
      actions: [],
    });
  });

  it('refuses yesterday, delivery without an address, and another resident’s order', async () => {
    const huang = await phoneLogin(ctx, HUANG_PHONE);
    const before = await count('canteen_orders');
    const yesterday = await huang.post('/api/v1/community/canteen/orders', {
      canteenId,
      day: '2026-11-23',
      meal: 'lunch',
      dishIds: [dish.veg],
    });
    expect(yesterday.body.error.code).toBe('CANTEEN_ORDER_CLOSED');
    const noAddress = await huang.post('/api/v1/community/canteen/orders', {
      canteenId,
      day: TODAY,
      meal: 'lunch',
      dishIds: [dish.veg],
      delivery: true,
    });
    expect(noAddress.body.error.code).toBe('CANTEEN_NO_DELIVERY');
    expect(await count('canteen_orders')).toBe(before);
    const placed = await huang.post('/api/v1/community/canteen/orders', {
      canteenId,
      day: TODAY,
      meal: 'lunch',
      dishIds: [dish.meat],
    });
    const other = await phoneLogin(ctx, '13900000999');
    expect((await other.post(`/api/v1/community/canteen/orders/${placed.body.id}/cancel`)).status).toBe(404);
    const cancelled = await huang.post(`/api/v1/community/canteen/orders/${placed.body.id}/cancel`);
    expect(cancelled.body.state).toBe('cancelled');
  });
});

describe('counts and the monthly statement', () => {
  it('counts the day: meals, elders of 60 and over (each once), subsidy and paid', async () => {
    const res = await worker1.get(
      `/api/v1/community/canteen/canteens/${canteenId}/daily?from=2026-11-01&to=2026-11-30`,
    );
    // 8 meals: 5 known, 黄 again, worker1's walk-in, the served order; elders 黄 李 赵
    expect(res.body.items).toEqual([
      { day: TODAY, meals: 8, elders: 3, subsidised: 6, subsidyFen: 3050, payFen: 9200 - 3050 },
    ]);
  });

  it('exports the month as a workbook: one masked row per meal and a summary', async () => {
    const res = await worker1.get(`/api/v1/community/canteen/canteens/${canteenId}/statement.xlsx?month=2026-11`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const detail = book.getWorksheet('明细')!;
    expect(detail.rowCount).toBe(9);
    const rows = detail.getSheetValues().slice(2) as unknown[][];
    const huang = rows.filter((r) => r[3] === '黄*兰');
    expect(huang.map((r) => [r[7], r[8]])).toEqual([
      ['独居老人补贴', 5],
      ['独居老人补贴', 6],
      ['独居老人补贴', 6],
    ]);
    expect(rows.find((r) => r[3] === '散客')?.[8]).toBe(0);
    const summary = book.getWorksheet('汇总')!;
    const lines = Object.fromEntries(
      (summary.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], [r[2], r[3]]]),
    );
    expect(lines['享受补贴']).toEqual([6, 30.5]);
    expect(lines['补贴：低保助餐']).toEqual([1, 7.5]);
    expect(lines['就餐合计']).toEqual([8, 92]);
    const all = JSON.stringify([detail.getSheetValues(), summary.getSheetValues()]);
    expect(all).not.toContain('黄玉兰');
    expect(all).not.toContain(diners.huang.idNumber);
  });

  it('gives the year’s numbers per community in scope', async () => {
    const res = await worker1.get('/api/v1/community/canteen/numbers?year=2026');
    expect(res.body.items).toEqual([
      {
        communityCode: world.c1.code,
        communityName: '和平社区',
        canteens: 1,
        meals: 8,
        elders: 3,
        elderMeals: 5, // 黄玉兰 three times (two at the desk, one order), 李建国 (60 today), 赵德厚
        subsidyFen: 3050,
        orders: 1,
      },
    ]);
  });
});

describe('scope: 文化社区 sees none of 和平社区', () => {
  it('lists no canteen, reads none, exports none and counts none', async () => {
    expect((await worker2.get('/api/v1/community/canteen/canteens')).body.items).toEqual([]);
    expect((await worker2.get(`/api/v1/community/canteen/canteens/${canteenId}`)).status).toBe(404);
    expect((await worker2.get(`/api/v1/community/canteen/canteens/${canteenId}/meals`)).status).toBe(404);
    expect(
      (await worker2.get(`/api/v1/community/canteen/canteens/${canteenId}/statement.xlsx?month=2026-11`)).status,
    ).toBe(404);
    expect((await worker2.get('/api/v1/community/canteen/numbers?year=2026')).body.items).toEqual([]);
    expect((await worker2.get(`/api/v1/community/canteen/numbers?placeCode=${world.c1.code}`)).status).toBe(404);
    const seen = (await worker2.get('/api/v1/community/canteen/rules')).body.items.map((r: { name: string }) => r.name);
    expect(seen).toEqual(['全县60岁以上助餐补贴']);
    const other = await worker2.patch(`/api/v1/community/canteen/rules/${rules.dibao}`, { active: false });
    expect(other.status).toBe(404);
  });

  it('does not let 文化社区 staff record meals at 和平社区’s canteen', async () => {
    const before = await count('canteen_meals');
    expect((await serve(worker2, 'meal-worker2', null, [dish.veg])).status).toBe(404);
    expect(await count('canteen_meals')).toBe(before);
  });
});
