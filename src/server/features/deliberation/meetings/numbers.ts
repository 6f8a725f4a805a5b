import type { Executor } from '../../../platform/audit.js';
import { assertPermission, type Actor } from '../../../platform/policy.js';
import { resolveUnder, scopeOf } from '../../../platform/scope.js';
import * as repo from './repository.js';

// 居民议事数据 (issue 17): meetings held in the year per community, their decisions and the decisions' tasks (done, overdue now).

const SHANGHAI = 8 * 3_600_000;
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI);

export async function meetingNumbers(
  db: Executor,
  actor: Actor,
  query: { year: number; placeCode?: string },
  now: Date,
) {
  assertPermission(actor, 'community:read');
  const under = await resolveUnder(db, actor, 'community:read', query.placeCode);
  const scope = scopeOf(actor, 'community:read', { placesOnly: true });
  const from = yearStart(query.year);
  const to = yearStart(query.year + 1);
  const rows = await repo.meetingNumbers(db, scope, under?.path ?? null, from, to, now);
  return rows.map((r) => ({
    communityCode: r.community_code,
    communityName: r.community_name,
    meetingsHeld: Number(r.held),
    decisions: Number(r.decisions),
    tasks: Number(r.tasks),
    tasksDone: Number(r.tasks_done),
    tasksOverdue: Number(r.tasks_overdue),
  }));
}
