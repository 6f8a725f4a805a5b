import type { Selectable } from 'kysely';
import { recordAudit, type Executor } from '../../../platform/audit.js';
import { homeCommunityOf, registryResidentsOf } from '../../../platform/community/person.js';
import type { CanteensTable, MealTime } from '../../../platform/db/schema-canteen.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';
import { chinaDay } from '../../../../shared/hall.js';
import { ageOn, maskName, parseIdNumber } from '../../../../shared/identity.js';
import type { PiiCipher } from '../../../platform/pii.js';
import type { CanteenDeps } from './service.js';
import { canteenOr404, presentDish } from './service.js';
import { nextOrderState, orderActionsFor, type OrderAction } from './lifecycle.js';
import { assertMayServe, mayReadDesk } from './policy.js';
import { presentMeal, WALK_IN } from './present.js';
import * as repo from './repository.js';
import type { MealInputT, OrderInputT } from './schemas.js';
import { chooseSubsidy, ELDER_AGE, partnerDiscountRule, ruleMatches, type SubsidyRuleLike } from './subsidy.js';
import { statementSheet } from './sheet.js';

// The canteen's desk (its tablet) and residents' orders: find the diner, record the meal with the
// subsidy the rules give (kept on the meal), serve or cancel orders; daily counts and the month's
// statement. A meal is recorded once per client id, so a tablet that retries records nothing new.

export interface DeskDeps extends CanteenDeps {
  pii: PiiCipher;
}

type Canteen = Selectable<CanteensTable>;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function rulesAt(db: Executor, canteen: Canteen): Promise<SubsidyRuleLike[]> {
  const rows = await repo.rulesForCommunity(db, canteen.tenant_id, canteen.community_id);
  const rules: SubsidyRuleLike[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    criterion: r.criterion,
    tag: r.tag,
    minAge: r.min_age,
    amountFen: r.amount_fen,
    percent: r.percent,
    priority: r.priority,
    local: r.community_id !== null,
  }));
  if (canteen.kind === 'partner_shop' && canteen.elder_discount_percent)
    rules.push(partnerDiscountRule(canteen.elder_discount_percent));
  return rules;
}

async function deskCanteen(deps: DeskDeps, actor: Actor, id: string) {
  const { db } = deps;
  const canteen = await canteenOr404(db, id);
  const linked = actor.userId ? !!(await repo.isOperator(db, id, actor.userId)) : false;
  return { canteen, linked };
}

async function servingCanteen(deps: DeskDeps, actor: Actor, id: string) {
  const { canteen, linked } = await deskCanteen(deps, actor, id);
  assertMayServe(actor, canteen, linked);
  return canteen;
}

async function readableCanteen(deps: DeskDeps, actor: Actor, id: string) {
  const { canteen, linked } = await deskCanteen(deps, actor, id);
  if (!mayReadDesk(actor, canteen, linked)) {
    assertMayServe(actor, canteen, linked);
    throw new AppError('NOT_FOUND');
  }
  return canteen;
}

/** Records one meal inside the caller's transaction; an existing one of the same client id is returned. */
async function writeMeal(
  deps: DeskDeps,
  trx: Executor,
  actor: Actor,
  canteen: Canteen,
  input: {
    clientId: string;
    day: string;
    meal: MealTime;
    dishIds: string[];
    residentId: string | null;
    orderId: string | null;
  },
) {
  const { clock } = deps;
  const existing = await repo.findMealByClient(trx, canteen.id, input.clientId);
  if (existing) {
    if (existing.resident_id !== input.residentId || existing.meal !== input.meal)
      throw new AppError('CANTEEN_CLIENT_ID_REUSED');
    return { meal: existing, created: false };
  }
  const unique = [...new Set(input.dishIds)];
  const dishes = new Map(
    (await repo.dishesOfMeal(trx, canteen.id, input.day, input.meal, unique)).map((d) => [d.id, d]),
  );
  if (dishes.size !== unique.length) throw new AppError('CANTEEN_DISH_INVALID');
  const chosen = input.dishIds.map((id) => dishes.get(id)!);
  const priceFen = chosen.reduce((sum, d) => sum + d.price_fen, 0);
  let dinerMasked = WALK_IN;
  let age: number | null = null;
  let choice: ReturnType<typeof chooseSubsidy> = null;
  if (input.residentId) {
    const diner = await repo.dinerById(trx, canteen.tenant_id, input.residentId);
    if (!diner) throw new AppError('NOT_FOUND');
    dinerMasked = maskName(diner.name);
    age = ageOn(diner.birth_date, input.day);
    choice = chooseSubsidy(await rulesAt(trx, canteen), { tags: diner.tags, age }, priceFen);
  }
  const subsidyFen = choice?.subsidyFen ?? 0;
  const id = newId();
  const now = clock.now();
  const inserted = await repo.insertMeal(trx, {
    id,
    tenant_id: canteen.tenant_id,
    canteen_id: canteen.id,
    place_path: canteen.place_path,
    client_id: input.clientId,
    day: input.day,
    meal: input.meal,
    resident_id: input.residentId,
    diner_masked: dinerMasked,
    age,
    dishes: chosen.map((d) => d.name).join('、'),
    price_fen: priceFen,
    subsidy_fen: subsidyFen,
    pay_fen: priceFen - subsidyFen,
    rule_id: choice?.rule.id ?? null,
    rule_name: choice?.rule.name ?? '',
    order_id: input.orderId,
    served_by: actor.userId,
    served_at: now,
  });
  const meal = (await repo.findMealByClient(trx, canteen.id, input.clientId))!;
  if (inserted)
    await recordAudit(
      trx,
      actor,
      {
        action: 'canteen.meal.record',
        entityType: 'canteen_meal',
        entityId: id,
        tenantId: canteen.tenant_id,
        after: { canteenId: canteen.id, residentId: input.residentId, priceFen, subsidyFen, rule: meal.rule_name },
      },
      now,
    );
  return { meal, created: inserted };
}

const presentOrder = async (
  deps: DeskDeps,
  rows: Awaited<ReturnType<typeof repo.ordersOfUser>>,
  by: 'resident' | 'operator',
) => {
  const { db } = deps;
  const names = new Map(
    (await repo.dishNames(db, [...new Set(rows.flatMap((o) => o.dish_ids))])).map((d) => [d.id, d.name]),
  );
  return rows.map((o) => ({
    id: o.id,
    canteenId: o.canteen_id,
    canteenName: o.canteen_name,
    day: o.day,
    meal: o.meal,
    dishes: o.dish_ids.map((d) => names.get(d) ?? '').join('、'),
    priceFen: o.price_fen,
    delivery: o.delivery,
    address: o.address,
    note: o.note,
    state: o.state,
    actions: orderActionsFor(o.state, by),
  }));
};

/** The canteens whose desk the actor may run: those linked to them, and any a manager may stand in at. */
async function deskCanteens(deps: DeskDeps, actor: Actor) {
  const { db, clock } = deps;
  const linked = actor.userId ? await repo.canteensOperatedBy(db, actor.userId) : [];
  const managed = can(actor, 'community:manage')
    ? (await repo.listCanteens(db, scopeOf(actor, 'community:manage', { placesOnly: true }))).filter(
        (k) => k.active && can(actor, 'canteen:serve', k.place_path),
      )
    : [];
  const all = new Map([...linked, ...managed].map((k) => [k.id, k]));
  const today = chinaDay(clock.now());
  const dishes = await repo.listDishes(db, [...all.keys()], today, today);
  return [...all.values()].map((k) => ({
    id: k.id,
    name: k.name,
    kind: k.kind,
    address: k.address,
    hours: k.hours,
    elderDiscountPercent: k.elder_discount_percent,
    delivery: k.delivery,
    dishes: dishes.filter((d) => d.canteen_id === k.id).map(presentDish),
  }));
}

/** 查找就餐人: an ID number finds the county's resident exactly; a name finds the community's (masked). */
async function diners(deps: DeskDeps, actor: Actor, canteenId: string, q: string) {
  const { db, clock, pii } = deps;
  const canteen = await servingCanteen(deps, actor, canteenId);
  const id = parseIdNumber(q, clock.now());
  const found = id.ok
    ? [await repo.dinerByIdHash(db, canteen.tenant_id, pii.lookupHash(id.info.normalized))].filter((d) => !!d)
    : await repo.dinersByName(db, canteen.place_path, q);
  const rules = await rulesAt(db, canteen);
  const today = chinaDay(clock.now());
  return found.map((d) => {
    const age = ageOn(d.birth_date, today);
    const matching = rules.filter((r) => ruleMatches(r, { tags: d.tags, age })).map((r) => r.name);
    return { residentId: d.id, name: maskName(d.name), age, subsidy: matching.length ? matching.join('、') : null };
  });
}

async function recordMeal(deps: DeskDeps, actor: Actor, canteenId: string, input: MealInputT) {
  const { db, clock } = deps;
  const canteen = await servingCanteen(deps, actor, canteenId);
  const day = chinaDay(clock.now());
  const { meal, created } = await db
    .transaction()
    .execute((trx) => writeMeal(deps, trx, actor, canteen, { ...input, day, orderId: null }));
  return { created, meal: presentMeal(meal) };
}

async function meals(deps: DeskDeps, actor: Actor, canteenId: string, day: string | undefined) {
  const { db, clock } = deps;
  await readableCanteen(deps, actor, canteenId);
  const d = day ?? chinaDay(clock.now());
  return (await repo.listMeals(db, canteenId, d, d)).map(presentMeal);
}

/** 每日统计: meals, elders (60+, distinct), subsidised meals, subsidy and paid totals per day. */
async function daily(deps: DeskDeps, actor: Actor, canteenId: string, range: { from?: string; to?: string }) {
  const { db, clock } = deps;
  await readableCanteen(deps, actor, canteenId);
  const to = range.to ?? chinaDay(clock.now());
  const from = range.from ?? `${to.slice(0, 7)}-01`;
  return (await repo.dailyCounts(db, canteenId, from, to, ELDER_AGE)).map((r) => ({
    day: r.day,
    meals: Number(r.meals),
    elders: Number(r.elders),
    subsidised: Number(r.subsidised),
    subsidyFen: Number(r.subsidy_fen),
    payFen: Number(r.pay_fen),
  }));
}

/** 月度补贴结算表 as an Excel workbook: 明细 (one row per meal, diner masked) and 汇总. */
async function statement(deps: DeskDeps, actor: Actor, canteenId: string, month: string) {
  const { db } = deps;
  const canteen = await readableCanteen(deps, actor, canteenId);
  const from = `${month}-01`;
  const to = addDays(`${addDays(from, 32).slice(0, 7)}-01`, -1);
  const meals = await repo.listMeals(db, canteenId, from, to);
  const bytes = await statementSheet({
    canteen: canteen.name,
    community: canteen.community_name,
    month,
    meals: meals.map(presentMeal),
  });
  return { bytes, filename: `${canteen.name}-${month}-助餐补贴结算.xlsx` };
}

/** The menu of my community's canteens, today and the next six days. */
async function myCanteens(deps: DeskDeps, actor: Actor) {
  const { db, clock } = deps;
  const home = await homeCommunityOf(db, actor);
  if (!home) return { community: null, canteens: [] };
  const rows = await repo.canteensOfCommunity(db, home.id);
  const today = chinaDay(clock.now());
  const dishes = await repo.listDishes(
    db,
    rows.map((k) => k.id),
    today,
    addDays(today, 6),
  );
  return {
    community: { id: home.id, name: home.name },
    canteens: rows.map((k) => ({
      id: k.id,
      name: k.name,
      kind: k.kind,
      address: k.address,
      hours: k.hours,
      elderDiscountPercent: k.elder_discount_percent,
      delivery: k.delivery,
      dishes: dishes.filter((d) => d.canteen_id === k.id).map(presentDish),
    })),
  };
}

/** 订餐: a meal of a day's menu at a canteen of my community, to pick up or brought to the door. */
async function placeOrder(deps: DeskDeps, actor: Actor, input: OrderInputT) {
  const { db, clock } = deps;
  const home = await homeCommunityOf(db, actor);
  if (!home) throw new AppError('HOME_COMMUNITY_REQUIRED');
  const canteen = await repo.findCanteen(db, input.canteenId);
  if (!canteen || !canteen.active || canteen.community_id !== home.id) throw new AppError('NOT_FOUND');
  if (input.day < chinaDay(clock.now())) throw new AppError('CANTEEN_ORDER_CLOSED');
  if (input.delivery && (!canteen.delivery || !input.address)) throw new AppError('CANTEEN_NO_DELIVERY');
  const unique = [...new Set(input.dishIds)];
  const dishes = new Map(
    (await repo.dishesOfMeal(db, canteen.id, input.day, input.meal, unique)).map((d) => [d.id, d]),
  );
  if (dishes.size !== unique.length) throw new AppError('CANTEEN_DISH_INVALID');
  const priceFen = input.dishIds.reduce((sum, id) => sum + dishes.get(id)!.price_fen, 0);
  const record = (await registryResidentsOf(db, actor.userId!)).find((r) => r.tenant_id === canteen.tenant_id);
  const id = newId();
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.insertOrder(trx, {
      id,
      tenant_id: canteen.tenant_id,
      canteen_id: canteen.id,
      place_path: canteen.place_path,
      user_id: actor.userId!,
      resident_id: record?.id ?? null,
      day: input.day,
      meal: input.meal,
      dish_ids: input.dishIds,
      price_fen: priceFen,
      delivery: input.delivery,
      address: input.delivery ? input.address : '',
      note: input.note,
      state: 'placed',
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      { action: 'canteen.order.place', entityType: 'canteen_order', entityId: id, tenantId: canteen.tenant_id },
      now,
    );
  });
  return (await presentOrder(deps, await repo.ordersOfUser(db, actor.userId!, input.day), 'resident')).find(
    (o) => o.id === id,
  )!;
}

async function myOrders(deps: DeskDeps, actor: Actor) {
  const { db, clock } = deps;
  const from = addDays(chinaDay(clock.now()), -30);
  return presentOrder(deps, await repo.ordersOfUser(db, actor.userId!, from), 'resident');
}

async function ordersOfDay(deps: DeskDeps, actor: Actor, canteenId: string, day: string | undefined) {
  const { db, clock } = deps;
  await servingCanteen(deps, actor, canteenId);
  return presentOrder(deps, await repo.ordersOfDay(db, canteenId, day ?? chinaDay(clock.now())), 'operator');
}

/** Serve (a meal record is made, with its subsidy) or cancel an order. */
async function actOnOrder(deps: DeskDeps, actor: Actor, orderId: string, action: OrderAction) {
  const { db, clock } = deps;
  return db.transaction().execute(async (trx) => {
    const order = await repo.lockOrder(trx, orderId);
    if (!order) throw new AppError('NOT_FOUND');
    const own = order.user_id === actor.userId;
    let by: 'resident' | 'operator' = 'resident';
    let canteen: Canteen | null = null;
    const found = await repo.findCanteen(trx, order.canteen_id);
    const linked = actor.userId ? !!(await repo.isOperator(trx, order.canteen_id, actor.userId)) : false;
    const serves =
      !!found &&
      can(actor, 'canteen:serve', found.place_path) &&
      (linked || can(actor, 'community:manage', found.place_path));
    if (serves) {
      by = 'operator';
      canteen = found!;
    } else if (!own) throw new AppError('NOT_FOUND');
    const next = nextOrderState(order.state, action, by);
    if (!next) throw new AppError('CANTEEN_ORDER_ACTION_NOT_ALLOWED', { state: order.state, action });
    let meal = null;
    if (action === 'serve')
      meal = (
        await writeMeal(deps, trx, actor, canteen!, {
          clientId: `order-${order.id}`,
          day: order.day,
          meal: order.meal,
          dishIds: order.dish_ids,
          residentId: order.resident_id,
          orderId: order.id,
        })
      ).meal;
    const now = clock.now();
    await repo.setOrderState(trx, order.id, next, now);
    await recordAudit(
      trx,
      actor,
      {
        action: `canteen.order.${action}`,
        entityType: 'canteen_order',
        entityId: order.id,
        tenantId: order.tenant_id,
        before: { state: order.state },
        after: { state: next },
      },
      now,
    );
    return { id: order.id, state: next, meal: meal ? presentMeal(meal) : null };
  });
}

export function createDeskService(deps: DeskDeps) {
  return {
    deskCanteens: (actor: Actor) => deskCanteens(deps, actor),
    diners: (actor: Actor, canteenId: string, q: string) => diners(deps, actor, canteenId, q),
    recordMeal: (actor: Actor, canteenId: string, input: MealInputT) => recordMeal(deps, actor, canteenId, input),
    meals: (actor: Actor, canteenId: string, day: string | undefined) => meals(deps, actor, canteenId, day),
    daily: (actor: Actor, canteenId: string, range: { from?: string; to?: string }) =>
      daily(deps, actor, canteenId, range),
    statement: (actor: Actor, canteenId: string, month: string) => statement(deps, actor, canteenId, month),
    myCanteens: (actor: Actor) => myCanteens(deps, actor),
    placeOrder: (actor: Actor, input: OrderInputT) => placeOrder(deps, actor, input),
    myOrders: (actor: Actor) => myOrders(deps, actor),
    ordersOfDay: (actor: Actor, canteenId: string, day: string | undefined) => ordersOfDay(deps, actor, canteenId, day),
    actOnOrder: (actor: Actor, orderId: string, action: OrderAction) => actOnOrder(deps, actor, orderId, action),
  };
}

export type DeskService = ReturnType<typeof createDeskService>;
