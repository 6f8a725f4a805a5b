import { sql } from 'kysely';
import { defaultPointsRates, pointsAmountRules, type PointsRule } from '../../../shared/points.js';
import type { Executor } from '../audit.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';

// 积分账本 (issue 16): the one way any area of community life writes points. The ledger is
// append-only (the database refuses UPDATE and DELETE); the balance is the sum of the entries.
// Earning is idempotent per (account, rule, source): a retried check-out credits its hours once.
// Spending and negative corrections lock the account row first, so concurrent spends queue and the
// balance never goes below zero.

export type PointsHolder = { userId: string } | { organisationId: string };
export interface PointsSource {
  /** what earned or spent the points: 'activity_signup', 'wish', 'redemption', 'steward_month' … */
  kind: string;
  id: string;
}

export interface PointsWrite {
  tenantId: string;
  holder: PointsHolder;
  /** the community the points count for (rankings and counts are per community) */
  communityId: string;
  rule: PointsRule;
  source: PointsSource;
  note?: string;
  /** who made the entry (a user); null when the system did */
  createdBy: string | null;
}

/** The holder's account in the county, made on first use. */
export async function pointsAccountFor(db: Executor, tenantId: string, holder: PointsHolder, now: Date) {
  const userId = 'userId' in holder ? holder.userId : null;
  const organisationId = 'organisationId' in holder ? holder.organisationId : null;
  const find = () =>
    db
      .selectFrom('points_accounts')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where(userId ? 'user_id' : 'organisation_id', '=', (userId ?? organisationId)!)
      .executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  await db
    .insertInto('points_accounts')
    .values({
      id: newId(),
      tenant_id: tenantId,
      holder_kind: userId ? 'user' : 'organisation',
      user_id: userId,
      organisation_id: organisationId,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await find())!.id;
}

/** Points per unit of an earning rule in a community: its own rate, else the default. */
export async function pointsRate(db: Executor, communityId: string, rule: PointsRule): Promise<number> {
  const own = await db
    .selectFrom('points_rules')
    .select('points')
    .where('community_id', '=', communityId)
    .where('rule', '=', rule)
    .executeTakeFirst();
  return own?.points ?? defaultPointsRates[rule] ?? 0;
}

/** The balance: the sum of the account's entries. */
export async function pointsBalance(db: Executor, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('points_entries')
    .select(sql<string>`coalesce(sum(points), 0)`.as('total'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

async function insertEntry(
  db: Executor,
  accountId: string,
  write: PointsWrite,
  points: number,
  corrects: string | null,
  now: Date,
) {
  const id = newId();
  const inserted = await db
    .insertInto('points_entries')
    .values({
      id,
      tenant_id: write.tenantId,
      account_id: accountId,
      community_id: write.communityId,
      points,
      rule: write.rule,
      source_kind: write.source.kind,
      source_id: write.source.id,
      note: write.note ?? '',
      corrects_entry_id: corrects,
      created_by: write.createdBy,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? { id, accountId, points } : null;
}

/**
 * Credits points for an earning rule: `quantity` units at the community's rate (hours served: the
 * minutes / 60), or `points` as given for the rules that carry their own amount (a unit's list entry).
 * Returns null when nothing was credited: a zero amount, or this source already earned it.
 */
export async function awardPoints(
  db: Executor,
  write: PointsWrite & { quantity?: number; points?: number },
  now: Date,
) {
  const amount = pointsAmountRules.includes(write.rule)
    ? Math.round(write.points ?? 0)
    : Math.round((await pointsRate(db, write.communityId, write.rule)) * (write.quantity ?? 1));
  if (amount <= 0) return null;
  const accountId = await pointsAccountFor(db, write.tenantId, write.holder, now);
  return insertEntry(db, accountId, write, amount, null, now);
}

/** Locks the account for a debit and returns its balance; the lock holds to the end of the transaction. */
async function lockedBalance(db: Executor, accountId: string) {
  await db.selectFrom('points_accounts').select('id').where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
  return pointsBalance(db, accountId);
}

/**
 * Debits `points` (> 0) for a spend (rule shop_redemption): refused with POINTS_INSUFFICIENT when the
 * balance would go below zero. Call it inside the transaction that records what was bought.
 */
export async function spendPoints(db: Executor, write: PointsWrite & { points: number }, now: Date) {
  if (!Number.isInteger(write.points) || write.points <= 0) throw new AppError('VALIDATION_FAILED');
  const accountId = await pointsAccountFor(db, write.tenantId, write.holder, now);
  const balance = await lockedBalance(db, accountId);
  if (balance < write.points) throw new AppError('POINTS_INSUFFICIENT', { balance, needed: write.points });
  const entry = await insertEntry(db, accountId, write, -write.points, null, now);
  if (!entry) throw new AppError('CONFLICT');
  return { ...entry, balance: balance - write.points };
}

/**
 * 更正: a new entry of `points` (either sign, not zero) naming the entry it corrects; never an edit.
 * A negative correction may not take the balance below zero.
 */
export async function correctPoints(
  db: Executor,
  correction: { entryId: string; points: number; note: string; createdBy: string },
  now: Date,
) {
  if (!Number.isInteger(correction.points) || correction.points === 0) throw new AppError('VALIDATION_FAILED');
  const original = await db
    .selectFrom('points_entries')
    .selectAll()
    .where('id', '=', correction.entryId)
    .executeTakeFirst();
  if (!original) throw new AppError('NOT_FOUND');
  const balance = await lockedBalance(db, original.account_id);
  if (balance + correction.points < 0)
    throw new AppError('POINTS_INSUFFICIENT', { balance, needed: -correction.points });
  const entry = await insertEntry(
    db,
    original.account_id,
    {
      tenantId: original.tenant_id,
      holder: { userId: '' }, // not used: the account is known
      communityId: original.community_id,
      rule: 'correction',
      source: { kind: 'points_entry', id: original.id },
      note: correction.note,
      createdBy: correction.createdBy,
    },
    correction.points,
    original.id,
    now,
  );
  return { ...entry!, balance: balance + correction.points };
}
