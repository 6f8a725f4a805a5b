import type { Executor } from '../../platform/audit.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { shanghaiDate } from '../../platform/deadlines.js';
import type { Metric } from './metrics.js';
import * as repo from './repository.js';

// What one case adds to the daily rollup. The rollup is the sum of every case's contribution, so a
// change of a case is applied as (after − before) in the same transaction, and a rebuild is one
// GROUP BY over the cases: both must agree (tested).

type CaseFacts = Pick<
  CaseRow,
  | 'tenant_id'
  | 'created_at'
  | 'place_id'
  | 'place_path'
  | 'category_code'
  | 'channel'
  | 'assignee_department_id'
  | 'valid'
  | 'first_contact_at'
  | 'first_contact_on_time'
  | 'resolved_at'
  | 'resolved_on_time'
  | 'state'
  | 'rating'
  | 'rating_solved'
  | 'reopen_count'
>;

const minutesBetween = (a: Date | string, b: Date | string) =>
  Math.max(0, Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000));

/** A case counts once where a fact holds. */
const one = (fact: unknown): number => (fact ? 1 : 0);

export function contribution(c: CaseFacts): repo.RollupPart {
  const key = {
    tenant_id: c.tenant_id,
    day: shanghaiDate(new Date(c.created_at).getTime()),
    place_id: c.place_id,
    place_path: c.place_path,
    category_code: c.category_code ?? 'other',
    channel: c.channel,
    department_key: c.assignee_department_id ?? '',
  };
  const metrics: Record<Metric, number> = {
    received: 1,
    valid: one(c.valid),
    contacted: one(c.first_contact_at),
    contacted_on_time: one(c.first_contact_on_time),
    contact_minutes: c.first_contact_at ? minutesBetween(c.created_at, c.first_contact_at) : 0,
    resolved: one(c.resolved_at),
    resolved_on_time: one(c.resolved_on_time),
    resolve_minutes: c.resolved_at ? minutesBetween(c.created_at, c.resolved_at) : 0,
    closed: one(c.state === 'closed'),
    rated: one(c.rating),
    solved: one(c.rating && c.rating_solved),
    satisfied: one(c.rating === 'satisfied' || c.rating === 'basic'),
    reopened: one(c.reopen_count > 0),
  };
  return { key, metrics };
}

/** Moves the rollup from a case's old contribution to its new one (either may be absent). */
export async function applyCaseChange(trx: Executor, before: CaseFacts | null, after: CaseFacts | null) {
  const a = before ? contribution(before) : null;
  const b = after ? contribution(after) : null;
  if (a && b && JSON.stringify(a) === JSON.stringify(b)) return;
  if (a) await repo.addToRollup(trx, a, -1);
  if (b) await repo.addToRollup(trx, b, 1);
}

/** Rebuilds the rollup of a tenant (or all) from the raw cases: the `linli stats rebuild` command. */
export const rebuildRollups = (db: Executor, tenantId?: string) => repo.rebuildRollups(db, tenantId);
