import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions, registerJobs } from '../../src/server/jobs.js';
import { JobRunner, scheduleJob } from '../../src/server/platform/jobs.js';
import { createTestApp, Session, type TestContext } from '../support/app.js';
import { testEngine } from '../support/db.js';
import { buildWorld, givePhone, putOnDuty } from '../support/factories.js';

// Every kind of background work is registered from one list (src/server/jobs.ts), so a worker with
// no HTTP app — `linli jobs run` — runs the same deadline alarms and SMS as the server does.

let ctx: TestContext;
let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx.deps);
  await givePhone(ctx.deps, 'worker1', '13900000001');
  await putOnDuty(ctx.deps, 'worker1', world.c1.code);
});
afterAll(() => ctx.close());

/** A worker of its own: a runner that knows only what the registry gives it, no web app built on it. */
const bareWorker = () => {
  const runner = new JobRunner(ctx.deps.db, ctx.clock);
  registerJobs({ ...ctx.deps, jobs: runner });
  return runner;
};

describe(`the job registry (${testEngine})`, () => {
  it('runs a case’s deadline alarm and its SMS in a worker that has no HTTP app', async () => {
    const worker = await new Session(ctx).login('worker1');
    const filed = await worker.post('/api/v1/cases', {
      channel: 'hotline',
      placeCode: world.gridA.code,
      description: '小区消防通道被电动车堵塞',
      reporterName: '赵大爷',
      reporterPhone: '13800000011',
    });
    expect(filed.status).toBe(201);
    const runner = bareWorker();
    await runner.drain();
    ctx.clock.advance(24 * 3_600_000);
    await runner.drain();
    const row = await ctx.deps.db
      .selectFrom('cases')
      .select(['sla_level'])
      .where('tracking_code', '=', filed.body.trackingCode)
      .executeTakeFirstOrThrow();
    expect(row.sla_level).toBe('red');
    const overdue = await ctx.deps.db
      .selectFrom('sms_outbox')
      .select(['status'])
      .where('template', '=', 'sla_overdue')
      .execute();
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((m) => m.status === 'sent')).toBe(true);
  });

  it('knows every kind of job the app queues', async () => {
    await ctx.deps.jobs.ensureRecurring(); // the nightly and monthly work the server queues on start
    const known = new Set(jobDefinitions(ctx.deps).map((d) => d.kind));
    const queued = (await ctx.deps.db.selectFrom('jobs').select('kind').distinct().execute()).map((j) => j.kind);
    expect(queued).toEqual(
      expect.arrayContaining([
        'case.sla',
        'sms.send',
        'stats.monthlyReports',
        'files.sweepOrphans',
        'rateLimits.prune',
      ]),
    );
    expect(queued.filter((kind) => !known.has(kind))).toEqual([]);
  });

  it('refuses to run a job whose payload does not fit its kind, and keeps it for a retry', async () => {
    await scheduleJob(ctx.deps.db, ctx.clock, 'case.sla', { caseId: 'not-the-kernel-shape' });
    await bareWorker().drain();
    const job = await ctx.deps.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'last_error'])
      .where('kind', '=', 'case.sla')
      .where('status', '!=', 'done')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job.last_error).toContain('payload does not fit');
  });
});
