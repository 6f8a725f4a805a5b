import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/server/platform/db/database.js';
import { migrateToLatest } from '../../src/server/platform/db/migrate.js';
import { JobRunner, scheduleJob } from '../../src/server/platform/jobs.js';
import { createTestDatabase, testEngine } from '../support/db.js';

// A worker process is killed (SIGKILL) in the middle of a job. After restart the job runs
// exactly once: the killed attempt left no trace, and nothing is lost.

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** The database target a child process can open, plus a way to (re)open it here. */
async function prepareTarget(): Promise<{ target: string; open: () => Promise<DatabaseHandle> }> {
  if (testEngine === 'postgres') {
    const handle = await createTestDatabase();
    cleanups.push(() => handle.close());
    return { target: handle.url!, open: async () => ({ ...handle, close: async () => undefined }) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-crash-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const target = path.join(dir, 'pg');
  const first = await openDatabase({ pgliteDir: target });
  await migrateToLatest(first.db);
  await first.close();
  return { target, open: () => openDatabase({ pgliteDir: target }) };
}

function runWorkerUntilClaimed(target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/crash-worker.ts'), target], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (d) => (errors += d));
    child.stdout.on('data', (d) => {
      if (String(d).includes('claimed')) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`worker ended without being killed: ${errors}`)),
    );
  });
}

describe(`jobs survive a process kill (${testEngine})`, () => {
  it('runs the interrupted job exactly once after restart', async () => {
    const { target, open } = await prepareTarget();
    const clock = new ManualClock('2026-11-24T02:00:00Z');
    let handle = await open();
    await scheduleJob(handle.db, clock, 'test.effect', {}, { dedupeKey: 'crash-job' });
    await handle.close();

    await runWorkerUntilClaimed(target);

    handle = await open();
    const job = await handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', 'crash-job')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('queued');
    expect(
      await handle.db.selectFrom('system_counters').select('name').where('name', 'like', 'effect:%').execute(),
    ).toEqual([]);

    const runner = new JobRunner(handle.db, clock);
    runner.register('test.effect', async (trx, claimed) => {
      await trx
        .insertInto('system_counters')
        .values({ name: `effect:${claimed.id}`, value: 1 })
        .execute();
    });
    expect(await runner.drain()).toBe(1);
    expect(await runner.drain()).toBe(0);
    const effects = await handle.db
      .selectFrom('system_counters')
      .select('name')
      .where('name', 'like', 'effect:%')
      .execute();
    expect(effects).toEqual([{ name: `effect:${job.id}` }]);
    expect(
      (await handle.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status,
    ).toBe('done');
    await handle.close();
  });
});
