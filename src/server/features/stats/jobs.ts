import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { defineJob, type JobDefinition } from '../../platform/jobs.js';
import type { FileStorage } from '../../platform/storage.js';
import { createStatsService } from './service.js';

const SHANGHAI = 8 * 3_600_000;
/** 02:00 Beijing time on the 1st of the month after `after`. */
export function nextMonthlyRun(after: Date): Date {
  const local = new Date(after.getTime() + SHANGHAI);
  const candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1, 2) - SHANGHAI;
  return new Date(candidate);
}

/** Last month's report of every street and community, made on the 1st at 02:00 and kept for download. */
export const monthlyReportsJob = (deps: { clock: Clock; storage: FileStorage }) =>
  defineJob({
    kind: 'stats.monthlyReports',
    payload: z.object({}),
    recurring: { next: nextMonthlyRun },
    handler: (trx, _payload, { now }) => createStatsService({ ...deps, db: trx }).storeMonthlyReports(now),
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const statsJobs = (deps: { clock: Clock; storage: FileStorage }): JobDefinition<any>[] => [
  monthlyReportsJob(deps),
];
