import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../../platform/audit.js';
import type { RedemptionState, ShopGoodsTable, ShopRedemptionsTable } from '../../../../platform/db/schema-shop.js';
import { inScope, pathUnder, type Scope } from '../../../../platform/scope.js';

// Queries only, for the points shop (积分超市): goods, stock and redemptions.

// ---- goods

export async function insertGoods(db: Executor, row: Insertable<ShopGoodsTable>) {
  await db.insertInto('shop_goods').values(row).execute();
}

export async function updateGoods(db: Executor, id: string, set: Updateable<ShopGoodsTable>) {
  await db.updateTable('shop_goods').set(set).where('id', '=', id).execute();
}

export function findGoods(db: Executor, id: string) {
  return db
    .selectFrom('shop_goods as g')
    .innerJoin('places as c', 'c.id', 'g.community_id')
    .selectAll('g')
    .select(['c.name as community_name', 'c.code as community_code'])
    .where('g.id', '=', id)
    .executeTakeFirst();
}

/** The goods of the communities in scope (staff), newest first. */
export function listGoods(db: Executor, scope: Scope, under: string | undefined) {
  let q = db
    .selectFrom('shop_goods as g')
    .innerJoin('places as c', 'c.id', 'g.community_id')
    .selectAll('g')
    .select(['c.name as community_name', 'c.code as community_code'])
    .where(inScope('g.community_path', scope));
  if (under) q = q.where(pathUnder('g.community_path', under));
  return q.orderBy('g.community_path').orderBy('g.created_at', 'desc').limit(500).execute();
}

/** A community's goods on offer (active), for residents. */
export function goodsOnOffer(db: Executor, communityId: string) {
  return db
    .selectFrom('shop_goods')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('active', '=', true)
    .orderBy('points_price')
    .orderBy('name')
    .execute();
}

/**
 * Takes `n` from the stock if there are that many (and the goods are on offer): the row stays
 * locked to the end of the transaction, so redemptions of one item queue. False when not enough.
 */
export async function takeStock(db: Executor, id: string, n: number) {
  const row = await db
    .updateTable('shop_goods')
    .set({ stock: sql`stock - ${n}` })
    .where('id', '=', id)
    .where('active', '=', true)
    .where('stock', '>=', n)
    .returning('stock')
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes `n` from the stock (active or not) if there are that many: staff writing off goods. */
export async function takeStockAny(db: Executor, id: string, n: number) {
  const row = await db
    .updateTable('shop_goods')
    .set({ stock: sql`stock - ${n}` })
    .where('id', '=', id)
    .where('stock', '>=', n)
    .returning('stock')
    .executeTakeFirst();
  return row !== undefined;
}

export async function returnStock(db: Executor, id: string, n: number) {
  await db
    .updateTable('shop_goods')
    .set({ stock: sql`stock + ${n}` })
    .where('id', '=', id)
    .execute();
}

// ---- redemptions

export async function insertRedemption(db: Executor, row: Insertable<ShopRedemptionsTable>) {
  await db.insertInto('shop_redemptions').values(row).execute();
}

/** How many of one item the user has redeemed (not cancelled) since `from`. */
export async function redeemedSince(db: Executor, goodsId: string, userId: string, from: Date) {
  const row = await db
    .selectFrom('shop_redemptions')
    .select(sql<string>`coalesce(sum(quantity), 0)`.as('n'))
    .where('goods_id', '=', goodsId)
    .where('user_id', '=', userId)
    .where('state', '<>', 'cancelled')
    .where('placed_at', '>=', from)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const redemptionColumns = [
  'r.id',
  'r.tenant_id',
  'r.goods_id',
  'r.community_id',
  'r.community_path',
  'r.user_id',
  'r.quantity',
  'r.points',
  'r.state',
  'r.pickup_code',
  'r.placed_at',
  'r.handed_over_at',
  'r.cancelled_at',
  'r.cancel_reason',
  'g.name as goods_name',
  'c.name as community_name',
  'u.display_name as user_name',
] as const;

function redemptions(db: Executor) {
  return db
    .selectFrom('shop_redemptions as r')
    .innerJoin('shop_goods as g', 'g.id', 'r.goods_id')
    .innerJoin('places as c', 'c.id', 'r.community_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(redemptionColumns)
    .select((eb) =>
      eb
        .exists(eb.selectFrom('memberships as m').select('m.id').whereRef('m.user_id', '=', 'r.user_id'))
        .as('is_staff'),
    );
}

/** One redemption, locked for a change of state. */
export function lockRedemption(db: Executor, id: string) {
  return db.selectFrom('shop_redemptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateRedemption(db: Executor, id: string, set: Updateable<ShopRedemptionsTable>) {
  await db.updateTable('shop_redemptions').set(set).where('id', '=', id).execute();
}

export function findRedemption(db: Executor, id: string) {
  return redemptions(db).where('r.id', '=', id).executeTakeFirst();
}

export function redemptionsOfUser(db: Executor, userId: string) {
  return redemptions(db).where('r.user_id', '=', userId).orderBy('r.placed_at', 'desc').limit(200).execute();
}

/** Redemptions of the communities in scope (staff), by state, newest first. */
export function listRedemptions(
  db: Executor,
  scope: Scope,
  f: { under?: string; state?: RedemptionState },
  page: { offset: number; limit: number },
) {
  let q = redemptions(db).where(inScope('r.community_path', scope));
  if (f.under) q = q.where(pathUnder('r.community_path', f.under));
  if (f.state) q = q.where('r.state', '=', f.state);
  return q.orderBy('r.placed_at', 'desc').orderBy('r.id').offset(page.offset).limit(page.limit).execute();
}

/** Redemptions placed in [from, to) per community in scope: count, handed over, cancelled, points. */
export function redemptionNumbers(db: Executor, scope: Scope, under: string | undefined, from: Date, to: Date) {
  let q = db
    .selectFrom('shop_redemptions as r')
    .innerJoin('places as c', 'c.id', 'r.community_id')
    .where(inScope('r.community_path', scope))
    .where('r.placed_at', '>=', from)
    .where('r.placed_at', '<', to);
  if (under) q = q.where(pathUnder('r.community_path', under));
  return q
    .select(['c.code'])
    .select(sql<string>`count(*)`.as('placed'))
    .select(sql<string>`count(*) filter (where r.state = 'handed_over')`.as('handed_over'))
    .select(sql<string>`count(*) filter (where r.state = 'cancelled')`.as('cancelled'))
    .select(sql<string>`count(distinct r.user_id) filter (where r.state <> 'cancelled')`.as('persons'))
    .groupBy('c.code')
    .execute();
}
