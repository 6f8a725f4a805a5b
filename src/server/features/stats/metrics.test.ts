import { describe, expect, it } from 'vitest';
import { rates } from './metrics.js';

const zero = {
  received: 0,
  valid: 0,
  contacted: 0,
  contacted_on_time: 0,
  contact_minutes: 0,
  resolved: 0,
  resolved_on_time: 0,
  resolve_minutes: 0,
  closed: 0,
  rated: 0,
  solved: 0,
  satisfied: 0,
  reopened: 0,
};

describe('rate definitions', () => {
  it('computes the 三率 and the closure and on-time rates on known numbers', () => {
    // 白银: 22,000 valid appeals, 21,320 closed → 96.91 %.
    const r = rates({
      ...zero,
      received: 22_500,
      valid: 22_000,
      closed: 21_320,
      contacted: 21_800,
      contacted_on_time: 20_900,
      contact_minutes: 21_800 * 12,
      resolved: 21_500,
      resolved_on_time: 20_425,
      resolve_minutes: 21_500 * 30 * 60,
      rated: 18_000,
      solved: 17_100,
      satisfied: 17_280,
      reopened: 430,
    });
    expect(r.closureRate).toBe(0.9691);
    expect(r.responseRate).toBe(0.95);
    expect(r.resolutionRate).toBe(0.95);
    expect(r.satisfactionRate).toBe(0.96);
    expect(r.onTimeRate).toBe(0.95);
    expect(r.reopenRate).toBe(0.02);
    expect(r.avgContactMinutes).toBe(12);
    expect(r.avgResolveHours).toBe(30);
  });

  it('says nothing rather than 0 % when there is nothing to divide by', () => {
    expect(rates(zero)).toMatchObject({ responseRate: null, satisfactionRate: null, avgResolveHours: null });
  });
});
