import { createHash } from 'node:crypto';
import type { Executor } from '../audit.js';
import { AppError } from '../errors.js';
import { hitRateLimit } from '../rate-limit.js';

// Failed guesses at a secret — a password, the current password, an SMS login code (OWASP ASVS 2.2).
// Each failure is counted under several bars at once (the account from this address, the address,
// the account from anywhere …), in the rate_limits table. A full bar refuses the next attempt before
// the secret is even checked, with RATE_LIMITED and the seconds left in its window; nothing stays
// locked longer than a window, and the narrowest bar (account + address) fills first, so a guesser
// locks out the pair they guess from, not the owner elsewhere.

export interface FailureBar {
  /** Names the bar in the audit log (`account.lockedOut`). */
  name: string;
  key: string;
  limit: number;
  windowMs: number;
}

/** A bar key part from user input (a typed username may be someone's password): never stored as typed. */
export const keyPart = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

// Reads the counter hitRateLimit keeps (a fixed window from its first hit) without counting.
async function counter(db: Executor, bar: FailureBar, now: Date) {
  const row = await db
    .selectFrom('rate_limits')
    .select(['count', 'window_start'])
    .where('key', '=', bar.key)
    .executeTakeFirst();
  if (!row) return { count: 0, endsAt: now };
  const endsAt = new Date(new Date(row.window_start).getTime() + bar.windowMs);
  return endsAt > now ? { count: row.count, endsAt } : { count: 0, endsAt: now };
}

/** Refuses (429 RATE_LIMITED, `retryAfterSeconds`: until the last full bar empties) when any bar is full. */
export async function assertNotThrottled(db: Executor, bars: FailureBar[], now: Date): Promise<void> {
  let waitMs = 0;
  for (const bar of bars) {
    const { count, endsAt } = await counter(db, bar, now);
    if (count >= bar.limit) waitMs = Math.max(waitMs, endsAt.getTime() - now.getTime());
  }
  if (waitMs > 0) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
}

/** Counts one failure on every bar; returns the bars this failure filled, each with the end of its lock-out. */
export async function countFailure(
  db: Executor,
  bars: FailureBar[],
  now: Date,
): Promise<{ bar: FailureBar; until: Date }[]> {
  const filled: { bar: FailureBar; until: Date }[] = [];
  for (const bar of bars) {
    // The refusal is assertNotThrottled's, before the next guess; here the counter only counts.
    await hitRateLimit(db, bar.key, Number.MAX_SAFE_INTEGER, bar.windowMs, now);
    const { count, endsAt } = await counter(db, bar, now);
    if (count === bar.limit) filled.push({ bar, until: endsAt });
  }
  return filled;
}

/** Empties a bar (the owner got in: her mistakes from this address are forgiven). */
export async function clearBar(db: Executor, bar: FailureBar): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', bar.key).execute();
}
