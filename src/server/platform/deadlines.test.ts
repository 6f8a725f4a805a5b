import { describe, expect, it } from 'vitest';
import { addDeadline, slaLevel, warningAt } from './deadlines.js';

const calendar = new Map([
  ['2026-10-01', false],
  ['2026-10-02', false],
  ['2026-10-05', false],
  ['2026-10-06', false],
  ['2026-10-07', false],
  ['2026-10-10', true], // a Saturday worked instead (调休)
]);

describe('deadlines', () => {
  it('counts wall-clock minutes by default', () => {
    expect(addDeadline(new Date('2026-11-24T01:00:00Z'), 30, false, calendar).toISOString()).toBe(
      '2026-11-24T01:30:00.000Z',
    );
  });

  it('skips weekends when a category counts working days', () => {
    // Friday 2026-11-27 16:00 Shanghai + 24 h of working time → Monday 16:00.
    expect(addDeadline(new Date('2026-11-27T08:00:00Z'), 24 * 60, true, calendar).toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('skips holidays and counts a worked Saturday', () => {
    // Wednesday 2026-09-30 12:00 Shanghai + 48 h: Sep 30 (12 h), Oct 1–7 off except …, Oct 8 (24 h), Oct 9 (12 h) → Oct 9 12:00.
    expect(addDeadline(new Date('2026-09-30T04:00:00Z'), 48 * 60, true, calendar).toISOString()).toBe(
      '2026-10-09T04:00:00.000Z',
    );
    // Friday Oct 9 12:00 + 24 h: the rest of Friday (12 h), Saturday Oct 10 is worked (12 h) → Oct 10 12:00.
    expect(addDeadline(new Date('2026-10-09T04:00:00Z'), 24 * 60, true, calendar).toISOString()).toBe(
      '2026-10-10T04:00:00.000Z',
    );
  });

  it('turns yellow at 80 % and red at the deadline', () => {
    const start = new Date('2026-11-24T01:00:00Z');
    const due = new Date('2026-11-24T01:30:00Z');
    expect(warningAt(start, due).toISOString()).toBe('2026-11-24T01:24:00.000Z');
    expect(slaLevel(start, due, new Date('2026-11-24T01:23:59Z'))).toBe('ok');
    expect(slaLevel(start, due, new Date('2026-11-24T01:24:00Z'))).toBe('yellow');
    expect(slaLevel(start, due, new Date('2026-11-24T01:30:00Z'))).toBe('red');
  });
});
