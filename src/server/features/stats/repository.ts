import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import { pathUnderAny } from '../../platform/scope.js';
import { metricColumns } from './rollup.js';

// Dashboard queries over the daily rollup (fast), and the same numbers from raw cases (the check).

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

function conditions(f: StatsFilter, prefix = '') {
  const col = (name: string) => sql.ref(prefix ? `${prefix}.${name}` : name);
  return sql.join(
    [
      pathUnderAny(prefix ? `${prefix}.place_path` : 'place_path', f.paths),
      sql`${col('day')} BETWEEN ${f.from}::date AND ${f.to}::date`,
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

export async function rollupTotals(db: Executor, f: StatsFilter, by: Grouping) {
  const key = by === 'total' ? sql`'total'` : groupExpr[by];
  const result = await sql<Record<string, number | string>>`
    SELECT ${key} AS key, ${sums} FROM case_daily WHERE ${conditions(f)} GROUP BY 1 ORDER BY 1`.execute(db);
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
