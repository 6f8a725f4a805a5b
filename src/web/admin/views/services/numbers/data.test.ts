import { describe, expect, it } from 'vitest';
import { last30, percent } from './data';

describe('services numbers on the page', () => {
  it('shows rates as percentages, nothing to count as —', () => {
    expect(percent(0.5)).toBe('50.0%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(null)).toBe('—');
  });

  it('defaults to the last 30 days in Beijing time', () => {
    expect(last30(Date.parse('2026-11-23T17:00:00Z'))).toEqual(['2026-10-26', '2026-11-24']);
  });
});
