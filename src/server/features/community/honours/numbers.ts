import type { Executor } from '../../../platform/audit.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import * as repo from './repository.js';

// 居民议事数据 (issue 17): the year's honour campaigns a community ran and the households its published campaigns honoured.

export async function honourNumbers(db: Executor, actor: Actor, query: { year: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const rows = await repo.honourNumbers(db, scope, under?.path ?? null, query.year);
  return rows.map((r) => ({
    communityCode: r.community_code,
    communityName: r.community_name,
    campaigns: Number(r.campaigns),
    householdsHonoured: Number(r.households),
  }));
}
