import { z } from 'zod';
import type { Executor } from './audit.js';
import type { Clock } from './clock.js';
import { defineJob, queueJob, type JobDefinition } from './jobs.js';

// Deadlines (限时): wall-clock minutes, or working days and business hours when the category says so.
// Business time zone is Asia/Shanghai (UTC+8, no daylight saving). Every watched deadline of every
// feature (cases, whistles, legal questions, applications …) goes through `watchDeadline` here.

const DAY = 86_400_000;
const MINUTE = 60_000;
const SHANGHAI = 8 * 3_600_000;

/** One stretch of business hours in a working day, in minutes after midnight Beijing time (09:00 → 540). */
export interface BusinessPeriod {
  open: number;
  close: number;
}

/**
 * What a working-day clock counts by: the special days (holidays off, 调休 weekend days worked) and the
 * county's business hours, sorted and not overlapping (e.g. 09:00–12:00 and 13:30–17:30).
 * Loaded by calendar's `workdayCalendar(db, tenantId)`; every caller of `addDeadline` uses that loader.
 */
export interface WorkdayCalendar {
  /** 'YYYY-MM-DD' → is a working day; days not listed follow the week (Monday–Friday work). */
  days: Map<string, boolean>;
  hours: BusinessPeriod[];
}

/** 09:00–12:00 and 13:30–17:30: the default business hours of a county that has not set its own. */
export const defaultBusinessHours: BusinessPeriod[] = [
  { open: 9 * 60, close: 12 * 60 },
  { open: 13 * 60 + 30, close: 17 * 60 + 30 },
];

export const shanghaiDate = (t: number): string => new Date(t + SHANGHAI).toISOString().slice(0, 10);
/** “11-30 14:37” in Beijing time, as texts and sheets show a deadline. */
export const shanghaiMinute = (d: Date | string): string =>
  new Date(new Date(d).getTime() + SHANGHAI).toISOString().slice(5, 16).replace('T', ' ');
const dayStart = (t: number): number => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;

export function isWorkday(t: number, calendar: WorkdayCalendar): boolean {
  const override = calendar.days.get(shanghaiDate(t));
  if (override !== undefined) return override;
  const weekday = new Date(t + SHANGHAI).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const GUARD_DAYS = 3660;

/** Closing time (end of the last period) of the working day that begins at `day`. */
const closingOf = (day: number, calendar: WorkdayCalendar): number =>
  day + Math.max(...calendar.hours.map((p) => p.close)) * MINUTE;

/** The `n`-th working day after the day of `t` (the day of `t` itself not counted), as its midnight. */
function nthWorkdayAfter(t: number, n: number, calendar: WorkdayCalendar): number {
  let day = dayStart(t);
  for (let counted = 0, guard = 0; guard < GUARD_DAYS; guard++) {
    day += DAY;
    if (isWorkday(day, calendar) && ++counted === n) return day;
  }
  throw new Error('deadline beyond ten years');
}

/** `minutes` counted only inside business hours of working days, from `t` on. */
function addBusinessMinutes(t: number, minutes: number, calendar: WorkdayCalendar): number {
  let remaining = minutes * MINUTE;
  if (remaining <= 0) return t;
  for (let day = dayStart(t), guard = 0; guard < GUARD_DAYS; guard++, day += DAY) {
    if (!isWorkday(day, calendar)) continue;
    for (const period of calendar.hours) {
      const from = Math.max(t, day + period.open * MINUTE);
      const close = day + period.close * MINUTE;
      if (from >= close) continue;
      const take = Math.min(remaining, close - from);
      remaining -= take;
      if (remaining === 0) return from + take;
    }
  }
  throw new Error('deadline beyond ten years');
}

/**
 * The moment a limit of `minutes` that started at `start` runs out.
 *
 * - `businessDays` false: wall-clock minutes (a 30-minute call back is 30 minutes, night or day).
 * - `businessDays` true (a category that counts 工作日):
 *   - each whole 24 hours (1440 minutes) of the limit is one working day. The day the clock starts is
 *     not counted (as 民法典 art. 201 counts periods in days: from the next day); the limit ends at
 *     closing time of the N-th working day after it. 5 working days from Wednesday 2026-12-30 end on
 *     Thursday 2027-01-07 at 17:30, because 2027-01-01 is a holiday and 1–3 January are not worked.
 *   - what is left (or the whole limit when it is shorter than a day: "dispatch within 2 hours") is
 *     counted in business minutes: only inside business hours of working days, from the start (or,
 *     after whole days, from that closing time). A case entered on Sunday evening with 2 hours falls
 *     due on Monday at 11:00, not at 02:00; one entered at 11:30 with 1 hour at 14:00 (lunch not counted).
 * - Working days: Monday to Friday unless the calendar lists the day (holidays off, 调休 Saturdays and
 *   Sundays worked). Business time zone: Beijing time.
 */
export function addDeadline(start: Date, minutes: number, businessDays: boolean, calendar: WorkdayCalendar): Date {
  if (!businessDays) return new Date(start.getTime() + minutes * MINUTE);
  const wholeDays = Math.floor(minutes / (24 * 60));
  const rest = minutes - wholeDays * 24 * 60;
  let cursor = start.getTime();
  if (wholeDays > 0) cursor = closingOf(nthWorkdayAfter(cursor, wholeDays, calendar), calendar);
  return new Date(addBusinessMinutes(cursor, rest, calendar));
}

/** Yellow from 80 % of the allowed time, red once it is used up. */
export function slaLevel(start: Date, due: Date, now: Date): 'ok' | 'yellow' | 'red' {
  if (now >= due) return 'red';
  return now.getTime() >= start.getTime() + 0.8 * (due.getTime() - start.getTime()) ? 'yellow' : 'ok';
}

export const warningAt = (start: Date, due: Date): Date =>
  new Date(start.getTime() + 0.8 * (due.getTime() - start.getTime()));

/** One alarm of a watched deadline: yellow at 80 % of the time, red at the deadline. */
export const deadlineAlarm = z.object({
  id: z.string().min(1),
  /** Which clock of the subject, e.g. a case's 'take' or a summons' 'ack'. */
  clock: z.string().min(1),
  due: z.iso.datetime(),
  level: z.enum(['yellow', 'red']),
});
export type DeadlineAlarm = z.infer<typeof deadlineAlarm>;

/**
 * The job a subject's alarms run as. The handler must act only if the clock still runs with the
 * same deadline (`alarm.due`), so a stopped, moved or paused clock makes its old alarms harmless.
 */
export const defineDeadlineJob = (
  kind: string,
  handler: JobDefinition<DeadlineAlarm>['handler'],
): JobDefinition<DeadlineAlarm> => defineJob({ kind, payload: deadlineAlarm, handler });

/**
 * 限时督办: queues the yellow and red alarms of one running clock in the caller's transaction.
 * Dedupe keys make each (subject, clock, deadline, level) happen once, also across a restart.
 */
export async function watchDeadline(
  trx: Executor,
  clock: Clock,
  job: JobDefinition<DeadlineAlarm>,
  watched: { id: string; clock: string; start: Date; due: Date },
): Promise<void> {
  const due = watched.due.toISOString();
  const alarms = [
    { level: 'yellow', runAt: warningAt(watched.start, watched.due) },
    { level: 'red', runAt: watched.due },
  ] as const;
  for (const { level, runAt } of alarms) {
    await queueJob(
      trx,
      clock,
      job,
      { id: watched.id, clock: watched.clock, due, level },
      { runAt, dedupeKey: `${job.kind}:${watched.id}:${watched.clock}:${due}:${level}` },
    );
  }
}

// Paused clocks (补正 of a service application, issue 15): the business time a pause took, and a
// deadline moved on by it, so a clock resumed after two working days falls due two working days later.

/** Business minutes (inside business hours of working days) between `from` and `to`; 0 when `to` is not later. */
export function businessMinutesBetween(from: Date, to: Date, calendar: WorkdayCalendar): number {
  let total = 0;
  const end = to.getTime();
  for (let day = dayStart(from.getTime()), guard = 0; day < end && guard < GUARD_DAYS; guard++, day += DAY) {
    if (!isWorkday(day, calendar)) continue;
    for (const period of calendar.hours) {
      const a = Math.max(from.getTime(), day + period.open * MINUTE);
      const b = Math.min(end, day + period.close * MINUTE);
      if (b > a) total += b - a;
    }
  }
  return Math.round(total / MINUTE);
}

/** `due` moved on by `minutes` of business time. */
export const moveByBusinessMinutes = (due: Date, minutes: number, calendar: WorkdayCalendar): Date =>
  new Date(addBusinessMinutes(due.getTime(), minutes, calendar));

/**
 * A limit of whole working days from `start`; 0 (即办) is due at closing time the same working day,
 * or the next working day's when `start` is after closing or on a day off.
 */
export function workingDaysDeadline(start: Date, days: number, calendar: WorkdayCalendar): Date {
  if (days > 0) return addDeadline(start, days * 24 * 60, true, calendar);
  const today = dayStart(start.getTime());
  const closing = closingOf(today, calendar);
  if (isWorkday(today, calendar) && start.getTime() < closing) return new Date(closing);
  return addDeadline(start, 24 * 60, true, calendar);
}
