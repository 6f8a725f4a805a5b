import { z } from 'zod';
import type { Executor } from './audit.js';
import type { Clock } from './clock.js';
import { defineJob, queueJob, type JobDefinition } from './jobs.js';

// Deadlines (限时): wall-clock minutes, or working days only when the category says so.
// Business time zone is Asia/Shanghai (UTC+8, no daylight saving). Every watched deadline of every
// feature (cases, whistles, legal questions, applications …) goes through `watchDeadline` here.

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

export type WorkdayCalendar = Map<string, boolean>; // 'YYYY-MM-DD' → is a working day (holidays and 调休 overrides)

export const shanghaiDate = (t: number): string => new Date(t + SHANGHAI).toISOString().slice(0, 10);
/** “11-30 14:37” in Beijing time, as texts and sheets show a deadline. */
export const shanghaiMinute = (d: Date | string): string =>
  new Date(new Date(d).getTime() + SHANGHAI).toISOString().slice(5, 16).replace('T', ' ');
const dayStart = (t: number): number => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;

export function isWorkday(t: number, calendar: WorkdayCalendar): boolean {
  const override = calendar.get(shanghaiDate(t));
  if (override !== undefined) return override;
  const weekday = new Date(t + SHANGHAI).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The moment `minutes` of counted time after `start`: every minute, or only minutes on working days. */
export function addDeadline(start: Date, minutes: number, businessDays: boolean, calendar: WorkdayCalendar): Date {
  if (!businessDays) return new Date(start.getTime() + minutes * 60_000);
  let cursor = start.getTime();
  let remaining = minutes * 60_000;
  for (let guard = 0; guard < 3660; guard++) {
    const nextDay = dayStart(cursor) + DAY;
    if (isWorkday(cursor, calendar)) {
      const take = Math.min(remaining, nextDay - cursor);
      cursor += take;
      remaining -= take;
      if (remaining === 0) return new Date(cursor);
    }
    cursor = nextDay;
  }
  throw new Error('deadline beyond ten years');
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
