import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock.js';
import type { DatabaseHandle } from '../../src/server/platform/db/database.js';
import { JobRunner, scheduleJob } from '../../src/server/platform/jobs.js';
import { createTestDatabase, testEngine } from '../support/db.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const effects = async (prefix: string) =>
  await handle.db
    .selectFrom('system_counters')
    .select(['name', 'value'])
    .where('name', 'like', `${prefix}%`)
    .orderBy('name')
    .execute();
const jobRow = (id: string) =>
  handle.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', id).executeTakeFirstOrThrow();

describe(`jobs (${testEngine})`, () => {
  it('runs a due job once, in the transaction that marks it done; future jobs wait for their time', async () => {
    const clock = new ManualClock('2026-11-24T01:00:00Z');
    const runner = new JobRunner(handle.db, clock);
    runner.register('test.count', async (trx, job) => {
      await trx
        .insertInto('system_counters')
        .values({ name: `count:${(job.payload as { n: number }).n}`, value: 1 })
        .execute();
    });
    await scheduleJob(handle.db, clock, 'test.count', { n: 1 }, { dedupeKey: 'count-1' });
    await scheduleJob(
      handle.db,
      clock,
      'test.count',
      { n: 2 },
      { dedupeKey: 'count-2', runAt: new Date('2026-11-24T01:30:00Z') },
    );
    expect(await runner.drain()).toBe(1);
    expect((await effects('count:')).map((e) => e.name)).toEqual(['count:1']);
    expect((await jobRow('count-1')).status).toBe('done');
    expect((await jobRow('count-2')).status).toBe('queued');
    clock.set('2026-11-24T01:30:00Z');
    expect(await runner.drain()).toBe(1);
    expect(await runner.drain()).toBe(0);
    expect((await effects('count:')).map((e) => e.name)).toEqual(['count:1', 'count:2']);
  });

  it('keeps one job per dedupe key', async () => {
    const clock = new ManualClock();
    expect(await scheduleJob(handle.db, clock, 'test.dup', {}, { dedupeKey: 'dup' })).toBe(true);
    expect(await scheduleJob(handle.db, clock, 'test.dup', {}, { dedupeKey: 'dup' })).toBe(false);
    const rows = await handle.db.selectFrom('jobs').select('id').where('dedupe_key', '=', 'dup').execute();
    expect(rows).toHaveLength(1);
  });

  it('rolls back a failed attempt, retries with growing delays, and gives up after max attempts', async () => {
    const clock = new ManualClock('2026-11-24T03:00:00Z');
    const runner = new JobRunner(handle.db, clock);
    runner.register('test.flaky', async (trx) => {
      await trx.insertInto('system_counters').values({ name: 'flaky:partial', value: 1 }).execute();
      throw new Error('provider down');
    });
    await scheduleJob(handle.db, clock, 'test.flaky', {}, { dedupeKey: 'flaky', maxAttempts: 3 });
    await runner.drain();
    let job = await jobRow('flaky');
    expect(job.attempts).toBe(1);
    expect(job.status).toBe('queued');
    expect(job.last_error).toBe('provider down');
    expect(new Date(job.run_at).getTime() - clock.now().getTime()).toBe(10_000);
    expect(await effects('flaky:')).toEqual([]);
    clock.advance(10_000);
    await runner.drain();
    job = await jobRow('flaky');
    expect(new Date(job.run_at).getTime() - clock.now().getTime()).toBe(20_000);
    clock.advance(20_000);
    await runner.drain();
    job = await jobRow('flaky');
    expect(job.status).toBe('dead');
    expect(job.attempts).toBe(3);
    clock.advance(3_600_000);
    expect(await runner.drain()).toBe(0);
  });

  it('queues the next occurrence of a recurring job after each run', async () => {
    const clock = new ManualClock('2026-11-24T10:00:00Z');
    const runner = new JobRunner(handle.db, clock);
    const nextHour = (after: Date) => new Date(Math.floor(after.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
    let runs = 0;
    runner.registerRecurring({ kind: 'test.hourly', next: nextHour }, async () => {
      runs++;
    });
    await runner.ensureRecurring();
    await runner.ensureRecurring(); // a second process starting does not double it
    expect(await runner.drain()).toBe(0);
    clock.set('2026-11-24T11:00:05Z');
    expect(await runner.drain()).toBe(1);
    clock.set('2026-11-24T12:00:00Z');
    expect(await runner.drain()).toBe(1);
    expect(runs).toBe(2);
    const queued = await handle.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', 'test.hourly')
      .where('status', '=', 'queued')
      .execute();
    expect(queued.map((q) => new Date(q.run_at).toISOString())).toEqual(['2026-11-24T13:00:00.000Z']);
  });

  it('lets several workers drain the queue together without running a job twice', async () => {
    const clock = new ManualClock('2026-11-24T05:00:00Z');
    const seen: string[] = [];
    const runners = [0, 1, 2].map(() => {
      const r = new JobRunner(handle.db, clock);
      r.register('test.parallel', async (trx, job) => {
        seen.push(job.id);
        await trx
          .insertInto('system_counters')
          .values({ name: `parallel:${job.id}`, value: 1 })
          .execute();
      });
      return r;
    });
    for (let i = 0; i < 30; i++) await scheduleJob(handle.db, clock, 'test.parallel', { i });
    const counts = await Promise.all(runners.map((r) => r.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen).toHaveLength(30);
    expect(await effects('parallel:')).toHaveLength(30);
  });
});
