import { sql } from 'kysely';
import type { Executor } from './audit.js';
import { AppError } from './errors.js';

/** Fixed-window counter in the database; throws RATE_LIMITED past `limit` hits in the window. */
export async function hitRateLimit(db: Executor, key: string, limit: number, windowMs: number, now: Date): Promise<void> {
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
    .returning('count')
    .executeTakeFirstOrThrow();
  if (row.count > limit) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(windowMs / 1000) });
}
