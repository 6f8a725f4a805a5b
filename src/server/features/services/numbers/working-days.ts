import { isWorkday, type WorkdayCalendar } from '../../../platform/deadlines.js';

// Handling time in working days (办理时长): the business time between two moments, counted only in the
// county's business hours of working days, as a share of one full working day. Accepted at 09:00 on a
// Monday and decided at 09:00 on Tuesday is 1.0; over a weekend or a holiday nothing is counted.

const DAY = 86_400_000;
const MINUTE = 60_000;
const SHANGHAI = 8 * 3_600_000;
const dayStart = (t: number): number => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;

/** Business minutes of one working day (09:00–12:00 and 13:30–17:30: 420). */
export const minutesPerWorkday = (calendar: WorkdayCalendar): number =>
  calendar.hours.reduce((sum, p) => sum + (p.close - p.open), 0);

/** Business minutes between `from` and `to` (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, calendar: WorkdayCalendar): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  let total = 0;
  for (let day = dayStart(start); day < end; day += DAY) {
    if (!isWorkday(day, calendar)) continue;
    for (const period of calendar.hours) {
      const open = Math.max(start, day + period.open * MINUTE);
      const close = Math.min(end, day + period.close * MINUTE);
      if (close > open) total += close - open;
    }
  }
  return total / MINUTE;
}

/** The same span in working days (1.0 = one full working day of business hours). */
export const workingDaysBetween = (from: Date, to: Date, calendar: WorkdayCalendar): number =>
  businessMinutesBetween(from, to, calendar) / minutesPerWorkday(calendar);
