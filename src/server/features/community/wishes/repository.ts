import { sql, type Insertable, type Updateable } from 'kysely';
import { wishWallStates, type WishState } from '../../../../shared/community-wishes.js';
import type { Executor } from '../../../platform/audit.js';
import type { CommunityMicroActionsTable, CommunityWishesTable } from '../../../platform/db/schema-wishes.js';
import { escapeLike, inScope, pathAbove, pathUnder, pathUnderAny, type Scope } from '../../../platform/scope.js';

// Queries only, for 微心愿 · 微行动: wishes, the residents a wish is posted for, the units a liaison
// acts for, micro-actions and their sign-ups, and the year's numbers.

// ---- wishes

export async function insertWish(db: Executor, row: Insertable<CommunityWishesTable>) {
  await db.insertInto('community_wishes').values(row).execute();
}

export async function updateWish(db: Executor, id: string, set: Updateable<CommunityWishesTable>) {
  await db.updateTable('community_wishes').set(set).where('id', '=', id).execute();
}

/**
 * 认领: takes the wish only while it is on the wall. Two claims at once: the second waits for the
 * first's row lock, finds the state changed and takes nothing (returns undefined).
 */
export function claimWish(db: Executor, id: string, set: Updateable<CommunityWishesTable>) {
  return db
    .updateTable('community_wishes')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', 'published')
    .returning('id')
    .executeTakeFirst();
}

const wishColumns = (db: Executor) =>
  db
    .selectFrom('community_wishes as w')
    .innerJoin('places as c', 'c.id', 'w.community_id')
    .leftJoin('users as claimer', 'claimer.id', 'w.claimed_by')
    .leftJoin('organisations as o', 'o.id', 'w.claimer_organisation_id')
    .selectAll('w')
    .select([
      'c.name as community_name',
      'claimer.display_name as claimer_name',
      'o.name as claimer_organisation_name',
    ]);

export function findWish(db: Executor, id: string) {
  return wishColumns(db).where('w.id', '=', id).executeTakeFirst();
}

export function lockWish(db: Executor, id: string) {
  return db.selectFrom('community_wishes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Staff lists: wishes under the scope, optionally under one place (a building) and in one state. */
export function listWishes(
  db: Executor,
  filter: { scope: Scope; under: string | null; state: WishState | null; limit: number },
) {
  let query = wishColumns(db).where(inScope('w.place_path', filter.scope));
  if (filter.under) query = query.where(pathUnder('w.place_path', filter.under));
  if (filter.state) query = query.where('w.state', '=', filter.state);
  return query.orderBy('w.created_at', 'desc').limit(filter.limit).execute();
}

/** 心愿墙: a community's wishes past review and not withdrawn, newest first. */
export function wallWishes(db: Executor, communityId: string, limit: number) {
  return wishColumns(db)
    .where('w.community_id', '=', communityId)
    .where('w.state', 'in', wishWallStates)
    .orderBy(sql`case when w.state = 'published' then 0 else 1 end`)
    .orderBy('w.published_at', 'desc')
    .limit(limit)
    .execute();
}

/** 我的心愿: the wishes a user posted or that were posted for them. */
export function wishesOfUser(db: Executor, userId: string) {
  return wishColumns(db)
    .where((eb) => eb.or([eb('w.posted_by', '=', userId), eb('w.beneficiary_user_id', '=', userId)]))
    .orderBy('w.created_at', 'desc')
    .limit(200)
    .execute();
}

/** 我认领的: the wishes a user claimed, for themselves or for a unit. */
export function wishesClaimedBy(db: Executor, userId: string) {
  return wishColumns(db).where('w.claimed_by', '=', userId).orderBy('w.claimed_at', 'desc').limit(200).execute();
}

/** A registry resident a wish may be posted for, with their household's place. */
export function residentForWish(db: Executor, residentId: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.tenant_id', 'r.name', 'h.path as household_path'])
    .where('r.id', '=', residentId)
    .where('r.status', '=', 'active')
    .executeTakeFirst();
}

/** 代发心愿: residents under the poster's places, found by name (or its pinyin initials), the eldest first. */
export function residentsUnder(db: Executor, paths: readonly string[], q: string, limit: number) {
  let query = db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.name', 'r.birth_date', 'r.tags', 'h.name as household_name', 'h.path as household_path'])
    .where('r.status', '=', 'active')
    .where(pathUnderAny('h.path', paths));
  if (q)
    query = query.where((eb) =>
      eb.or([
        eb('r.name', 'like', `%${escapeLike(q)}%`),
        eb('r.name_initials', 'like', `${escapeLike(q.toLowerCase())}%`),
      ]),
    );
  // The eldest first: wishes are mostly posted for elderly residents.
  return query
    .orderBy(sql`r.birth_date asc nulls last`)
    .orderBy('h.path')
    .orderBy('r.name')
    .limit(limit)
    .execute();
}

/** The community (active place of kind community) holding a path. */
export function communityHolding(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();
}

/** The units a user acts for (organisation_liaisons), by name. */
export function liaisonUnits(db: Executor, userId: string) {
  return db
    .selectFrom('organisation_liaisons as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['o.id', 'o.name', 'o.tenant_id'])
    .where('l.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

// ---- micro-actions

export async function insertAction(db: Executor, row: Insertable<CommunityMicroActionsTable>) {
  await db.insertInto('community_micro_actions').values(row).execute();
}

export async function updateAction(db: Executor, id: string, set: Updateable<CommunityMicroActionsTable>) {
  await db.updateTable('community_micro_actions').set(set).where('id', '=', id).execute();
}

const actionColumns = (db: Executor) =>
  db
    .selectFrom('community_micro_actions as a')
    .innerJoin('places as c', 'c.id', 'a.community_id')
    .selectAll('a')
    .select((eb) => [
      'c.name as community_name',
      eb
        .selectFrom('community_micro_action_signups as s')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('s.action_id', '=', 'a.id')
        .as('signed_up'),
    ]);

export function findAction(db: Executor, id: string) {
  return actionColumns(db).where('a.id', '=', id).executeTakeFirst();
}

/** Locks the action: sign-ups of one action queue behind each other, so the slots are never exceeded. */
export function lockAction(db: Executor, id: string) {
  return db.selectFrom('community_micro_actions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listActions(db: Executor, filter: { scope: Scope; under: string | null; limit: number }) {
  let query = actionColumns(db).where(inScope('a.place_path', filter.scope));
  if (filter.under) query = query.where(pathUnder('a.place_path', filter.under));
  return query.orderBy('a.action_date', 'desc').limit(filter.limit).execute();
}

/** The actions of a community from a day on, open first: the phone's list. */
export function communityActions(db: Executor, communityId: string, fromDate: string) {
  return actionColumns(db)
    .where('a.community_id', '=', communityId)
    .where('a.state', '!=', 'cancelled')
    .where('a.action_date', '>=', fromDate)
    .orderBy('a.action_date')
    .limit(100)
    .execute();
}

export function signupCount(db: Executor, actionId: string) {
  return db
    .selectFrom('community_micro_action_signups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action_id', '=', actionId)
    .executeTakeFirstOrThrow();
}

export function insertSignup(
  db: Executor,
  row: { action_id: string; user_id: string; tenant_id: string; created_at: Date },
) {
  return db
    .insertInto('community_micro_action_signups')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
}

export async function deleteSignup(db: Executor, actionId: string, userId: string) {
  const result = await db
    .deleteFrom('community_micro_action_signups')
    .where('action_id', '=', actionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function signupsOf(db: Executor, actionId: string) {
  return db
    .selectFrom('community_micro_action_signups as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.took_part', 's.created_at', 'u.display_name'])
    .where('s.action_id', '=', actionId)
    .orderBy('s.created_at')
    .execute();
}

export async function markTookPart(db: Executor, actionId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  await db
    .updateTable('community_micro_action_signups')
    .set({ took_part: true })
    .where('action_id', '=', actionId)
    .where('user_id', 'in', userIds)
    .execute();
}

/** The actions a user signed up for. */
export function actionIdsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('community_micro_action_signups')
    .select(['action_id', 'took_part'])
    .where('user_id', '=', userId)
    .execute();
}

// ---- the year's numbers, per community in scope

export function wishNumbers(db: Executor, scope: Scope, under: string | null, from: Date, to: Date) {
  const inYear = (column: string) =>
    sql<number>`count(*) filter (where ${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to})`;
  let query = db
    .selectFrom('community_wishes as w')
    .innerJoin('places as c', 'c.id', 'w.community_id')
    .select([
      'c.id as community_id',
      'c.name as community_name',
      'c.code as community_code',
      inYear('w.created_at').as('posted'),
      inYear('w.published_at').as('published'),
      inYear('w.claimed_at').as('claimed'),
      inYear('w.fulfilled_at').as('fulfilled'),
    ])
    .where(inScope('w.place_path', scope));
  if (under) query = query.where(pathUnder('w.place_path', under));
  return query.groupBy(['c.id', 'c.name', 'c.code']).execute();
}

export function actionNumbers(db: Executor, scope: Scope, under: string | null, fromDate: string, toDate: string) {
  let query = db
    .selectFrom('community_micro_actions as a')
    .innerJoin('places as c', 'c.id', 'a.community_id')
    .leftJoin('community_micro_action_signups as s', (j) =>
      j.onRef('s.action_id', '=', 'a.id').on('s.took_part', '=', true),
    )
    .select([
      'c.id as community_id',
      'c.name as community_name',
      'c.code as community_code',
      sql<number>`count(distinct a.id)`.as('actions'),
      sql<number>`count(s.user_id)`.as('participants'),
    ])
    .where('a.state', '=', 'done')
    .where('a.action_date', '>=', fromDate)
    .where('a.action_date', '<', toDate)
    .where(inScope('a.place_path', scope));
  if (under) query = query.where(pathUnder('a.place_path', under));
  return query.groupBy(['c.id', 'c.name', 'c.code']).execute();
}

/** The name a user shows under (a resident without a registry record). */
export async function displayNameOf(db: Executor, userId: string) {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

// ---- photos

export function fileById(db: Executor, id: string) {
  return db.selectFrom('files').select(['id', 'storage_key', 'mime']).where('id', '=', id).executeTakeFirst();
}

/** The points the ledger credited for a wish (its fulfilment), to whoever claimed it. */
export function pointsForWish(db: Executor, wishId: string) {
  return db
    .selectFrom('points_entries')
    .select(sql<string>`coalesce(sum(points), 0)`.as('total'))
    .where('source_kind', '=', 'wish')
    .where('source_id', '=', wishId)
    .where('rule', '=', 'wish_fulfilled')
    .executeTakeFirstOrThrow();
}
