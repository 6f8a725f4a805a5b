import type { Insertable, Transaction } from 'kysely';
import { chinaDay } from '../../shared/hall.js';
import { chooseSubsidy, partnerDiscountRule, type SubsidyRuleLike } from '../features/community/canteen/subsidy.js';
import { ageOn, maskName } from '../../shared/identity.js';
import type { CanteenMealsTable, MealTime } from '../platform/db/schema-canteen.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { pathUnder } from '../platform/scope.js';
import type { CommunityDemoContext } from './community-context.js';

// 社区食堂 · 助餐点 (issue 16): the demo county's records, from the fixed seed. 和平社区老年食堂 (operator
// `canteen`) with the last month of meals — most of them elders of the community, a share with a
// subsidy chosen by the same rule as the desk — a partner noodle shop with its elder discount, this
// week's menus, the county's and the community's subsidy rules, and a few orders of the demo resident.

const HEPING = '610899001001';
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const menus: Record<'canteen' | 'shop', Partial<Record<MealTime, [string, number][]>>> = {
  canteen: {
    breakfast: [
      ['小米粥配馒头', 300],
      ['豆浆油条', 400],
    ],
    lunch: [
      ['红烧肉套餐', 1500],
      ['西红柿炒蛋套餐', 1200],
      ['清炒时蔬套餐', 800],
    ],
    dinner: [
      ['手擀面', 800],
      ['杂粮粥配小菜', 600],
    ],
  },
  shop: {
    lunch: [
      ['羊肉臊子面', 1800],
      ['油泼面', 1200],
      ['素拌面', 1000],
    ],
  },
};

type Trx = Transaction<Database>;
interface Site {
  tenantId: string;
  community: { id: string; path: string };
  county: { path: string };
  now: Date;
  today: string;
}
type Menu = Map<string, { id: string; name: string; price: number }[]>;

// Subsidy rules: the county's for everyone of 60 and over, the community's by tag and for the oldest.
const demoRules: Omit<SubsidyRuleLike, 'id'>[] = [
  {
    name: '全县老年助餐补贴',
    local: false,
    criterion: 'age',
    tag: null,
    minAge: 60,
    amountFen: 200,
    percent: null,
    priority: 0,
  },
  {
    name: '高龄老人助餐补贴',
    local: true,
    criterion: 'age',
    tag: null,
    minAge: 80,
    amountFen: 500,
    percent: null,
    priority: 1,
  },
  {
    name: '独居老人助餐补贴',
    local: true,
    criterion: 'tag',
    tag: 'elderly_alone',
    minAge: null,
    amountFen: 600,
    percent: null,
    priority: 2,
  },
  {
    name: '低保户助餐补贴',
    local: true,
    criterion: 'tag',
    tag: 'subsistence',
    minAge: null,
    amountFen: null,
    percent: 50,
    priority: 0,
  },
  {
    name: '特困人员免费就餐',
    local: true,
    criterion: 'tag',
    tag: 'special_hardship',
    minAge: null,
    amountFen: null,
    percent: 100,
    priority: 3,
  },
];

async function seedRules(trx: Trx, { tenantId, community, county, now }: Site): Promise<SubsidyRuleLike[]> {
  const rules = demoRules.map((r) => ({ ...r, id: newId() }));
  await trx
    .insertInto('canteen_subsidy_rules')
    .values(
      rules.map((r) => ({
        id: r.id!,
        tenant_id: tenantId,
        community_id: r.local ? community.id : null,
        place_path: r.local ? community.path : county.path,
        name: r.name,
        criterion: r.criterion,
        tag: r.tag,
        min_age: r.minAge,
        amount_fen: r.amountFen,
        percent: r.percent,
        priority: r.priority,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return rules;
}

async function seedMenus(trx: Trx, { tenantId, now, today }: Site, canteenId: string, shopId: string): Promise<Menu> {
  // Menus: the last month and this week (to Sunday).
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const lastDay = addDays(today, 6 - weekday);
  const dishes = new Map<string, { id: string; name: string; price: number }[]>(); // canteen|day|meal
  const dishRows = [];
  for (let day = addDays(today, -30); day <= lastDay; day = addDays(day, 1))
    for (const [key, id] of [
      ['canteen', canteenId],
      ['shop', shopId],
    ] as const)
      for (const [meal, list] of Object.entries(menus[key]) as [MealTime, [string, number][]][]) {
        const entries = list.map(([name, price]) => ({ id: newId(), name, price }));
        dishes.set(`${id}|${day}|${meal}`, entries);
        for (const d of entries)
          dishRows.push({
            id: d.id,
            tenant_id: tenantId,
            canteen_id: id,
            day,
            meal,
            name: d.name,
            price_fen: d.price,
            created_at: now,
          });
      }
  for (let i = 0; i < dishRows.length; i += 300)
    await trx
      .insertInto('canteen_dishes')
      .values(dishRows.slice(i, i + 300))
      .execute();

  return dishes;
}

async function seedMeals(
  trx: Trx,
  random: CommunityDemoContext['random'],
  site: Site,
  rules: SubsidyRuleLike[],
  dishes: Menu,
  ids: { canteenId: string; shopId: string; operatorId: string | null },
): Promise<number> {
  const { tenantId, community, today } = site;
  const { canteenId, shopId, operatorId } = ids;
  // The diners: residents of the community, elders most of all.
  const people = await trx
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.tags'])
    .select('r.birth_date')
    .where(pathUnder('h.path', community.path))
    .where('r.status', '=', 'active')
    .orderBy('r.id')
    .execute();
  const elders = people.filter((p) => (ageOn(p.birth_date, today) ?? 0) >= 60).slice(0, 70);
  const others = people.filter((p) => (ageOn(p.birth_date, today) ?? 0) < 60).slice(0, 25);
  if (!elders.length) return 0;

  const meals: Insertable<CanteenMealsTable>[] = [];
  let serial = 0;
  const serve = (canteen: string, extra: SubsidyRuleLike[], day: string, meal: MealTime, hour: number) => {
    const roll = random.next();
    const diner = roll < 0.75 ? random.pick(elders) : roll < 0.9 ? random.pick(others.length ? others : elders) : null;
    const menu = dishes.get(`${canteen}|${day}|${meal}`)!;
    const dish = random.pick(menu);
    const age = diner ? ageOn(diner.birth_date, day) : null;
    const choice = diner ? chooseSubsidy([...rules, ...extra], { tags: diner.tags, age }, dish.price) : null;
    const subsidy = choice?.subsidyFen ?? 0;
    serial += 1;
    meals.push({
      id: newId(),
      tenant_id: tenantId,
      canteen_id: canteen,
      place_path: community.path,
      client_id: `demo-${String(serial).padStart(5, '0')}`,
      day,
      meal,
      resident_id: diner?.id ?? null,
      diner_masked: diner ? maskName(diner.name) : '散客',
      age,
      dishes: dish.name,
      price_fen: dish.price,
      subsidy_fen: subsidy,
      pay_fen: dish.price - subsidy,
      rule_id: choice?.rule.id ?? null,
      rule_name: choice?.rule.name ?? '',
      order_id: null,
      served_by: operatorId,
      served_at: new Date(Date.parse(`${day}T00:00:00+08:00`) + (hour * 60 + random.int(0, 50)) * 60_000),
    });
  };
  const shopDiscount = [partnerDiscountRule(20)];
  for (let day = addDays(today, -30); day < today; day = addDays(day, 1)) {
    for (let i = random.int(3, 6); i > 0; i--) serve(canteenId, [], day, 'breakfast', 7);
    for (let i = random.int(12, 20); i > 0; i--) serve(canteenId, [], day, 'lunch', 11);
    for (let i = random.int(2, 5); i > 0; i--) serve(canteenId, [], day, 'dinner', 17);
    for (let i = random.int(1, 4); i > 0; i--) serve(shopId, shopDiscount, day, 'lunch', 12);
  }
  for (let i = 0; i < meals.length; i += 200)
    await trx
      .insertInto('canteen_meals')
      .values(meals.slice(i, i + 200))
      .execute();

  return meals.length;
}

async function seedOrders(
  trx: Trx,
  { tenantId, community, now, today }: Site,
  canteenId: string,
  userId: string,
  dishes: Menu,
) {
  // The demo resident's orders: lunch today brought to the door, dinner tomorrow to pick up.
  let orders = 0;
  for (const [day, meal, delivery] of [
    [today, 'lunch', true],
    [addDays(today, 1), 'dinner', false],
  ] as const) {
    const dish = dishes.get(`${canteenId}|${day}|${meal}`)![0];
    await trx
      .insertInto('canteen_orders')
      .values({
        id: newId(),
        tenant_id: tenantId,
        canteen_id: canteenId,
        place_path: community.path,
        user_id: userId,
        resident_id: null,
        day,
        meal,
        dish_ids: [dish.id],
        price_fen: dish.price,
        delivery,
        address: delivery ? '和平路 8 号 1 号楼 1 单元 101' : '',
        note: delivery ? '少盐' : '',
        state: 'placed',
        created_at: now,
        updated_at: now,
      })
      .execute();
    orders += 1;
  }
  return orders;
}

export async function seedDemoCanteen(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  const { random, now, tenantId } = context;
  const community = await trx.selectFrom('places').select(['id', 'path']).where('code', '=', HEPING).executeTakeFirst();
  const county = await trx.selectFrom('places').select(['path']).where('code', '=', tenantId).executeTakeFirst();
  if (!community || !county) return {};
  const today = chinaDay(now);
  const operatorId = context.userIds.get('canteen') ?? null;
  const residentUserId = context.userIds.get('resident') ?? null;

  const canteenId = newId();
  const shopId = newId();
  const base = {
    tenant_id: tenantId,
    community_id: community.id,
    place_path: community.path,
    created_at: now,
    updated_at: now,
  };
  await trx
    .insertInto('canteens')
    .values([
      {
        ...base,
        id: canteenId,
        name: '和平社区老年食堂',
        kind: 'canteen',
        address: '和平路 12 号社区服务中心一楼',
        hours: '早 7:00-8:30 午 11:00-13:00 晚 17:00-18:30',
        elder_discount_percent: null,
        delivery: true,
      },
      {
        ...base,
        id: shopId,
        name: '和平路老张面馆（合作商户）',
        kind: 'partner_shop',
        address: '和平路 30 号',
        hours: '10:30-20:00',
        elder_discount_percent: 20,
        delivery: false,
      },
    ])
    .execute();
  if (operatorId)
    await trx
      .insertInto('canteen_operators')
      .values(
        [canteenId, shopId].map((canteen_id) => ({
          canteen_id,
          user_id: operatorId,
          tenant_id: tenantId,
          created_at: now,
        })),
      )
      .execute();

  const site: Site = { tenantId, community, county, now, today };
  const rules = await seedRules(trx, site);
  const dishes = await seedMenus(trx, site, canteenId, shopId);
  const meals = await seedMeals(trx, random, site, rules, dishes, { canteenId, shopId, operatorId });
  const orders = residentUserId ? await seedOrders(trx, site, canteenId, residentUserId, dishes) : 0;
  return { canteens: 2, canteenMeals: meals, canteenOrders: orders };
}
