import { sql, type Insertable, type Transaction } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { shanghaiDate } from '../../platform/deadlines.js';

// What one case adds to the daily rollup. The rollup is the sum of every case's contribution, so a
// change of a case is applied as (after − before) in the same transaction, and a rebuild is one
// GROUP BY over the cases: both must agree (tested).

export const metricColumns = [
  'received',
  'valid',
  'contacted',
  'contacted_on_time',
  'contact_minutes',
  'resolved',
  'resolved_on_time',
  'resolve_minutes',
  'closed',
  'rated',
  'solved',
  'satisfied',
  'reopened',
] as const;
export type Metric = (typeof metricColumns)[number];

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

export function contribution(c: CaseFacts) {
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
    valid: c.valid ? 1 : 0,
    contacted: c.first_contact_at ? 1 : 0,
    contacted_on_time: c.first_contact_on_time ? 1 : 0,
    contact_minutes: c.first_contact_at ? minutesBetween(c.created_at, c.first_contact_at) : 0,
    resolved: c.resolved_at ? 1 : 0,
    resolved_on_time: c.resolved_on_time ? 1 : 0,
    resolve_minutes: c.resolved_at ? minutesBetween(c.created_at, c.resolved_at) : 0,
    closed: c.state === 'closed' ? 1 : 0,
    rated: c.rating ? 1 : 0,
    solved: c.rating && c.rating_solved ? 1 : 0,
    satisfied: c.rating === 'satisfied' || c.rating === 'basic' ? 1 : 0,
    reopened: c.reopen_count > 0 ? 1 : 0,
  };
  return { key, metrics };
}

async function add(trx: Executor, part: ReturnType<typeof contribution>, sign: 1 | -1) {
  const values = { ...part.key, ...Object.fromEntries(metricColumns.map((m) => [m, sign * part.metrics[m]])) };
  await trx
    .insertInto('case_daily')
    .values(values as unknown as Insertable<Database['case_daily']>)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'day', 'place_id', 'category_code', 'channel', 'department_key'])
        .doUpdateSet(
          Object.fromEntries(
            metricColumns.map((m) => [m, sql`case_daily.${sql.ref(m)} + excluded.${sql.ref(m)}`]),
          ) as never,
        ),
    )
    .execute();
}

/** Moves the rollup from a case's old contribution to its new one (either may be absent). */
export async function applyCaseChange(
  trx: Transaction<Database> | Executor,
  before: CaseFacts | null,
  after: CaseFacts | null,
) {
  const a = before ? contribution(before) : null;
  const b = after ? contribution(after) : null;
  if (a && b && JSON.stringify(a) === JSON.stringify(b)) return;
  if (a) await add(trx, a, -1);
  if (b) await add(trx, b, 1);
}

/** Rebuilds the rollup of a tenant (or all) from the raw cases: the `linli stats rebuild` command. */
export async function rebuildRollups(db: Executor, tenantId?: string) {
  const where = tenantId ? sql`WHERE tenant_id = ${tenantId}` : sql``;
  await sql`DELETE FROM case_daily ${where}`.execute(db);
  await sql`
    INSERT INTO case_daily (tenant_id, day, place_id, place_path, category_code, channel, department_key, received, valid, contacted, contacted_on_time,
      contact_minutes, resolved, resolved_on_time, resolve_minutes, closed, rated, solved, satisfied, reopened)
    SELECT tenant_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date, place_id, place_path, coalesce(category_code, 'other'), channel,
      coalesce(assignee_department_id::text, ''),
      count(*),
      count(*) FILTER (WHERE valid),
      count(*) FILTER (WHERE first_contact_at IS NOT NULL),
      count(*) FILTER (WHERE first_contact_on_time),
      coalesce(sum(greatest(0, round(extract(epoch FROM first_contact_at - created_at) / 60))) FILTER (WHERE first_contact_at IS NOT NULL), 0),
      count(*) FILTER (WHERE resolved_at IS NOT NULL),
      count(*) FILTER (WHERE resolved_on_time),
      coalesce(sum(greatest(0, round(extract(epoch FROM resolved_at - created_at) / 60))) FILTER (WHERE resolved_at IS NOT NULL), 0),
      count(*) FILTER (WHERE state = 'closed'),
      count(*) FILTER (WHERE rating IS NOT NULL),
      count(*) FILTER (WHERE rating IS NOT NULL AND rating_solved),
      count(*) FILTER (WHERE rating IN ('satisfied', 'basic')),
      count(*) FILTER (WHERE reopen_count > 0)
    FROM cases ${where}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
}
