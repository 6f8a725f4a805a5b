import { calendarWarningMonth, hhmm, minutesOf } from '../../../shared/calendar.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { invalidateReferenceData } from '../../platform/reference-cache.js';
import {
  defaultBusinessHours,
  shanghaiDate,
  type BusinessPeriod,
  type WorkdayCalendar,
} from '../../platform/deadlines.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { assertMayEdit, assertMayRead } from './policy.js';
import * as repo from './repository.js';
import type { DayInputT, HoursInputT, ImportInputT } from './schemas.js';

// 节假日与工作时间: the special days of each year (holidays off, 调休 weekend days worked), imported
// from the State Council's notice or edited day by day, and the county's business hours. Working-day
// deadlines (platform/deadlines.ts) count by both; `workdayCalendar` is the one loader every caller uses.

export interface CalendarDeps {
  db: Db;
  clock: Clock;
}

/** What a working-day deadline counts by, for one county: every special day and the county's hours. */
export async function workdayCalendar(db: Executor, tenantId: string | null): Promise<WorkdayCalendar> {
  const [days, hours] = await Promise.all([repo.dayMap(db), tenantId ? repo.hoursOf(db, tenantId) : null]);
  return { days, hours: hours ?? defaultBusinessHours };
}

type YearRow = Awaited<ReturnType<typeof repo.years>>[number];

/** The year administrators must see to: this year if it is not confirmed, next year from 1 November. */
export function calendarWarning(now: Date, years: Pick<YearRow, 'year' | 'confirmed'>[]) {
  const [year, month] = shanghaiDate(now.getTime()).split('-').map(Number) as [number, number];
  const check = (y: number) => {
    const row = years.find((r) => r.year === y);
    if (!row) return { year: y, state: 'missing' as const };
    return row.confirmed ? null : { year: y, state: 'provisional' as const };
  };
  return check(year) ?? (month >= calendarWarningMonth ? check(year + 1) : null);
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

async function summaries(db: Executor) {
  const [rows, counts] = await Promise.all([repo.years(db), repo.dayCounts(db)]);
  const count = (year: number, isWorkday: boolean) =>
    counts.find((c) => c.year === year && c.isWorkday === isWorkday)?.n ?? 0;
  const all = new Set([...rows.map((r) => r.year), ...counts.map((c) => c.year)]);
  return [...all]
    .sort((a, b) => a - b)
    .map((year) => {
      const row = rows.find((r) => r.year === year);
      return {
        year,
        confirmed: row?.confirmed ?? false,
        source: row?.source ?? '',
        holidays: count(year, false),
        workdays: count(year, true),
        updatedAt: iso(row?.updated_at ?? null),
        updatedBy: row?.updated_by ?? null,
      };
    });
}

const emptyYear = (year: number) => ({
  year,
  confirmed: false,
  source: '',
  holidays: 0,
  workdays: 0,
  updatedAt: null,
  updatedBy: null,
});

function checkImport(year: number, input: ImportInputT) {
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (!d.day.startsWith(`${year}-`)) throw invalid(`days.${i}.day`, 'dayOutsideYear');
    if (seen.has(d.day)) throw invalid(`days.${i}.day`, 'dayRepeated');
    seen.add(d.day);
  });
}

function periodsOf(input: HoursInputT): BusinessPeriod[] {
  const periods = input.periods.map((p) => ({ open: minutesOf(p.open)!, close: minutesOf(p.close)! }));
  periods.forEach((p, i) => {
    if (p.open >= p.close || (i > 0 && p.open < periods[i - 1]!.close))
      throw invalid(`periods.${i}.close`, 'hoursOrder');
  });
  return periods;
}

const auditAt = (clock: Clock) => (trx: Executor, actor: Actor, entry: Parameters<typeof recordAudit>[2]) =>
  recordAudit(trx, actor, entry, clock.now());

/** The county's business hours: read by all staff, set by its administrators. */
function hoursService(deps: CalendarDeps) {
  const { db, clock } = deps;
  const audit = auditAt(clock);
  return {
    async hours(actor: Actor) {
      assertMayRead(actor);
      const own = actor.tenantId ? await repo.hoursOf(db, actor.tenantId) : null;
      const periods = (own ?? defaultBusinessHours).map((p) => ({ open: hhmm(p.open), close: hhmm(p.close) }));
      return { periods, isDefault: own === null };
    },

    /** The county's business hours, which every working-day deadline from now on counts in. */
    async setHours(actor: Actor, input: HoursInputT) {
      assertMayEdit(actor);
      const tenantId = actor.tenantId;
      if (!tenantId) throw new AppError('FORBIDDEN', { permission: 'calendar:write' });
      const periods = periodsOf(input);
      await db.transaction().execute(async (trx) => {
        const before = await repo.hoursOf(trx, tenantId);
        await repo.upsertHours(trx, tenantId, periods, actor.username, clock.now());
        await audit(trx, actor, {
          action: 'calendar.setHours',
          entityType: 'business_hours',
          entityId: tenantId,
          tenantId,
          before,
          after: periods,
        });
      });
      invalidateReferenceData(db); // intake's copy in this process
      return this.hours(actor);
    },
  };
}

export function createCalendarService(deps: CalendarDeps) {
  const { db, clock } = deps;
  const audit = auditAt(clock);

  return {
    ...hoursService(deps),
    async overview(actor: Actor) {
      assertMayRead(actor);
      const years = await summaries(db);
      return { years, warning: calendarWarning(clock.now(), years) };
    },

    async year(actor: Actor, year: number) {
      assertMayRead(actor);
      const summary = (await summaries(db)).find((y) => y.year === year) ?? emptyYear(year);
      return { year: summary, days: await repo.daysOfYear(db, year) };
    },

    /** Adds or changes one special day (a holiday, or a weekend day worked). */
    async setDay(actor: Actor, day: string, input: DayInputT) {
      assertMayEdit(actor);
      const after = { day, isWorkday: input.isWorkday, name: input.name };
      await db.transaction().execute(async (trx) => {
        const before = await repo.findDay(trx, day);
        await repo.upsertDay(trx, after);
        await repo.touchYear(trx, Number(day.slice(0, 4)), actor.username, clock.now());
        await audit(trx, actor, {
          action: 'calendar.setDay',
          entityType: 'calendar_day',
          entityId: day,
          before,
          after,
        });
      });
      invalidateReferenceData(db); // intake's copy in this process
      return after;
    },

    /** The day follows the week again (Monday–Friday worked). */
    async removeDay(actor: Actor, day: string) {
      assertMayEdit(actor);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findDay(trx, day);
        if (!before) throw new AppError('NOT_FOUND');
        await repo.deleteDay(trx, day);
        await repo.touchYear(trx, Number(day.slice(0, 4)), actor.username, clock.now());
        await audit(trx, actor, { action: 'calendar.removeDay', entityType: 'calendar_day', entityId: day, before });
      });
      invalidateReferenceData(db); // intake's copy in this process
      return { ok: true as const };
    },

    /** A year from the State Council's notice: its special days replace the year's, and the year is confirmed. */
    async importYear(actor: Actor, year: number, input: ImportInputT) {
      assertMayEdit(actor);
      checkImport(year, input);
      await db.transaction().execute(async (trx) => {
        const before = await repo.daysOfYear(trx, year);
        await repo.deleteYearDays(trx, year);
        await repo.insertDays(trx, input.days);
        await repo.upsertYear(trx, {
          year,
          confirmed: true,
          source: input.source,
          by: actor.username,
          at: clock.now(),
        });
        await audit(trx, actor, {
          action: 'calendar.importYear',
          entityType: 'calendar_year',
          entityId: String(year),
          before: { days: before },
          after: { source: input.source, days: input.days },
        });
      });
      invalidateReferenceData(db); // intake's copy in this process
      return this.year(actor, year);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
