import type { Executor } from '../../platform/audit.js';
import type { BusinessPeriod } from '../../platform/deadlines.js';

// Queries only. Special days (calendar_days) and the state of each year (calendar_years) are one
// calendar for the whole installation; business hours are per county (tenant).

const dayText = (d: unknown): string =>
  typeof d === 'string' ? d.slice(0, 10) : new Date(d as Date).toISOString().slice(0, 10);

/** Every special day: 'YYYY-MM-DD' → is a working day. */
export async function dayMap(db: Executor) {
  const rows = await db.selectFrom('calendar_days').select(['day', 'is_workday']).execute();
  return new Map(rows.map((r) => [dayText(r.day), r.is_workday]));
}

export async function hoursOf(db: Executor, tenantId: string): Promise<BusinessPeriod[] | null> {
  const row = await db
    .selectFrom('business_hours')
    .select('periods')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ? row.periods : null;
}

export async function upsertHours(db: Executor, tenantId: string, periods: BusinessPeriod[], by: string, at: Date) {
  const values = { periods: JSON.stringify(periods), updated_at: at, updated_by: by };
  await db
    .insertInto('business_hours')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

export async function daysOfYear(db: Executor, year: number) {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['day', 'is_workday', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: dayText(r.day), isWorkday: r.is_workday, name: r.name }));
}

export function years(db: Executor) {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export function findYear(db: Executor, year: number) {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** How many special days each year has, holidays and worked weekend days apart. */
export async function dayCounts(db: Executor) {
  const rows = await db
    .selectFrom('calendar_days')
    .select((eb) => [
      eb.fn<number>('date_part', [eb.val('year'), eb.ref('day')]).as('year'),
      'is_workday',
      eb.fn.countAll<string>().as('n'),
    ])
    .groupBy(['year', 'is_workday'])
    .execute();
  return rows.map((r) => ({ year: Number(r.year), isWorkday: r.is_workday, n: Number(r.n) }));
}

export async function upsertYear(
  db: Executor,
  row: { year: number; confirmed: boolean; source: string; by: string; at: Date },
) {
  const values = { confirmed: row.confirmed, source: row.source, updated_at: row.at, updated_by: row.by };
  await db
    .insertInto('calendar_years')
    .values({ year: row.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

/** Marks the year as changed now, adding it (unconfirmed) when it had no row. */
export async function touchYear(db: Executor, year: number, by: string, at: Date) {
  await db
    .insertInto('calendar_years')
    .values({ year, confirmed: false, source: '', updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('year').doUpdateSet({ updated_at: at, updated_by: by }))
    .execute();
}

export async function findDay(db: Executor, day: string) {
  const row = await db
    .selectFrom('calendar_days')
    .select(['day', 'is_workday', 'name'])
    .where('day', '=', day)
    .executeTakeFirst();
  return row ? { day: dayText(row.day), isWorkday: row.is_workday, name: row.name } : null;
}

export async function upsertDay(db: Executor, day: { day: string; isWorkday: boolean; name: string }) {
  await db
    .insertInto('calendar_days')
    .values({ day: day.day, is_workday: day.isWorkday, name: day.name })
    .onConflict((oc) => oc.column('day').doUpdateSet({ is_workday: day.isWorkday, name: day.name }))
    .execute();
}

export async function deleteDay(db: Executor, day: string) {
  await db.deleteFrom('calendar_days').where('day', '=', day).execute();
}

export async function deleteYearDays(db: Executor, year: number) {
  await db
    .deleteFrom('calendar_days')
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute();
}

export async function insertDays(db: Executor, days: { day: string; isWorkday: boolean; name: string }[]) {
  if (days.length === 0) return;
  await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ day: d.day, is_workday: d.isWorkday, name: d.name })))
    .execute();
}

/** The counties (tenants) and their administrators: who is warned when next year is missing. */
export function countyAdmins(db: Executor) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['p.tenant_id', 'p.path', 'm.user_id'])
    .where('m.role', '=', 'admin')
    .where('u.status', '=', 'active')
    .where('p.tenant_id', 'is not', null)
    .execute();
}
