import { describe, expect, it } from 'vitest';
import { nextSweepRun } from './jobs.js';

describe('orphan sweep schedule', () => {
  it('runs at 03:00 Beijing time (19:00 UTC), the first one strictly after the given moment', () => {
    expect(nextSweepRun(new Date('2026-11-24T01:00:00Z')).toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(nextSweepRun(new Date('2026-11-24T18:59:59Z')).toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(nextSweepRun(new Date('2026-11-24T19:00:00Z')).toISOString()).toBe('2026-11-25T19:00:00.000Z');
    expect(nextSweepRun(new Date('2026-11-24T20:00:00Z')).toISOString()).toBe('2026-11-25T19:00:00.000Z');
  });
});
