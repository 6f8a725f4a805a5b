import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { pointsAccountFor, pointsBalance, spendPoints } from '../platform/community/points.js';
import { newId } from '../platform/ids.js';
import type { CommunityDemoContext } from './community-context.js';

// 积分 · 积分超市 (issue 16): the demo county's shop — goods in 和平社区 and 文化社区 and, for the demo
// people who earned points in the other areas' demo records, a redemption or two (one handed over,
// one waiting with its pickup code). No points are made up here: the shop only spends what was earned.

const goodsByCommunity: Record<
  string,
  [name: string, description: string, price: number, stock: number, limit: number][]
> = {
  '610899001001': [
    ['抽纸（一提）', '三层抽纸，一提 6 包', 20, 40, 2],
    ['洗衣液', '2 公斤装', 50, 20, 1],
    ['食用油', '5 升花生油', 120, 8, 1],
    ['鸡蛋（一板）', '30 枚装，社区超市提供', 30, 30, 2],
    ['免费理发券', '和平社区理发点，凭码使用', 15, 50, 1],
    ['电饭煲', '3 升，捐赠企业提供', 400, 2, 1],
  ],
  '610899001002': [
    ['抽纸（一提）', '三层抽纸，一提 6 包', 20, 30, 2],
    ['大米', '东北大米 5 公斤', 100, 10, 1],
    ['毛巾两条', '纯棉', 25, 25, 2],
    ['图书借阅卡', '文化社区书屋', 10, 100, 1],
  ],
};

const redeemers = ['volunteer', 'resident', 'party', 'steward', 'unit'];

/**
 * The demo resident (黄玉兰) logs in with a password; give her account the phone hash an SMS login
 * would have proven, so what she reports from the app shows in 我的反映 (which finds reports by it).
 */
async function proveResidentPhone(trx: Transaction<Database>, context: CommunityDemoContext) {
  const userId = context.userIds.get('resident');
  if (!userId) return;
  const user = await trx
    .selectFrom('users')
    .select(['phone_enc', 'phone_hash'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.phone_enc || user.phone_hash) return;
  const phoneHash = context.pii.lookupHash(context.pii.decrypt(user.phone_enc));
  const taken = await trx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst();
  if (!taken) await trx.updateTable('users').set({ phone_hash: phoneHash }).where('id', '=', userId).execute();
}

type DemoGoods = { id: string; communityId: string; path: string; name: string; price: number };

export async function seedDemoShop(
  trx: Transaction<Database>,
  context: CommunityDemoContext,
): Promise<Record<string, number>> {
  await proveResidentPhone(trx, context);
  const goods = await seedGoods(trx, context);
  const redemptions = await seedRedemptions(trx, context, goods);
  return { shopGoods: goods.length, shopRedemptions: redemptions };
}

async function seedGoods(trx: Transaction<Database>, context: CommunityDemoContext) {
  const { now, tenantId } = context;
  const staff = context.userIds.get('community') ?? null;
  const goods: DemoGoods[] = [];
  for (const [code, items] of Object.entries(goodsByCommunity)) {
    const communityId = context.placeIds.get(code);
    if (!communityId) continue;
    const place = await trx.selectFrom('places').select('path').where('id', '=', communityId).executeTakeFirstOrThrow();
    for (const [name, description, price, stock, limit] of items) {
      const id = newId();
      await trx
        .insertInto('shop_goods')
        .values({
          id,
          tenant_id: tenantId,
          community_id: communityId,
          community_path: place.path,
          name,
          description,
          photo_file_id: null,
          points_price: price,
          stock,
          monthly_limit: limit,
          active: true,
          created_by: staff,
          created_at: new Date(now.getTime() - 60 * 86_400_000),
          updated_at: new Date(now.getTime() - 60 * 86_400_000),
        })
        .execute();
      goods.push({ id, communityId, path: place.path, name, price });
    }
  }

  return goods;
}

/** Redemptions only from points earned elsewhere in the demo: the cheapest goods of 和平社区 first. */
async function seedRedemptions(trx: Transaction<Database>, context: CommunityDemoContext, goods: DemoGoods[]) {
  const { now, tenantId } = context;
  const staff = context.userIds.get('community') ?? null;
  const heping = goods.filter((g) => g.communityId === context.placeIds.get('610899001001'));
  let redemptions = 0;
  for (const [i, username] of redeemers.entries()) {
    const userId = context.userIds.get(username);
    if (!userId) continue;
    const account = await pointsAccountFor(trx, tenantId, { userId }, now);
    let balance = await pointsBalance(trx, account);
    for (const [k, g] of [...heping]
      .sort((a, b) => a.price - b.price)
      .slice(0, 2)
      .entries()) {
      if (balance < g.price) break;
      const id = newId();
      const placedAt = new Date(now.getTime() - (k === 0 ? 12 + i : 1) * 86_400_000);
      const spent = await spendPoints(
        trx,
        {
          tenantId,
          holder: { userId },
          communityId: g.communityId,
          rule: 'shop_redemption',
          source: { kind: 'shop_redemption', id },
          note: g.name,
          createdBy: userId,
          points: g.price,
        },
        placedAt,
      );
      balance = spent.balance;
      await trx
        .updateTable('shop_goods')
        .set((eb) => ({ stock: eb('stock', '-', 1) }))
        .where('id', '=', g.id)
        .execute();
      const handedOver = k === 0;
      await trx
        .insertInto('shop_redemptions')
        .values({
          id,
          tenant_id: tenantId,
          goods_id: g.id,
          community_id: g.communityId,
          community_path: g.path,
          user_id: userId,
          quantity: 1,
          points: g.price,
          state: handedOver ? 'handed_over' : 'placed',
          pickup_code: String(context.random.int(0, 999_999)).padStart(6, '0'),
          spend_entry_id: spent.id,
          refund_entry_id: null,
          placed_at: placedAt,
          handed_over_at: handedOver ? new Date(placedAt.getTime() + 86_400_000) : null,
          handed_over_by: handedOver ? staff : null,
        })
        .execute();
      redemptions++;
    }
  }
  return redemptions;
}
