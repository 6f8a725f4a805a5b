import type { Executor } from '../../../platform/audit.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import * as repo from './repository.js';

// 居民议事数据 (issue 17): the topics raised in the year (China time) per community, by where they stand now.

const SHANGHAI = 8 * 3_600_000;
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI);

export async function topicNumbers(db: Executor, actor: Actor, query: { year: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const from = yearStart(query.year);
  const to = yearStart(query.year + 1);
  const rows = await repo.topicNumbers(db, scope, under?.path ?? null, from, to);
  return rows.map((r) => ({
    communityCode: r.community_code,
    communityName: r.community_name,
    raised: Number(r.raised),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    decided: Number(r.decided),
    handedUp: Number(r.handed_up),
    closed: Number(r.closed),
  }));
}
