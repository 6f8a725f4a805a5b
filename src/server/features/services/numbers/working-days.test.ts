import { describe, expect, it } from 'vitest';
import { defaultBusinessHours, type WorkdayCalendar } from '../../../platform/deadlines.js';
import { businessMinutesBetween, workingDaysBetween } from './working-days.js';

const calendar: WorkdayCalendar = { days: new Map([['2027-01-01', false]]), hours: defaultBusinessHours };
// Beijing time, written with its offset.
const at = (s: string) => new Date(`${s}+08:00`);

describe('handling time in working days', () => {
  it('counts a full business day as one, lunch not counted', () => {
    expect(workingDaysBetween(at('2026-11-23T09:00:00'), at('2026-11-24T09:00:00'), calendar)).toBe(1);
    expect(businessMinutesBetween(at('2026-11-23T11:00:00'), at('2026-11-23T14:30:00'), calendar)).toBe(120);
  });

  it('leaves out weekends and holidays', () => {
    // Friday 2026-12-25 17:00 → Monday 2026-12-28 09:30: half an hour on Friday, half on Monday.
    expect(businessMinutesBetween(at('2026-12-25T17:00:00'), at('2026-12-28T09:30:00'), calendar)).toBe(60);
    // Thursday 2026-12-31 09:00 → Monday 2027-01-04 09:00: one working day (1 January is a holiday).
    expect(workingDaysBetween(at('2026-12-31T09:00:00'), at('2027-01-04T09:00:00'), calendar)).toBe(1);
  });

  it('is nothing when the end is not after the start', () => {
    expect(businessMinutesBetween(at('2026-11-23T10:00:00'), at('2026-11-23T10:00:00'), calendar)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-23T10:00:00'), at('2026-11-23T09:00:00'), calendar)).toBe(0);
  });
});
