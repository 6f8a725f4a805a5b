import type { Executor } from '../../platform/audit.js';
import { assertPermission, type Actor } from '../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import * as repo from './repository.js';

// 居民议事数据 (issue 17): each notice published in the year, its readers and its audience
// (residents with a phone under its place), so the read rate is readers / audience as on the notice's page.

const SHANGHAI = 8 * 3_600_000;
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI);

export async function noticeNumbers(db: Executor, actor: Actor, query: { year: number; placeCode?: string }) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const from = yearStart(query.year);
  const to = yearStart(query.year + 1);
  const rows = await repo.noticeNumbers(db, scope, under?.path ?? null, from, to);
  // Audience: residents with a phone under the notice's place, as on the notice's own page.
  const audiences = new Map(
    (await repo.audiencesOf(db, [...new Set(rows.map((r) => r.place_path))])).map((a) => [a.path, Number(a.n)]),
  );
  return rows.map((r) => {
    const audience = audiences.get(r.place_path) ?? 0;
    return {
      communityCode: r.community_code,
      communityName: r.community_name,
      kind: r.kind,
      readers: Math.min(Number(r.readers), audience),
      audience,
    };
  });
}
