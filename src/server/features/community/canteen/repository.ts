import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  CanteenDishesTable,
  CanteenMealsTable,
  CanteenOrdersTable,
  CanteenOrderState,
  CanteenSubsidyRulesTable,
  CanteensTable,
  MealTime,
} from '../../../platform/db/schema-canteen.js';
import { inScope, pathUnder, type Scope } from '../../../platform/scope.js';

// Queries only, for 社区食堂 · 助餐点: canteens, operators, menus, subsidy rules, diners, meals, orders.

// ---- canteens

export async function insertCanteen(db: Executor, row: Insertable<CanteensTable>) {
  await db.insertInto('canteens').values(row).execute();
}

/** Another canteen of the community by this name (names are unique per community). */
export function canteenNamed(db: Executor, communityId: string, name: string, exceptId: string | null) {
  return db
    .selectFrom('canteens')
    .select('id')
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
}

export async function updateCanteen(db: Executor, id: string, set: Updateable<CanteensTable>) {
  await db.updateTable('canteens').set(set).where('id', '=', id).execute();
}

const canteenWithPlace = (db: Executor) =>
  db
    .selectFrom('canteens as k')
    .innerJoin('places as p', 'p.id', 'k.community_id')
    .selectAll('k')
    .select(['p.name as community_name', 'p.code as community_code']);

export function findCanteen(db: Executor, id: string) {
  return canteenWithPlace(db).where('k.id', '=', id).executeTakeFirst();
}

/** The canteens in the scope (all of them, active or not), by community and name. */
export function listCanteens(db: Executor, scope: Scope) {
  return canteenWithPlace(db)
    .where(inScope('k.place_path', scope))
    .orderBy('k.place_path')
    .orderBy('k.name')
    .limit(500)
    .execute();
}

/** The canteens a user operates (linked as operator). */
export function canteensOperatedBy(db: Executor, userId: string) {
  return canteenWithPlace(db)
    .innerJoin('canteen_operators as o', 'o.canteen_id', 'k.id')
    .where('o.user_id', '=', userId)
    .where('k.active', '=', true)
    .orderBy('k.name')
    .execute();
}

/** The active canteens of one community, for its residents. */
export function canteensOfCommunity(db: Executor, communityId: string) {
  return canteenWithPlace(db)
    .where('k.community_id', '=', communityId)
    .where('k.active', '=', true)
    .orderBy('k.kind')
    .orderBy('k.name')
    .execute();
}

// ---- operators

export function listOperators(db: Executor, canteenIds: readonly string[]) {
  if (canteenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('canteen_operators as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['o.canteen_id', 'u.id as user_id', 'u.display_name', 'u.username'])
    .where('o.canteen_id', 'in', canteenIds)
    .orderBy('u.display_name')
    .execute();
}

export function isOperator(db: Executor, canteenId: string, userId: string) {
  return db
    .selectFrom('canteen_operators')
    .select('user_id')
    .where('canteen_id', '=', canteenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function replaceOperators(
  db: Executor,
  canteen: { id: string; tenant_id: string },
  userIds: readonly string[],
  now: Date,
) {
  await db.deleteFrom('canteen_operators').where('canteen_id', '=', canteen.id).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('canteen_operators')
    .values(
      userIds.map((user_id) => ({ canteen_id: canteen.id, user_id, tenant_id: canteen.tenant_id, created_at: now })),
    )
    .execute();
}

/** Users holding canteen_operator at the community's place: who may be linked to its canteens. */
export function operatorCandidates(db: Executor, communityId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.display_name', 'u.username'])
    .where('m.place_id', '=', communityId)
    .where('m.role', '=', 'canteen_operator')
    .where('u.status', '=', 'active')
    .distinct()
    .orderBy('u.display_name')
    .execute();
}

// ---- menus

export async function insertDish(db: Executor, row: Insertable<CanteenDishesTable>) {
  await db.insertInto('canteen_dishes').values(row).execute();
}

export async function removeDish(db: Executor, id: string) {
  await db.updateTable('canteen_dishes').set({ removed: true }).where('id', '=', id).execute();
}

export function findDish(db: Executor, id: string) {
  return db.selectFrom('canteen_dishes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The menu of days from..to (inclusive), dishes not removed. */
export function listDishes(db: Executor, canteenIds: readonly string[], from: string, to: string) {
  if (canteenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('canteen_dishes')
    .selectAll()
    .where('canteen_id', 'in', canteenIds)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('removed', '=', false)
    .orderBy('day')
    .orderBy(sql`array_position(array['breakfast','lunch','dinner'], meal)`)
    .orderBy('created_at')
    .execute();
}

/** Dishes of one canteen's day and meal among the ids (not removed): what a meal or an order may name. */
export function dishesOfMeal(db: Executor, canteenId: string, day: string, meal: MealTime, ids: readonly string[]) {
  return db
    .selectFrom('canteen_dishes')
    .selectAll()
    .where('canteen_id', '=', canteenId)
    .where('day', '=', day)
    .where('meal', '=', meal)
    .where('removed', '=', false)
    .where('id', 'in', ids)
    .execute();
}

// ---- subsidy rules

export async function insertRule(db: Executor, row: Insertable<CanteenSubsidyRulesTable>) {
  await db.insertInto('canteen_subsidy_rules').values(row).execute();
}

export async function updateRule(db: Executor, id: string, set: Updateable<CanteenSubsidyRulesTable>) {
  await db.updateTable('canteen_subsidy_rules').set(set).where('id', '=', id).execute();
}

export function findRule(db: Executor, id: string) {
  return db.selectFrom('canteen_subsidy_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rules of the counties named (the caller keeps those its scope reaches). */
export function rulesOfTenants(db: Executor, tenantIds: readonly string[]) {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('canteen_subsidy_rules as r')
    .leftJoin('places as p', 'p.id', 'r.community_id')
    .leftJoin('resident_tags as t', 't.code', 'r.tag')
    .selectAll('r')
    .select(['p.name as community_name', 't.label_zh as tag_label'])
    .where('r.tenant_id', 'in', tenantIds)
    .orderBy('r.community_id', (ob) => ob.nullsFirst())
    .orderBy('r.priority', 'desc')
    .orderBy('r.name')
    .execute();
}

/** The active rules that may apply at a community's canteen: its own and the county's. */
export function rulesForCommunity(db: Executor, tenantId: string, communityId: string) {
  return db
    .selectFrom('canteen_subsidy_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('community_id', 'is', null), eb('community_id', '=', communityId)]))
    .execute();
}

export function findTag(db: Executor, code: string) {
  return db.selectFrom('resident_tags').select(['code', 'label_zh']).where('code', '=', code).executeTakeFirst();
}

export function activeTags(db: Executor) {
  return db
    .selectFrom('resident_tags')
    .select(['code', 'label_zh'])
    .where('active', '=', true)
    .where('sensitive', '=', false)
    .orderBy('sort')
    .execute();
}

// ---- diners (registry residents, read for the desk only)

const diner = (db: Executor) =>
  db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.tenant_id', 'r.name', 'r.tags', 'r.birth_date', 'h.path as household_path'])
    .where('r.status', '=', 'active');

/** A resident of the county by the keyed hash of their ID number. */
export function dinerByIdHash(db: Executor, tenantId: string, idHash: string) {
  return diner(db).where('r.tenant_id', '=', tenantId).where('r.id_number_hash', '=', idHash).executeTakeFirst();
}

/** Residents living under the community whose name holds the text (at most 20). */
export function dinersByName(db: Executor, communityPath: string, name: string) {
  return diner(db)
    .where(pathUnder('h.path', communityPath))
    .where(sql<boolean>`position(${name} in r.name) > 0`)
    .orderBy('r.name')
    .limit(20)
    .execute();
}

export function dinerById(db: Executor, tenantId: string, id: string) {
  return diner(db).where('r.tenant_id', '=', tenantId).where('r.id', '=', id).executeTakeFirst();
}

// ---- meals

export async function insertMeal(db: Executor, row: Insertable<CanteenMealsTable>) {
  const inserted = await db
    .insertInto('canteen_meals')
    .values(row)
    .onConflict((oc) => oc.columns(['canteen_id', 'client_id', 'tenant_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findMealByClient(db: Executor, canteenId: string, clientId: string) {
  return db
    .selectFrom('canteen_meals')
    .selectAll()
    .where('canteen_id', '=', canteenId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** The meals of days from..to (inclusive), oldest first. */
export function listMeals(db: Executor, canteenId: string, from: string, to: string) {
  return db
    .selectFrom('canteen_meals')
    .selectAll()
    .where('canteen_id', '=', canteenId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('served_at')
    .orderBy('id')
    .execute();
}

/** Per day: meals, elders (distinct residents of 60 and over), subsidy and paid totals. */
export function dailyCounts(db: Executor, canteenId: string, from: string, to: string, elderAge: number) {
  return db
    .selectFrom('canteen_meals')
    .select((eb) => [
      'day',
      eb.fn.countAll<string>().as('meals'),
      sql<string>`count(DISTINCT resident_id) FILTER (WHERE age >= ${elderAge})`.as('elders'),
      sql<string>`count(*) FILTER (WHERE subsidy_fen > 0)`.as('subsidised'),
      sql<string>`coalesce(sum(subsidy_fen), 0)`.as('subsidy_fen'),
      sql<string>`coalesce(sum(pay_fen), 0)`.as('pay_fen'),
    ])
    .where('canteen_id', '=', canteenId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('day')
    .orderBy('day')
    .execute();
}

/** The year's figures per community in scope: canteens, meals, elders served, subsidy, orders. */
export function yearNumbers(
  db: Executor,
  scope: Scope,
  under: string | null,
  from: string,
  to: string,
  elderAge: number,
) {
  let query = db
    .selectFrom('canteens as k')
    .innerJoin('places as p', 'p.id', 'k.community_id')
    .leftJoin('canteen_meals as m', (j) =>
      j.onRef('m.canteen_id', '=', 'k.id').on('m.day', '>=', from).on('m.day', '<=', to),
    )
    .select((eb) => [
      'p.id as community_id',
      'p.code as community_code',
      'p.name as community_name',
      sql<string>`count(DISTINCT k.id)`.as('canteens'),
      eb.fn.count<string>('m.id').as('meals'),
      sql<string>`count(DISTINCT m.resident_id) FILTER (WHERE m.age >= ${elderAge})`.as('elders'),
      sql<string>`count(m.id) FILTER (WHERE m.age >= ${elderAge})`.as('elder_meals'),
      sql<string>`coalesce(sum(m.subsidy_fen), 0)`.as('subsidy_fen'),
    ])
    .where(inScope('k.place_path', scope));
  if (under) query = query.where(pathUnder('k.place_path', under));
  return query.groupBy(['p.id', 'p.code', 'p.name']).orderBy('p.code').execute();
}

/** Orders per community in scope over the days from..to. */
export function yearOrders(db: Executor, scope: Scope, under: string | null, from: string, to: string) {
  let query = db
    .selectFrom('canteen_orders as o')
    .innerJoin('canteens as k', 'k.id', 'o.canteen_id')
    .select((eb) => ['k.community_id', eb.fn.countAll<string>().as('orders')])
    .where(inScope('o.place_path', scope))
    .where('o.day', '>=', from)
    .where('o.day', '<=', to)
    .where('o.state', '!=', 'cancelled');
  if (under) query = query.where(pathUnder('o.place_path', under));
  return query.groupBy('k.community_id').execute();
}

// ---- orders

export async function insertOrder(db: Executor, row: Insertable<CanteenOrdersTable>) {
  await db.insertInto('canteen_orders').values(row).execute();
}

export function lockOrder(db: Executor, id: string) {
  return db.selectFrom('canteen_orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setOrderState(db: Executor, id: string, state: CanteenOrderState, now: Date) {
  await db.updateTable('canteen_orders').set({ state, updated_at: now }).where('id', '=', id).execute();
}

const orderWithCanteen = (db: Executor) =>
  db
    .selectFrom('canteen_orders as o')
    .innerJoin('canteens as k', 'k.id', 'o.canteen_id')
    .selectAll('o')
    .select(['k.name as canteen_name']);

/** A user's orders from a day on, soonest first. */
export function ordersOfUser(db: Executor, userId: string, fromDay: string) {
  return orderWithCanteen(db)
    .where('o.user_id', '=', userId)
    .where('o.day', '>=', fromDay)
    .orderBy('o.day')
    .orderBy('o.created_at')
    .limit(100)
    .execute();
}

/** A canteen's orders of a day. */
export function ordersOfDay(db: Executor, canteenId: string, day: string) {
  return orderWithCanteen(db)
    .where('o.canteen_id', '=', canteenId)
    .where('o.day', '=', day)
    .orderBy('o.meal')
    .orderBy('o.created_at')
    .execute();
}

export function dishNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('canteen_dishes').select(['id', 'name', 'price_fen']).where('id', 'in', ids).execute();
}
