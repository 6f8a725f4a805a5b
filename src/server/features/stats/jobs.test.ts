import { describe, expect, it } from 'vitest';
import { nextMonthlyRun } from './jobs.js';

describe('monthly report schedule', () => {
  it('runs at 02:00 Beijing time (18:00 UTC the day before) on the 1st of the Beijing month after the given moment', () => {
    expect(nextMonthlyRun(new Date('2026-11-24T01:00:00Z')).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(nextMonthlyRun(new Date('2026-11-30T15:59:59Z')).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(nextMonthlyRun(new Date('2026-11-30T16:00:00Z')).toISOString()).toBe('2026-12-31T18:00:00.000Z');
    expect(nextMonthlyRun(new Date('2026-11-30T18:00:00Z')).toISOString()).toBe('2026-12-31T18:00:00.000Z');
  });
});
