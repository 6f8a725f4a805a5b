import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  SupervisionCandidatesTable,
  SupervisionIssuesTable,
  SupervisionLogsTable,
  SupervisionProjectsTable,
  SupervisionTermsTable,
} from '../../../platform/db/schema-supervisors.js';
import { inScope, pathAbove, pathUnder, type Scope } from '../../../platform/scope.js';

// 百姓监督员: every query of the area. Lists filter by the actor's scope through platform/scope.ts.

// ---- places

export function findPlace(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'kind', 'path', 'tenant_id', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The community that holds this path (the place itself when it is a community). */
export function communityAbove(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();
}

// ---- projects

const projectColumns = [
  'p.id',
  'p.tenant_id',
  'p.community_id',
  'p.place_id',
  'p.place_path',
  'p.title',
  'p.description',
  'p.duties',
  'p.seats',
  'p.state',
  'p.vote_id',
  'p.election_note',
  'p.end_note',
  'p.created_at',
  'p.updated_at',
  'p.ended_at',
  'pl.code as place_code',
  'pl.name as place_name',
  'c.name as community_name',
  'c.code as community_code',
] as const;

function projects(db: Executor) {
  return db
    .selectFrom('supervision_projects as p')
    .innerJoin('places as pl', 'pl.id', 'p.place_id')
    .innerJoin('places as c', 'c.id', 'p.community_id')
    .select(projectColumns)
    .select((eb) => [
      eb
        .selectFrom('supervision_candidates as k')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('k.project_id', '=', 'p.id')
        .as('candidates'),
      eb
        .selectFrom('supervision_terms as t')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('t.project_id', '=', 'p.id')
        .where('t.state', '=', 'active')
        .as('supervisors'),
      eb
        .selectFrom('supervision_logs as l')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('l.project_id', '=', 'p.id')
        .as('logs'),
      eb
        .selectFrom('supervision_issues as i')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('i.project_id', '=', 'p.id')
        .as('issues'),
    ]);
}

export function listProjects(db: Executor, scope: Scope, under: string | null, state: string | null) {
  let q = projects(db).where(inScope('p.place_path', scope));
  if (under) q = q.where(pathUnder('p.place_path', under));
  if (state) q = q.where('p.state', '=', state as SupervisionProjectsTable['state']);
  return q.orderBy('p.created_at', 'desc').orderBy('p.id').limit(500).execute();
}

export function findProject(db: Executor, id: string) {
  return projects(db).where('p.id', '=', id).executeTakeFirst();
}

/** Locks the project's row: two staff moving one project take turns. */
export function lockProject(db: Executor, id: string) {
  return db
    .selectFrom('supervision_projects')
    .select(['id', 'state', 'vote_id', 'seats'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertProject(db: Executor, row: Insertable<SupervisionProjectsTable>) {
  await db.insertInto('supervision_projects').values(row).execute();
}

export async function updateProject(db: Executor, id: string, set: Updateable<SupervisionProjectsTable>) {
  await db.updateTable('supervision_projects').set(set).where('id', '=', id).execute();
}

/** The projects of a community for its public page (never cancelled ones). */
export function projectsOfCommunity(db: Executor, communityId: string) {
  return projects(db)
    .where('p.community_id', '=', communityId)
    .where('p.state', '!=', 'cancelled')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(100)
    .execute();
}

/** Open calls and running projects over the places a resident lives in. */
export function projectsAbove(db: Executor, paths: string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return projects(db)
    .where((eb) => eb.or(paths.map((p) => pathAbove('p.place_path', p))))
    .where('p.state', 'in', ['calling', 'electing', 'active'])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(50)
    .execute();
}

// ---- candidates

export function candidatesOf(db: Executor, projectId: string) {
  return db
    .selectFrom('supervision_candidates as k')
    .select([
      'k.id',
      'k.project_id',
      'k.user_id',
      'k.statement',
      'k.source',
      'k.state',
      'k.decision_note',
      'k.created_at',
      'k.name as display_name',
    ])
    .where('k.project_id', '=', projectId)
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
}

export function findCandidate(db: Executor, id: string) {
  return db
    .selectFrom('supervision_candidates')
    .select(['id', 'project_id', 'user_id', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function candidateOfUser(db: Executor, projectId: string, userId: string) {
  return db
    .selectFrom('supervision_candidates')
    .select(['id', 'state'])
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertCandidate(db: Executor, row: Insertable<SupervisionCandidatesTable>) {
  await db.insertInto('supervision_candidates').values(row).execute();
}

export async function updateCandidate(db: Executor, id: string, set: Updateable<SupervisionCandidatesTable>) {
  await db.updateTable('supervision_candidates').set(set).where('id', '=', id).execute();
}

/** After a vote: the accepted candidates who did not win. */
export async function markNotElected(db: Executor, projectId: string, winners: string[], now: Date) {
  let q = db
    .updateTable('supervision_candidates')
    .set({ state: 'not_elected', decided_at: now })
    .where('project_id', '=', projectId)
    .where('state', '=', 'accepted');
  if (winners.length > 0) q = q.where('id', 'not in', winners);
  await q.execute();
}

// ---- the election vote

export function voteOf(db: Executor, voteId: string) {
  return db
    .selectFrom('votes')
    .select(['id', 'state', 'result', 'seats', 'max_choices', 'opens_at', 'closes_at'])
    .where('id', '=', voteId)
    .executeTakeFirst();
}

export function optionsOfVote(db: Executor, voteId: string) {
  return db
    .selectFrom('vote_options')
    .select(['id', 'label', 'ref_id', 'position'])
    .where('vote_id', '=', voteId)
    .orderBy('position')
    .execute();
}

// ---- terms and the supervisor membership

export function termsOf(db: Executor, projectId: string) {
  return db
    .selectFrom('supervision_terms as t')
    .select([
      't.id',
      't.project_id',
      't.user_id',
      't.candidate_id',
      't.origin',
      't.vote_id',
      't.appoint_reason',
      't.membership_id',
      't.state',
      't.started_at',
      't.ended_at',
      't.end_note',
      't.name as display_name',
    ])
    .where('t.project_id', '=', projectId)
    .orderBy('t.started_at')
    .orderBy('t.id')
    .execute();
}

export function findTerm(db: Executor, id: string) {
  return db
    .selectFrom('supervision_terms as t')
    .innerJoin('supervision_projects as p', 'p.id', 't.project_id')
    .select([
      't.id',
      't.tenant_id',
      't.project_id',
      't.user_id',
      't.state',
      't.membership_id',
      'p.place_id',
      'p.place_path',
      'p.state as project_state',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function insertTerm(db: Executor, row: Insertable<SupervisionTermsTable>) {
  await db.insertInto('supervision_terms').values(row).execute();
}

export async function endTerm(db: Executor, id: string, by: string | null, note: string, now: Date) {
  await db
    .updateTable('supervision_terms')
    .set({ state: 'ended', ended_at: now, ended_by: by, end_note: note })
    .where('id', '=', id)
    .where('state', '=', 'active')
    .execute();
}

/** Active terms of the user over projects on this place (one membership serves them all). */
export async function activeTermsAtPlace(db: Executor, userId: string, placeId: string) {
  const row = await db
    .selectFrom('supervision_terms as t')
    .innerJoin('supervision_projects as p', 'p.id', 't.project_id')
    .select(sql<string>`count(*)`.as('n'))
    .where('t.user_id', '=', userId)
    .where('p.place_id', '=', placeId)
    .where('t.state', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function supervisorMembershipAt(db: Executor, userId: string, placeId: string) {
  return db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('place_id', '=', placeId)
    .where('role', '=', 'supervisor')
    .executeTakeFirst();
}

export async function deleteMembership(db: Executor, id: string) {
  await db.deleteFrom('memberships').where('id', '=', id).where('role', '=', 'supervisor').execute();
}

/** The supervisor's own active terms with their projects (their phone home). */
export function myTerms(db: Executor, userId: string) {
  return db
    .selectFrom('supervision_terms as t')
    .innerJoin('supervision_projects as p', 'p.id', 't.project_id')
    .innerJoin('places as pl', 'pl.id', 'p.place_id')
    .select([
      't.id as term_id',
      't.started_at',
      'p.id as project_id',
      'p.title',
      'p.duties',
      'p.state',
      'pl.name as place_name',
    ])
    .where('t.user_id', '=', userId)
    .where('t.state', '=', 'active')
    .orderBy('t.started_at', 'desc')
    .execute();
}

// ---- logs and issues

export function logsOf(db: Executor, projectId: string) {
  return db
    .selectFrom('supervision_logs as l')
    .innerJoin('supervision_terms as t', 't.id', 'l.term_id')
    .select([
      'l.id',
      'l.term_id',
      'l.kind',
      'l.body',
      'l.rating',
      'l.photo_ids',
      'l.lng',
      'l.lat',
      'l.location_note',
      'l.created_at',
      't.user_id',
      't.name as display_name',
    ])
    .where('l.project_id', '=', projectId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .limit(200)
    .execute();
}

export async function insertLog(db: Executor, row: Insertable<SupervisionLogsTable>) {
  await db.insertInto('supervision_logs').values(row).execute();
}

export function issuesOf(db: Executor, projectId: string) {
  return db
    .selectFrom('supervision_issues as i')
    .innerJoin('supervision_terms as t', 't.id', 'i.term_id')
    .leftJoin('cases as c', 'c.id', 'i.case_id')
    .select([
      'i.id',
      'i.term_id',
      'i.body',
      'i.photo_ids',
      'i.state',
      'i.case_id',
      'i.whistle_id',
      'i.created_at',
      'i.handled_at',
      't.user_id',
      't.name as display_name',
      'c.tracking_code',
    ])
    .where('i.project_id', '=', projectId)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(200)
    .execute();
}

export function findIssue(db: Executor, id: string) {
  return db
    .selectFrom('supervision_issues as i')
    .innerJoin('supervision_terms as t', 't.id', 'i.term_id')
    .select(['i.id', 'i.project_id', 'i.term_id', 'i.body', 'i.photo_ids', 'i.state', 'i.tenant_id', 't.user_id'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export function lockIssue(db: Executor, id: string) {
  return db
    .selectFrom('supervision_issues')
    .select(['id', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertIssue(db: Executor, row: Insertable<SupervisionIssuesTable>) {
  await db.insertInto('supervision_issues').values(row).execute();
}

export async function updateIssue(db: Executor, id: string, set: Updateable<SupervisionIssuesTable>) {
  await db.updateTable('supervision_issues').set(set).where('id', '=', id).execute();
}

/** Files these ids name that the user uploaded (a supervisor attaches only their own photos). */
export function ownUploads(db: Executor, userId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select('id').where('id', 'in', ids).where('uploaded_by', '=', userId).execute();
}

/** The user with this phone's keyed hash (a resident who logged in by phone). */
export function userByPhoneHash(db: Executor, phoneHash: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('phone_hash', '=', phoneHash)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

// ---- 居民议事数据: supervisors serving in the year and their inspections, per community

export function supervisorNumbers(db: Executor, scope: Scope, under: string | null, from: Date, to: Date) {
  let query = db
    .selectFrom('supervision_projects as p')
    .innerJoin('places as c', 'c.id', 'p.community_id')
    .select([
      'c.code as community_code',
      'c.name as community_name',
      sql<string>`(select count(distinct t.user_id) from supervision_terms t join supervision_projects p2 on p2.id = t.project_id
        where p2.community_id = c.id and ${inScope('p2.place_path', scope)}
        and t.started_at < ${to} and (t.ended_at is null or t.ended_at >= ${from}))`.as('supervisors'),
      sql<string>`(select count(*) from supervision_logs l join supervision_projects p2 on p2.id = l.project_id
        where p2.community_id = c.id and ${inScope('p2.place_path', scope)}
        and l.created_at >= ${from} and l.created_at < ${to})`.as('inspections'),
    ])
    .where(inScope('p.place_path', scope));
  if (under) query = query.where(pathUnder('p.place_path', under));
  return query.groupBy(['c.id', 'c.code', 'c.name']).execute();
}
