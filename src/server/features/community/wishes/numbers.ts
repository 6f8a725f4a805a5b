import type { Db } from '../../../platform/db/database.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import * as repo from './repository.js';

// The year's numbers per community in scope, counted from the records (China time): wishes posted,
// published, claimed, fulfilled; micro-actions done and those who took part.

const SHANGHAI = 8 * 3_600_000;
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI);

export async function wishNumbers(db: Db, actor: Actor, query: { year: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const [wishes, actions] = await Promise.all([
    repo.wishNumbers(db, scope, under?.path ?? null, yearStart(query.year), yearStart(query.year + 1)),
    repo.actionNumbers(db, scope, under?.path ?? null, `${query.year}-01-01`, `${query.year + 1}-01-01`),
  ]);
  const byCode = new Map<string, WishNumberRow>();
  const row = (code: string, name: string) => {
    if (!byCode.has(code))
      byCode.set(code, {
        communityCode: code,
        communityName: name,
        wishesPosted: 0,
        wishesPublished: 0,
        wishesClaimed: 0,
        wishesFulfilled: 0,
        actions: 0,
        participants: 0,
      });
    return byCode.get(code)!;
  };
  for (const w of wishes)
    Object.assign(row(w.community_code, w.community_name), {
      wishesPosted: Number(w.posted),
      wishesPublished: Number(w.published),
      wishesClaimed: Number(w.claimed),
      wishesFulfilled: Number(w.fulfilled),
    });
  for (const a of actions)
    Object.assign(row(a.community_code, a.community_name), {
      actions: Number(a.actions),
      participants: Number(a.participants),
    });
  const items = [...byCode.values()].sort((a, b) => a.communityCode.localeCompare(b.communityCode));
  return { year: query.year, items };
}

export interface WishNumberRow {
  communityCode: string;
  communityName: string;
  wishesPosted: number;
  wishesPublished: number;
  wishesClaimed: number;
  wishesFulfilled: number;
  actions: number;
  participants: number;
}
