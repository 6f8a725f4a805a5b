import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { CaseDailyTable, CaseMonthlyTable, FilesTable, MonthlyReportsTable } from '../../platform/db/schema.js';
import { pathUnder, pathUnderAny } from '../../platform/scope.js';
import { metricColumns, type Metric } from './metrics.js';
import { wholeMonths } from './periods.js';

// Dashboard queries over the daily rollup (fast), the same numbers from raw cases (the check), the
// rollup's own upkeep, and the stored monthly reports.

export interface StatsFilter {
  /** The place asked for, or every place of the actor's scope. */
  paths: string[];
  from: string; // YYYY-MM-DD, inclusive (Asia/Shanghai days)
  to: string; // inclusive
  category?: string;
  channel?: string;
  departmentId?: string;
}

const sums = sql.join(metricColumns.map((m) => sql`coalesce(sum(${sql.ref(m)}), 0)::bigint AS ${sql.ref(m)}`));

/** The filter's conditions; `days` is the condition on the day column (the whole period by default). */
function conditions(f: StatsFilter, prefix = '', days?: ReturnType<typeof sql>) {
  const col = (name: string) => sql.ref(prefix ? `${prefix}.${name}` : name);
  return sql.join(
    [
      pathUnderAny(prefix ? `${prefix}.place_path` : 'place_path', f.paths),
      days ?? sql`${col('day')} BETWEEN ${f.from}::date AND ${f.to}::date`,
      ...(f.category
        ? [
            sql`(${col('category_code')} = ${f.category} OR ${col('category_code')} IN (SELECT code FROM case_categories WHERE parent_code = ${f.category}))`,
          ]
        : []),
      ...(f.channel ? [sql`${col('channel')} = ${f.channel}`] : []),
      ...(f.departmentId ? [sql`${col('department_key')} = ${f.departmentId}`] : []),
    ],
    sql` AND `,
  );
}

export type Grouping =
  'total' | 'day' | 'week' | 'month' | 'category' | 'parentCategory' | 'channel' | 'department' | 'grid' | 'community';

const groupExpr: Record<Exclude<Grouping, 'total'>, ReturnType<typeof sql>> = {
  day: sql`to_char(day, 'YYYY-MM-DD')`,
  week: sql`to_char(date_trunc('week', day), 'YYYY-MM-DD')`,
  month: sql`to_char(day, 'YYYY-MM')`,
  category: sql`category_code`,
  parentCategory: sql`coalesce((SELECT parent_code FROM case_categories k WHERE k.code = category_code), category_code)`,
  channel: sql`channel`,
  department: sql`coalesce((SELECT code FROM departments d WHERE d.id::text = department_key), '')`,
  grid: sql`substring(place_path FROM '/([0-9]{15})/')`,
  community: sql`substring(place_path FROM '/([0-9]{12})/')`,
};

const rollupColumns = sql.join(
  ['place_path', 'category_code', 'channel', 'department_key', ...metricColumns].map((c) => sql.ref(c)),
);

/**
 * The totals from the rollups: whole months from case_monthly and the days at the period's edges
 * from case_daily (both hold the same sums, so the numbers equal the daily rollup's and the raw
 * cases'); by day or week, from case_daily alone.
 */
export async function rollupTotals(db: Executor, f: StatsFilter, by: Grouping) {
  const key = by === 'total' ? sql`'total'` : groupExpr[by];
  const months = by === 'day' || by === 'week' ? null : wholeMonths(f.from, f.to);
  const source = months
    ? sql`(SELECT month AS day, ${rollupColumns} FROM case_monthly
          WHERE ${conditions(f, '', sql`month BETWEEN ${months.first}::date AND ${months.last}::date`)}
        UNION ALL
        SELECT day, ${rollupColumns} FROM case_daily
          WHERE ${conditions(f, '', sql`(day BETWEEN ${f.from}::date AND (${months.first}::date - 1) OR day BETWEEN (${months.last}::date + interval '1 month')::date AND ${f.to}::date)`)}) AS r`
    : sql`case_daily WHERE ${conditions(f)}`;
  const result = await sql<Record<string, number | string>>`
    SELECT ${key} AS key, ${sums} FROM ${source} GROUP BY 1 ORDER BY 1`.execute(db);
  return result.rows;
}

/** The same totals straight from the cases table: slower, used to check the rollup and to benchmark it. */
export async function rawTotals(db: Executor, f: StatsFilter) {
  const result = await sql<Record<string, number>>`
    SELECT count(*) AS received,
      count(*) FILTER (WHERE valid) AS valid,
      count(*) FILTER (WHERE first_contact_at IS NOT NULL) AS contacted,
      count(*) FILTER (WHERE first_contact_on_time) AS contacted_on_time,
      coalesce(sum(greatest(0, round(extract(epoch FROM first_contact_at - created_at) / 60))) FILTER (WHERE first_contact_at IS NOT NULL), 0)::bigint AS contact_minutes,
      count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
      count(*) FILTER (WHERE resolved_on_time) AS resolved_on_time,
      coalesce(sum(greatest(0, round(extract(epoch FROM resolved_at - created_at) / 60))) FILTER (WHERE resolved_at IS NOT NULL), 0)::bigint AS resolve_minutes,
      count(*) FILTER (WHERE state = 'closed') AS closed,
      count(*) FILTER (WHERE rating IS NOT NULL) AS rated,
      count(*) FILTER (WHERE rating IS NOT NULL AND rating_solved) AS solved,
      count(*) FILTER (WHERE rating IN ('satisfied', 'basic')) AS satisfied,
      count(*) FILTER (WHERE reopen_count > 0) AS reopened
    FROM (SELECT *, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                 coalesce(assignee_department_id::text, '') AS department_key FROM cases) c
    WHERE ${conditions(f)}`.execute(db);
  return result.rows[0];
}

/** Open cases past a deadline now (live, not rolled up). */
export async function overdueOpen(db: Executor, paths: string[]) {
  const result = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM cases WHERE ${pathUnderAny('place_path', paths)} AND sla_level = 'red' AND state NOT IN ('resolved', 'closed', 'rejected')`.execute(
    db,
  );
  return result.rows[0].n;
}

export function names(db: Executor, kind: 'category' | 'department' | 'place', keys: string[]) {
  if (keys.length === 0) return Promise.resolve([] as { key: string; name: string }[]);
  if (kind === 'category')
    return db
      .selectFrom('case_categories')
      .select(['code as key', 'name_zh as name'])
      .where('code', 'in', keys)
      .execute();
  if (kind === 'department') {
    const ids = keys.filter((k) => k);
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('departments').select(['code as key', 'name']).where('code', 'in', ids).execute();
  }
  return db.selectFrom('places').select(['code as key', 'name']).where('code', 'in', keys).execute();
}

export function departmentIdByCode(db: Executor, code: string) {
  return db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst();
}

/** One case's share of a rollup row: the row's key and its counters. */
export interface RollupPart {
  key: Omit<Selectable<CaseDailyTable>, Metric>;
  metrics: Record<Metric, number>;
}

/** Adds a case's contribution to its daily and monthly rollup rows (sign 1), or takes it away (sign −1). */
export async function addToRollup(db: Executor, part: RollupPart, sign: 1 | -1) {
  const metrics = Object.fromEntries(metricColumns.map((m) => [m, sign * part.metrics[m]]));
  const { day, ...key } = part.key;
  await db
    .insertInto('case_daily')
    .values({ ...part.key, ...metrics } as unknown as Insertable<CaseDailyTable>)
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
  await db
    .insertInto('case_monthly')
    .values({ ...key, month: `${day.slice(0, 7)}-01`, ...metrics } as unknown as Insertable<CaseMonthlyTable>)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'month', 'place_id', 'category_code', 'channel', 'department_key'])
        .doUpdateSet(
          Object.fromEntries(
            metricColumns.map((m) => [m, sql`case_monthly.${sql.ref(m)} + excluded.${sql.ref(m)}`]),
          ) as never,
        ),
    )
    .execute();
}

/** Rebuilds the daily rollup of a tenant (or all) from the raw cases in one GROUP BY, and the monthly one from it. */
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
  await sql`DELETE FROM case_monthly ${where}`.execute(db);
  const columns = sql.join(metricColumns.map((m) => sql.ref(m)));
  const summed = sql.join(metricColumns.map((m) => sql`sum(${sql.ref(m)})`));
  await sql`
    INSERT INTO case_monthly (tenant_id, month, place_id, place_path, category_code, channel, department_key, ${columns})
    SELECT tenant_id, date_trunc('month', day)::date, place_id, min(place_path), category_code, channel, department_key, ${summed}
    FROM case_daily ${where}
    GROUP BY tenant_id, date_trunc('month', day)::date, place_id, category_code, channel, department_key`.execute(db);
}

/** The streets and communities that get a monthly report. */
export function reportPlaces(db: Executor) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'tenant_id'])
    .where('kind', 'in', ['street', 'community'])
    .where('status', '=', 'active')
    .where('tenant_id', 'is not', null)
    .execute();
}

/** Stores a made report's file row and points the place's report of that month at it (made again: replaced). */
export async function saveMonthlyReport(
  db: Executor,
  file: Insertable<FilesTable>,
  report: Insertable<MonthlyReportsTable>,
) {
  await db.insertInto('files').values(file).execute();
  await db
    .insertInto('monthly_reports')
    .values(report)
    .onConflict((oc) =>
      oc
        .columns(['place_id', 'month', 'tenant_id'])
        .doUpdateSet({ file_id: report.file_id, created_at: report.created_at }),
    )
    .execute();
}

/** Stored monthly reports of the places under a path, newest month first. */
export function monthlyReportsUnder(db: Executor, placePath: string) {
  return db
    .selectFrom('monthly_reports as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select(['r.id', 'r.month', 'r.created_at', 'p.code', 'p.name'])
    .where(pathUnder('p.path', placePath))
    .orderBy('r.month', 'desc')
    .orderBy('p.code')
    .limit(500)
    .execute();
}

/** A stored monthly report with its place and where its file lies. */
export function findMonthlyReport(db: Executor, id: string) {
  return db
    .selectFrom('monthly_reports as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .innerJoin('files as f', 'f.id', 'r.file_id')
    .select(['p.path', 'p.name', 'r.month', 'f.storage_key'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
