import { describe, expect, it } from 'vitest';
import {
  addDeadline,
  businessMinutesBetween,
  defaultBusinessHours,
  moveByBusinessMinutes,
  workingDaysDeadline,
  type WorkdayCalendar,
} from '../../../platform/deadlines.js';

// The working-day arithmetic of a part's clock (承诺时限): whole working days, 即办, and a 补正 pause
// moving the deadline by the business time it took. Beijing time; 09:00–12:00 and 13:30–17:30.
const calendar: WorkdayCalendar = { days: new Map([['2026-12-31', false]]), hours: defaultBusinessHours };
const bj = (s: string) => new Date(`${s}+08:00`);

describe('part clocks (承诺时限)', () => {
  it('counts whole working days from the day after acceptance, to closing time', () => {
    expect(workingDaysDeadline(bj('2026-11-24T09:00:00'), 5, calendar)).toEqual(bj('2026-12-01T17:30:00'));
    expect(workingDaysDeadline(bj('2026-11-24T09:00:00'), 5, calendar)).toEqual(
      addDeadline(bj('2026-11-24T09:00:00'), 5 * 1440, true, calendar),
    );
  });

  it('makes 即办 (0 days) due at closing time the same working day, or the next one after hours', () => {
    expect(workingDaysDeadline(bj('2026-11-24T10:00:00'), 0, calendar)).toEqual(bj('2026-11-24T17:30:00'));
    expect(workingDaysDeadline(bj('2026-11-24T18:00:00'), 0, calendar)).toEqual(bj('2026-11-25T17:30:00'));
    expect(workingDaysDeadline(bj('2026-11-28T10:00:00'), 0, calendar)).toEqual(bj('2026-11-30T17:30:00'));
    expect(workingDaysDeadline(bj('2026-12-30T18:00:00'), 0, calendar)).toEqual(bj('2027-01-01T17:30:00'));
  });

  it('counts only business time while paused, and moves the deadline on by it', () => {
    // Wednesday 17:30 to Friday 17:30: two working days of 7 hours.
    const paused = businessMinutesBetween(bj('2026-11-25T17:30:00'), bj('2026-11-27T17:30:00'), calendar);
    expect(paused).toBe(14 * 60);
    expect(moveByBusinessMinutes(bj('2026-12-01T17:30:00'), paused, calendar)).toEqual(bj('2026-12-03T17:30:00'));
    // A weekend and a lunch break count nothing.
    expect(businessMinutesBetween(bj('2026-11-27T17:30:00'), bj('2026-11-30T09:00:00'), calendar)).toBe(0);
    expect(businessMinutesBetween(bj('2026-11-24T11:30:00'), bj('2026-11-24T14:00:00'), calendar)).toBe(60);
    expect(businessMinutesBetween(bj('2026-11-24T14:00:00'), bj('2026-11-24T11:30:00'), calendar)).toBe(0);
  });
});
