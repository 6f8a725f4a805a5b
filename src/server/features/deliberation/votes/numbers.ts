import type { Executor } from '../../../platform/audit.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import * as repo from './repository.js';

// 居民议事数据 (issue 17): votes closed in the year with their turnout (households that voted / eligible households).

const SHANGHAI = 8 * 3_600_000;
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI);

export async function voteNumbers(db: Executor, actor: Actor, query: { year: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const from = yearStart(query.year);
  const to = yearStart(query.year + 1);
  const rows = await repo.voteNumbers(db, scope, under?.path ?? null, from, to);
  return rows.map((r) => {
    const voted = Number(r.voted);
    const eligible = r.eligible_count ?? 0;
    return {
      voteId: r.id,
      title: r.title,
      communityCode: r.community_code,
      communityName: r.community_name,
      closedAt: new Date(r.closed_at!).toISOString(),
      eligible,
      voted,
      turnoutPct: eligible > 0 ? Math.round((voted / eligible) * 1000) / 10 : null,
    };
  });
}
