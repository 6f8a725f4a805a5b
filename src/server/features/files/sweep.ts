import type { JobRunner } from '../../platform/jobs.js';
import type { FileStorage } from '../../platform/storage.js';
import { deleteOrphans } from './repository.js';

// Files attached to nothing: photos of a report that never came (a crash between upload and case, a
// form abandoned after its photos went up), monthly reports made again. A day's grace covers the
// grid worker's offline queue, which uploads a photo first and sends its case a little later.

export const orphanGraceMs = 86_400_000;
const batch = 500;
const SHANGHAI = 8 * 3_600_000;

/** 03:00 Beijing time, the first after `after`. */
export function nextSweepRun(after: Date): Date {
  const local = new Date(after.getTime() + SHANGHAI);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 3) - SHANGHAI;
  return new Date(today > after.getTime() ? today : today + 86_400_000);
}

/**
 * The rows go in the job's transaction and their objects right after; should the commit then fail,
 * the rows come back without objects and the next sweep takes them (deleting nothing is no error).
 */
export function registerOrphanSweep(jobs: JobRunner, storage: FileStorage): void {
  jobs.registerRecurring({ kind: 'files.sweepOrphans', next: nextSweepRun }, async (trx, _job, { now }) => {
    const before = new Date(now.getTime() - orphanGraceMs);
    for (;;) {
      const keys = await deleteOrphans(trx, before, batch);
      for (const key of keys) await storage.delete(key);
      if (keys.length < batch) break;
    }
  });
}
