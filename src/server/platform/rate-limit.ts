import { z } from 'zod';
import { defineJob } from './jobs.js';
import { sql } from 'kysely';
import type { Executor } from './audit.js';
import { AppError } from './errors.js';

/** The longest window any limit may use: a window that began longer ago than this is over, and pruned. */
export const longestWindowMs = 86_400_000;

/**
 * Fixed-window counter in the database; throws RATE_LIMITED past `limit` hits in the window, with
 * the seconds left until the window ends (sent as Retry-After).
 */
export async function hitRateLimit(
  db: Executor,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<void> {
  if (windowMs > longestWindowMs)
    throw new Error(`rate-limit window of ${windowMs} ms is longer than the pruning keeps`);
  const windowStart = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`CASE WHEN rate_limits.window_start <= ${windowStart} THEN 1 ELSE rate_limits.count + 1 END`,
        window_start: sql`CASE WHEN rate_limits.window_start <= ${windowStart} THEN ${now}::timestamptz ELSE rate_limits.window_start END`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  if (row.count > limit) {
    const endsAt = new Date(row.window_start).getTime() + windowMs;
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) });
  }
}

/** Deletes the counters of windows that are over; returns how many. */
export async function pruneRateLimits(db: Executor, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limits')
    .where('window_start', '<=', new Date(now.getTime() - longestWindowMs))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const hourMs = 3_600_000;

/** Every hour, on the hour: the table keeps only windows that may still be running. */
export const rateLimitPruning = defineJob({
  kind: 'rateLimits.prune',
  payload: z.object({}),
  recurring: { next: (after) => new Date((Math.floor(after.getTime() / hourMs) + 1) * hourMs) },
  handler: async (trx, _payload, { now }) => {
    await pruneRateLimits(trx, now);
  },
});
