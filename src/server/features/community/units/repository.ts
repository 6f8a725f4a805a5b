import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import type {
  OrganisationServicesTable,
  UnitAgreementsTable,
  UnitEntriesTable,
} from '../../../platform/db/schema-units.js';
import type { OrganisationsTable } from '../../../platform/db/schema.js';
import { inScope, pathAbove, pathUnder, type Scope } from '../../../platform/scope.js';

// 共驻共建 · 一书四单: every query of the units area. Lists are filtered by place through
// platform/scope.ts; a liaison's reach is the organisation_liaisons row, checked by the service.

export type OrgKind = 'co_building_unit' | 'property_company' | 'owners_committee';

/** Start and end of a year in China time, as timestamps. */
const yearBounds = (year: number) => [
  new Date(`${year}-01-01T00:00:00+08:00`),
  new Date(`${year + 1}-01-01T00:00:00+08:00`),
];

const unitColumns = [
  'o.id',
  'o.tenant_id',
  'o.kind',
  'o.name',
  'o.contact_name',
  'o.phone',
  'o.place_id',
  'o.created_at',
  'p.path as place_path',
  'p.code as place_code',
  'p.name as place_name',
] as const;

export function findUnit(db: Executor, id: string) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(unitColumns)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Organisations of these kinds under the scope (and under `underPath` when given), by name. */
export function listUnits(db: Executor, scope: Scope, kinds: readonly OrgKind[], underPath: string | null) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(unitColumns)
    .where('o.kind', 'in', [...kinds])
    .where(inScope('p.path', scope))
    .$if(underPath !== null, (q) => q.where(pathUnder('p.path', underPath!)))
    .orderBy('p.code')
    .orderBy('o.name')
    .execute();
}

export function insertOrganisation(db: Executor, row: Insertable<OrganisationsTable>) {
  return db.insertInto('organisations').values(row).execute();
}

export function updateOrganisation(
  db: Executor,
  id: string,
  patch: { name?: string; contact_name?: string; phone?: string },
) {
  return db.updateTable('organisations').set(patch).where('id', '=', id).execute();
}

/** The organisation of this name and kind registered at the place, if any. */
export function findUnitByName(db: Executor, placeId: string, kind: OrgKind, name: string) {
  return db
    .selectFrom('organisations')
    .select('id')
    .where('place_id', '=', placeId)
    .where('kind', '=', kind)
    .where('name', '=', name)
    .executeTakeFirst();
}

// —— liaisons ——

export function liaisonsOf(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisation_liaisons as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.organisation_id', 'l.user_id', 'u.display_name', 'u.username', 'l.created_at'])
    .where('l.organisation_id', 'in', [...organisationIds])
    .orderBy('l.created_at')
    .execute();
}

export async function isLiaison(db: Executor, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('organisation_liaisons')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The organisations a user acts for. */
export function unitsOfLiaison(db: Executor, userId: string) {
  return db
    .selectFrom('organisation_liaisons as l')
    .innerJoin('organisations as o', 'o.id', 'l.organisation_id')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select(unitColumns)
    .where('l.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/** Users holding the unit_liaison role at a place under `path` (or above it): who may be linked. */
export function liaisonCandidates(db: Executor, path: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['u.id', 'u.username', 'u.display_name', 'p.path as place_path'])
    .where('m.role', '=', 'unit_liaison')
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([pathUnder('p.path', path), pathAbove('p.path', path)]))
    .orderBy('u.display_name')
    .execute();
}

export function insertLiaison(
  db: Executor,
  row: { organisation_id: string; user_id: string; tenant_id: string; created_at: Date },
) {
  return db
    .insertInto('organisation_liaisons')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteLiaison(db: Executor, organisationId: string, userId: string) {
  const res = await db
    .deleteFrom('organisation_liaisons')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

// —— 物业与业委会 ——

export function servicesOf(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisation_services')
    .selectAll()
    .where('organisation_id', 'in', [...organisationIds])
    .execute();
}

export function upsertService(db: Executor, row: Insertable<OrganisationServicesTable>) {
  return db
    .insertInto('organisation_services')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'tenant_id']).doUpdateSet({
        term_start: row.term_start,
        term_end: row.term_end,
        building_ids: row.building_ids,
        note: row.note,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Buildings (places of kind building) among these ids, with their paths. */
export function buildingsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path'])
    .where('id', 'in', [...ids])
    .where('kind', '=', 'building')
    .execute();
}

/** The buildings of a community, for the console's picker. */
export function buildingsUnder(db: Executor, path: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'building')
    .where('status', '=', 'active')
    .where(pathUnder('path', path))
    .orderBy('code')
    .execute();
}

// —— 协议书 ——

const agreementColumns = [
  'a.id',
  'a.tenant_id',
  'a.organisation_id',
  'a.community_id',
  'a.place_path',
  'a.year',
  'a.state',
  'a.signed_on',
  'a.term_start',
  'a.term_end',
  'a.file_id',
  'a.note',
  'a.created_at',
  'a.updated_at',
] as const;

export function insertAgreement(db: Executor, row: Insertable<UnitAgreementsTable>) {
  return db
    .insertInto('unit_agreements')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function lockAgreement(db: Executor, id: string) {
  return db
    .selectFrom('unit_agreements as a')
    .select(agreementColumns)
    .where('a.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateAgreement(db: Executor, id: string, patch: Updateable<UnitAgreementsTable>) {
  return db.updateTable('unit_agreements').set(patch).where('id', '=', id).execute();
}

export function agreementsOf(db: Executor, organisationIds: readonly string[], year: number | null) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_agreements as a')
    .select(agreementColumns)
    .where('a.organisation_id', 'in', [...organisationIds])
    .$if(year !== null, (q) => q.where('a.year', '=', year!))
    .orderBy('a.year', 'desc')
    .execute();
}

// —— 四单 ——

const entryColumns = [
  'e.id',
  'e.tenant_id',
  'e.agreement_id',
  'e.organisation_id',
  'e.community_id',
  'e.place_path',
  'e.list',
  'e.title',
  'e.description',
  'e.due_on',
  'e.score',
  'e.state',
  'e.fulfilment_note',
  'e.proof_file_ids',
  'e.submitted_at',
  'e.return_reason',
  'e.decided_at',
  'e.points_awarded',
  'e.created_at',
  'e.updated_at',
] as const;

export function insertEntry(db: Executor, row: Insertable<UnitEntriesTable>) {
  return db.insertInto('unit_entries').values(row).execute();
}

export function findEntry(db: Executor, id: string) {
  return db.selectFrom('unit_entries as e').select(entryColumns).where('e.id', '=', id).executeTakeFirst();
}

/** The entry, locked for a transition: two decisions on one entry queue, the second sees the first. */
export function lockEntry(db: Executor, id: string) {
  return db.selectFrom('unit_entries as e').select(entryColumns).where('e.id', '=', id).forUpdate().executeTakeFirst();
}

export function updateEntry(db: Executor, id: string, patch: Updateable<UnitEntriesTable>) {
  return db.updateTable('unit_entries').set(patch).where('id', '=', id).execute();
}

export function entriesOfAgreements(db: Executor, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_entries as e')
    .select(entryColumns)
    .where('e.agreement_id', 'in', [...agreementIds])
    .orderBy('e.list')
    .orderBy('e.due_on')
    .orderBy('e.created_at')
    .execute();
}

/** Entries waiting for the community's decision, in scope, oldest first. */
export function submittedEntries(db: Executor, scope: Scope, underPath: string | null) {
  return db
    .selectFrom('unit_entries as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select([...entryColumns, 'o.name as organisation_name'])
    .where('e.state', '=', 'submitted')
    .where(inScope('e.place_path', scope))
    .$if(underPath !== null, (q) => q.where(pathUnder('e.place_path', underPath!)))
    .orderBy('e.submitted_at')
    .execute();
}

// —— 排行 and numbers ——

/**
 * The year's ranking figures of the co-building units in scope: points earned in the year (all the
 * organisation's ledger entries dated in it), entries, confirmed entries and those submitted by
 * their due date.
 */
export function unitRanking(db: Executor, scope: Scope, underPath: string | null, year: number) {
  const [from, to] = yearBounds(year);
  return db
    .selectFrom('organisations as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .select((eb) => [
      'o.id',
      'o.name',
      'p.code as place_code',
      'p.name as place_name',
      'p.path as place_path',
      eb
        .selectFrom('points_entries as pe')
        .innerJoin('points_accounts as pa', 'pa.id', 'pe.account_id')
        .select(sql<number>`coalesce(sum(pe.points), 0)::int`.as('points'))
        .whereRef('pa.organisation_id', '=', 'o.id')
        .where('pe.created_at', '>=', from)
        .where('pe.created_at', '<', to)
        .as('points'),
      eb
        .selectFrom('unit_entries as e')
        .innerJoin('unit_agreements as a', 'a.id', 'e.agreement_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.organisation_id', '=', 'o.id')
        .where('a.year', '=', year)
        .as('entries'),
      eb
        .selectFrom('unit_entries as e')
        .innerJoin('unit_agreements as a', 'a.id', 'e.agreement_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.organisation_id', '=', 'o.id')
        .where('a.year', '=', year)
        .where('e.state', '=', 'confirmed')
        .as('confirmed'),
      eb
        .selectFrom('unit_entries as e')
        .innerJoin('unit_agreements as a', 'a.id', 'e.agreement_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.organisation_id', '=', 'o.id')
        .where('a.year', '=', year)
        .where('e.state', '=', 'confirmed')
        .where(sql<boolean>`to_char(e.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') <= e.due_on`)
        .as('on_time'),
    ])
    .where('o.kind', '=', 'co_building_unit')
    .where(inScope('p.path', scope))
    .$if(underPath !== null, (q) => q.where(pathUnder('p.path', underPath!)))
    .execute();
}

/** The year's counts per community in scope. */
export function numbersPerCommunity(db: Executor, scope: Scope, underPath: string | null, year: number) {
  const [from, to] = yearBounds(year);
  return db
    .selectFrom('places as c')
    .select((eb) => [
      'c.id',
      'c.code',
      'c.name',
      eb
        .selectFrom('organisations as o')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('o.place_id', '=', 'c.id')
        .where('o.kind', '=', 'co_building_unit')
        .as('units'),
      eb
        .selectFrom('unit_agreements as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.community_id', '=', 'c.id')
        .where('a.year', '=', year)
        .where('a.state', '<>', 'draft')
        .as('agreements'),
      eb
        .selectFrom('unit_entries as e')
        .innerJoin('unit_agreements as a', 'a.id', 'e.agreement_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.community_id', '=', 'c.id')
        .where('a.year', '=', year)
        .as('entries'),
      eb
        .selectFrom('unit_entries as e')
        .innerJoin('unit_agreements as a', 'a.id', 'e.agreement_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.community_id', '=', 'c.id')
        .where('a.year', '=', year)
        .where('e.state', '=', 'confirmed')
        .as('confirmed'),
      eb
        .selectFrom('points_entries as pe')
        .innerJoin('points_accounts as pa', 'pa.id', 'pe.account_id')
        .select(sql<number>`coalesce(sum(pe.points), 0)::int`.as('n'))
        .whereRef('pe.community_id', '=', 'c.id')
        .where('pa.holder_kind', '=', 'organisation')
        .where('pe.rule', '=', 'unit_entry')
        .where('pe.created_at', '>=', from)
        .where('pe.created_at', '<', to)
        .as('points'),
    ])
    .where('c.kind', '=', 'community')
    .where(inScope('c.path', scope))
    .$if(underPath !== null, (q) => q.where(pathUnder('c.path', underPath!)))
    .orderBy('c.code')
    .execute();
}
