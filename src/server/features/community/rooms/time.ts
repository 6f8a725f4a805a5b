import { minuteOf, weekdayIndex, type OpeningHours } from '../../../../shared/community-rooms.js';

// Beijing time for bookings: a day is 'YYYY-MM-DD', a time is minutes after midnight.

const HOUR = 3_600_000;
export const chinaDayOf = (at: Date): string => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
export const instantOf = (day: string, minute: number): Date =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + minute * 60_000);
export const addDaysTo = (day: string, n: number): string =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 24 * HOUR).toISOString().slice(0, 10);

/** The opening of a room on a day, in minutes; null when closed. */
export function openingOn(hours: OpeningHours, day: string): { start: number; end: number } | null {
  const p = hours[weekdayIndex(day)];
  return p ? { start: minuteOf(p.open), end: minuteOf(p.close) } : null;
}

/** The first and last day of a year, or of one month of it. */
export function periodOf(year: number, month?: number): { from: string; to: string } {
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const mm = String(month).padStart(2, '0');
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** Check-in opens this long before the start. */
export const CHECKIN_EARLY_MS = 30 * 60_000;
