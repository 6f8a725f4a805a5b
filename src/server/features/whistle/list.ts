import type { Actor } from '../../platform/policy.js';
import type { SummonsState } from './lifecycle.js';
import { resolveUnder, scopeOf } from '../../platform/scope.js';
import { assertMayRank, listFilterOf } from './policy.js';
import * as repo from './repository.js';
import type { WhistleDeps } from './deps.js';
import { iso } from './timeline.js';

// Lists: whistles the actor may see, and the departments' ranking (部门排名).

/** Whistles in the actor's scope or summoning them; a receiver's row says where their own summons stands. */
export async function listWhistles(deps: WhistleDeps, actor: Actor, q: { state?: 'open' | 'closed'; mine?: boolean }) {
  const filter = listFilterOf(actor, q);
  if (!filter) return [];
  const rows = await repo.listWhistles(deps.db, filter);
  // A receiver's list says where their own summons stands and which deadline runs.
  const own =
    rows.length && (filter.departmentIds.length || filter.adviserId)
      ? await repo.ownSummonses(
          deps.db,
          rows.map((w) => w.id),
          filter.departmentIds,
          actor.userId,
        )
      : [];
  return rows.map((w) => {
    const s = own.find((x) => x.whistle_id === w.id);
    const dueAt = s?.state === 'summoned' ? s.ack_due_at : s?.state === 'acknowledged' ? s.arrive_due_at : null;
    return {
      id: w.id,
      subject: w.subject,
      state: w.state,
      caseId: w.case_id,
      createdBy: w.created_by_name,
      createdAt: iso(w.created_at)!,
      mine: s ? { state: s.state as SummonsState, dueAt: iso(dueAt), slaLevel: s.sla_level } : null,
    };
  });
}

const ratio = (a: number, b: number) => (Number(b) > 0 ? Math.round((Number(a) / Number(b)) * 10_000) / 10_000 : null);

/** Department rankings: summonses, on-time acknowledgement and arrival, average score, and who let whistles go unanswered. */
export async function rankSummoned(deps: WhistleDeps, actor: Actor, underCode?: string) {
  assertMayRank(actor);
  // Under the place asked for, else every place of the actor's (all memberships, not the first).
  const under = await resolveUnder(deps.db, actor, 'cases:read', underCode);
  const paths = under ? [under.path] : scopeOf(actor, 'cases:read').paths;
  const rows = await repo.rankingRows(deps.db, paths);
  return rows
    .map((r) => ({
      department: r.code
        ? { kind: 'department' as const, code: r.code, name: r.name! }
        : { kind: 'adviser' as const, code: r.username!, name: `法律顾问${r.display_name}` },
      summonses: Number(r.summonses),
      ackOnTimeRate: ratio(r.ack_on_time, r.summonses),
      arriveOnTimeRate: ratio(r.arrive_on_time, r.summonses),
      averageScore: r.avg_score === null ? null : Math.round(Number(r.avg_score) * 100) / 100,
      scored: Number(r.scored),
      overdue: Number(r.overdue),
      unanswered: Number(r.unanswered),
    }))
    .sort(
      (a, b) => (b.averageScore ?? 0) - (a.averageScore ?? 0) || (b.arriveOnTimeRate ?? 0) - (a.arriveOnTimeRate ?? 0),
    );
}
