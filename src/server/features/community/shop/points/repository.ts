import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../../../platform/audit.js';
import type { PointsRulesTable } from '../../../../platform/db/schema-community.js';
import { inScope, pathUnder, type Scope } from '../../../../platform/scope.js';

// Queries only, for the points ledger's views (积分规则, 积分流水, 积分排行). Entries are written only by
// platform/community/points.ts; nothing here writes points_entries.

/** Rules that spend or give back: not earnings, so not in a ranking. */
const notEarned = ['shop_redemption', 'shop_refund'];

export function communityRules(db: Executor, communityId: string) {
  return db
    .selectFrom('points_rules')
    .select(['rule', 'points', 'updated_at'])
    .where('community_id', '=', communityId)
    .execute();
}

export async function upsertRule(db: Executor, row: Insertable<PointsRulesTable>) {
  await db
    .insertInto('points_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'rule', 'tenant_id']).doUpdateSet({
        points: row.points,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The user's accounts (one per county where they have points), with the county's name. */
export function accountsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('points_accounts as a')
    .leftJoin('places as county', (j) =>
      j.onRef('county.tenant_id', '=', 'a.tenant_id').on('county.kind', '=', 'county'),
    )
    .select(['a.id', 'a.tenant_id', 'county.name as county_name'])
    .select((eb) =>
      eb
        .selectFrom('points_entries as e')
        .select(sql<string>`coalesce(sum(e.points), 0)`.as('b'))
        .whereRef('e.account_id', '=', 'a.id')
        .as('balance'),
    )
    .where('a.user_id', '=', userId)
    .orderBy('a.created_at')
    .execute();
}

/** An account's latest entries, with the community's name. */
export function accountEntries(db: Executor, accountId: string, limit: number) {
  return db
    .selectFrom('points_entries as e')
    .innerJoin('places as c', 'c.id', 'e.community_id')
    .select(['e.id', 'e.points', 'e.rule', 'e.source_kind', 'e.note', 'e.created_at', 'c.name as community_name'])
    .where('e.account_id', '=', accountId)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

export interface LedgerFilter {
  under?: string;
  rule?: string;
  from?: Date;
  to?: Date;
}

function ledgerQuery(db: Executor, scope: Scope, f: LedgerFilter) {
  let q = db
    .selectFrom('points_entries as e')
    .innerJoin('places as c', 'c.id', 'e.community_id')
    .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
    .where(inScope('c.path', scope));
  if (f.under) q = q.where(pathUnder('c.path', f.under));
  if (f.rule) q = q.where('e.rule', '=', f.rule);
  if (f.from) q = q.where('e.created_at', '>=', f.from);
  if (f.to) q = q.where('e.created_at', '<', f.to);
  return q;
}

/**
 * 积分流水 of the communities in scope, newest first: who holds the account (a user — `is_staff`
 * when they hold any membership — or an organisation) and the community the entry counts for.
 */
export async function ledger(db: Executor, scope: Scope, f: LedgerFilter, page: { offset: number; limit: number }) {
  const rows = await ledgerQuery(db, scope, f)
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'e.id',
      'e.points',
      'e.rule',
      'e.source_kind',
      'e.note',
      'e.corrects_entry_id',
      'e.created_at',
      'c.name as community_name',
      'c.path as community_path',
      'a.holder_kind',
      'u.display_name as user_name',
      'o.name as organisation_name',
    ])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('memberships as m').select('m.id').whereRef('m.user_id', '=', 'a.user_id'))
        .as('is_staff'),
    )
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await ledgerQuery(db, scope, f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** One entry with its community's path (to check scope before correcting it). */
export function findEntry(db: Executor, id: string) {
  return db
    .selectFrom('points_entries as e')
    .innerJoin('places as c', 'c.id', 'e.community_id')
    .select(['e.id', 'e.tenant_id', 'e.account_id', 'e.points', 'e.rule', 'c.path as community_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/**
 * 积分排行: points earned in [from, to) per holder and community (spends and refunds left out;
 * corrections count), highest first.
 */
export function ranking(db: Executor, scope: Scope, under: string | undefined, from: Date, to: Date) {
  let q = db
    .selectFrom('points_entries as e')
    .innerJoin('places as c', 'c.id', 'e.community_id')
    .innerJoin('points_accounts as a', 'a.id', 'e.account_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .where(inScope('c.path', scope))
    .where('e.rule', 'not in', notEarned)
    .where('e.created_at', '>=', from)
    .where('e.created_at', '<', to);
  if (under) q = q.where(pathUnder('c.path', under));
  return q
    .select([
      'a.id as account_id',
      'a.holder_kind',
      'c.id as community_id',
      'c.name as community_name',
      'u.display_name as user_name',
      'o.name as organisation_name',
    ])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('memberships as m').select('m.id').whereRef('m.user_id', '=', 'a.user_id'))
        .as('is_staff'),
    )
    .select(sql<string>`sum(e.points)`.as('points'))
    .groupBy(['a.id', 'a.holder_kind', 'c.id', 'c.name', 'u.display_name', 'o.name', 'a.user_id'])
    .orderBy(sql`sum(e.points)`, 'desc')
    .orderBy('a.id')
    .limit(1000)
    .execute();
}

/** Points earned and spent, and how many persons earned, per community in scope in [from, to). */
export function numbers(db: Executor, scope: Scope, under: string | undefined, from: Date, to: Date) {
  let q = db
    .selectFrom('points_entries as e')
    .innerJoin('places as c', 'c.id', 'e.community_id')
    .where(inScope('c.path', scope))
    .where('e.created_at', '>=', from)
    .where('e.created_at', '<', to);
  if (under) q = q.where(pathUnder('c.path', under));
  return q
    .select(['c.id', 'c.code', 'c.name'])
    .select(
      sql<string>`coalesce(sum(e.points) filter (where e.rule not in ('shop_redemption','shop_refund')), 0)`.as(
        'earned',
      ),
    )
    .select(
      sql<string>`coalesce(-sum(e.points) filter (where e.rule in ('shop_redemption','shop_refund')), 0)`.as('spent'),
    )
    .select(
      sql<string>`count(distinct e.account_id) filter (where e.points > 0 and e.rule not in ('shop_redemption','shop_refund'))`.as(
        'earners',
      ),
    )
    .groupBy(['c.id', 'c.code', 'c.name'])
    .orderBy('c.code')
    .execute();
}
