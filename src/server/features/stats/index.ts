// What other features may use of stats: keeping the daily rollup in step with a case (in the case's
// own transaction), rebuilding it, and the definitions of the rates. Everything else here is the feature's own.
export { rates, type Rates, type Totals } from './metrics.js';
export { placeTotals } from './dashboard.js';
export { statsJobs } from './jobs.js';
export { monthlyRoutes } from './monthly.js';
export { applyCaseChange, rebuildRollups } from './rollup.js';
export { statsRoutes } from './routes.js';
export { createStatsService, type StatsService } from './service.js';
