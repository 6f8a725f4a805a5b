import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { escapeLike, inScope, pathAbove, pathUnder, type Scope } from '../../platform/scope.js';

// Queries only; the rolls are filtered by the scope on the place path of the person's household.

export function listPartyOrgs(db: Executor, scope: Scope, underPath: string | null) {
  let query = db
    .selectFrom('party_orgs as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .innerJoin('party_org_kinds as k', 'k.code', 'o.kind')
    .select(['o.id', 'o.parent_id', 'o.name', 'o.kind', 'p.code as place_code', 'p.name as place_name'])
    .select(['k.label_zh as kind_zh', 'k.label_en as kind_en', 'k.member_units'])
    .select((eb) =>
      eb
        .selectFrom('party_members as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.party_org_id', '=', 'o.id')
        .as('member_count'),
    )
    .where(inScope('p.path', scope));
  if (underPath) query = query.where(pathUnder('p.path', underPath));
  return query.orderBy('p.path').orderBy('o.name').limit(2000).execute();
}

export function findPartyOrg(db: Executor, id: string) {
  return db
    .selectFrom('party_orgs as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(['o.id', 'o.kind', 'o.name', 'o.tenant_id', 'p.path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function insertPartyOrg(db: Executor, row: Insertable<Database['party_orgs']>) {
  await db.insertInto('party_orgs').values(row).execute();
}

/** A resident and the path of their household, for scope checks. */
export function residentWithPath(db: Executor, id: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('places as p', 'p.id', 'r.household_id')
    .select(['r.id', 'r.tenant_id', 'r.name', 'r.status', 'p.path'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function roster(db: Executor, table: 'party_members' | 'volunteers' | 'in_service_members'): any {
  return db
    .selectFrom(`${table} as x` as 'party_members as x')
    .innerJoin('residents as r', 'r.id', 'x.resident_id')
    .innerJoin('places as p', 'p.id', 'r.household_id')
    .innerJoin('households as h', 'h.place_id', 'p.id');
}

interface RosterFilter {
  scope: Scope;
  underPath: string | null;
  q?: string;
  partyOrgId?: string;
  offset: number;
  limit: number;
}

// Kysely cannot type one helper over three joined rolls; the callers fix the row shapes.
async function paged<Extra>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  base: any,
  filter: RosterFilter,
  columns: string[],
): Promise<{ rows: (RosterPerson & Extra)[]; total: number }> {
  let query = base.where(inScope('p.path', filter.scope)).where('r.status', '=', 'active');
  if (filter.underPath) query = query.where(pathUnder('p.path', filter.underPath));
  if (filter.q)
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same untyped builder as `base`
    query = query.where((eb: any) =>
      eb.or([
        eb('r.name', 'like', `%${escapeLike(filter.q!)}%`),
        eb('r.name_initials', 'like', `${escapeLike(filter.q!.toLowerCase())}%`),
      ]),
    );
  const [rows, total] = await Promise.all([
    query
      .select(['r.id as resident_id', 'r.name', 'r.gender', 'r.phone_masked', 'h.address', ...columns])
      .orderBy('p.path')
      .orderBy('r.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n as number };
}

/** The columns every roll shares: the resident and their household's address. */
export interface RosterPerson {
  resident_id: string;
  name: string;
  gender: string | null;
  phone_masked: string | null;
  address: string;
}

export function listPartyMembers(db: Executor, filter: RosterFilter) {
  let base = roster(db, 'party_members').innerJoin('party_orgs as o', 'o.id', 'x.party_org_id');
  if (filter.partyOrgId) base = base.where('x.party_org_id', '=', filter.partyOrgId);
  return paged<{ party_org: string; joined_on: string | null; member_kind: 'full' | 'probationary' }>(base, filter, [
    'o.name as party_org',
    'x.joined_on',
    'x.member_kind',
  ]);
}

export function listVolunteers(db: Executor, filter: RosterFilter) {
  return paged<{ skills: string[]; team: string; service_minutes: number }>(roster(db, 'volunteers'), filter, [
    'x.skills',
    'x.team',
    'x.service_minutes',
  ]);
}

export function listInService(db: Executor, filter: RosterFilter) {
  const base = roster(db, 'in_service_members').innerJoin('places as c', 'c.id', 'x.community_id');
  return paged<{ work_unit: string; community: string; claimed_posts: string[]; registered_at: Date | string }>(
    base,
    filter,
    ['x.work_unit', 'c.name as community', 'x.claimed_posts', 'x.registered_at'],
  );
}

export async function upsertPartyMember(db: Executor, row: Insertable<Database['party_members']>) {
  await db
    .insertInto('party_members')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['resident_id', 'tenant_id'])
        .doUpdateSet({ party_org_id: row.party_org_id, joined_on: row.joined_on, member_kind: row.member_kind }),
    )
    .execute();
}

export async function upsertVolunteer(db: Executor, row: Insertable<Database['volunteers']>) {
  await db
    .insertInto('volunteers')
    .values(row)
    .onConflict((oc) => oc.columns(['resident_id', 'tenant_id']).doUpdateSet({ skills: row.skills, team: row.team }))
    .execute();
}

export async function upsertInService(db: Executor, row: Insertable<Database['in_service_members']>) {
  await db
    .insertInto('in_service_members')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['resident_id', 'tenant_id'])
        .doUpdateSet({ work_unit: row.work_unit, community_id: row.community_id, claimed_posts: row.claimed_posts }),
    )
    .execute();
}

export function listOrganisations(db: Executor, scope: Scope, underPath: string | null, kind?: string) {
  let query = db
    .selectFrom('organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .innerJoin('organisation_kinds as k', 'k.code', 'o.kind')
    .select(['o.id', 'o.kind', 'o.name', 'o.contact_name', 'o.phone', 'p.code as place_code', 'p.name as place_name'])
    .select(['k.label_zh as kind_zh', 'k.label_en as kind_en'])
    .where(inScope('p.path', scope));
  if (underPath) query = query.where(pathUnder('p.path', underPath));
  if (kind) query = query.where('o.kind', '=', kind);
  return query.orderBy('o.kind').orderBy('o.name').limit(1000).execute();
}

export async function insertOrganisation(db: Executor, row: Insertable<Database['organisations']>) {
  await db.insertInto('organisations').values(row).execute();
}

// The county's lists of kinds (issue 14).
export function listPartyOrgKinds(db: Executor) {
  return db.selectFrom('party_org_kinds').selectAll().orderBy('sort').orderBy('code').execute();
}

export function lockPartyOrgKind(db: Executor, code: string) {
  return db.selectFrom('party_org_kinds').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertPartyOrgKind(db: Executor, row: Insertable<Database['party_org_kinds']>) {
  await db.insertInto('party_org_kinds').values(row).execute();
}

export async function updatePartyOrgKind(db: Executor, code: string, changes: Updateable<Database['party_org_kinds']>) {
  await db.updateTable('party_org_kinds').set(changes).where('code', '=', code).execute();
}

export function listOrganisationKinds(db: Executor) {
  return db.selectFrom('organisation_kinds').selectAll().orderBy('sort').orderBy('code').execute();
}

export function lockOrganisationKind(db: Executor, code: string) {
  return db.selectFrom('organisation_kinds').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertOrganisationKind(db: Executor, row: Insertable<Database['organisation_kinds']>) {
  await db.insertInto('organisation_kinds').values(row).execute();
}

export async function updateOrganisationKind(
  db: Executor,
  code: string,
  changes: Updateable<Database['organisation_kinds']>,
) {
  await db.updateTable('organisation_kinds').set(changes).where('code', '=', code).execute();
}

/** An organisation and the path of its place, for scope checks. */
export function findOrganisation(db: Executor, id: string) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.tenant_id', 'p.path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** The member units of these party organisations (大党委). */
export function listPartyOrgUnits(db: Executor, partyOrgIds: string[]) {
  if (partyOrgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('party_org_units as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.party_org_id', 'o.id', 'o.name', 'o.kind'])
    .where('u.party_org_id', 'in', partyOrgIds)
    .orderBy('u.created_at')
    .execute();
}

/** Adds a member unit; false when it was one already. */
export async function insertPartyOrgUnit(db: Executor, row: Insertable<Database['party_org_units']>) {
  const result = await db
    .insertInto('party_org_units')
    .values(row)
    .onConflict((oc) => oc.columns(['party_org_id', 'organisation_id', 'tenant_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Grid merge and split: the party organisations on the retired grids move to the new one. */
export function movePartyOrgsOfPlaces(db: Executor, fromPlaceIds: string[], toPlaceId: string) {
  if (fromPlaceIds.length === 0) return Promise.resolve([]);
  return db
    .updateTable('party_orgs')
    .set({ place_id: toPlaceId })
    .where('place_id', 'in', fromPlaceIds)
    .returning(['id', 'name'])
    .execute();
}

// 志愿服务队: teams of a community or street, their leader and members (users with the volunteer role).

/**
 * Teams in scope (by their place) and under a place; or the teams serving a place the caller has
 * checked the actor reads (their community or street is above it, even when outside the scope).
 */
export function listTeams(
  db: Executor,
  filter: { scope: Scope; underPath: string | null; servingPath: string | null },
) {
  let query = db
    .selectFrom('volunteer_teams as t')
    .innerJoin('places as p', 'p.id', 't.place_id')
    .leftJoin('users as l', 'l.id', 't.leader_user_id')
    .select(['t.id', 't.name', 't.phone', 't.leader_user_id', 'l.display_name as leader_name'])
    .select(['p.code as place_code', 'p.name as place_name', 'p.path']);
  query = filter.servingPath
    ? query.where(pathAbove('p.path', filter.servingPath))
    : query.where(inScope('p.path', filter.scope));
  if (filter.underPath) query = query.where(pathUnder('p.path', filter.underPath));
  return query.orderBy('p.path').orderBy('t.name').limit(500).execute();
}

export function teamMembers(db: Executor, teamIds: string[]) {
  if (teamIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('volunteer_team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.team_id', 'u.id', 'u.display_name', 'u.phone_masked'])
    .where('m.team_id', 'in', teamIds)
    .orderBy('m.created_at')
    .orderBy('u.display_name')
    .execute();
}

export function findTeam(db: Executor, id: string) {
  return db
    .selectFrom('volunteer_teams as t')
    .innerJoin('places as p', 'p.id', 't.place_id')
    .select(['t.id', 't.tenant_id', 't.name', 'p.path'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function insertTeam(db: Executor, row: Insertable<Database['volunteer_teams']>) {
  await db.insertInto('volunteer_teams').values(row).execute();
}

export async function updateTeam(
  db: Executor,
  id: string,
  changes: { name: string; phone: string; leader_user_id: string | null },
) {
  await db.updateTable('volunteer_teams').set(changes).where('id', '=', id).execute();
}

export async function replaceTeamMembers(
  db: Executor,
  teamId: string,
  rows: Insertable<Database['volunteer_team_members']>[],
) {
  await db.deleteFrom('volunteer_team_members').where('team_id', '=', teamId).execute();
  if (rows.length) await db.insertInto('volunteer_team_members').values(rows).execute();
}

/** Active users holding the volunteer role at a place under (or above) this path: who may join a team there. */
export function volunteerUsers(db: Executor, path: string, userIds?: string[]) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['u.id', 'u.display_name', 'u.phone_masked', 'p.name as place_name'])
    .where('m.role', '=', 'volunteer')
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([pathUnder('p.path', path), pathAbove('p.path', path)]));
  if (userIds) query = query.where('u.id', 'in', userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('u.display_name').orderBy('u.id').limit(500).execute();
}
