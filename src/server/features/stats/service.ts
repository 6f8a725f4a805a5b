import type { Actor } from '../../platform/policy.js';
import * as dashboard from './dashboard.js';
import type { BreakdownBy, StatsQuery } from './dashboard.js';
import * as monthly from './monthly-service.js';
import type { MonthlyDeps } from './monthly-service.js';

export type { StatsQuery } from './dashboard.js';

// The statistics feature's operations, bound to what they are built from. The dashboard reads the
// daily rollup (dashboard.ts); monthly reports are made from the same numbers (monthly-service.ts).

export function createStatsService(deps: MonthlyDeps) {
  return {
    summary: (actor: Actor, q: StatsQuery) => dashboard.summary(deps, actor, q),
    trend: (actor: Actor, q: StatsQuery & { granularity: 'day' | 'week' | 'month' }) => dashboard.trend(deps, actor, q),
    breakdown: (actor: Actor, q: StatsQuery & { by: BreakdownBy }) => dashboard.breakdown(deps, actor, q),
    rawSummary: (actor: Actor, q: StatsQuery) => dashboard.rawSummary(deps, actor, q),
    monthlyReport: (actor: Actor, under: string, month: string) => monthly.monthlyReport(deps, actor, under, month),
    storedReports: (actor: Actor, under: string) => monthly.storedReports(deps, actor, under),
    storedReport: (actor: Actor, id: string) => monthly.storedReport(deps, actor, id),
    /** The monthly job's work, in the job's transaction (the service is built over it). */
    storeMonthlyReports: (now: Date) => monthly.storeMonthlyReports(deps, now),
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
