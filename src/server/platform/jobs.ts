import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { cutText } from '../../shared/text.js';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import type { Database, Job } from './db/schema.js';
import type { Executor } from './audit.js';
import { newId } from './ids.js';
import { log } from './logger.js';

// Background work lives in the jobs table. A worker claims a due job with FOR UPDATE SKIP LOCKED
// and runs its handler inside the claiming transaction, marking it done in the same commit: a
// process killed mid-job rolls back, the job stays queued, and it runs once after restart.
// Side effects outside the database (SMS, mail) go through an outbox written in that transaction.

export type JobHandler = (trx: Transaction<Database>, job: Job, ctx: { now: Date }) => Promise<void>;

/**
 * One kind of background work: its payload schema and its handler (as Documenso defines jobs).
 * Payloads are checked when queued and again when run, so a handler never reads a cast.
 */
export interface JobDefinition<Payload = unknown> {
  kind: string;
  payload: z.ZodType<Payload>;
  handler: (trx: Transaction<Database>, payload: Payload, ctx: { now: Date; job: Job }) => Promise<void>;
  /** A job that runs again and again (nightly rollups): the next run strictly after `after`. */
  recurring?: { next(after: Date): Date };
}

export const defineJob = <Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> => definition;

/** Queues a job of a defined kind, its payload checked by the kind's schema. */
export function queueJob<Payload>(
  trx: Executor,
  clock: Clock,
  definition: JobDefinition<Payload>,
  payload: Payload,
  options: ScheduleOptions = {},
): Promise<boolean> {
  const checked = definition.payload.parse(payload) as Record<string, unknown>;
  return scheduleJob(trx, clock, definition.kind, checked, options);
}

export interface ScheduleOptions {
  runAt?: Date;
  /** At most one job per key, ever: scheduling the same key again does nothing. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Queues a job in the caller's transaction. Returns false when the dedupe key already exists. */
export async function scheduleJob(
  trx: Executor,
  clock: Clock,
  kind: string,
  payload: Record<string, unknown>,
  options: ScheduleOptions = {},
): Promise<boolean> {
  const now = clock.now();
  const result = await trx
    .insertInto('jobs')
    .values({
      id: newId(),
      kind,
      payload: JSON.stringify(payload),
      run_at: options.runAt ?? now,
      max_attempts: options.maxAttempts ?? 5,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Exponential backoff: 10 s, 20 s, 40 s … capped at one hour. */
export const retryDelayMs = (attempts: number): number => Math.min(10_000 * 2 ** (attempts - 1), 3_600_000);

export interface RecurringJob {
  kind: string;
  /** Next run strictly after `after`. */
  next(after: Date): Date;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: RecurringJob[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Registers a defined job; a payload that fails its schema fails the job (and is retried, then dead). */
  add<Payload>(definition: JobDefinition<Payload>): void {
    const handler: JobHandler = async (trx, job, ctx) => {
      const parsed = definition.payload.safeParse(job.payload);
      if (!parsed.success) throw new Error(`${definition.kind}: payload does not fit: ${parsed.error.message}`);
      await definition.handler(trx, parsed.data, { ...ctx, job });
    };
    if (definition.recurring)
      this.registerRecurring({ kind: definition.kind, next: definition.recurring.next }, handler);
    else this.register(definition.kind, handler);
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** A job that runs again and again, e.g. nightly rollups; each occurrence is one deduplicated row. */
  registerRecurring(job: RecurringJob, handler: JobHandler): void {
    this.recurring.push(job);
    this.register(job.kind, async (trx, claimed, ctx) => {
      await handler(trx, claimed, ctx);
      await this.scheduleNextOccurrence(trx, job, ctx.now);
    });
  }

  private async scheduleNextOccurrence(trx: Executor, job: RecurringJob, after: Date): Promise<void> {
    const runAt = job.next(after);
    await scheduleJob(trx, this.clock, job.kind, {}, { runAt, dedupeKey: `${job.kind}@${runAt.toISOString()}` });
  }

  /** Makes sure every recurring job has its next occurrence queued. */
  async ensureRecurring(): Promise<void> {
    for (const job of this.recurring) await this.scheduleNextOccurrence(this.db, job, this.clock.now());
  }

  /** Claims and runs one due job. Returns false when none was due. */
  async runOne(): Promise<boolean> {
    const now = this.clock.now();
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    let claimed: Job | undefined;
    await this.db.transaction().execute(async (trx) => {
      claimed = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'queued')
        .where('run_at', '<=', now)
        // Only kinds this process knows: during a rolling upgrade an old process leaves new kinds alone.
        .where('kind', 'in', kinds)
        .orderBy('run_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!claimed) return;
      // The handler runs behind a savepoint: a failure undoes the handler's work but keeps the claim,
      // so the failure is recorded while this transaction still holds the row. Recording it after a
      // rollback, as a separate update, could re-queue a job another worker had meanwhile finished.
      await sql`savepoint job_handler`.execute(trx);
      try {
        await this.handlers.get(claimed.kind)!(trx, claimed, { now });
        await sql`release savepoint job_handler`.execute(trx);
      } catch (error) {
        await sql`rollback to savepoint job_handler`.execute(trx);
        await this.recordFailure(trx, claimed, error as Error, now);
        return;
      }
      await trx
        .updateTable('jobs')
        .set({ status: 'done', attempts: sql`attempts + 1`, finished_at: now, last_error: null })
        .where('id', '=', claimed.id)
        .execute();
    });
    return claimed !== undefined;
  }

  private async recordFailure(trx: Transaction<Database>, job: Job, error: Error, now: Date): Promise<void> {
    const attempts = job.attempts + 1;
    const dead = attempts >= job.max_attempts;
    log.warn('job failed', { jobId: job.id, kind: job.kind, attempts, dead, error: error.message });
    await trx
      .updateTable('jobs')
      .set({
        attempts,
        status: dead ? 'dead' : 'queued',
        run_at: new Date(now.getTime() + retryDelayMs(attempts)),
        last_error: cutText(error.message, 2000),
        finished_at: dead ? now : null,
      })
      .where('id', '=', job.id)
      .execute();
  }

  /** Runs due jobs until none is left (tests and the CLI use this). */
  async drain(limit = 10_000): Promise<number> {
    let count = 0;
    while (count < limit && (await this.runOne())) count++;
    return count;
  }

  start(pollMs: number): void {
    if (this.timer) return;
    const tick = async () => {
      try {
        await this.drain(100);
      } catch (error) {
        log.error('job loop error', { error: (error as Error).message });
      }
    };
    this.timer = setInterval(() => {
      if (!this.running) this.running = tick().finally(() => (this.running = null));
    }, pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
