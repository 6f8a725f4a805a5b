import type { Executor } from '../../../platform/audit.js';
import type { Clock } from '../../../platform/clock.js';
import {
  businessMinutesBetween,
  moveByBusinessMinutes,
  slaLevel,
  watchDeadline,
  workingDaysDeadline,
  type WorkdayCalendar,
} from '../../../platform/deadlines.js';
import type { NoticeDeps } from '../../../platform/notify/recipients.js';
import { partAfterSupplement } from './lifecycle.js';
import { partAlarm, REVIEW_CLOCK } from './jobs.js';
import * as repo from './repository.js';

// Each part's working-day clock (承诺时限): started when the window accepts, paused while the
// application waits for 补正, moved on by the business time the pause took when it resumes, stopped
// by the decision. Deadlines count by the county's calendar (calendar's workdayCalendar).

type PartRow = Awaited<ReturnType<typeof repo.lockPartsOf>>[number];

export async function startPartClock(
  trx: Executor,
  deps: NoticeDeps & { clock: Clock },
  part: PartRow,
  timeLimitDays: number,
  calendar: WorkdayCalendar,
  now: Date,
): Promise<Date> {
  const due = workingDaysDeadline(now, timeLimitDays, calendar);
  await repo.updatePart(trx, part.id, {
    state: 'pending',
    clock_started_at: now,
    due_at: due,
    paused_at: null,
    sla_level: 'ok',
    updated_at: now,
  });
  await watchDeadline(trx, deps.clock, partAlarm(deps), { id: part.id, clock: REVIEW_CLOCK, start: now, due });
  return due;
}

/** 补正: every running clock of the application stops counting from now. */
export async function pauseClocks(trx: Executor, parts: readonly PartRow[], now: Date) {
  for (const p of parts)
    if ((p.state === 'pending' || p.state === 'in_review' || p.state === 'supplement') && p.due_at && !p.paused_at)
      await repo.updatePart(trx, p.id, { paused_at: now, updated_at: now });
}

/**
 * 补正 done: each paused clock's deadline moves on by the business time it was paused, and is
 * watched anew (the old alarms compare `due` and do nothing). A part waiting for its own 补正 goes
 * back to review. Returns the latest deadline.
 */
export async function resumeClocks(
  trx: Executor,
  deps: NoticeDeps & { clock: Clock },
  parts: readonly PartRow[],
  calendar: WorkdayCalendar,
  now: Date,
): Promise<Date | null> {
  let latest: Date | null = null;
  for (const p of parts) {
    if (!p.paused_at || !p.due_at || !p.clock_started_at) continue;
    const due = moveByBusinessMinutes(
      new Date(p.due_at),
      businessMinutesBetween(new Date(p.paused_at), now, calendar),
      calendar,
    );
    const start = new Date(p.clock_started_at);
    await repo.updatePart(trx, p.id, {
      state: p.state === 'supplement' ? partAfterSupplement(p) : p.state,
      paused_at: null,
      due_at: due,
      sla_level: slaLevel(start, due, now),
      updated_at: now,
    });
    await watchDeadline(trx, deps.clock, partAlarm(deps), { id: p.id, clock: REVIEW_CLOCK, start, due });
    if (!latest || due > latest) latest = due;
  }
  return latest;
}
