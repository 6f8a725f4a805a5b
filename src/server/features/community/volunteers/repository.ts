import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  ActivitySignupsTable,
  ActivityState,
  PostClaimsTable,
  PostServiceRecordsTable,
  VolunteerActivitiesTable,
  VolunteerPostsTable,
} from '../../../platform/db/schema-volunteers.js';
import { inScope, pathUnder, type Scope } from '../../../platform/scope.js';

// Queries only, for 志愿服务 · 双报到认岗: activities, sign-ups, posts, claims, service records.

// The columns an activity is shown with: never the check-in token, in any form.
const activityColumns = [
  'a.id',
  'a.tenant_id',
  'a.community_id',
  'a.place_path',
  'a.team_id',
  'a.title',
  'a.description',
  'a.address',
  'a.lng',
  'a.lat',
  'a.radius_m',
  'a.starts_at',
  'a.ends_at',
  'a.capacity',
  'a.signup_deadline',
  'a.attend_points',
  'a.state',
  'a.cancel_reason',
  'a.created_at',
] as const;

const signedUpCount = sql<number>`(select count(*)::int from activity_signups s where s.activity_id = a.id and s.state = 'signed_up')`;
const waitingCount = sql<number>`(select count(*)::int from activity_signups s where s.activity_id = a.id and s.state = 'waiting')`;

const activities = (db: Executor) =>
  db
    .selectFrom('volunteer_activities as a')
    .innerJoin('places as p', 'p.id', 'a.community_id')
    .leftJoin('volunteer_teams as t', 't.id', 'a.team_id')
    .select(activityColumns)
    .select(['p.name as community_name', 't.name as team_name'])
    .select(signedUpCount.as('signed_up'))
    .select(waitingCount.as('waiting'));

export type ActivityRow = Awaited<ReturnType<typeof findActivity>> & object;

// ---- activities

export async function insertActivity(db: Executor, row: Insertable<VolunteerActivitiesTable>) {
  await db.insertInto('volunteer_activities').values(row).execute();
}

export async function updateActivity(db: Executor, id: string, set: Updateable<VolunteerActivitiesTable>) {
  await db.updateTable('volunteer_activities').set(set).where('id', '=', id).execute();
}

export function findActivity(db: Executor, id: string) {
  return activities(db).where('a.id', '=', id).executeTakeFirst();
}

/** Locks the activity row: sign-ups and cancellations of one activity queue behind it. */
export function lockActivity(db: Executor, id: string) {
  return db
    .selectFrom('volunteer_activities')
    .select(['id', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The activity of a check-in token, by the token's hash. */
export function activityByTokenHash(db: Executor, hash: string) {
  return db.selectFrom('volunteer_activities').select('id').where('checkin_token_hash', '=', hash).executeTakeFirst();
}

export function activityToken(db: Executor, id: string) {
  return db.selectFrom('volunteer_activities').select('checkin_token_enc').where('id', '=', id).executeTakeFirst();
}

/** Activities in the scope (staff), newest first; optional place, state and year (by start, Beijing time). */
export function listActivities(
  db: Executor,
  scope: Scope,
  filter: { under?: string | null; state?: string | null; year?: number | null },
) {
  let q = activities(db).where(inScope('a.place_path', scope));
  if (filter.under) q = q.where(pathUnder('a.place_path', filter.under));
  if (filter.state) q = q.where('a.state', '=', filter.state as ActivityState);
  if (filter.year)
    q = q.where(sql<boolean>`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${filter.year}`);
  return q.orderBy('a.starts_at', 'desc').limit(500).execute();
}

/** Published activities that have not ended, of a county, a person's community first. */
export function openActivities(db: Executor, tenantId: string, communityId: string | null, now: Date) {
  return activities(db)
    .where('a.tenant_id', '=', tenantId)
    .where('a.state', '=', 'published')
    .where('a.ends_at', '>', now)
    .orderBy(sql`case when a.community_id = ${communityId} then 0 else 1 end`)
    .orderBy('a.starts_at')
    .limit(200)
    .execute();
}

// ---- sign-ups

export async function insertSignup(db: Executor, row: Insertable<ActivitySignupsTable>) {
  await db.insertInto('activity_signups').values(row).execute();
}

export async function updateSignup(db: Executor, id: string, set: Updateable<ActivitySignupsTable>) {
  await db.updateTable('activity_signups').set(set).where('id', '=', id).execute();
}

export function findSignup(db: Executor, activityId: string, userId: string) {
  return db
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function findSignupById(db: Executor, id: string) {
  return db.selectFrom('activity_signups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countSignedUp(db: Executor, activityId: string): Promise<number> {
  const row = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('state', '=', 'signed_up')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first on the waiting list (候补), in order of queueing. */
export function firstWaiting(db: Executor, activityId: string) {
  return db
    .selectFrom('activity_signups as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 'u.phone_enc'])
    .where('s.activity_id', '=', activityId)
    .where('s.state', '=', 'waiting')
    .orderBy('s.queued_at')
    .orderBy('s.id')
    .limit(1)
    .executeTakeFirst();
}

/** How many wait before this sign-up (by queueing time, then id: ids grow with time). */
export async function waitingAhead(db: Executor, activityId: string, queuedAt: Date, id: string) {
  const row = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('state', '=', 'waiting')
    .where((eb) => eb.or([eb('queued_at', '<', queuedAt), eb.and([eb('queued_at', '=', queuedAt), eb('id', '<', id)])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An activity's sign-ups with the person's name (staff only: names are shown in full). */
export function listSignups(db: Executor, activityId: string) {
  return db
    .selectFrom('activity_signups as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.guest_name',
      's.state',
      's.queued_at',
      's.checked_in_at',
      's.checked_out_at',
      's.checkin_method',
      's.minutes',
      'u.display_name',
      'u.phone_masked',
    ])
    .where('s.activity_id', '=', activityId)
    .orderBy(sql`case s.state when 'signed_up' then 0 when 'waiting' then 1 else 2 end`)
    .orderBy('s.queued_at')
    .execute();
}

/** A person's sign-ups with their activities, newest first. */
export function signupsOfUser(db: Executor, userId: string) {
  return activities(db)
    .innerJoin('activity_signups as s', 's.activity_id', 'a.id')
    .select([
      's.id as signup_id',
      's.state as signup_state',
      's.checked_in_at',
      's.checked_out_at',
      's.minutes',
      's.queued_at',
    ])
    .where('s.user_id', '=', userId)
    .orderBy('a.starts_at', 'desc')
    .limit(200)
    .execute();
}

/** Activities a person attended in a year (Beijing time), optionally only those in a scope. */
export function attendedInYear(db: Executor, userId: string, year: number, scope: Scope | null) {
  let q = db
    .selectFrom('activity_signups as s')
    .innerJoin('volunteer_activities as a', 'a.id', 's.activity_id')
    .innerJoin('places as p', 'p.id', 'a.community_id')
    .select(['a.id', 'a.title', 'a.starts_at', 'p.name as community_name', 's.minutes'])
    .where('s.user_id', '=', userId)
    .where('s.checked_in_at', 'is not', null)
    .where(sql<boolean>`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${year}`);
  if (scope) q = q.where(inScope('a.place_path', scope));
  return q.orderBy('a.starts_at').execute();
}

/** Hours per person of the activities in a scope and year: persons (users) and guests by name. */
export function hoursPerPerson(db: Executor, scope: Scope, year: number, under: string | null) {
  let q = db
    .selectFrom('activity_signups as s')
    .innerJoin('volunteer_activities as a', 'a.id', 's.activity_id')
    .innerJoin('places as p', 'p.id', 'a.community_id')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.user_id',
      sql<string>`coalesce(u.display_name, s.guest_name)`.as('name'),
      'p.name as community_name',
      sql<number>`count(*)::int`.as('activities'),
      sql<number>`coalesce(sum(s.minutes), 0)::int`.as('minutes'),
    ])
    .where(inScope('a.place_path', scope))
    .where('s.checked_in_at', 'is not', null)
    .where(sql<boolean>`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${year}`)
    .groupBy(['s.user_id', sql`coalesce(u.display_name, s.guest_name)`, 'p.name']);
  if (under) q = q.where(pathUnder('a.place_path', under));
  return q.orderBy('minutes', 'desc').limit(5000).execute();
}

/** A year's figures per community in the scope: activities held, participants, minutes served. */
export function activityNumbers(db: Executor, scope: Scope, year: number, under: string | null) {
  let q = db
    .selectFrom('volunteer_activities as a')
    .innerJoin('places as p', 'p.id', 'a.community_id')
    .leftJoin('activity_signups as s', (j) =>
      j.onRef('s.activity_id', '=', 'a.id').on('s.checked_in_at', 'is not', null),
    )
    .select([
      'p.code',
      'p.name',
      sql<number>`count(distinct a.id) filter (where a.state = 'finished')::int`.as('held'),
      sql<number>`count(distinct coalesce(s.user_id::text, s.id::text))::int`.as('participants'),
      sql<number>`count(s.id)::int`.as('attendances'),
      sql<number>`coalesce(sum(s.minutes), 0)::int`.as('minutes'),
    ])
    .where(inScope('a.place_path', scope))
    .where('a.state', '<>', 'cancelled')
    .where(sql<boolean>`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${year}`)
    .groupBy(['p.code', 'p.name']);
  if (under) q = q.where(pathUnder('a.place_path', under));
  return q.orderBy('p.code').execute();
}

// ---- posts and claims

export async function insertPost(db: Executor, row: Insertable<VolunteerPostsTable>) {
  await db.insertInto('volunteer_posts').values(row).execute();
}

export async function updatePost(db: Executor, id: string, set: Updateable<VolunteerPostsTable>) {
  await db.updateTable('volunteer_posts').set(set).where('id', '=', id).execute();
}

const claimedCount = sql<number>`(select count(*)::int from post_claims c where c.post_id = v.id and c.ended_at is null)`;

const posts = (db: Executor) =>
  db
    .selectFrom('volunteer_posts as v')
    .innerJoin('places as p', 'p.id', 'v.community_id')
    .selectAll('v')
    .select(['p.name as community_name', claimedCount.as('claimed')]);

export function findPost(db: Executor, id: string) {
  return posts(db).where('v.id', '=', id).executeTakeFirst();
}

/** Locks the post: claims of one post queue behind it so its slots hold. */
export function lockPost(db: Executor, id: string) {
  return db.selectFrom('volunteer_posts').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listPosts(db: Executor, scope: Scope, under: string | null) {
  let q = posts(db).where(inScope('v.place_path', scope));
  if (under) q = q.where(pathUnder('v.place_path', under));
  return q.orderBy('v.place_path').orderBy('v.created_at').limit(500).execute();
}

/** Active posts of some communities, for members choosing one. */
export function postsOfCommunities(db: Executor, communityIds: string[]) {
  if (communityIds.length === 0) return Promise.resolve([]);
  return posts(db)
    .where('v.community_id', 'in', communityIds)
    .where('v.active', '=', true)
    .orderBy('v.created_at')
    .execute();
}

export async function insertClaim(db: Executor, row: Insertable<PostClaimsTable>) {
  await db.insertInto('post_claims').values(row).execute();
}

export async function endClaim(db: Executor, id: string, at: Date) {
  await db
    .updateTable('post_claims')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

export function findClaim(db: Executor, id: string) {
  return db
    .selectFrom('post_claims as c')
    .innerJoin('volunteer_posts as v', 'v.id', 'c.post_id')
    .selectAll('c')
    .select(['v.title', 'v.community_id', 'v.place_path', 'v.tenant_id as post_tenant_id'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export function activeClaim(db: Executor, postId: string, userId: string) {
  return db
    .selectFrom('post_claims')
    .select('id')
    .where('post_id', '=', postId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** A person's claims with their post, and the months recorded on each. */
export function claimsOfUsers(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('post_claims as c')
    .innerJoin('volunteer_posts as v', 'v.id', 'c.post_id')
    .innerJoin('places as p', 'p.id', 'v.community_id')
    .select([
      'c.id',
      'c.user_id',
      'c.claimed_at',
      'c.ended_at',
      'v.id as post_id',
      'v.title',
      'v.duty',
      'p.name as community_name',
    ])
    .where('c.user_id', 'in', userIds)
    .orderBy('c.claimed_at', 'desc')
    .execute();
}

/** Claims of the posts in a scope, with the member's name (staff). */
export function claimsInScope(db: Executor, scope: Scope, under: string | null) {
  let q = db
    .selectFrom('post_claims as c')
    .innerJoin('volunteer_posts as v', 'v.id', 'c.post_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.post_id', 'c.user_id', 'c.claimed_at', 'c.ended_at', 'v.title', 'u.display_name'])
    .where(inScope('v.place_path', scope));
  if (under) q = q.where(pathUnder('v.place_path', under));
  return q.orderBy('c.claimed_at', 'desc').limit(1000).execute();
}

// ---- service records on a post

export async function insertRecord(db: Executor, row: Insertable<PostServiceRecordsTable>) {
  const done = await db
    .insertInto('post_service_records')
    .values(row)
    .onConflict((oc) => oc.columns(['claim_id', 'month', 'tenant_id']).doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findRecord(db: Executor, id: string) {
  return db
    .selectFrom('post_service_records as r')
    .innerJoin('post_claims as c', 'c.id', 'r.claim_id')
    .innerJoin('volunteer_posts as v', 'v.id', 'c.post_id')
    .selectAll('r')
    .select(['c.user_id', 'v.community_id', 'v.place_path'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Confirms a record not yet confirmed; false when someone already did. */
export async function confirmRecord(db: Executor, id: string, by: string | null, at: Date) {
  const done = await db
    .updateTable('post_service_records')
    .set({ confirmed_by: by, confirmed_at: at })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

export function recordsOfClaims(db: Executor, claimIds: string[]) {
  if (claimIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('post_service_records')
    .selectAll()
    .where('claim_id', 'in', claimIds)
    .orderBy('month', 'desc')
    .execute();
}

/** Service records of the posts in a scope (staff), unconfirmed first. */
export function recordsInScope(db: Executor, scope: Scope, under: string | null) {
  let q = db
    .selectFrom('post_service_records as r')
    .innerJoin('post_claims as c', 'c.id', 'r.claim_id')
    .innerJoin('volunteer_posts as v', 'v.id', 'c.post_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['r.id', 'r.month', 'r.minutes', 'r.note', 'r.confirmed_at', 'r.created_at', 'v.title', 'u.display_name'])
    .where(inScope('v.place_path', scope));
  if (under) q = q.where(pathUnder('v.place_path', under));
  return q
    .orderBy(sql`r.confirmed_at is not null`)
    .orderBy('r.month', 'desc')
    .limit(1000)
    .execute();
}

/** Confirmed post minutes of a person in a year. */
export async function postMinutesInYear(db: Executor, userId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('post_service_records as r')
    .innerJoin('post_claims as c', 'c.id', 'r.claim_id')
    .select(sql<number>`coalesce(sum(r.minutes), 0)::int`.as('m'))
    .where('c.user_id', '=', userId)
    .where('r.confirmed_at', 'is not', null)
    .where('r.month', 'like', `${year}-%`)
    .executeTakeFirstOrThrow();
  return Number(row.m);
}

/** Posts claimed and months confirmed per community in a scope and year. */
export function postNumbers(db: Executor, scope: Scope, year: number, under: string | null) {
  let q = db
    .selectFrom('volunteer_posts as v')
    .innerJoin('places as p', 'p.id', 'v.community_id')
    .leftJoin('post_claims as c', 'c.post_id', 'v.id')
    .leftJoin('post_service_records as r', (j) =>
      j.onRef('r.claim_id', '=', 'c.id').on('r.confirmed_at', 'is not', null).on('r.month', 'like', `${year}-%`),
    )
    .select([
      'p.code',
      sql<number>`count(distinct c.user_id)::int`.as('members'),
      sql<number>`count(distinct r.id)::int`.as('months'),
      sql<number>`coalesce(sum(r.minutes), 0)::int`.as('minutes'),
    ])
    .where(inScope('v.place_path', scope))
    .groupBy('p.code');
  if (under) q = q.where(pathUnder('v.place_path', under));
  return q.execute();
}

// ---- 双报到: in-service party members and their units

/** The in-service member records (在职党员) among some registry residents. */
export function inServiceOf(db: Executor, residentIds: string[]) {
  if (residentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('in_service_members')
    .select(['resident_id', 'community_id', 'organisation_id', 'work_unit'])
    .where('resident_id', 'in', residentIds)
    .execute();
}

/** The organisations a user acts for (共建单位联络员). */
export function liaisonOrganisations(db: Executor, userId: string) {
  return db
    .selectFrom('organisation_liaisons as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .select(['o.id', 'o.name', 'o.tenant_id'])
    .where('l.user_id', '=', userId)
    .execute();
}

/**
 * The in-service members of some organisations, with the user who logged in with their registry
 * phone (if any). Only the name leaves: no ID number, phone or address.
 */
export function membersOfOrganisations(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('in_service_members as m')
    .innerJoin('residents as r', 'r.id', 'm.resident_id')
    .innerJoin('places as c', 'c.id', 'm.community_id')
    .leftJoin('users as u', (j) => j.onRef('u.phone_hash', '=', 'r.phone_hash').on('u.phone_hash', 'is not', null))
    .select(['m.resident_id', 'm.organisation_id', 'r.name', 'c.name as community_name', 'u.id as user_id'])
    .where('m.organisation_id', 'in', organisationIds)
    .where('r.status', '=', 'active')
    .orderBy('r.name')
    .execute();
}

/** Minutes and activities attended per user in a year. */
export function yearTotalsOfUsers(db: Executor, userIds: string[], year: number) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_signups as s')
    .innerJoin('volunteer_activities as a', 'a.id', 's.activity_id')
    .select([
      's.user_id',
      sql<number>`count(*)::int`.as('activities'),
      sql<number>`coalesce(sum(s.minutes), 0)::int`.as('minutes'),
    ])
    .where('s.user_id', 'in', userIds)
    .where('s.checked_in_at', 'is not', null)
    .where(sql<boolean>`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${year}`)
    .groupBy('s.user_id')
    .execute();
}

// ---- people and places

export function userName(db: Executor, userId: string) {
  return db.selectFrom('users').select(['id', 'display_name']).where('id', '=', userId).executeTakeFirst();
}

export function communityByCode(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path', 'tenant_id', 'kind'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findTeam(db: Executor, id: string) {
  return db
    .selectFrom('volunteer_teams as t')
    .innerJoin('places as p', 'p.id', 't.place_id')
    .select(['t.id', 't.name', 'p.path'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export function teamsInScope(db: Executor, scope: Scope) {
  return db
    .selectFrom('volunteer_teams as t')
    .innerJoin('places as p', 'p.id', 't.place_id')
    .select(['t.id', 't.name', 'p.name as place_name'])
    .where(inScope('p.path', scope))
    .orderBy('t.name')
    .limit(500)
    .execute();
}

/** The communities in a scope (optionally under a place), for the numbers' rows. */
export function communitiesInScope(db: Executor, scope: Scope, under: string | null) {
  let q = db
    .selectFrom('places')
    .select(['code', 'name'])
    .where('kind', '=', 'community')
    .where(inScope('path', scope));
  if (under) q = q.where(pathUnder('path', under));
  return q.orderBy('code').limit(2000).execute();
}
