import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { defineJob, type JobDefinition } from '../../platform/jobs.js';
import { log } from '../../platform/logger.js';
import { systemActor } from '../../platform/policy.js';
import * as repo from './repository.js';
import { trainCounty } from './train.js';

// Every night at 03:00 Beijing time each county's models learn again from the day's closed cases and
// corrections. One county's failure is logged and the others still train.

const SHANGHAI = 8 * 3_600_000;
const DAY = 86_400_000;

/** 03:00 Beijing time after `after`. */
export function nextNightlyRun(after: Date): Date {
  const three = Math.floor((after.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI + 3 * 3_600_000;
  return new Date(three > after.getTime() ? three : three + DAY);
}

export const retrainJob = (_deps: { clock: Clock }) =>
  defineJob({
    kind: 'dispatch.retrain',
    payload: z.object({}),
    recurring: { next: nextNightlyRun },
    handler: async (trx, _payload, { now }) => {
      for (const tenantId of await repo.countiesWithData(trx)) {
        try {
          await trainCounty(trx, (work) => work(trx), tenantId, systemActor(), now);
        } catch (error) {
          log.warn('dispatch retrain failed', { tenantId, error: (error as Error).message });
        }
      }
    },
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const dispatchJobs = (deps: { clock: Clock }): JobDefinition<any>[] => [retrainJob(deps)];
