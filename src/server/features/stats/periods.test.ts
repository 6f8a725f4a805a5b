import { describe, expect, it } from 'vitest';
import { wholeMonths } from './periods.js';

describe('whole months of a period', () => {
  it('takes only months the period covers from their first to their last day', () => {
    expect(wholeMonths('2026-10-01', '2026-10-31')).toEqual({ first: '2026-10-01', last: '2026-10-01' });
    expect(wholeMonths('2025-12-08', '2026-12-07')).toEqual({ first: '2026-01-01', last: '2026-11-01' });
    expect(wholeMonths('2026-11-08', '2026-12-07')).toBeNull();
    expect(wholeMonths('2026-10-02', '2026-10-31')).toBeNull();
    expect(wholeMonths('2026-10-01', '2026-10-30')).toBeNull();
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({ first: '2024-02-01', last: '2024-02-01' });
    expect(wholeMonths('2026-02-01', '2026-02-28')).toEqual({ first: '2026-02-01', last: '2026-02-01' });
    expect(wholeMonths('2026-11-15', '2027-01-31')).toEqual({ first: '2026-12-01', last: '2027-01-01' });
  });
});
