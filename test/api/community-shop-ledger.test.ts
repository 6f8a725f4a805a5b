import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awardPoints,
  correctPoints,
  pointsAccountFor,
  pointsBalance,
  spendPoints,
} from '../../src/server/platform/community/points.js';
import { newId } from '../../src/server/platform/ids.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { buildWorld, phoneLogin, userIdOf } from '../support/factories.js';
import { buildGoods, creditPoints, ledgerOf, meOf } from '../support/community-shop.js';

// 积分账本 (issue 16): the ledger's invariants — under parallel redemptions no balance goes negative,
// no stock is oversold, no entry is lost, the sum of the entries is the balance; the database refuses
// to edit or delete an entry; a correction is a new entry. And the kernel's earning rules.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
let worker: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  worker = await new Session(ctx).login('worker1');
});
afterAll(() => ctx.close());

const redeem = (s: Session, goodsId: string, quantity = 1) =>
  s.post(`/api/v1/community/shop/goods/${goodsId}/redeem`, { quantity });
const stockOf = async (id: string) =>
  (await ctx.deps.db.selectFrom('shop_goods').select('stock').where('id', '=', id).executeTakeFirstOrThrow()).stock;
const balanceOf = async (userId: string) =>
  pointsBalance(ctx.deps.db, await pointsAccountFor(ctx.deps.db, '610899', { userId }, ctx.clock.now()));

describe('the ledger under parallel redemptions', () => {
  it('one person redeeming in parallel beyond their balance: never below zero, every spend an entry', async () => {
    const resident = await phoneLogin(ctx, '13900000001', world.c1.id);
    const userId = await meOf(resident);
    await creditPoints(ctx.deps, userId, world.c1.id, 100);
    const goods = await buildGoods(worker, world.c1.code, { pointsPrice: 30, stock: 50 });

    const results = await Promise.all(Array.from({ length: 8 }, () => redeem(resident, goods.id)));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(3); // 3 × 30 ≤ 100 < 4 × 30
    expect(refused.every((r) => r.status === 409 && r.body.error.code === 'POINTS_INSUFFICIENT')).toBe(true);

    const entries = await ledgerOf(ctx.deps, userId);
    expect(entries).toHaveLength(1 + 3);
    expect(await balanceOf(userId)).toBe(10);
    expect(entries.reduce((s, e) => s + e.points, 0)).toBe(10);
    expect(await stockOf(goods.id)).toBe(47);
    const redemptions = await ctx.deps.db
      .selectFrom('shop_redemptions')
      .select(['id', 'spend_entry_id', 'points'])
      .where('user_id', '=', userId)
      .execute();
    expect(redemptions).toHaveLength(3);
    // every redemption has its spend, every spend its redemption
    const spends = entries.filter((e) => e.rule === 'shop_redemption');
    expect(new Set(spends.map((e) => e.id))).toEqual(new Set(redemptions.map((r) => r.spend_entry_id)));
    expect(new Set(spends.map((e) => e.source_id))).toEqual(new Set(redemptions.map((r) => r.id)));
  });

  it('many people redeeming the last items in parallel: the stock is never oversold, refused ones spend nothing', async () => {
    const goods = await buildGoods(worker, world.c1.code, { name: '大米', pointsPrice: 20, stock: 3 });
    // Logged in one after another: the handset helper delivers SMS with a drain of its own, and two
    // drains at once can each miss the other's message. The race under test is the redemption.
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await phoneLogin(ctx, `1390000011${i}`, world.c1.id));
    const ids = await Promise.all(people.map((s) => meOf(s)));
    for (const id of ids) await creditPoints(ctx.deps, id, world.c1.id, 50);

    const results = await Promise.all(people.map((s) => redeem(s, goods.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(
      results
        .filter((r) => r.status !== 201)
        .every((r) => r.status === 409 && r.body.error.code === 'SHOP_OUT_OF_STOCK'),
    ).toBe(true);
    expect(await stockOf(goods.id)).toBe(0);
    const balances = await Promise.all(ids.map(balanceOf));
    expect(balances.filter((b) => b === 30)).toHaveLength(3);
    expect(balances.filter((b) => b === 50)).toHaveLength(3);
  });

  it('mixed: a balance that covers some and stocks that cover some, both at once', async () => {
    const resident = await phoneLogin(ctx, '13900000002', world.c1.id);
    const userId = await meOf(resident);
    await creditPoints(ctx.deps, userId, world.c1.id, 100);
    const scarce = await buildGoods(worker, world.c1.code, { name: '毛巾', pointsPrice: 10, stock: 2 });
    const dear = await buildGoods(worker, world.c1.code, { name: '电饭煲', pointsPrice: 40, stock: 10 });
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => redeem(resident, scarce.id)),
      ...Array.from({ length: 4 }, () => redeem(resident, dear.id)),
    ]);
    const ok = results.filter((r) => r.status === 201);
    expect(results.every((r) => [201, 409].includes(r.status))).toBe(true);
    const soldScarce = 2 - (await stockOf(scarce.id));
    const soldDear = 10 - (await stockOf(dear.id));
    expect(soldScarce).toBeLessThanOrEqual(2);
    expect(ok).toHaveLength(soldScarce + soldDear);
    const balance = await balanceOf(userId);
    expect(balance).toBe(100 - 10 * soldScarce - 40 * soldDear);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(balance).toBeLessThan(10); // the refusals were for lack of points or stock, not lost spends
    const entries = await ledgerOf(ctx.deps, userId);
    expect(entries).toHaveLength(1 + ok.length);
    expect(entries.reduce((s, e) => s + e.points, 0)).toBe(balance);
  });

  it('a cancellation and a redemption racing: the refund is one entry and the stock comes back once', async () => {
    const resident = await phoneLogin(ctx, '13900000003', world.c1.id);
    const userId = await meOf(resident);
    await creditPoints(ctx.deps, userId, world.c1.id, 30);
    const goods = await buildGoods(worker, world.c1.code, { name: '香皂', pointsPrice: 30, stock: 1 });
    const first = await redeem(resident, goods.id);
    expect(first.status).toBe(201);
    const cancels = await Promise.all([
      resident.post(`/api/v1/community/shop/redemptions/${first.body.id}/cancel`, {}),
      worker.post(`/api/v1/community/shop/redemptions/${first.body.id}/cancel`, { reason: '缺货' }),
    ]);
    expect(cancels.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stockOf(goods.id)).toBe(1);
    expect(await balanceOf(userId)).toBe(30);
    expect((await ledgerOf(ctx.deps, userId)).filter((e) => e.rule === 'shop_refund')).toHaveLength(1);
  });
});

describe('the ledger is append-only', () => {
  it('the database refuses to update or delete an entry', async () => {
    const userId = await userIdOf(ctx.deps, 'gridA');
    const entryId = await creditPoints(ctx.deps, userId, world.c1.id, 5);
    await expect(
      sql`UPDATE points_entries SET points = 500 WHERE id = ${entryId}`.execute(ctx.deps.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM points_entries WHERE id = ${entryId}`.execute(ctx.deps.db)).rejects.toThrow(
      /append-only/,
    );
    const row = await ctx.deps.db
      .selectFrom('points_entries')
      .select('points')
      .where('id', '=', entryId)
      .executeTakeFirst();
    expect(row?.points).toBe(5);
  });

  it('a correction is a new entry naming the one it corrects, and cannot take the balance below zero', async () => {
    const userId = await userIdOf(ctx.deps, 'gridB');
    const entryId = await creditPoints(ctx.deps, userId, world.c1.id, 20);
    const res = await worker.post(`/api/v1/community/points/entries/${entryId}/corrections`, {
      points: -15,
      note: '重复登记',
    });
    expect(res.status).toBe(201);
    expect(res.body.balance).toBe(5);
    const entries = await ledgerOf(ctx.deps, userId);
    expect(entries).toHaveLength(2);
    expect(entries.find((e) => e.id === entryId)?.points).toBe(20); // untouched
    expect(entries.find((e) => e.id === res.body.id)).toMatchObject({
      points: -15,
      rule: 'correction',
      corrects_entry_id: entryId,
    });
    const tooMuch = await worker.post(`/api/v1/community/points/entries/${entryId}/corrections`, {
      points: -6,
      note: '再次更正',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('POINTS_INSUFFICIENT');
    expect(await ledgerOf(ctx.deps, userId)).toHaveLength(2);
  });
});

describe('the kernel: earning', () => {
  const award = (userId: string, sourceId: string, quantity: number, communityId = world.c1.id) =>
    ctx.deps.db.transaction().execute((trx) =>
      awardPoints(
        trx,
        {
          tenantId: '610899',
          holder: { userId },
          communityId,
          rule: 'volunteer_hours',
          source: { kind: 'activity_signup', id: sourceId },
          createdBy: null,
          quantity,
        },
        ctx.clock.now(),
      ),
    );

  it('credits a source once per rule and account, however often it is retried', async () => {
    const userId = await userIdOf(ctx.deps, 'worker2');
    const source = newId();
    const first = await award(userId, source, 2);
    expect(first?.points).toBe(20); // 2 hours × the default 10
    expect(await award(userId, source, 2)).toBeNull();
    const parallel = await Promise.all([award(userId, newId(), 1), award(userId, source, 1)]);
    expect(parallel[1]).toBeNull();
    expect(await balanceOf(userId)).toBe(30);
  });

  it('uses the community’s own rate when it set one, the default elsewhere', async () => {
    const set = await worker.request('PUT', '/api/v1/community/points/rules', {
      communityCode: world.c1.code,
      rates: [{ rule: 'volunteer_hours', points: 15 }],
    });
    expect(set.status).toBe(200);
    expect(set.body.items.find((i: { rule: string }) => i.rule === 'volunteer_hours')).toMatchObject({
      points: 15,
      isDefault: false,
    });
    const userId = await userIdOf(ctx.deps, 'officer');
    expect((await award(userId, newId(), 1.5))?.points).toBe(23); // 1.5 h × 15, rounded
    expect((await award(userId, newId(), 1.5, world.c2.id))?.points).toBe(15); // 文化社区 keeps the default 10
  });

  it('a direct spend inside a transaction that fails leaves no entry', async () => {
    const userId = await userIdOf(ctx.deps, 'receiver');
    await creditPoints(ctx.deps, userId, world.c1.id, 10);
    await expect(
      ctx.deps.db.transaction().execute(async (trx) => {
        await spendPoints(
          trx,
          {
            tenantId: '610899',
            holder: { userId },
            communityId: world.c1.id,
            rule: 'shop_redemption',
            source: { kind: 'shop_redemption', id: newId() },
            createdBy: userId,
            points: 10,
          },
          ctx.clock.now(),
        );
        throw new Error('the purchase failed after the spend');
      }),
    ).rejects.toThrow(/purchase failed/);
    expect(await balanceOf(userId)).toBe(10);
    await expect(
      ctx.deps.db
        .transaction()
        .execute((trx) =>
          correctPoints(trx, { entryId: newId(), points: 5, note: 'x', createdBy: userId }, ctx.clock.now()),
        ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
