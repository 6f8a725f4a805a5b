import { describe, expect, it } from 'vitest';
import { nextDailyRun } from './jobs.js';
import { calendarWarning } from './service.js';

describe('the yearly calendar check', () => {
  it('runs daily at 08:00 Beijing time (00:00 UTC)', () => {
    expect(nextDailyRun(new Date('2026-10-31T23:59:59Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(nextDailyRun(new Date('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(nextDailyRun(new Date('2026-11-01T17:00:00Z')).toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('warns from 1 November (Beijing) about next year, and at any time about this year', () => {
    const confirmed2026 = [{ year: 2026, confirmed: true }];
    expect(calendarWarning(new Date('2026-10-31T15:59:59Z'), confirmed2026)).toBeNull(); // 23:59 on 31 October
    expect(calendarWarning(new Date('2026-10-31T16:00:00Z'), confirmed2026)).toEqual({ year: 2027, state: 'missing' });
    expect(
      calendarWarning(new Date('2026-11-20T00:00:00Z'), [...confirmed2026, { year: 2027, confirmed: false }]),
    ).toEqual({
      year: 2027,
      state: 'provisional',
    });
    expect(
      calendarWarning(new Date('2026-11-20T00:00:00Z'), [...confirmed2026, { year: 2027, confirmed: true }]),
    ).toBeNull();
    expect(calendarWarning(new Date('2027-03-01T00:00:00Z'), confirmed2026)).toEqual({ year: 2027, state: 'missing' });
  });
});
