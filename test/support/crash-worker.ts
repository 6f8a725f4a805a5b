// A job worker that is killed in the middle of a job by jobs-crash.test.ts.
// argv: <pglite dir | postgres url>
import { ManualClock } from '../../src/server/platform/clock.js';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { JobRunner } from '../../src/server/platform/jobs.js';

const target = process.argv[2];
const handle = await openDatabase(target.startsWith('postgres') ? { databaseUrl: target } : { pgliteDir: target });
const runner = new JobRunner(handle.db, new ManualClock('2026-11-24T02:00:00Z'));
runner.register('test.effect', async (trx, job) => {
  await trx
    .insertInto('system_counters')
    .values({ name: `effect:${job.id}`, value: 1 })
    .execute();
  process.stdout.write('claimed\n');
  await new Promise(() => undefined); // hang until killed
});
await runner.runOne();
