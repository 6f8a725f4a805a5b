import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type { Database } from '../../../platform/db/schema.js';
import { inScope, pathAbove, pathUnder, type Scope } from '../../../platform/scope.js';

// 救助顾问: queries only. People are found by the household's path, teams by their community's path,
// visits by the household path they were made at; every list through the scope helpers.

/** The county's hardship tags (困难群众): which registry tags put a person in an adviser team's care. */
export function hardshipTags(db: Executor) {
  return db
    .selectFrom('resident_tags')
    .select(['code', 'label_zh', 'label_en', 'sensitive'])
    .where('hardship', '=', true)
    .orderBy('sort')
    .execute();
}

const anyTag = (codes: string[]): RawBuilder<boolean> =>
  codes.length ? sql<boolean>`r.tags && ARRAY[${sql.join(codes.map((c) => sql`${c}`))}]::text[]` : sql<boolean>`false`;

/** Who counts as in hardship for this reader: a plain hardship tag, or a sensitive one where they may see it. */
export interface HardshipFilter {
  plain: string[];
  sensitive: string[];
  sensitiveScope: Scope;
}
const inHardship = (h: HardshipFilter): RawBuilder<boolean> =>
  sql<boolean>`(${anyTag(h.plain)} OR (${anyTag(h.sensitive)} AND ${inScope('h.path', h.sensitiveScope)}))`;

function basePeople(db: Executor) {
  return db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .innerJoin('households as hh', 'hh.place_id', 'h.id')
    .innerJoin('places as c', (j) => j.on(sql<boolean>`c.code = split_part(h.code, '-', 1)`))
    .leftJoin('assist_assignments as a', 'a.resident_id', 'r.id')
    .leftJoin('assist_teams as t', 't.id', 'a.team_id')
    .leftJoin('users as lu', 'lu.id', 'a.lead_user_id')
    .where('r.status', '=', 'active');
}

const lastContact = sql<
  string | null
>`(SELECT max(v.visited_on)::text FROM assist_visits v WHERE v.resident_id = r.id)`;
/** The Beijing day a person was put on a team: their clock starts there when nobody has contacted them yet. */
const assignedDay = sql<string | null>`to_char((a.assigned_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
const personColumns = [
  'r.id',
  'r.tenant_id',
  'r.name',
  'r.gender',
  'r.birth_date',
  'r.id_number_masked',
  'r.phone_masked',
  'r.tags',
  'h.path as household_path',
  'hh.address',
  'c.code as community_code',
  'c.name as community_name',
  'c.id as community_id',
  'a.team_id',
  't.name as team_name',
  'a.lead_user_id',
  'lu.display_name as lead_name',
  'a.assigned_at',
] as const;
const personExtras = [lastContact.as('last_contact'), assignedDay.as('assigned_day')] as const;

export interface PeopleFilter {
  scope: Scope;
  hardship: HardshipFilter;
  underPath: string | null;
  teamId?: string;
  tag?: string;
  name?: string;
  unassigned?: boolean;
  /** Only people whose last contact (else the day they were put on a team) is before this day, or neither. */
  contactBefore?: string;
}

function peopleQuery(db: Executor, f: PeopleFilter) {
  let q = basePeople(db).where(inScope('h.path', f.scope)).where(inHardship(f.hardship));
  if (f.underPath) q = q.where(pathUnder('h.path', f.underPath));
  if (f.teamId) q = q.where('a.team_id', '=', f.teamId);
  if (f.unassigned) q = q.where('a.team_id', 'is', null);
  if (f.tag) q = q.where(sql<boolean>`r.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.name) q = q.where('r.name', 'like', `%${f.name.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  if (f.contactBefore)
    q = q.where(sql<boolean>`coalesce(coalesce(${lastContact}, ${assignedDay}) < ${f.contactBefore}, true)`);
  return q;
}

/** People in hardship in scope, the longest without contact first. */
export async function listPeople(db: Executor, f: PeopleFilter, page: { offset: number; limit: number }) {
  const q = peopleQuery(db, f);
  const [rows, total] = await Promise.all([
    q
      .select(personColumns)
      .select(personExtras)
      .orderBy(sql`${lastContact} NULLS FIRST`)
      .orderBy('h.code')
      .orderBy('r.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** One active resident with their team, whatever the scope (the service checks it). */
export function findPerson(db: Executor, residentId: string) {
  return basePeople(db).select(personColumns).select(personExtras).where('r.id', '=', residentId).executeTakeFirst();
}

/** The people in the care of teams the user leads or belongs to (the adviser's phone list). */
export function peopleOfAdviser(db: Executor, userId: string) {
  return basePeople(db)
    .select(personColumns)
    .select(personExtras)
    .where((eb) =>
      eb.or([
        eb('t.leader_user_id', '=', userId),
        eb('a.lead_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('assist_team_members as m')
            .select('m.user_id')
            .whereRef('m.team_id', '=', 'a.team_id')
            .where('m.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy(sql`${lastContact} NULLS FIRST`)
    .orderBy('h.code')
    .limit(500)
    .execute();
}

export async function upsertAssignment(db: Executor, row: Insertable<Database['assist_assignments']>) {
  await db
    .insertInto('assist_assignments')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['resident_id', 'tenant_id']).doUpdateSet({
        team_id: row.team_id,
        lead_user_id: row.lead_user_id,
        assigned_by: row.assigned_by,
        assigned_at: row.assigned_at,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteAssignment(db: Executor, residentId: string) {
  await db.deleteFrom('assist_assignments').where('resident_id', '=', residentId).execute();
}

// Teams (救助顾问服务团)

export function listTeams(db: Executor, f: { scope: Scope; underPath: string | null }) {
  let q = db
    .selectFrom('assist_teams as t')
    .innerJoin('places as c', 'c.id', 't.community_id')
    .leftJoin('users as l', 'l.id', 't.leader_user_id')
    .select(['t.id', 't.name', 't.phone', 't.leader_user_id', 'l.display_name as leader_name'])
    .select(['c.code as community_code', 'c.name as community_name'])
    .select(sql<number>`(SELECT count(*)::int FROM assist_assignments a WHERE a.team_id = t.id)`.as('people'))
    .where(inScope('c.path', f.scope));
  if (f.underPath) q = q.where(pathUnder('c.path', f.underPath));
  return q.orderBy('c.code').orderBy('t.name').limit(500).execute();
}

export function teamMembers(db: Executor, teamIds: string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assist_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.team_id', 'm.kind', 'u.id', 'u.display_name', 'u.phone_masked'])
    .where('m.team_id', 'in', teamIds)
    .orderBy('m.created_at')
    .orderBy('u.display_name')
    .execute();
}

export function findTeam(db: Executor, id: string) {
  return db
    .selectFrom('assist_teams as t')
    .innerJoin('places as c', 'c.id', 't.community_id')
    .select(['t.id', 't.tenant_id', 't.name', 't.community_id', 't.leader_user_id', 'c.path', 'c.code'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/** Whether the user leads or belongs to the team. */
export async function isOnTeam(db: Executor, teamId: string, userId: string) {
  const row = await db
    .selectFrom('assist_teams as t')
    .select('t.id')
    .where('t.id', '=', teamId)
    .where((eb) =>
      eb.or([
        eb('t.leader_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('assist_team_members as m')
            .select('m.user_id')
            .whereRef('m.team_id', '=', 't.id')
            .where('m.user_id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertTeam(db: Executor, row: Insertable<Database['assist_teams']>) {
  await db.insertInto('assist_teams').values(row).execute();
}

export async function updateTeam(
  db: Executor,
  id: string,
  changes: { name: string; phone: string; leader_user_id: string | null; updated_at: Date },
) {
  await db.updateTable('assist_teams').set(changes).where('id', '=', id).execute();
}

export async function replaceTeamMembers(
  db: Executor,
  teamId: string,
  rows: Insertable<Database['assist_team_members']>[],
) {
  await db.deleteFrom('assist_team_members').where('team_id', '=', teamId).execute();
  if (rows.length) await db.insertInto('assist_team_members').values(rows).execute();
}

/** Lead advisers who are no longer on the team lose the lead (the person stays with the team). */
export async function dropLeadsOffTeam(db: Executor, teamId: string, keep: string[]) {
  let q = db.updateTable('assist_assignments').set({ lead_user_id: null }).where('team_id', '=', teamId);
  if (keep.length) q = q.where('lead_user_id', 'not in', keep);
  await q.execute();
}

/** Staff who may serve on a team of this community: active users of a place under or above it. */
export function staffUsers(db: Executor, communityPath: string, userIds?: string[]) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['u.id', 'u.display_name', 'u.phone_masked', 'm.role'])
    .where('m.role', 'in', ['community_worker', 'grid_worker', 'volunteer', 'street_officer'])
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([pathUnder('p.path', communityPath), pathAbove('p.path', communityPath)]));
  if (userIds) q = q.where('u.id', 'in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('u.display_name').orderBy('u.id').limit(500).execute();
}

// Visits (走访记录)

export async function insertVisit(db: Executor, row: Insertable<Database['assist_visits']>) {
  const result = await db
    .insertInto('assist_visits')
    .values(row)
    .onConflict((oc) => oc.columns(['id', 'tenant_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

function baseVisits(db: Executor) {
  return db
    .selectFrom('assist_visits as v')
    .innerJoin('residents as r', 'r.id', 'v.resident_id')
    .innerJoin('users as u', 'u.id', 'v.adviser_id')
    .leftJoin('assist_teams as t', 't.id', 'v.team_id')
    .leftJoin('service_applications as s', 's.id', 'v.application_id')
    .select([
      'v.id',
      'v.resident_id',
      'r.name as resident_name',
      'v.team_id',
      't.name as team_name',
      'v.adviser_id',
      'u.display_name as adviser_name',
      'v.mode',
      'v.kinds',
      'v.note',
      sql<string>`v.visited_on::text`.as('visited_on'),
      'v.application_id',
      's.code as application_code',
      'v.place_path',
      'v.created_at',
    ]);
}

export function findVisit(db: Executor, id: string) {
  return baseVisits(db).where('v.id', '=', id).executeTakeFirst();
}

export interface VisitFilter {
  scope: Scope;
  underPath: string | null;
  residentId?: string;
  teamId?: string;
  kind?: string;
  from?: string;
  to?: string;
}

export async function listVisits(db: Executor, f: VisitFilter, page: { offset: number; limit: number }) {
  let q = baseVisits(db).where(inScope('v.place_path', f.scope));
  if (f.underPath) q = q.where(pathUnder('v.place_path', f.underPath));
  if (f.residentId) q = q.where('v.resident_id', '=', f.residentId);
  if (f.teamId) q = q.where('v.team_id', '=', f.teamId);
  if (f.kind) q = q.where(sql<boolean>`v.kinds @> ARRAY[${f.kind}]::text[]`);
  if (f.from) q = q.where(sql<boolean>`v.visited_on >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`v.visited_on <= ${f.to}::date`);
  const [rows, total] = await Promise.all([
    q.orderBy('v.visited_on', 'desc').orderBy('v.created_at', 'desc').offset(page.offset).limit(page.limit).execute(),
    q
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** One person's visits, newest first (their detail page). */
export function visitsOf(db: Executor, residentId: string) {
  return baseVisits(db)
    .where('v.resident_id', '=', residentId)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.created_at', 'desc')
    .limit(200)
    .execute();
}

/** An application, to link a visit to (代收代办): whose it is and where it was filed. */
export function findApplication(db: Executor, id: string) {
  return db
    .selectFrom('service_applications')
    .select(['id', 'code', 'tenant_id', 'place_path', 'resident_id', 'id_number_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function residentIdHash(db: Executor, residentId: string) {
  return db.selectFrom('residents').select('id_number_hash').where('id', '=', residentId).executeTakeFirst();
}

// Settings and reminders

export async function overdueDaysOf(db: Executor, tenantId: string) {
  const row = await db
    .selectFrom('assist_settings')
    .select('overdue_days')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.overdue_days ?? null;
}

export async function saveOverdueDays(db: Executor, tenantId: string, days: number, userId: string | null, now: Date) {
  await db
    .insertInto('assist_settings')
    .values({ tenant_id: tenantId, overdue_days: days, updated_at: now, updated_by: userId })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ overdue_days: days, updated_at: now, updated_by: userId }))
    .execute();
}

/** Every active person on a team, with the last contact and whom to remind: for the daily reminder job. */
export function assignedPeople(db: Executor) {
  return db
    .selectFrom('assist_assignments as a')
    .innerJoin('residents as r', 'r.id', 'a.resident_id')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .innerJoin('places as c', (j) => j.on(sql<boolean>`c.code = split_part(h.code, '-', 1)`))
    .innerJoin('assist_teams as t', 't.id', 'a.team_id')
    .leftJoin('assist_settings as s', 's.tenant_id', 'a.tenant_id')
    .select([
      'r.id',
      'r.name',
      'a.tenant_id',
      'a.assigned_at',
      'a.lead_user_id',
      't.leader_user_id',
      'h.path as household_path',
      'c.name as community_name',
      's.overdue_days',
    ])
    .select(personExtras)
    .where('r.status', '=', 'active')
    .orderBy('r.id')
    .execute();
}
