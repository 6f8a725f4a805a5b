import { sql, type Insertable, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../../platform/audit.js';
import type { CasesTable, Database } from '../../platform/db/schema.js';
import { escapeLike, inScope, pathAbove, pathUnder, pathUnderColumn, type Scope } from '../../platform/scope.js';

// Queries only. A case is visible by the place path of its grid/community, or to whoever it was sent.

export function categories(db: Executor) {
  return db.selectFrom('case_categories').selectAll().where('active', '=', true).orderBy('sort').execute();
}

/** Names of every category, inactive ones too: an old case keeps showing the name it was filed under. */
export function categoryNames(db: Executor) {
  return db.selectFrom('case_categories').select(['code', 'name_zh', 'name_en']).execute();
}

/**
 * The category as it was when the case was filed (its version): later clocks of the case use the
 * limits it was given. A case from before versions (NULL) reads the category as it is now.
 */
export function categoryAsFiled(db: Executor, code: string, version: number | null) {
  if (version === null) return db.selectFrom('case_categories').selectAll().where('code', '=', code).executeTakeFirst();
  return db
    .selectFrom('case_category_versions')
    .select([
      'code',
      'parent_code',
      'name_zh',
      'name_en',
      'kind',
      'first_contact_minutes',
      'dispatch_minutes',
      'take_minutes',
      'resolve_hours',
      'business_days',
      'urgent',
      'default_department_kind',
      'keywords',
      'sort',
      'active',
      'version',
      'changed_at as updated_at',
    ])
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findByIdempotencyKey(db: Executor, tenantId: string, key: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'tracking_code', 'channel', 'reporter_phone_hash'])
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertCase(db: Executor, row: Insertable<CasesTable>) {
  await db.insertInto('cases').values(row).execute();
}

export function lockCase(db: Executor, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findCase(db: Executor, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByTrackingCode(db: Executor, code: string) {
  return db.selectFrom('cases').selectAll().where('tracking_code', '=', code).executeTakeFirst();
}

export async function updateCase(db: Executor, id: string, changes: Updateable<CasesTable>) {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

export async function insertEvent(db: Executor, row: Insertable<Database['case_events']>) {
  await db.insertInto('case_events').values(row).execute();
}

/** What the auto-close job needs to know it still applies. */
export function resolutionOf(db: Executor, id: string) {
  return db.selectFrom('cases').select(['state', 'resolved_at', 'rated_at']).where('id', '=', id).executeTakeFirst();
}

export function events(db: Executor, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

/** Next number of the day for tracking codes, counted in the same transaction as the insert. */
export async function nextDailySerial(db: Executor, key: string): Promise<number> {
  const row = await db
    .insertInto('system_counters')
    .values({ name: key, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`system_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Serialises intakes retrying with the same key: the loser of a race waits, then finds the winner's case. */
export async function lockIdempotencyKey(db: Executor, tenantId: string, key: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`${tenantId}:${key}`}))`.execute(db);
}

export async function placeName(db: Executor, placeId: string): Promise<string> {
  const row = await db.selectFrom('places').select('name').where('id', '=', placeId).executeTakeFirstOrThrow();
  return row.name;
}

export function placeWithAncestors(db: Executor, placeId: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'kind', 'path', 'tenant_id', 'parent_id'])
    .where('id', '=', placeId)
    .executeTakeFirstOrThrow();
}

/** Recent cases of the same place with overlapping words: duplicate candidates. */
export function similarCandidates(
  db: Executor,
  input: { placeId: string; since: Date; tokens: string[]; excludeId?: string },
) {
  if (input.tokens.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('cases')
    .select(['id', 'tracking_code', 'description', 'text_tokens', 'state', 'created_at'])
    .where('place_id', '=', input.placeId)
    .where('created_at', '>=', input.since)
    .where(sql<boolean>`text_tokens && ${sql.val(input.tokens)}::text[]`);
  if (input.excludeId) query = query.where('id', '<>', input.excludeId);
  return query.orderBy('created_at', 'desc').limit(50).execute();
}

/** Users on the duty roster of a community (by its code) on an ISO weekday. */
export async function onDutyUserIds(db: Executor, communityCode: string, isoWeekday: number): Promise<string[]> {
  const rows = await db
    .selectFrom('duty_roster as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select('r.user_id')
    .where('p.code', '=', communityCode)
    .where((eb) => eb(eb.val(isoWeekday), '=', eb.fn.any('r.weekdays')))
    .execute();
  return rows.map((r) => r.user_id);
}

export async function departmentMemberIds(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('user_id').where('department_id', '=', departmentId).execute();
  return rows.map((r) => r.user_id);
}

export function department(db: Executor, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'phone', 'tenant_id', 'code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A volunteer team and the path of its community or street: a case is sent to teams of its place. */
export function volunteerTeam(db: Executor, id: string) {
  return db
    .selectFrom('volunteer_teams as t')
    .innerJoin('places as p', 'p.id', 't.place_id')
    .select(['t.id', 't.name', 't.tenant_id', 't.leader_user_id', 'p.path'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/**
 * Everyone who works a team's cases: its leader and its members — those still holding a volunteer
 * account in the team's community or street (as the session counts them, platform/auth/sessions.ts).
 */
export async function teamUserIds(db: Executor, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('volunteer_team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .union(
      db
        .selectFrom('volunteer_teams')
        .select((eb) => eb.ref('leader_user_id').$notNull().as('user_id'))
        .where('id', '=', teamId)
        .where('leader_user_id', 'is not', null),
    )
    .execute();
  if (rows.length === 0) return [];
  const volunteers = await db
    .selectFrom('memberships as m')
    .innerJoin('places as mp', 'mp.id', 'm.place_id')
    .innerJoin('volunteer_teams as t', (join) => join.on('t.id', '=', teamId))
    .innerJoin('places as tp', 'tp.id', 't.place_id')
    .select('m.user_id')
    .distinct()
    .where('m.role', '=', 'volunteer')
    .where(
      'm.user_id',
      'in',
      rows.map((r) => r.user_id),
    )
    .where(sql<boolean>`(${pathUnderColumn('mp.path', 'tp.path')} OR ${pathUnderColumn('tp.path', 'mp.path')})`)
    .execute();
  return volunteers.map((r) => r.user_id);
}

/** A grid worker who may be sent a case: holds grid_worker on a place under the case's community. */
/**
 * The people a case at `casePath` may be sent to (派单到人): the grid workers and community workers
 * of its community, disabled accounts included (the caller says why they cannot take it).
 */
export function communityStaff(db: Executor, casePath: string) {
  return db
    .selectFrom('places as cp')
    .innerJoin('places as mp', (join) => join.on(pathUnderColumn('mp.path', 'cp.path')))
    .innerJoin('memberships as m', 'm.place_id', 'mp.id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.status', 'm.role', 'mp.name as place_name', 'mp.path as place_path'])
    .where('cp.kind', '=', 'community')
    .where(pathAbove('cp.path', casePath))
    .where('m.role', 'in', ['community_worker', 'grid_worker'])
    .orderBy('m.role')
    .orderBy('mp.path')
    .orderBy('u.display_name')
    .execute();
}

export interface CaseListFilter {
  /** The places whose cases the actor reads (cases:read). */
  scope: Scope;
  /** The departments whose cases the actor works: a department sees the cases sent to it. */
  departmentIds: string[];
  /** The volunteer teams whose cases the actor works (上门服务). */
  teamIds?: string[];
  userId: string | null;
  mineOnly: boolean;
  underPath: string | null;
  states: string[] | null;
  category?: string;
  channel?: string;
  departmentCode?: string;
  overdue?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
}

/** Which cases the actor sees: of its places (unless only its own), its departments', its own, its teams'. */
function visibility(f: CaseListFilter) {
  return [
    ...(f.mineOnly ? [] : [inScope('c.place_path', f.scope)]),
    ...(f.departmentIds.length ? [sql<boolean>`c.assignee_department_id IN (${sql.join(f.departmentIds)})`] : []),
    ...(f.userId ? [sql<boolean>`c.assignee_user_id = ${f.userId}`] : []),
    ...(f.teamIds?.length ? [sql<boolean>`c.assignee_team_id IN (${sql.join(f.teamIds)})`] : []),
  ];
}

function filtered(db: Executor, f: CaseListFilter) {
  const visible = visibility(f);
  let query = db
    .selectFrom('cases as c')
    .where(visible.length ? sql<boolean>`(${sql.join(visible, sql` OR `)})` : sql<boolean>`false`);
  if (f.underPath) query = query.where(pathUnder('c.place_path', f.underPath));
  if (f.states) query = query.where('c.state', 'in', f.states);
  if (f.category)
    query = query.where((eb) =>
      eb.or([
        eb('c.category_code', '=', f.category!),
        eb(
          'c.category_code',
          'in',
          eb.selectFrom('case_categories').select('code').where('parent_code', '=', f.category!),
        ),
      ]),
    );
  if (f.channel) query = query.where('c.channel', '=', f.channel as 'qr');
  if (f.departmentCode)
    query = query.where(
      'c.assignee_department_id',
      'in',
      db.selectFrom('departments').select('id').where('code', '=', f.departmentCode),
    );
  if (f.overdue) query = query.where('c.sla_level', '=', 'red');
  if (f.from) query = query.where('c.created_at', '>=', f.from);
  if (f.to) query = query.where('c.created_at', '<', f.to);
  if (f.q)
    query = query.where((eb) =>
      eb.or([eb('c.tracking_code', '=', f.q!.toUpperCase()), eb('c.description', 'like', `%${escapeLike(f.q!)}%`)]),
    );
  return query;
}

/** The columns a line of the inbox shows (present.ts SummaryRow). */
const summaryColumns = [
  'c.id',
  'c.tracking_code',
  'c.state',
  'c.channel',
  'c.category_code',
  'c.priority',
  'c.description',
  'c.address',
  'c.assignee_name',
  'c.sla_level',
  'c.escalation_level',
  'c.created_at',
  'c.first_contact_due_at',
  'c.dispatch_due_at',
  'c.take_due_at',
  'c.resolve_due_at',
] as const;

/** Where a keyset page starts: after the case created at `createdUs` (microseconds since 1970) with `id`. */
export interface CaseCursor {
  createdUs: number;
  id: string;
}

/**
 * One page, newest first (the (created_at, id) index): after a cursor (keyset, no row twice or
 * missed while cases arrive) or at an offset (page numbers). One row more than asked says whether
 * another page follows. The category's names are not joined: they are reference data the service
 * holds (issue 19: the join was a third of the inbox's planning time).
 */
function pageOf(db: Executor, f: CaseListFilter, page: CasePage) {
  let query = filtered(db, f)
    .innerJoin('places as p', 'p.id', 'c.place_id')
    .select(summaryColumns)
    .select([
      'p.code as place_code',
      'p.name as place_name',
      sql<number>`(extract(epoch FROM c.created_at) * 1000000)::int8`.as('created_us'),
    ]);
  if (page.after)
    query = query.where(
      sql<boolean>`(c.created_at, c.id) < (timestamptz 'epoch' + ${page.after.createdUs} * interval '1 microsecond', ${page.after.id}::uuid)`,
    );
  return query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .offset(page.after ? 0 : page.offset)
    .limit(page.limit + 1);
}

type PageRow = Awaited<ReturnType<ReturnType<typeof pageOf>['execute']>>[number];

export interface CasePage {
  offset: number;
  limit: number;
  after?: CaseCursor | null;
}

type StateCount = { state: string; n: number; red: number };

/**
 * Cases by state (and how many of them are overdue) of the list without its state and overdue
 * filters. A list filtered by place only reads the counts the triggers keep per place
 * (case_state_counts), plus the cases seen for another reason (sent to a department, the actor, a
 * team) outside the scope; any other filter counts the cases themselves. Rows of one state may
 * come twice (kept and seen otherwise): countsByState adds them up.
 */
function stateCountsOf(db: Executor, f: CaseListFilter) {
  const all = { ...f, states: null, overdue: undefined };
  const counted = [
    sql<number>`count(*)::int`.as('n'),
    sql<number>`count(*) FILTER (WHERE c.sla_level = 'red')::int`.as('red'),
  ];
  if (f.category || f.channel || f.departmentCode || f.from || f.to || f.q)
    return filtered(db, all).select('c.state').select(counted).groupBy('c.state');
  // One statement: the kept counts of the scope, and the cases seen for another reason outside it.
  let kept = db
    .selectFrom('case_state_counts as k')
    .select([
      'k.state',
      sql<number>`sum(k.n)::int`.as('n'),
      sql<number>`coalesce(sum(k.n) FILTER (WHERE k.red), 0)::int`.as('red'),
    ])
    .where(inScope('k.place_path', f.scope));
  if (f.underPath) kept = kept.where(pathUnder('k.place_path', f.underPath));
  const others = visibility({ ...f, mineOnly: true });
  let rest = db
    .selectFrom('cases as c')
    .select('c.state')
    .select(counted)
    .where(others.length ? sql<boolean>`(${sql.join(others, sql` OR `)})` : sql<boolean>`false`);
  if (!f.mineOnly) rest = rest.where(sql<boolean>`NOT ${inScope('c.place_path', f.scope)}`);
  if (f.underPath) rest = rest.where(pathUnder('c.place_path', f.underPath));
  return f.mineOnly ? rest.groupBy('c.state') : kept.groupBy('k.state').unionAll(rest.groupBy('c.state'));
}

function countsByState(rows: StateCount[]): StateCount[] {
  const byState = new Map<string, StateCount>();
  for (const row of rows) {
    const known = byState.get(row.state) ?? { state: row.state, n: 0, red: 0 };
    byState.set(row.state, { state: row.state, n: known.n + row.n, red: known.red + row.red });
  }
  return [...byState.values()].filter((c) => c.n > 0);
}

/**
 * The inbox in one statement: a page and the counts by state (issue 19: a statement less per
 * request, a round trip and a turn of the embedded database's queue). The page is joined to one
 * row that carries the counts, so an empty page still brings them.
 */
export async function listCasesWithCounts(db: Executor, f: CaseListFilter, page: CasePage) {
  const rows = await db
    .selectFrom(sql<{ one: number }>`(SELECT 1 AS one)`.as('one'))
    .leftJoinLateral(pageOf(db, f, page).as('page'), (join) => join.onTrue())
    .select(jsonArrayFrom(stateCountsOf(db, f)).as('counts'))
    .selectAll('page')
    .execute();
  // Newest first, as the page was read: sorted here, not by the statement (a sort less to plan).
  const cases = rows
    .flatMap(({ counts: _, ...row }) => (row.id === null ? [] : [row as PageRow]))
    .sort((a, b) => b.created_us - a.created_us || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return {
    rows: cases.slice(0, page.limit),
    more: cases.length > page.limit,
    counts: countsByState(rows[0]?.counts ?? []),
  };
}

export function casesOfReporter(db: Executor, phoneHash: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('places as p', 'p.id', 'c.place_id')
    .selectAll('c')
    .select(['p.code as place_code', 'p.name as place_name'])
    .where('c.reporter_phone_hash', '=', phoneHash)
    .orderBy('c.created_at', 'desc')
    .limit(100)
    .execute();
}

/** The phone a user logged in with, whatever the account's status ("my reports"). */
export async function phoneHashOf(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('phone_hash').where('id', '=', userId).executeTakeFirst();
  return row?.phone_hash ?? null;
}

/** The phone a user proved by logging in with an SMS code (residents); null for staff accounts. */
export async function provenPhoneHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('phone_hash')
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row?.phone_hash ?? null;
}

/** Who entered the case (the actor of its submit step): null for a resident's own report without login. */
export async function enteredBy(db: Executor, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('case_events')
    .select('actor_id')
    .where('case_id', '=', caseId)
    .where('action', '=', 'submit')
    .orderBy('at')
    .executeTakeFirst();
  return row?.actor_id ?? null;
}
