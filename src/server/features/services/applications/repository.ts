import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  ServiceApplicationEventsTable,
  ServiceApplicationPartsTable,
  ServiceApplicationsTable,
} from '../../../platform/db/schema-services.js';
import { inScope, pathAbove, pathUnderAny, type Scope } from '../../../platform/scope.js';
import type { ApplicationState, PartState } from '../../../../shared/services.js';

// Every query of applications (办件). Lists are filtered by the caller's scope through
// platform/scope.ts only; the catalogue is read through its index.ts (loadItemForApplication …).

/** A community of the county, with its street (the parent) for street-handled items. */
export function findCommunity(db: Executor, id: string) {
  return db
    .selectFrom('places as c')
    .leftJoin('places as s', 's.id', 'c.parent_id')
    .select([
      'c.id',
      'c.name',
      'c.code',
      'c.path',
      'c.tenant_id',
      'c.kind',
      'c.status',
      's.id as street_id',
      's.path as street_path',
      's.kind as street_kind',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** A registry resident with the path of their household, for 代办 picked by registry id. */
export function findResidentForApplication(db: Executor, id: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('places as h', 'h.id', 'r.household_id')
    .select(['r.id', 'r.tenant_id', 'r.name', 'r.id_number_enc', 'r.phone_enc', 'r.status', 'h.path as household_path'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The phone of a user's account (a resident's phone login). */
export function userPhone(db: Executor, userId: string) {
  return db.selectFrom('users').select(['phone_enc', 'display_name']).where('id', '=', userId).executeTakeFirst();
}

/** Next number of the day for application codes, counted in the same transaction as the insert. */
export async function nextDailySerial(db: Executor, key: string): Promise<number> {
  const row = await db
    .insertInto('system_counters')
    .values({ name: key, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`system_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function insertApplication(db: Executor, row: Insertable<ServiceApplicationsTable>) {
  await db.insertInto('service_applications').values(row).execute();
}

export async function insertParts(db: Executor, rows: Insertable<ServiceApplicationPartsTable>[]) {
  if (rows.length) await db.insertInto('service_application_parts').values(rows).execute();
}

export async function insertEvent(db: Executor, row: Insertable<ServiceApplicationEventsTable>) {
  await db.insertInto('service_application_events').values(row).execute();
}

export function lockApplication(db: Executor, id: string) {
  return db.selectFrom('service_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findApplication(db: Executor, id: string) {
  return db.selectFrom('service_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateApplication(db: Executor, id: string, changes: Updateable<ServiceApplicationsTable>) {
  await db.updateTable('service_applications').set(changes).where('id', '=', id).execute();
}

/** The parts of an application, in order, with what their detail names: the item and who handles it. */
export function partsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('service_application_parts as p')
    .innerJoin('service_items as i', 'i.id', 'p.item_id')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .leftJoin('places as hp', 'hp.id', 'p.handler_place_id')
    .selectAll('p')
    .select([
      'i.name as item_name',
      'i.code as item_code',
      'd.name as department_name',
      'hp.name as handler_place_name',
    ])
    .where('p.application_id', '=', applicationId)
    .orderBy('p.sort')
    .execute();
}

/** The parts of an application, locked in order (the application is locked first, always). */
export function lockPartsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('service_application_parts')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('sort')
    .forUpdate()
    .execute();
}

export function findPart(db: Executor, id: string) {
  return db.selectFrom('service_application_parts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePart(db: Executor, id: string, changes: Updateable<ServiceApplicationPartsTable>) {
  await db.updateTable('service_application_parts').set(changes).where('id', '=', id).execute();
}

export function eventsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('service_application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The names shown for an application's item or bundle. */
export async function subjectName(db: Executor, a: { item_id: string | null; bundle_id: string | null }) {
  if (a.item_id) {
    const item = await db.selectFrom('service_items').select('name').where('id', '=', a.item_id).executeTakeFirst();
    return item?.name ?? '';
  }
  const bundle = await db
    .selectFrom('service_bundles')
    .select('name')
    .where('id', '=', a.bundle_id!)
    .executeTakeFirst();
  return bundle?.name ?? '';
}

export interface ApplicationListFilter {
  scope: Scope;
  state?: ApplicationState;
  itemId?: string;
  bundleId?: string;
  sla?: 'ok' | 'yellow' | 'red';
  code?: string;
  limit: number;
  offset: number;
}

const listColumns = [
  'a.id',
  'a.code',
  'a.state',
  'a.item_id',
  'a.bundle_id',
  'a.applicant_name',
  'a.phone_masked',
  'a.source',
  'a.on_behalf',
  'a.due_at',
  'a.sla_level',
  'a.visits',
  'a.created_at',
  'a.rating',
  'c.name as community_name',
  'i.name as item_name',
  'b.name as bundle_name',
] as const;

function queueBase(db: Executor) {
  return db
    .selectFrom('service_applications as a')
    .innerJoin('places as c', 'c.id', 'a.community_id')
    .leftJoin('service_items as i', 'i.id', 'a.item_id')
    .leftJoin('service_bundles as b', 'b.id', 'a.bundle_id');
}

/** The window's queue (办件管理): applications filed under the caller's places, newest first. */
export function listApplications(db: Executor, f: ApplicationListFilter) {
  let q = queueBase(db).select(listColumns).where(inScope('a.place_path', f.scope));
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.itemId) q = q.where('a.item_id', '=', f.itemId);
  if (f.bundleId) q = q.where('a.bundle_id', '=', f.bundleId);
  if (f.sla) q = q.where('a.sla_level', '=', f.sla);
  if (f.code) q = q.where('a.code', '=', f.code);
  return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

/** How many applications of the caller's places are in each state (the queue's tabs). */
export function countByState(db: Executor, scope: Scope) {
  return db
    .selectFrom('service_applications as a')
    .select(['a.state', (eb) => eb.fn.countAll<string>().as('n')])
    .where(inScope('a.place_path', scope))
    .groupBy('a.state')
    .execute();
}

/** The resident's own applications (their phone account), newest first. */
export function listMine(db: Executor, userId: string) {
  return queueBase(db)
    .select(listColumns)
    .where('a.applicant_user_id', '=', userId)
    .orderBy('a.created_at', 'desc')
    .limit(200)
    .execute();
}

export interface PartListFilter {
  departmentIds: string[];
  /** services:review over places (place memberships only): community and street parts under them. */
  placePaths: string[];
  states: PartState[];
  limit: number;
}

/** The review queue (审核): parts of the caller's departments, or handled by their communities and streets. */
export function listParts(db: Executor, f: PartListFilter) {
  return db
    .selectFrom('service_application_parts as p')
    .innerJoin('service_applications as a', 'a.id', 'p.application_id')
    .innerJoin('service_items as i', 'i.id', 'p.item_id')
    .innerJoin('places as c', 'c.id', 'a.community_id')
    .leftJoin('service_bundles as b', 'b.id', 'a.bundle_id')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.id',
      'p.state',
      'p.due_at',
      'p.sla_level',
      'p.handler_level',
      'p.created_at',
      'a.id as application_id',
      'a.code',
      'a.applicant_name',
      'a.state as application_state',
      'i.name as item_name',
      'b.name as bundle_name',
      'c.name as community_name',
      'd.name as department_name',
    ])
    .where((eb) =>
      eb.or([
        ...(f.departmentIds.length ? [eb('p.department_id', 'in', f.departmentIds)] : []),
        eb.and([eb('p.handler_path', 'is not', null), pathUnderAny('p.handler_path', f.placePaths)]),
      ]),
    )
    .where('p.state', 'in', f.states)
    .orderBy('p.due_at')
    .orderBy('p.id')
    .limit(f.limit)
    .execute();
}

/** Whom to tell of a part's deadline: the department's members, or staff of the handling community or street. */
export async function handlerUserIds(
  db: Executor,
  part: { department_id: string | null; handler_place_id: string | null },
): Promise<string[]> {
  let q = db.selectFrom('memberships as m').select('m.user_id').distinct();
  if (part.department_id) q = q.where('m.department_id', '=', part.department_id);
  else if (part.handler_place_id)
    q = q.where('m.place_id', '=', part.handler_place_id).where('m.role', 'in', ['community_worker', 'street_officer']);
  else return [];
  return (await q.execute()).map((r) => r.user_id);
}

/** The items of an application's parts as the catalogue holds them now: names, limits, forms and materials. */
export function itemsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_items')
    .select(['id', 'name', 'time_limit_days', 'version', 'form', 'materials'])
    .where('id', 'in', ids)
    .execute();
}

/** The registry residents of an ID number (by its lookup hash), with their household and its head. */
export function residentsByIdHash(db: Executor, idHash: string) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', 'h.place_id', 'r.household_id')
    .leftJoin('residents as head', (join) =>
      join.onRef('head.household_id', '=', 'r.household_id').on('head.relation', '=', 'head'),
    )
    .innerJoin('places as hp', 'hp.id', 'r.household_id')
    .select([
      'r.name',
      'r.gender',
      'r.birth_date',
      'r.phone_hash',
      'r.relation',
      'h.address',
      'head.name as head_name',
      'hp.path as household_path',
    ])
    .where('r.id_number_hash', '=', idHash)
    .where('r.status', '=', 'active')
    .execute();
}

/** The lookup hash of a user's phone (a resident's phone login). */
export function userPhoneHash(db: Executor, userId: string) {
  return db.selectFrom('users').select('phone_hash').where('id', '=', userId).executeTakeFirst();
}

/** The community whose path the household's path lies under (the resident's own, for 预填). */
export function communityOver(db: Executor, householdPath: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name'])
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .where(pathAbove('places.path', householdPath))
    .executeTakeFirst();
}

/** The active communities of the installation's county (the first county with a catalogue), by street. */
export function countyCommunities(db: Executor) {
  return db
    .selectFrom('places as c')
    .innerJoin('places as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.name', 's.name as street'])
    .where('c.kind', '=', 'community')
    .where('c.status', '=', 'active')
    .where('c.tenant_id', '=', (eb) =>
      eb
        .selectFrom('places as k')
        .select('k.tenant_id')
        .where('k.kind', '=', 'county')
        .where((e) =>
          e.exists(
            e.selectFrom('service_categories as sc').select('sc.id').whereRef('sc.tenant_id', '=', 'k.tenant_id'),
          ),
        )
        .orderBy('k.code')
        .limit(1),
    )
    .orderBy('c.code')
    .execute();
}
