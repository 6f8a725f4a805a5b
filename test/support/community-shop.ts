import type { AppDeps } from '../../src/server/deps.js';
import { awardPoints } from '../../src/server/platform/community/points.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Session } from './app.js';

// Factories of the shop area (积分 · 积分超市): points credited as if earned, goods, residents by phone.

/** The user id of a session. */
export const meOf = async (s: Session): Promise<string> => (await s.get('/api/v1/me')).body.user.id;

/**
 * Credits `points` to a user in a community as one earning of its own source (a unit-entry-style
 * amount, so the community's rates do not change it). Returns the entry id.
 */
export async function creditPoints(deps: AppDeps, userId: string, communityId: string, points: number) {
  return deps.db.transaction().execute(async (trx) => {
    const entry = await awardPoints(
      trx,
      {
        tenantId: '610899',
        holder: { userId },
        communityId,
        rule: 'unit_entry',
        source: { kind: 'test_earning', id: newId() },
        createdBy: null,
        points,
      },
      deps.clock.now(),
    );
    return entry!.id;
  });
}

export async function buildGoods(
  staff: Session,
  communityCode: string,
  over: Partial<{ name: string; pointsPrice: number; stock: number; monthlyLimit: number; active: boolean }> = {},
) {
  const res = await staff.post('/api/v1/community/shop/goods', {
    communityCode,
    name: '洗衣液',
    description: '2 公斤装',
    pointsPrice: 30,
    stock: 10,
    ...over,
  });
  if (res.status !== 201) throw new Error(`goods: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; stock: number; pointsPrice: number };
}

export async function ledgerOf(deps: AppDeps, userId: string) {
  return deps.db
    .selectFrom('points_entries as e')
    .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
    .select(['e.id', 'e.points', 'e.rule', 'e.source_id', 'e.corrects_entry_id'])
    .where('a.user_id', '=', userId)
    .execute();
}
