import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs.js';
import type { FileStorage } from '../../platform/storage.js';
import { sweepOrphans } from './service.js';

const SHANGHAI = 8 * 3_600_000;

/** 03:00 Beijing time, the first after `after`. */
export function nextSweepRun(after: Date): Date {
  const local = new Date(after.getTime() + SHANGHAI);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 3) - SHANGHAI;
  return new Date(today > after.getTime() ? today : today + 86_400_000);
}

/** Every night: files attached to nothing, past a day's grace, go (rows and objects). */
export const sweepOrphansJob = (deps: { storage: FileStorage }) =>
  defineJob({
    kind: 'files.sweepOrphans',
    payload: z.object({}),
    recurring: { next: nextSweepRun },
    handler: (trx, _payload, { now }) => sweepOrphans(trx, deps.storage, now),
  });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export const filesJobs = (deps: { storage: FileStorage }): JobDefinition<any>[] => [sweepOrphansJob(deps)];
