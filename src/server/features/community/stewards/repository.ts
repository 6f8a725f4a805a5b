import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  StewardChecklistTicksTable,
  StewardCommendationsTable,
  StewardEvaluationsTable,
  StewardNominationsTable,
  StewardOpinionsTable,
  StewardTermsTable,
} from '../../../platform/db/schema-stewards.js';
import { inScope, pathUnder, pathUnderColumn, type Scope } from '../../../platform/scope.js';

// Queries only, for 楼门管家: buildings, nominations, votes and ballots, terms and their memberships,
// checklists, opinions, evaluations, commendations, and the numbers of a year.

const openCaseStates = ['submitted', 'accepted', 'dispatched', 'in_progress', 'suspended', 'resolved', 'verifying'];

// ---- buildings

/** A building by code, with its community (the community place above it). */
export function findBuilding(db: Executor, code: string) {
  return db
    .selectFrom('places as b')
    .innerJoin('places as c', (j) => j.on('c.kind', '=', 'community').on(pathUnderColumn('b.path', 'c.path')))
    .select([
      'b.id',
      'b.code',
      'b.name',
      'b.path',
      'b.tenant_id',
      'c.id as community_id',
      'c.name as community_name',
      'c.path as community_path',
    ])
    .where('b.code', '=', code)
    .where('b.kind', '=', 'building')
    .where('b.status', '=', 'active')
    .executeTakeFirst();
}

/** The buildings in the scope (under one place when named), with their current steward and what is pending. */
export function listBuildings(db: Executor, scope: Scope, under: string | null) {
  let query = db
    .selectFrom('places as b')
    .innerJoin('places as c', (j) => j.on('c.kind', '=', 'community').on(pathUnderColumn('b.path', 'c.path')))
    .leftJoin('steward_terms as t', (j) => j.onRef('t.building_id', '=', 'b.id').on('t.state', '=', 'active'))
    .leftJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('votes as v', (j) =>
      j.onRef('v.subject_id', '=', 'b.id').on('v.subject_kind', '=', 'steward_election').on('v.state', '=', 'open'),
    )
    .select((eb) => [
      'b.id',
      'b.code',
      'b.name',
      'b.path',
      'c.name as community_name',
      't.id as term_id',
      't.started_on',
      'u.display_name as steward_name',
      'v.id as open_vote_id',
      eb
        .selectFrom('places as h')
        .select(sql<string>`count(*)`.as('n'))
        .where('h.kind', '=', 'household')
        .where('h.status', '=', 'active')
        .where(pathUnderColumn('h.path', 'b.path'))
        .as('households'),
      eb
        .selectFrom('steward_nominations as n')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('n.building_id', '=', 'b.id')
        .where('n.state', '=', 'nominated')
        .as('standing'),
    ])
    .where('b.kind', '=', 'building')
    .where('b.status', '=', 'active')
    .where(inScope('b.path', scope));
  if (under) query = query.where(pathUnder('b.path', under));
  return query.orderBy('b.path').limit(500).execute();
}

/** The households of a building: address and room and how many live there — no names, IDs or phones. */
export function householdsOf(db: Executor, buildingPath: string) {
  return db
    .selectFrom('places as h')
    .innerJoin('households as hh', 'hh.place_id', 'h.id')
    .select((eb) => [
      'h.id',
      'h.code',
      'hh.address',
      'hh.room',
      eb
        .selectFrom('residents as r')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('r.household_id', '=', 'h.id')
        .where('r.status', '=', 'active')
        .as('people'),
    ])
    .where('h.kind', '=', 'household')
    .where('h.status', '=', 'active')
    .where(pathUnder('h.path', buildingPath))
    .orderBy('h.path')
    .limit(500)
    .execute();
}

export function findHousehold(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path'])
    .where('code', '=', code)
    .where('kind', '=', 'household')
    .executeTakeFirst();
}

/** The open cases filed on the building or anything in it. */
export function openCasesOf(db: Executor, buildingPath: string) {
  return db
    .selectFrom('cases')
    .select(['tracking_code', 'state', 'description', 'created_at'])
    .where(pathUnder('place_path', buildingPath))
    .where('state', 'in', openCaseStates)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

// ---- who lives where

/** The user with this phone's keyed hash (a resident who logged in by phone, or staff with that phone). */
export function userByPhoneHash(db: Executor, phoneHash: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('phone_hash', '=', phoneHash)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function findUser(db: Executor, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'tenant_id'])
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The place paths of a user's place memberships (where staff or a steward work). */
export async function membershipPathsOf(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select('p.path')
    .where('m.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.path);
}

// ---- nominations

export async function insertNomination(db: Executor, row: Insertable<StewardNominationsTable>) {
  await db.insertInto('steward_nominations').values(row).execute();
}

export async function updateNomination(db: Executor, id: string, set: Updateable<StewardNominationsTable>) {
  await db.updateTable('steward_nominations').set(set).where('id', '=', id).execute();
}

/** A nomination with its building, locked for the decision. */
export function findNominationForUpdate(db: Executor, id: string) {
  return db
    .selectFrom('steward_nominations as n')
    .innerJoin('places as b', 'b.id', 'n.building_id')
    .selectAll('n')
    .select('b.code as building_code')
    .where('n.id', '=', id)
    .forUpdate('n')
    .executeTakeFirst();
}

export function standingNomination(db: Executor, buildingId: string, userId: string) {
  return db
    .selectFrom('steward_nominations')
    .select('id')
    .where('building_id', '=', buildingId)
    .where('nominee_user_id', '=', userId)
    .where('state', '=', 'nominated')
    .executeTakeFirst();
}

export function nominationsOf(db: Executor, buildingId: string) {
  return db
    .selectFrom('steward_nominations as n')
    .innerJoin('users as u', 'u.id', 'n.nominee_user_id')
    .selectAll('n')
    .select('u.display_name as nominee_name')
    .where('n.building_id', '=', buildingId)
    .orderBy('n.created_at', 'desc')
    .limit(200)
    .execute();
}

/** The nominations a user made or received in a building. */
export function nominationsBy(db: Executor, buildingId: string, userId: string) {
  return db
    .selectFrom('steward_nominations as n')
    .innerJoin('users as u', 'u.id', 'n.nominee_user_id')
    .selectAll('n')
    .select('u.display_name as nominee_name')
    .where('n.building_id', '=', buildingId)
    .where((eb) => eb.or([eb('n.nominated_by', '=', userId), eb('n.nominee_user_id', '=', userId)]))
    .orderBy('n.created_at', 'desc')
    .limit(50)
    .execute();
}

/** Puts the building's standing nominations on the ballot of a vote (opening), or releases those of a
 * vote that ended without a steward (cancelled, or closed by time without a winner): `voteId` null. */
export async function setVoteOfStanding(
  db: Executor,
  buildingId: string,
  voteId: string | null,
  fromVote: string | null,
) {
  let query = db
    .updateTable('steward_nominations')
    .set({ vote_id: voteId })
    .where('building_id', '=', buildingId)
    .where('state', '=', 'nominated');
  // opening: every standing nomination (any vote it was on has ended: one election per building at a time)
  if (fromVote) query = query.where('vote_id', '=', fromVote);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The standing nominations of a building, in the order they came: a new election's candidates. */
export function standingOf(db: Executor, buildingId: string) {
  return db
    .selectFrom('steward_nominations as n')
    .innerJoin('users as u', 'u.id', 'n.nominee_user_id')
    .select(['n.id', 'n.nominee_user_id', 'u.display_name'])
    .where('n.building_id', '=', buildingId)
    .where('n.state', '=', 'nominated')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}

/** The candidates of a vote that lost to the winner. */
export async function markLosers(db: Executor, voteId: string, winnerId: string, now: Date) {
  await db
    .updateTable('steward_nominations')
    .set({ state: 'lost', decided_at: now })
    .where('vote_id', '=', voteId)
    .where('state', '=', 'nominated')
    .where('id', '<>', winnerId)
    .execute();
}

// ---- the building's elections: votes of the kernel (subject steward_election, the building as subject)

const voteColumns = [
  'v.id',
  'v.tenant_id',
  'v.title',
  'v.state',
  'v.closes_at',
  'v.opened_at',
  'v.created_at',
  'v.closed_at',
  'v.closed_by',
  'v.result',
  'v.eligible_count',
  'v.subject_id as building_id',
  'v.scope_path as building_path',
  'b.code as building_code',
  'b.name as building_name',
] as const;

export function findVote(db: Executor, id: string) {
  return db
    .selectFrom('votes as v')
    .innerJoin('places as b', 'b.id', 'v.scope_place_id')
    .select(voteColumns)
    .where('v.id', '=', id)
    .where('v.subject_kind', '=', 'steward_election')
    .executeTakeFirst();
}

/** The vote row locked: a close and a cancel of the same vote queue. */
export function lockVote(db: Executor, id: string) {
  return db
    .selectFrom('votes')
    .select(['id', 'state'])
    .where('id', '=', id)
    .where('subject_kind', '=', 'steward_election')
    .forUpdate()
    .executeTakeFirst();
}

/** The building's election in progress (a draft counts: one at a time per building). */
export function openVoteOf(db: Executor, buildingId: string) {
  return db
    .selectFrom('votes')
    .select('id')
    .where('subject_kind', '=', 'steward_election')
    .where('subject_id', '=', buildingId)
    .where('state', 'in', ['draft', 'open'])
    .executeTakeFirst();
}

export function votesOf(db: Executor, buildingId: string) {
  return db
    .selectFrom('votes as v')
    .innerJoin('places as b', 'b.id', 'v.scope_place_id')
    .select(voteColumns)
    .where('v.subject_kind', '=', 'steward_election')
    .where('v.subject_id', '=', buildingId)
    .orderBy('v.created_at', 'desc')
    .limit(50)
    .execute();
}

/** The candidates of a vote: its options, each standing for a nomination, in the ballot's order. */
export function candidatesOf(db: Executor, voteId: string) {
  return db
    .selectFrom('vote_options as o')
    .innerJoin('steward_nominations as n', 'n.id', 'o.ref_id')
    .innerJoin('users as u', 'u.id', 'n.nominee_user_id')
    .select(['o.id as option_id', 'n.id', 'n.nominee_user_id', 'n.reason', 'u.display_name'])
    .where('o.vote_id', '=', voteId)
    .orderBy('o.position')
    .execute();
}

/** The term a vote appointed, if any. */
export function termOfVote(db: Executor, voteId: string) {
  return db.selectFrom('steward_terms').select('id').where('vote_id', '=', voteId).executeTakeFirst();
}

/** How many ballots the vote holds (that, never what). */
export async function ballotCount(db: Executor, voteId: string) {
  const row = await db
    .selectFrom('vote_ballots')
    .select(sql<string>`count(*)`.as('n'))
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- terms and memberships

export async function insertTerm(db: Executor, row: Insertable<StewardTermsTable>) {
  await db.insertInto('steward_terms').values(row).execute();
}

export async function updateTerm(db: Executor, id: string, set: Updateable<StewardTermsTable>) {
  await db.updateTable('steward_terms').set(set).where('id', '=', id).execute();
}

const termColumns = ['b.code as building_code', 'b.name as building_name', 'u.display_name as user_name'] as const;

export function findTerm(db: Executor, id: string) {
  return db
    .selectFrom('steward_terms as t')
    .innerJoin('places as b', 'b.id', 't.building_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .select(termColumns)
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/** The building's active term, locked: an appointment and a retirement of one building queue. */
export function activeTermForUpdate(db: Executor, buildingId: string) {
  return db
    .selectFrom('steward_terms')
    .select(['id', 'user_id'])
    .where('building_id', '=', buildingId)
    .where('state', '=', 'active')
    .forUpdate()
    .executeTakeFirst();
}

/** Every term of a building, newest first: its history of stewards. */
export function termsOf(db: Executor, buildingId: string) {
  return db
    .selectFrom('steward_terms as t')
    .innerJoin('places as b', 'b.id', 't.building_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .select(termColumns)
    .where('t.building_id', '=', buildingId)
    .orderBy(sql`CASE WHEN t.state = 'active' THEN 0 ELSE 1 END`)
    .orderBy('t.started_on', 'desc')
    .orderBy('t.created_at', 'desc')
    .execute();
}

/** The user's active terms, with the community of each building. */
export function activeTermsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('steward_terms as t')
    .innerJoin('places as b', 'b.id', 't.building_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('places as c', (j) => j.on('c.kind', '=', 'community').on(pathUnderColumn('b.path', 'c.path')))
    .selectAll('t')
    .select(termColumns)
    .select(['c.id as community_id', 'c.name as community_name'])
    .where('t.user_id', '=', userId)
    .where('t.state', '=', 'active')
    .orderBy('b.path')
    .execute();
}

export async function insertMembership(
  db: Executor,
  row: { id: string; tenant_id: string; user_id: string; role: string; place_id: string; created_at: Date },
) {
  await db
    .insertInto('memberships')
    .values({ ...row, department_id: null })
    .execute();
}

export async function deleteMembership(db: Executor, id: string) {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

/** A steward membership the user already holds at the building (made by hand before this feature). */
export function stewardMembershipAt(db: Executor, userId: string, placeId: string) {
  return db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('place_id', '=', placeId)
    .where('role', '=', 'steward')
    .executeTakeFirst();
}

// ---- checklists

export async function ensureChecklist(
  db: Executor,
  row: { id: string; tenant_id: string; term_id: string; month: string; created_at: Date },
) {
  await db
    .insertInto('steward_checklists')
    .values(row)
    .onConflict((oc) => oc.columns(['term_id', 'month', 'tenant_id']).doNothing())
    .execute();
  return db
    .selectFrom('steward_checklists')
    .selectAll()
    .where('term_id', '=', row.term_id)
    .where('month', '=', row.month)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function findChecklist(db: Executor, termId: string, month: string) {
  return db
    .selectFrom('steward_checklists')
    .selectAll()
    .where('term_id', '=', termId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export function ticksOf(db: Executor, checklistId: string) {
  return db.selectFrom('steward_checklist_ticks').selectAll().where('checklist_id', '=', checklistId).execute();
}

export async function upsertTick(db: Executor, row: Insertable<StewardChecklistTicksTable>) {
  await db
    .insertInto('steward_checklist_ticks')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['checklist_id', 'duty', 'tenant_id'])
        .doUpdateSet({ note: row.note, photo_file_id: row.photo_file_id }),
    )
    .execute();
}

export async function completeChecklist(db: Executor, id: string, now: Date) {
  await db.updateTable('steward_checklists').set({ completed_at: now }).where('id', '=', id).execute();
}

/** Points already credited for a source (the checklist's month). */
export async function pointsOfSource(db: Executor, sourceKind: string, sourceId: string) {
  const row = await db
    .selectFrom('points_entries')
    .select(sql<string>`coalesce(sum(points), 0)`.as('total'))
    .where('source_kind', '=', sourceKind)
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

// ---- opinions

export async function insertOpinion(db: Executor, row: Insertable<StewardOpinionsTable>) {
  await db.insertInto('steward_opinions').values(row).execute();
}

export async function updateOpinion(db: Executor, id: string, set: Updateable<StewardOpinionsTable>) {
  await db.updateTable('steward_opinions').set(set).where('id', '=', id).execute();
}

const opinionSelect = (db: Executor) =>
  db
    .selectFrom('steward_opinions as o')
    .innerJoin('steward_terms as t', 't.id', 'o.term_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('places as b', 'b.id', 't.building_id')
    .leftJoin('places as h', 'h.id', 'o.household_id')
    .leftJoin('cases as c', 'c.id', 'o.case_id')
    .selectAll('o')
    .select([
      't.user_id',
      'u.display_name as steward_name',
      'b.name as building_name',
      'b.code as building_code',
      'h.name as household_name',
      'c.tracking_code',
    ]);

export function findOpinion(db: Executor, id: string) {
  return opinionSelect(db).where('o.id', '=', id).executeTakeFirst();
}

export function lockOpinion(db: Executor, id: string) {
  return db.selectFrom('steward_opinions').select(['id', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function opinionsOfTerm(db: Executor, termId: string) {
  return opinionSelect(db).where('o.term_id', '=', termId).orderBy('o.created_at', 'desc').limit(50).execute();
}

/** Opinions in the scope (under one place, of one month when named), newest first. */
export function listOpinions(db: Executor, scope: Scope, under: string | null, month: string | null) {
  let query = opinionSelect(db).where(inScope('o.building_path', scope));
  if (under) query = query.where(pathUnder('o.building_path', under));
  if (month)
    query = query.where(sql<boolean>`to_char(o.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}`);
  return query.orderBy('o.created_at', 'desc').limit(500).execute();
}

export async function opinionsInMonth(db: Executor, termId: string, month: string) {
  const row = await db
    .selectFrom('steward_opinions')
    .select(sql<string>`count(*)`.as('n'))
    .where('term_id', '=', termId)
    .where(sql<boolean>`to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- evaluations

export async function upsertEvaluation(db: Executor, row: Insertable<StewardEvaluationsTable>) {
  await db
    .insertInto('steward_evaluations')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['term_id', 'month', 'tenant_id'])
        .doUpdateSet({ grade: row.grade, comment: row.comment, evaluated_by: row.evaluated_by }),
    )
    .execute();
  return db
    .selectFrom('steward_evaluations')
    .select('id')
    .where('term_id', '=', row.term_id)
    .where('month', '=', row.month)
    .executeTakeFirstOrThrow();
}

const evaluationSelect = (db: Executor) =>
  db
    .selectFrom('steward_evaluations as e')
    .innerJoin('steward_terms as t', 't.id', 'e.term_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('places as b', 'b.id', 't.building_id')
    .selectAll('e')
    .select(['u.display_name as user_name', 'b.name as building_name']);

export function evaluationsOfBuilding(db: Executor, buildingId: string) {
  return evaluationSelect(db).where('t.building_id', '=', buildingId).orderBy('e.month', 'desc').limit(60).execute();
}

export function findEvaluation(db: Executor, termId: string, month: string) {
  return evaluationSelect(db).where('e.term_id', '=', termId).where('e.month', '=', month).executeTakeFirst();
}

export function lastEvaluationOf(db: Executor, termId: string) {
  return evaluationSelect(db).where('e.term_id', '=', termId).orderBy('e.month', 'desc').executeTakeFirst();
}

/** The year's evaluations in the scope, by term: the stewards' ranking for commendation. */
export function stewardRanking(db: Executor, scope: Scope, under: string | null, year: number) {
  let query = db
    .selectFrom('steward_evaluations as e')
    .innerJoin('steward_terms as t', 't.id', 'e.term_id')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('places as b', 'b.id', 't.building_id')
    .select([
      't.id as term_id',
      'u.display_name as user_name',
      'b.code as building_code',
      'b.name as building_name',
      sql<string>`sum(CASE e.grade WHEN 'excellent' THEN 3 WHEN 'good' THEN 2 WHEN 'pass' THEN 1 ELSE 0 END)`.as(
        'score',
      ),
      sql<string>`count(*)`.as('months'),
      sql<string>`count(*) FILTER (WHERE e.grade = 'excellent')`.as('excellent'),
    ])
    .where(inScope('e.building_path', scope))
    .where('e.month', 'like', `${year}-%`);
  if (under) query = query.where(pathUnder('e.building_path', under));
  return query
    .groupBy(['t.id', 'u.display_name', 'b.code', 'b.name'])
    .orderBy('score', 'desc')
    .orderBy('b.code')
    .limit(50)
    .execute();
}

/** The year's buildings in the scope by completed checklists and opinions collected. */
export function buildingRanking(db: Executor, scope: Scope, under: string | null, year: number) {
  let query = db
    .selectFrom('places as b')
    .select((eb) => [
      'b.code as building_code',
      'b.name as building_name',
      eb
        .selectFrom('steward_checklists as k')
        .innerJoin('steward_terms as t', 't.id', 'k.term_id')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('t.building_id', '=', 'b.id')
        .where('k.completed_at', 'is not', null)
        .where('k.month', 'like', `${year}-%`)
        .as('duty_months'),
      eb
        .selectFrom('steward_opinions as o')
        .innerJoin('steward_terms as t', 't.id', 'o.term_id')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('t.building_id', '=', 'b.id')
        .where(sql<boolean>`extract(year from o.created_at AT TIME ZONE 'Asia/Shanghai') = ${year}`)
        .as('opinions'),
    ])
    .where('b.kind', '=', 'building')
    .where(inScope('b.path', scope))
    .where((eb) =>
      eb.exists(eb.selectFrom('steward_terms as t').select('t.id').whereRef('t.building_id', '=', 'b.id')),
    );
  if (under) query = query.where(pathUnder('b.path', under));
  return query.orderBy('b.code').limit(500).execute();
}

// ---- commendations

export async function insertCommendation(db: Executor, row: Insertable<StewardCommendationsTable>) {
  const result = await db
    .insertInto('steward_commendations')
    .values(row)
    .onConflict((oc) => oc.columns(['year', 'kind', 'building_id', 'tenant_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

export function listCommendations(db: Executor, scope: Scope, under: string | null, year: number) {
  let query = db
    .selectFrom('steward_commendations as m')
    .innerJoin('places as b', 'b.id', 'm.building_id')
    .leftJoin('steward_terms as t', 't.id', 'm.term_id')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .selectAll('m')
    .select(['b.code as building_code', 'b.name as building_name', 'u.display_name as user_name'])
    .where('m.year', '=', year)
    .where(inScope('m.building_path', scope));
  if (under) query = query.where(pathUnder('m.building_path', under));
  return query.orderBy('m.kind', 'desc').orderBy('b.code').execute();
}

/** The term that served the building longest in the year (the steward a commendation names). */
export function termOfYear(db: Executor, buildingId: string, year: number) {
  return db
    .selectFrom('steward_terms')
    .select(['id', 'user_id'])
    .where('building_id', '=', buildingId)
    .where('started_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', `${year}-01-01`)]))
    .orderBy(
      sql`least(coalesce(ended_on, ${`${year}-12-31`}), ${`${year}-12-31`})::date - greatest(started_on, ${`${year}-01-01`})::date`,
      'desc',
    )
    .executeTakeFirst();
}

// ---- numbers

/** The year's counts per community in the scope (under one place when named): terms and votes. */
export function numbersOfTerms(db: Executor, scope: Scope, under: string | null, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = (column: string) =>
    sql<boolean>`extract(year from ${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai') = ${year}`;
  let query = db
    .selectFrom('places as c')
    .select((eb) => [
      'c.code',
      'c.name',
      eb
        .selectFrom('steward_terms as t')
        .select(sql<string>`count(DISTINCT t.building_id)`.as('n'))
        .where(pathUnderColumn('t.building_path', 'c.path'))
        .where('t.started_on', '<=', to)
        .where((w) => w.or([w('t.ended_on', 'is', null), w('t.ended_on', '>=', from)]))
        .as('buildings'),
      eb
        .selectFrom('steward_terms as t')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('t.building_path', 'c.path'))
        .where('t.started_on', '>=', from)
        .where('t.started_on', '<=', to)
        .as('appointed'),
      eb
        .selectFrom('steward_terms as t')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('t.building_path', 'c.path'))
        .where('t.ended_on', '>=', from)
        .where('t.ended_on', '<=', to)
        .as('retired'),
      eb
        .selectFrom('votes as v')
        .select(sql<string>`count(*)`.as('n'))
        .where('v.subject_kind', '=', 'steward_election')
        .where(pathUnderColumn('v.scope_path', 'c.path'))
        .where(inYear('v.opened_at'))
        .as('votes'),
    ])
    .where('c.kind', '=', 'community')
    .where('c.status', '=', 'active')
    .where(inScope('c.path', scope));
  if (under) query = query.where(pathUnder('c.path', under));
  return query.orderBy('c.code').execute();
}

/** The year's counts per community in the scope: checklists, opinions, evaluations, commendations. */
export function numbersOfDuty(db: Executor, scope: Scope, under: string | null, year: number) {
  const inYear = (column: string) =>
    sql<boolean>`extract(year from ${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai') = ${year}`;
  let query = db
    .selectFrom('places as c')
    .select((eb) => [
      'c.code',
      eb
        .selectFrom('steward_checklists as k')
        .innerJoin('steward_terms as t', 't.id', 'k.term_id')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('t.building_path', 'c.path'))
        .where('k.completed_at', 'is not', null)
        .where('k.month', 'like', `${year}-%`)
        .as('checklists'),
      eb
        .selectFrom('steward_opinions as o')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('o.building_path', 'c.path'))
        .where(inYear('o.created_at'))
        .as('opinions'),
      eb
        .selectFrom('steward_opinions as o')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('o.building_path', 'c.path'))
        .where(inYear('o.created_at'))
        .where('o.state', '=', 'filed')
        .as('filed'),
      eb
        .selectFrom('steward_evaluations as e')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('e.building_path', 'c.path'))
        .where('e.month', 'like', `${year}-%`)
        .as('evaluations'),
      eb
        .selectFrom('steward_evaluations as e')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('e.building_path', 'c.path'))
        .where('e.month', 'like', `${year}-%`)
        .where('e.grade', '=', 'excellent')
        .as('excellent'),
      eb
        .selectFrom('steward_commendations as m')
        .select(sql<string>`count(*)`.as('n'))
        .where(pathUnderColumn('m.building_path', 'c.path'))
        .where('m.year', '=', year)
        .as('commendations'),
    ])
    .where('c.kind', '=', 'community')
    .where('c.status', '=', 'active')
    .where(inScope('c.path', scope));
  if (under) query = query.where(pathUnder('c.path', under));
  return query.orderBy('c.code').execute();
}
