import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { Database, ResidentsTable } from '../../platform/db/schema.js';
import { escapeLike, inScope, pathUnder, type Scope } from '../../platform/scope.js';
import type { Insertable, Updateable } from 'kysely';

// Queries only. Every list is filtered by the caller's scope on the household's place path.

const residentColumns = [
  'residents.id',
  'residents.tenant_id',
  'residents.household_id',
  'residents.name',
  'residents.gender',
  'residents.birth_date',
  'residents.id_number_masked',
  'residents.phone_masked',
  'residents.relation',
  'residents.residence',
  'residents.tags',
  'residents.notes',
  'residents.status',
  'residents.created_at',
  'residents.updated_at',
  'places.code as household_code',
  'places.path as household_path',
  'households.address',
] as const;

function baseResidents(db: Executor) {
  return db
    .selectFrom('residents')
    .innerJoin('places', 'places.id', 'residents.household_id')
    .innerJoin('households', 'households.place_id', 'places.id');
}

export interface ResidentSearch {
  scope: Scope;
  underPath: string | null;
  tag?: string;
  residence?: string;
  status: string;
  match?:
    | { column: 'id_number_hash' | 'phone_hash'; value: string }
    | { column: 'pinyin'; value: string }
    | { column: 'name'; value: string };
}

function applySearch(db: Executor, search: ResidentSearch) {
  let query = baseResidents(db).where(inScope('places.path', search.scope));
  if (search.underPath) query = query.where(pathUnder('places.path', search.underPath));
  if (search.status !== 'all') query = query.where('residents.status', '=', search.status as 'active');
  if (search.tag) query = query.where(sql<boolean>`residents.tags @> ARRAY[${search.tag}]::text[]`);
  if (search.residence) query = query.where('residents.residence', '=', search.residence as 'registered');
  const m = search.match;
  if (m?.column === 'id_number_hash') query = query.where('residents.id_number_hash', '=', m.value);
  if (m?.column === 'phone_hash') query = query.where('residents.phone_hash', '=', m.value);
  if (m?.column === 'pinyin') {
    query = query.where((eb) =>
      eb.or([eb('residents.name_initials', 'like', `${m.value}%`), eb('residents.name_pinyin', 'like', `${m.value}%`)]),
    );
  }
  if (m?.column === 'name') query = query.where('residents.name', 'like', `%${escapeLike(m.value)}%`);
  return query;
}

export async function searchResidents(db: Executor, search: ResidentSearch, page: { offset: number; limit: number }) {
  const query = applySearch(db, search);
  const [rows, total] = await Promise.all([
    query
      .select(residentColumns)
      .select(rosterFlags)
      .orderBy('places.code')
      .orderBy('residents.relation')
      .orderBy('residents.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Every matching row, for exports; in pages to keep memory flat. */
export async function* allResidents(db: Executor, search: ResidentSearch, batch = 2000) {
  for (let offset = 0; ; offset += batch) {
    const rows = await applySearch(db, search)
      .select(residentColumns)
      .select(rosterFlags)
      .orderBy('places.code')
      .orderBy('residents.id')
      .offset(offset)
      .limit(batch)
      .execute();
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

const rosterFlags = (eb: ExpressionBuilder<Database, 'residents' | 'places' | 'households'>) => [
  eb
    .exists(
      eb
        .selectFrom('party_members')
        .select('party_members.resident_id')
        .whereRef('party_members.resident_id', '=', 'residents.id'),
    )
    .as('is_party'),
  eb
    .exists(
      eb
        .selectFrom('volunteers')
        .select('volunteers.resident_id')
        .whereRef('volunteers.resident_id', '=', 'residents.id'),
    )
    .as('is_volunteer'),
];

export function findResident(db: Executor, id: string) {
  return baseResidents(db)
    .select(residentColumns)
    .select(rosterFlags)
    .where('residents.id', '=', id)
    .executeTakeFirst();
}

export function lockResident(db: Executor, id: string) {
  return db.selectFrom('residents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function householdOf(db: Executor, householdId: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'path', 'tenant_id'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
}

export function findHousehold(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .innerJoin('households', 'households.place_id', 'places.id')
    .select(['places.id', 'places.code', 'places.path', 'places.tenant_id', 'places.status', 'households.address'])
    .where('places.code', '=', code)
    .where('places.kind', '=', 'household')
    .executeTakeFirst();
}

export async function insertResidents(db: Executor, rows: Insertable<ResidentsTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('residents')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateResident(db: Executor, id: string, changes: Updateable<ResidentsTable>) {
  await db.updateTable('residents').set(changes).where('id', '=', id).execute();
}

export async function findIdNumberOwner(db: Executor, tenantId: string, hash: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'household_id'])
    .where('tenant_id', '=', tenantId)
    .where('id_number_hash', '=', hash)
    .executeTakeFirst();
}

export async function findIdNumberOwners(db: Executor, tenantId: string, hashes: string[]) {
  const found: { id: string; name: string; household_id: string; id_number_hash: string | null }[] = [];
  for (let i = 0; i < hashes.length; i += 1000) {
    const chunk = hashes.slice(i, i + 1000);
    if (chunk.length)
      found.push(
        ...(await db
          .selectFrom('residents')
          .select(['id', 'name', 'household_id', 'id_number_hash'])
          .where('tenant_id', '=', tenantId)
          .where('id_number_hash', 'in', chunk)
          .execute()),
      );
  }
  return found;
}

export async function insertEvents(db: Executor, rows: Insertable<Database['resident_events']>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('resident_events')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function listEvents(db: Executor, residentId: string) {
  return db
    .selectFrom('resident_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .leftJoin('households as fh', 'fh.place_id', 'e.from_household_id')
    .leftJoin('households as th', 'th.place_id', 'e.to_household_id')
    .select([
      'e.kind',
      'e.note',
      'e.at',
      'u.display_name as actor_name',
      'fh.address as from_address',
      'th.address as to_address',
    ])
    .where('e.resident_id', '=', residentId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

export function sealedField(db: Executor, id: string, column: 'id_number_enc' | 'phone_enc') {
  return db.selectFrom('residents').select(column).where('id', '=', id).executeTakeFirst();
}

export function gridNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(['code', 'name']).where('code', 'in', codes).execute();
}

export function listTags(db: Executor) {
  return db.selectFrom('resident_tags').selectAll().orderBy('sort').orderBy('code').execute();
}

export function lockTag(db: Executor, code: string) {
  return db.selectFrom('resident_tags').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertTag(db: Executor, row: Insertable<Database['resident_tags']>) {
  await db.insertInto('resident_tags').values(row).execute();
}

export async function updateTag(db: Executor, code: string, changes: Updateable<Database['resident_tags']>) {
  await db.updateTable('resident_tags').set(changes).where('code', '=', code).execute();
}

/** Per household under a place: active members, the union of their tags, the last visit. */
export async function householdSummaries(db: Executor, underPath: string, scope: Scope) {
  const result = await sql<{ code: string; members: number; tags: string[]; last_visit_at: Date | null }>`
    SELECT h.code,
           count(r.id)::int AS members,
           coalesce((SELECT array_agg(DISTINCT t.tag) FROM residents r2, unnest(r2.tags) AS t(tag)
                     WHERE r2.household_id = h.id AND r2.status = 'active'), '{}') AS tags,
           (SELECT max(v.visited_at) FROM visit_logs v WHERE v.household_id = h.id) AS last_visit_at
    FROM places h
    LEFT JOIN residents r ON r.household_id = h.id AND r.status = 'active'
    WHERE h.kind = 'household' AND h.status = 'active' AND ${pathUnder('h.path', underPath)} AND ${inScope('h.path', scope)}
    GROUP BY h.id, h.code
    ORDER BY h.code
    LIMIT 2000`.execute(db);
  return result.rows;
}

/** `household_id|name` of the active residents of these households: who an import would add twice. */
export async function activeNamesInHouseholds(db: Executor, householdIds: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('residents')
    .select(['household_id', 'name'])
    .where('household_id', 'in', householdIds.length ? householdIds : ['00000000-0000-0000-0000-000000000000'])
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => `${r.household_id}|${r.name}`));
}
