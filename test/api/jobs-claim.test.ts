import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock.js';
import type { DatabaseHandle } from '../../src/server/platform/db/database.js';
import { JobRunner, scheduleJob } from '../../src/server/platform/jobs.js';
import { createTestDatabase, testEngine } from '../support/db.js';

// Two processes work one jobs table; one of them has a broken SMS gateway. A failure must be
// recorded only while its claim still holds: a job the other process has finished meanwhile
// stays done and its message is not sent a second time.

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe(`job failures respect the claim (${testEngine})`, () => {
  it('runs every job’s successful handler exactly once while another worker keeps failing', async () => {
    const clock = new ManualClock('2026-11-24T06:00:00Z');
    const broken = new JobRunner(handle.db, clock);
    broken.register('test.sms', async () => {
      throw new Error('gateway down');
    });
    const working = new JobRunner(handle.db, clock);
    working.register('test.sms', async (trx, job) => {
      await trx
        .insertInto('system_counters')
        .values({ name: `sent:${job.id}`, value: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`system_counters.value + 1` }))
        .execute();
    });
    for (let i = 0; i < 40; i++) await scheduleJob(handle.db, clock, 'test.sms', { i }, { maxAttempts: 100 });

    for (let round = 0; round < 60; round++) {
      // Alternate who starts first, so neither worker can starve the other of the last job.
      const order = round % 2 ? [working, broken] : [broken, working];
      await Promise.all(order.map((r) => r.drain()));
      clock.advance(3_600_000);
    }

    const jobs = await handle.db.selectFrom('jobs').select(['id', 'status']).where('kind', '=', 'test.sms').execute();
    expect(jobs).toHaveLength(40);
    expect(jobs.filter((j) => j.status !== 'done')).toEqual([]);
    const sent = await handle.db
      .selectFrom('system_counters')
      .select(['name', 'value'])
      .where('name', 'like', 'sent:%')
      .execute();
    expect(sent).toHaveLength(40);
    expect(sent.filter((s) => Number(s.value) !== 1)).toEqual([]);
  });
});
