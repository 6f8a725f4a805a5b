import { describe, expect, it } from 'vitest';
import { addDeadline, defaultBusinessHours, slaLevel, warningAt } from './deadlines.js';

const days = new Map([
  ['2026-10-01', false],
  ['2026-10-02', false],
  ['2026-10-05', false],
  ['2026-10-06', false],
  ['2026-10-07', false],
  ['2026-10-10', true], // a Saturday worked instead (调休)
  ['2027-01-01', false], // 元旦
]);
const calendar = { days, hours: defaultBusinessHours }; // 09:00–12:00, 13:30–17:30
/** Beijing wall time → the ISO instant, so expectations read as the county does. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
const due = (startLocal: string, minutes: number, businessDays = true, cal = calendar) =>
  addDeadline(new Date(bj(startLocal)), minutes, businessDays, cal).toISOString();
const DAY = 24 * 60;

describe('deadlines', () => {
  it('counts wall-clock minutes by default', () => {
    expect(addDeadline(new Date('2026-11-24T01:00:00Z'), 30, false, calendar).toISOString()).toBe(
      '2026-11-24T01:30:00.000Z',
    );
    expect(due('2026-11-29T22:00', 120, false)).toBe(bj('2026-11-30T00:00'));
  });

  // Before business hours these limits were 24-hour days (Friday 16:00 + 1 day → Monday 16:00); a
  // working day now ends at closing time, and the day the clock starts is not counted.
  it('ends N working days at closing time of the N-th working day after the start, skipping weekends', () => {
    expect(due('2026-11-27T16:00', DAY)).toBe(bj('2026-11-30T17:30')); // Friday → Monday
    expect(due('2026-11-24T10:00', 3 * DAY)).toBe(bj('2026-11-27T17:30')); // Tuesday → Friday
  });

  it('does not count 2027-01-01: 5 working days from 2026-12-30 end on 2027-01-07 at 17:30', () => {
    expect(due('2026-12-30T10:00', 5 * DAY)).toBe(bj('2027-01-07T17:30'));
    expect(due('2026-12-30T16:59', 120 * 60)).toBe(bj('2027-01-07T17:30')); // 120 hours is 5 days too
  });

  it('skips holidays and counts a worked Saturday (调休)', () => {
    // Wednesday 2026-09-30: Oct 1–7 off except the weekend → Oct 8 is the 1st working day, Oct 9 the 2nd.
    expect(due('2026-09-30T12:00', 2 * DAY)).toBe(bj('2026-10-09T17:30'));
    // Friday Oct 9 + 1 working day: Saturday Oct 10 is worked.
    expect(due('2026-10-09T12:00', DAY)).toBe(bj('2026-10-10T17:30'));
    // Short limits count inside the worked Saturday's hours too.
    expect(due('2026-10-09T17:00', 120)).toBe(bj('2026-10-10T10:30'));
  });

  it('a case entered on Sunday falls due inside Monday business hours, not at 04:00', () => {
    expect(due('2026-11-29T22:00', 240)).toBe(bj('2026-11-30T14:30')); // 09:00–12:00, then 13:30–14:30
    expect(due('2026-11-29T03:00', 60)).toBe(bj('2026-11-30T10:00'));
    expect(due('2026-11-29T22:00', DAY)).toBe(bj('2026-11-30T17:30')); // Monday is the first day after Sunday
  });

  it('a start after closing time counts from the next opening', () => {
    expect(due('2026-11-24T18:40', 120)).toBe(bj('2026-11-25T11:00'));
    expect(due('2026-11-27T17:45', 30)).toBe(bj('2026-11-30T09:30')); // Friday evening → Monday
    expect(due('2026-11-24T18:40', DAY)).toBe(bj('2026-11-25T17:30'));
  });

  it('does not count the lunch break', () => {
    expect(due('2026-11-24T11:30', 60)).toBe(bj('2026-11-24T14:00'));
    expect(due('2026-11-24T12:30', 60)).toBe(bj('2026-11-24T14:30')); // started in the break
    expect(due('2026-11-24T11:00', 60)).toBe(bj('2026-11-24T12:00')); // ends exactly at the break
  });

  it('counts what is left over after whole days in business minutes from that closing time', () => {
    // 1 day 2 hours from Tuesday: Wednesday 17:30, then 2 business hours → Thursday 11:00.
    expect(due('2026-11-24T10:00', DAY + 120)).toBe(bj('2026-11-26T11:00'));
  });

  it('follows the county’s own hours', () => {
    const hours = [{ open: 8 * 60 + 30, close: 17 * 60 + 30 }]; // 08:30–17:30, no break
    expect(due('2026-11-24T11:30', 60, true, { days, hours })).toBe(bj('2026-11-24T12:30'));
    expect(due('2026-11-24T18:00', 60, true, { days, hours })).toBe(bj('2026-11-25T09:30'));
    expect(due('2026-11-24T10:00', DAY, true, { days, hours })).toBe(bj('2026-11-25T17:30'));
  });

  it('a zero limit is due at once', () => {
    expect(due('2026-11-29T22:00', 0)).toBe(bj('2026-11-29T22:00'));
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
