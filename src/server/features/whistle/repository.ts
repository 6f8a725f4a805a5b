import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { Database, SummonsesTable, WhistlesTable } from '../../platform/db/schema.js';
import { inScope, pathAbove, pathUnderAny, type Scope } from '../../platform/scope.js';

// Queries only: whistles (吹哨), their summonses (哨令) and timeline, and the look-ups a whistle
// needs (departments, legal advisers, the point to go to).

export async function insertWhistle(db: Executor, row: Insertable<WhistlesTable>) {
  await db.insertInto('whistles').values(row).execute();
}

export function getWhistle(db: Executor, id: string) {
  return db.selectFrom('whistles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A whistle with the code and name of its place, as its detail shows it. */
export function findWhistleWithPlace(db: Executor, id: string) {
  return db
    .selectFrom('whistles as w')
    .innerJoin('places as p', 'p.id', 'w.place_id')
    .selectAll('w')
    .select(['p.code as place_code', 'p.name as place_name'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

export async function closeWhistle(db: Executor, id: string, at: Date) {
  await db.updateTable('whistles').set({ state: 'closed', closed_at: at }).where('id', '=', id).execute();
}

export async function insertSummons(db: Executor, row: Insertable<SummonsesTable>) {
  await db.insertInto('summonses').values(row).execute();
}

/** Locks the summons: two receivers who press 接哨 at once queue up on this row. */
export function lockSummons(db: Executor, id: string) {
  return db.selectFrom('summonses').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateSummons(db: Executor, id: string, changes: Updateable<SummonsesTable>) {
  await db.updateTable('summonses').set(changes).where('id', '=', id).execute();
}

export function summonsesOf(db: Executor, whistleId: string) {
  return db
    .selectFrom('summonses')
    .selectAll()
    .where('whistle_id', '=', whistleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The whistle's other summonses not scored yet: when none is left, the whistle closes. */
export function unscoredSummonsesBesides(db: Executor, whistleId: string, summonsId: string) {
  return db
    .selectFrom('summonses')
    .select('id')
    .where('whistle_id', '=', whistleId)
    .where('state', '<>', 'scored')
    .where('id', '<>', summonsId)
    .execute();
}

export async function insertEvent(db: Executor, row: Insertable<Database['whistle_events']>) {
  await db.insertInto('whistle_events').values(row).execute();
}

export function eventsOf(db: Executor, whistleId: string) {
  return db
    .selectFrom('whistle_events')
    .selectAll()
    .where('whistle_id', '=', whistleId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Which whistles a list shows: those in the place scope, or summoning one of the departments or the adviser. */
export interface WhistleListFilter {
  /** null when only the actor's own summonses count (`mine`). */
  places: Scope | null;
  departmentIds: string[];
  adviserId: string | null;
  state?: 'open' | 'closed';
}

export function listWhistles(db: Executor, filter: WhistleListFilter) {
  const { places, departmentIds, adviserId } = filter;
  let query = db
    .selectFrom('whistles as w')
    .selectAll('w')
    .where((eb) =>
      eb.or([
        ...(places ? [inScope('w.place_path', places)] : []),
        ...(departmentIds.length
          ? [
              eb(
                'w.id',
                'in',
                eb.selectFrom('summonses').select('whistle_id').where('department_id', 'in', departmentIds),
              ),
            ]
          : []),
        ...(adviserId
          ? [eb('w.id', 'in', eb.selectFrom('summonses').select('whistle_id').where('adviser_id', '=', adviserId))]
          : []),
      ]),
    );
  if (filter.state) query = query.where('w.state', '=', filter.state);
  return query.orderBy('w.created_at', 'desc').limit(200).execute();
}

/** The summonses of these whistles that are the actor's own: their department's, or theirs as adviser. */
export function ownSummonses(db: Executor, whistleIds: string[], departmentIds: string[], userId: string | null) {
  return db
    .selectFrom('summonses')
    .selectAll()
    .where('whistle_id', 'in', whistleIds)
    .where((eb) =>
      eb.or([
        ...(departmentIds.length ? [eb('department_id', 'in', departmentIds)] : []),
        ...(userId ? [eb('adviser_id', '=', userId)] : []),
      ]),
    )
    .execute();
}

/** Per summoned party under these places: summonses, on time, overdue, unanswered and scores. */
export function rankingRows(db: Executor, paths: string[]) {
  return db
    .selectFrom('summonses as s')
    .innerJoin('whistles as w', 'w.id', 's.whistle_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('users as u', 'u.id', 's.adviser_id')
    .select((eb) => [
      'd.code',
      'd.name',
      'u.username',
      'u.display_name',
      eb.fn.countAll<number>().as('summonses'),
      eb.fn.sum<number>(eb.case().when('s.ack_on_time', '=', true).then(1).else(0).end()).as('ack_on_time'),
      eb.fn.sum<number>(eb.case().when('s.arrive_on_time', '=', true).then(1).else(0).end()).as('arrive_on_time'),
      eb.fn.sum<number>(eb.case().when('s.escalated', '=', true).then(1).else(0).end()).as('overdue'),
      eb.fn.sum<number>(eb.case().when('s.acknowledged_at', 'is', null).then(1).else(0).end()).as('unanswered'),
      eb.fn.avg<number>('s.score').as('avg_score'),
      eb.fn.count<number>('s.score').as('scored'),
    ])
    .where(pathUnderAny('w.place_path', paths))
    .groupBy(['d.code', 'd.name', 'u.username', 'u.display_name'])
    .execute();
}

export function departmentsByCodes(db: Executor, tenantId: string, codes: string[]) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'code', 'phone'])
    .where('code', 'in', codes)
    .where('tenant_id', '=', tenantId)
    .execute();
}

export function findDepartment(db: Executor, id: string) {
  return db.selectFrom('departments').select(['code', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

export function findUserName(db: Executor, id: string) {
  return db.selectFrom('users').select(['username', 'display_name']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function departmentMemberIds(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('user_id').where('department_id', '=', departmentId).execute();
  return rows.map((m) => m.user_id);
}

/** Active legal advisers (法律顾问) whose place covers this one: a community's adviser, or a street's. */
export function advisersServing(db: Executor, placePath: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'p.name as place_name'])
    .where('m.role', '=', 'legal_adviser')
    .where('u.status', '=', 'active')
    .where(pathAbove('p.path', placePath))
    .orderBy('u.display_name')
    .execute();
}

/** The building nearest above the place (the place itself, or the one it lies in). */
export function buildingAbove(db: Executor, placePath: string) {
  return db
    .selectFrom('buildings as b')
    .innerJoin('places as p', 'p.id', 'b.place_id')
    .select(['b.lng', 'b.lat', 'b.address'])
    .where(pathAbove('p.path', placePath))
    .orderBy(sql`length(p.path)`, 'desc')
    .executeTakeFirst();
}

/** The grid nearest above the place, with its boundary. */
export function gridAbove(db: Executor, placePath: string) {
  return db
    .selectFrom('grids as g')
    .innerJoin('places as p', 'p.id', 'g.place_id')
    .select(['g.boundary'])
    .where(pathAbove('p.path', placePath))
    .orderBy(sql`length(p.path)`, 'desc')
    .executeTakeFirst();
}

export function placeNameByPath(db: Executor, path: string) {
  return db.selectFrom('places').select('name').where('path', '=', path).executeTakeFirst();
}

/** Active users among these (at least one id) who have a mobile number, with the masked number to show. */
export function usersWithPhone(db: Executor, ids: string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'phone_masked'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .where('phone_enc', 'is not', null)
    .orderBy('display_name')
    .execute();
}

/** The latest whistle blown on a case, open ones first: the one a dispute made from the case belongs to. */
export function latestWhistleOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom('whistles')
    .select(['id', 'state'])
    .where('case_id', '=', caseId)
    .orderBy(sql`state = 'open'`, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
