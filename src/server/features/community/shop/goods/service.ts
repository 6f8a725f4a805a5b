import { randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import { recordAudit } from '../../../../platform/audit.js';
import type { Clock } from '../../../../platform/clock.js';
import { homeCommunityOf } from '../../../../platform/community/person.js';
import { awardPoints, pointsAccountFor, pointsBalance, spendPoints } from '../../../../platform/community/points.js';
import type { Db } from '../../../../platform/db/database.js';
import type { ShopGoodsTable } from '../../../../platform/db/schema-shop.js';
import { AppError } from '../../../../platform/errors.js';
import { newId } from '../../../../platform/ids.js';
import type { Actor } from '../../../../platform/policy.js';
import type { FileStorage } from '../../../../platform/storage.js';
import { attachableFiles, findFiles } from '../../../files/index.js';
import { maskName } from '../../../../../shared/identity.js';
import { communityByCode, placePath } from '../places.js';
import { allowedActions, nextState, type RedemptionAction } from './lifecycle.js';
import { assertMayRunShop, mayRunShop, partiesTo, shopShownTo } from './policy.js';
import * as repo from './repository.js';
import type { GoodsInputT, GoodsPatchT, RedemptionsQueryT } from './schemas.js';

// 积分超市: a community's goods; a redemption spends the points and takes the stock in one
// transaction (the goods row is locked by the stock update, then the account by the spend), so
// parallel redemptions never oversell and never overdraw; handing over checks the pickup code;
// cancelling gives back both as new rows (a shop_refund entry), never by editing the ledger.

export interface GoodsDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
}

type GoodsRow = Selectable<ShopGoodsTable> & { community_name: string; community_code: string };
const presentGoods = (g: GoodsRow) => ({
  id: g.id,
  communityCode: g.community_code,
  communityName: g.community_name,
  name: g.name,
  description: g.description,
  hasPhoto: g.photo_file_id !== null,
  pointsPrice: g.points_price,
  stock: g.stock,
  monthlyLimit: g.monthly_limit,
  active: g.active,
});

type RedemptionRow = NonNullable<Awaited<ReturnType<typeof repo.findRedemption>>>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Staff see the resident's name masked and never the pickup code; the owner sees their own code. */
function presentRedemption(actor: Actor, r: RedemptionRow) {
  const own = actor.userId === r.user_id;
  const parties = [
    ...(own ? (['owner'] as const) : []),
    ...(mayRunShop(actor, r.community_path) ? (['staff'] as const) : []),
  ];
  return {
    id: r.id,
    goodsName: r.goods_name,
    communityName: r.community_name,
    personName: own || r.is_staff === true ? r.user_name : maskName(r.user_name),
    quantity: r.quantity,
    points: r.points,
    state: r.state,
    pickupCode: own ? r.pickup_code : null,
    placedAt: iso(r.placed_at)!,
    handedOverAt: iso(r.handed_over_at),
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    actions: allowedActions(r.state, parties),
  };
}

/** The first instant of the calendar month (Asia/Shanghai) that holds `now`. */
function monthStart(now: Date) {
  const [y, m] = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7).split('-');
  return new Date(`${y}-${m}-01T00:00:00+08:00`);
}

async function goodsInScope(deps: GoodsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const g = await repo.findGoods(db, id);
  if (!g) throw new AppError('NOT_FOUND');
  assertMayRunShop(actor, g.community_path);
  return g;
}

async function checkPhoto(deps: GoodsDeps, actor: Actor, photoFileId: string | null | undefined, county: string) {
  const { db } = deps;
  if (photoFileId) await attachableFiles(db, actor, [photoFileId], { field: 'photoFileId', county });
}

async function list(deps: GoodsDeps, actor: Actor, under: string | undefined) {
  const { db } = deps;
  const scope = shopShownTo(actor);
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN', { permission: 'community:read' });
  return (await repo.listGoods(db, scope, await placePath(db, under))).map(presentGoods);
}

async function create(deps: GoodsDeps, actor: Actor, input: GoodsInputT) {
  const { db, clock } = deps;
  const community = await communityByCode(db, input.communityCode);
  assertMayRunShop(actor, community.path);
  await checkPhoto(deps, actor, input.photoFileId, community.tenant_id);
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertGoods(trx, {
      id,
      tenant_id: community.tenant_id,
      community_id: community.id,
      community_path: community.path,
      name: input.name,
      description: input.description,
      photo_file_id: input.photoFileId ?? null,
      points_price: input.pointsPrice,
      stock: input.stock,
      monthly_limit: input.monthlyLimit,
      active: input.active,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'shop.goods.create',
        entityType: 'shop_goods',
        entityId: id,
        tenantId: community.tenant_id,
        after: input,
      },
      now,
    );
  });
  return presentGoods((await repo.findGoods(db, id))!);
}

async function update(deps: GoodsDeps, actor: Actor, id: string, patch: GoodsPatchT) {
  const { db, clock } = deps;
  const before = await goodsInScope(deps, actor, id);
  await checkPhoto(deps, actor, patch.photoFileId, before.tenant_id);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.updateGoods(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.photoFileId !== undefined ? { photo_file_id: patch.photoFileId } : {}),
      ...(patch.pointsPrice !== undefined ? { points_price: patch.pointsPrice } : {}),
      ...(patch.monthlyLimit !== undefined ? { monthly_limit: patch.monthlyLimit } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      updated_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'shop.goods.update',
        entityType: 'shop_goods',
        entityId: id,
        tenantId: before.tenant_id,
        before: presentGoods(before),
        after: patch,
      },
      now,
    );
  });
  return presentGoods((await repo.findGoods(db, id))!);
}

/** 入库 / 出库: stock changes by a delta, never below zero. */
async function adjustStock(deps: GoodsDeps, actor: Actor, id: string, delta: number) {
  const { db, clock } = deps;
  const g = await goodsInScope(deps, actor, id);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (delta < 0 && !(await repo.takeStockAny(trx, id, -delta))) throw new AppError('SHOP_OUT_OF_STOCK');
    if (delta > 0) await repo.returnStock(trx, id, delta);
    await recordAudit(
      trx,
      actor,
      { action: 'shop.goods.stock', entityType: 'shop_goods', entityId: id, tenantId: g.tenant_id, after: { delta } },
      now,
    );
  });
  return presentGoods((await repo.findGoods(db, id))!);
}

async function photo(deps: GoodsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const g = await repo.findGoods(db, id);
  if (!g?.photo_file_id || !actor.userId) throw new AppError('NOT_FOUND');
  const [file] = await findFiles(db, [g.photo_file_id]);
  const bytes = file ? await deps.storage.get(file.storage_key) : null;
  if (!file || !bytes) throw new AppError('NOT_FOUND');
  return { bytes, mime: file.mime };
}

/** 积分超市 on the phone: my community's goods on offer and my balance in its county. */
async function shelf(deps: GoodsDeps, actor: Actor) {
  const { db, clock } = deps;
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const home = await homeCommunityOf(db, actor);
  if (!home) return { community: null, balance: 0, items: [] };
  const account = await pointsAccountFor(db, home.tenantId, { userId: actor.userId }, clock.now());
  const goods = await repo.goodsOnOffer(db, home.id);
  return {
    community: { id: home.id, name: home.name },
    balance: await pointsBalance(db, account),
    items: goods.map((g) => {
      const { communityCode: _code, ...rest } = presentGoods({ ...g, community_name: home.name, community_code: '' });
      return rest;
    }),
  };
}

/** 兑换: stock taken (row locked), the month's limit checked, the points spent — or nothing at all. */
async function redeem(deps: GoodsDeps, actor: Actor, goodsId: string, quantity: number) {
  const { db, clock } = deps;
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  const userId = actor.userId;
  const g = await repo.findGoods(db, goodsId);
  if (!g || !g.active) throw new AppError('NOT_FOUND');
  // The shelf is my community's (我的社区): another community's goods are not mine to take.
  if ((await homeCommunityOf(db, actor))?.id !== g.community_id) throw new AppError('NOT_FOUND');
  const now = clock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.takeStock(trx, goodsId, quantity))) throw new AppError('SHOP_OUT_OF_STOCK');
    if (g.monthly_limit > 0) {
      const already = await repo.redeemedSince(trx, goodsId, userId, monthStart(now));
      if (already + quantity > g.monthly_limit)
        throw new AppError('SHOP_MONTHLY_LIMIT', { limit: g.monthly_limit, already });
    }
    const points = g.points_price * quantity;
    const spent = await spendPoints(
      trx,
      {
        tenantId: g.tenant_id,
        holder: { userId },
        communityId: g.community_id,
        rule: 'shop_redemption',
        source: { kind: 'shop_redemption', id },
        note: quantity > 1 ? `${g.name} ×${quantity}` : g.name,
        createdBy: userId,
        points,
      },
      now,
    );
    await repo.insertRedemption(trx, {
      id,
      tenant_id: g.tenant_id,
      goods_id: goodsId,
      community_id: g.community_id,
      community_path: g.community_path,
      user_id: userId,
      quantity,
      points,
      state: 'placed',
      pickup_code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      spend_entry_id: spent.id,
      refund_entry_id: null,
      placed_at: now,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'shop.redeem',
        entityType: 'shop_redemption',
        entityId: id,
        tenantId: g.tenant_id,
        after: { goodsId, quantity, points },
      },
      now,
    );
  });
  return presentRedemption(actor, (await repo.findRedemption(db, id))!);
}

async function mine(deps: GoodsDeps, actor: Actor) {
  const { db } = deps;
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  return (await repo.redemptionsOfUser(db, actor.userId)).map((r) => presentRedemption(actor, r));
}

async function listRedemptions(deps: GoodsDeps, actor: Actor, q: RedemptionsQueryT) {
  const { db } = deps;
  const scope = shopShownTo(actor);
  if (!scope.all && scope.paths.length === 0) throw new AppError('FORBIDDEN', { permission: 'community:read' });
  const rows = await repo.listRedemptions(
    db,
    scope,
    { under: await placePath(db, q.under), state: q.state },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return rows.map((r) => presentRedemption(actor, r));
}

/** Hand over (staff, against the pickup code) or cancel (owner while placed, or staff): one transaction. */
async function act(
  deps: GoodsDeps,
  actor: Actor,
  id: string,
  action: RedemptionAction,
  input: { pickupCode?: string; reason?: string },
) {
  const { db, clock } = deps;
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const r = await repo.lockRedemption(trx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const next = nextState(r.state, action, partiesTo(actor, r));
    if (!next) throw new AppError('SHOP_ACTION_NOT_ALLOWED', { state: r.state, action });
    if (action === 'hand_over') {
      if (input.pickupCode !== r.pickup_code) throw new AppError('SHOP_PICKUP_CODE_WRONG');
      await repo.updateRedemption(trx, id, { state: next, handed_over_at: now, handed_over_by: actor.userId });
    } else {
      await repo.returnStock(trx, r.goods_id, r.quantity);
      const refund = await awardPoints(
        trx,
        {
          tenantId: r.tenant_id,
          holder: { userId: r.user_id },
          communityId: r.community_id,
          rule: 'shop_refund',
          source: { kind: 'shop_redemption', id: r.id },
          note: input.reason ?? '',
          createdBy: actor.userId,
          points: r.points,
        },
        now,
      );
      if (!refund) throw new AppError('CONFLICT');
      await repo.updateRedemption(trx, id, {
        state: next,
        refund_entry_id: refund.id,
        cancelled_at: now,
        cancelled_by: actor.userId,
        cancel_reason: input.reason ?? '',
      });
    }
    await recordAudit(
      trx,
      actor,
      {
        action: `shop.redemption.${action}`,
        entityType: 'shop_redemption',
        entityId: id,
        tenantId: r.tenant_id,
        before: { state: r.state },
        after: { state: next, reason: input.reason },
      },
      now,
    );
  });
  return presentRedemption(actor, (await repo.findRedemption(db, id))!);
}

async function numbers(deps: GoodsDeps, actor: Actor, under: string | undefined, from: Date, to: Date) {
  const { db } = deps;
  return repo.redemptionNumbers(db, shopShownTo(actor), await placePath(db, under), from, to);
}

type WithoutDeps<F> = F extends (deps: GoodsDeps, ...args: infer A) => unknown ? A : never;

// The operations take the deps first; the service binds them.
export function createGoodsService(deps: GoodsDeps) {
  return {
    list: (...args: WithoutDeps<typeof list>) => list(deps, ...args),
    create: (...args: WithoutDeps<typeof create>) => create(deps, ...args),
    update: (...args: WithoutDeps<typeof update>) => update(deps, ...args),
    adjustStock: (...args: WithoutDeps<typeof adjustStock>) => adjustStock(deps, ...args),
    photo: (...args: WithoutDeps<typeof photo>) => photo(deps, ...args),
    shelf: (...args: WithoutDeps<typeof shelf>) => shelf(deps, ...args),
    redeem: (...args: WithoutDeps<typeof redeem>) => redeem(deps, ...args),
    mine: (...args: WithoutDeps<typeof mine>) => mine(deps, ...args),
    listRedemptions: (...args: WithoutDeps<typeof listRedemptions>) => listRedemptions(deps, ...args),
    act: (...args: WithoutDeps<typeof act>) => act(deps, ...args),
    numbers: (...args: WithoutDeps<typeof numbers>) => numbers(deps, ...args),
  };
}

export type GoodsService = ReturnType<typeof createGoodsService>;
