import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type { SpotKind } from '../../../shared/spots.js';
import type { GeoJsonPolygon, GridCarried, NewPlace, PlaceKind } from '../../platform/db/schema.js';
import { escapeLike, inScope, pathUnder, pathUnderColumn, type Scope } from '../../platform/scope.js';

// Queries only. Lists take the caller's scope and filter by it, so nothing outside the scope
// ever leaves the database.

export const placeColumns = [
  'id',
  'tenant_id',
  'code',
  'name',
  'kind',
  'parent_id',
  'path',
  'status',
  'created_at',
  'updated_at',
  'retired_at',
  'phone',
] as const;

export function findByCode(db: Executor, code: string) {
  return db.selectFrom('places').select(placeColumns).where('code', '=', code).executeTakeFirst();
}

export function findByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(placeColumns).where('code', 'in', codes).execute();
}

export function lockByCode(db: Executor, code: string) {
  return db.selectFrom('places').select(placeColumns).where('code', '=', code).forUpdate().executeTakeFirst();
}

/** Children of a place in the scope; households only where the actor may also read households. */
export async function listChildren(
  db: Executor,
  parentId: string,
  scope: Scope,
  households: Scope,
  includeRetired: boolean,
) {
  let query = db
    .selectFrom('places as p')
    .select(['p.id', 'p.code', 'p.name', 'p.kind', 'p.path', 'p.status'])
    .select((eb) =>
      eb.exists(eb.selectFrom('places as c').select('c.id').whereRef('c.parent_id', '=', 'p.id')).as('has_children'),
    )
    .where('p.parent_id', '=', parentId)
    .where(inScope('p.path', scope))
    .where((eb) => eb.or([eb('p.kind', '<>', 'household'), inScope('p.path', households)]));
  if (!includeRetired) query = query.where('p.status', '=', 'active');
  return query.orderBy('p.code').execute();
}

export function listByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(placeColumns).where('id', 'in', ids).execute();
}

/** The places named by the codes of a path, root first. */
export function ancestorsOf(db: Executor, path: string) {
  const codes = path.split('/').filter(Boolean);
  return db
    .selectFrom('places')
    .select(['code', 'name', 'kind'])
    .where('code', 'in', codes)
    .orderBy(sql`length(path)`)
    .execute();
}

export async function countDescendants(db: Executor, path: string) {
  const rows = await db
    .selectFrom('places as p')
    .select(['p.kind', sql<number>`count(*)::int`.as('n')])
    .where(pathUnder('p.path', path))
    .where('p.path', '<>', path)
    .where('p.status', '=', 'active')
    .groupBy('p.kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.n])) as Partial<Record<PlaceKind, number>>;
}

export async function insertPlace(db: Executor, place: NewPlace) {
  await db.insertInto('places').values(place).execute();
}

export async function updatePlaceName(db: Executor, id: string, name: string, now: Date) {
  await db.updateTable('places').set({ name, updated_at: now }).where('id', '=', id).execute();
}

export async function nextSerialCode(
  db: Executor,
  parentId: string,
  parentCode: string,
  digits: number,
): Promise<string> {
  const row = await db
    .selectFrom('places')
    .select(sql<string | null>`max(code)`.as('max'))
    .where('parent_id', '=', parentId)
    .where(sql<boolean>`code ~ ${`^${parentCode}[0-9]{${digits}}$`}`)
    .executeTakeFirst();
  const last = row?.max ? Number(row.max.slice(parentCode.length)) : 0;
  return parentCode + String(last + 1).padStart(digits, '0');
}

// Grids

export function listGridsUnder(db: Executor, path: string, scope: Scope, includeRetired: boolean) {
  let query = db
    .selectFrom('places as p')
    .innerJoin('grids as g', 'g.place_id', 'p.id')
    .innerJoin('places as c', 'c.id', 'p.parent_id')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.path',
      'p.status',
      'p.retired_at',
      'g.grid_kind',
      'g.dedicated_for',
      'g.boundary',
      'c.code as community_code',
      'c.name as community_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('places as h')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('h.kind', '=', 'household')
        .where('h.status', '=', 'active')
        .where(pathUnderColumn('h.path', 'p.path'))
        .as('household_count'),
    )
    .where('p.kind', '=', 'grid')
    .where(pathUnder('p.path', path))
    .where(inScope('p.path', scope));
  if (!includeRetired) query = query.where('p.status', '=', 'active');
  return query.orderBy('p.code').execute();
}

export function findGrid(db: Executor, placeId: string) {
  return db.selectFrom('grids').selectAll().where('place_id', '=', placeId).executeTakeFirst();
}

export async function insertGrid(
  db: Executor,
  grid: {
    placeId: string;
    tenantId: string;
    gridKind: 'comprehensive' | 'dedicated';
    dedicatedFor: string | null;
    boundary: GeoJsonPolygon;
    box: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  },
) {
  await db
    .insertInto('grids')
    .values({
      place_id: grid.placeId,
      tenant_id: grid.tenantId,
      grid_kind: grid.gridKind,
      dedicated_for: grid.dedicatedFor,
      boundary: JSON.stringify(grid.boundary),
      min_lng: grid.box.minLng,
      min_lat: grid.box.minLat,
      max_lng: grid.box.maxLng,
      max_lat: grid.box.maxLat,
    })
    .execute();
}

export function gridWorkers(db: Executor, placeIds: string[]) {
  if (placeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.place_id', 'u.id', 'u.display_name', 'u.username'])
    .where('m.role', '=', 'grid_worker')
    .where('m.place_id', 'in', placeIds)
    .orderBy('u.display_name')
    .execute();
}

export async function listActiveGridsForIndex(db: Executor) {
  return db
    .selectFrom('places as p')
    .innerJoin('grids as g', 'g.place_id', 'p.id')
    .innerJoin('places as c', 'c.id', 'p.parent_id')
    .innerJoin('places as s', 's.id', 'c.parent_id')
    .select([
      'p.code',
      'p.name',
      'p.path',
      'g.boundary',
      'g.min_lng',
      'g.min_lat',
      'g.max_lng',
      'g.max_lat',
      'c.code as community_code',
      'c.name as community_name',
      's.code as street_code',
      's.name as street_name',
    ])
    .where('p.kind', '=', 'grid')
    .where('p.status', '=', 'active')
    .execute();
}

export async function gridsVersion(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('system_counters')
    .select('value')
    .where('name', '=', 'grids')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function bumpGridsVersion(db: Executor) {
  await db
    .updateTable('system_counters')
    .set({ value: sql`value + 1` })
    .where('name', '=', 'grids')
    .execute();
}

/** Moves a place and its whole subtree under a new parent, rewriting the paths in one statement. */
export async function moveSubtree(
  db: Executor,
  place: { id: string; path: string },
  newParent: { id: string; path: string },
  code: string,
  now: Date,
) {
  const newPath = `${newParent.path}${code}/`;
  await db
    .updateTable('places')
    .set({ path: sql`${newPath} || substr(path, ${place.path.length + 1})`, updated_at: now })
    .where(pathUnder('path', place.path))
    .execute();
  await db.updateTable('places').set({ parent_id: newParent.id }).where('id', '=', place.id).execute();
}

export function buildingsOfGrid(db: Executor, gridId: string) {
  return db
    .selectFrom('places as p')
    .innerJoin('buildings as b', 'b.place_id', 'p.id')
    .select(['p.id', 'p.code', 'p.name', 'p.path', 'b.lng', 'b.lat'])
    .where('p.parent_id', '=', gridId)
    .execute();
}

export function childrenOf(db: Executor, parentId: string) {
  return db.selectFrom('places').select(['id', 'code', 'path']).where('parent_id', '=', parentId).execute();
}

export async function retirePlace(db: Executor, id: string, now: Date) {
  await db
    .updateTable('places')
    .set({ status: 'retired', retired_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The memberships (grid workers and anyone else) held on these grids move to another: who moved. */
export async function moveGridWorkers(db: Executor, fromPlaceIds: string[], toPlaceId: string) {
  if (fromPlaceIds.length === 0) return [];
  return db
    .updateTable('memberships')
    .set({ place_id: toPlaceId })
    .where('place_id', 'in', fromPlaceIds)
    .returning((eb) => [
      'memberships.id',
      'memberships.user_id',
      'memberships.role',
      eb.selectFrom('users').select('users.display_name').whereRef('users.id', '=', 'memberships.user_id').as('name'),
    ])
    .execute();
}

/** After a merge a worker of two merged grids holds the same role twice on the new one: keep one. */
export async function dropDuplicateMemberships(db: Executor, placeId: string) {
  await db
    .deleteFrom('memberships as m')
    .where('m.place_id', '=', placeId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as k')
          .select('k.id')
          .whereRef('k.user_id', '=', 'm.user_id')
          .whereRef('k.role', '=', 'm.role')
          .where('k.place_id', '=', placeId)
          .whereRef('k.id', '<', 'm.id'),
      ),
    )
    .execute();
}

export async function insertGridChange(
  db: Executor,
  change: {
    id: string;
    tenantId: string;
    kind: 'merge' | 'split';
    from: string[];
    to: string[];
    reason: string;
    actorId: string | null;
    at: Date;
    carried: GridCarried;
  },
) {
  await db
    .insertInto('grid_changes')
    .values({
      id: change.id,
      tenant_id: change.tenantId,
      change_kind: change.kind,
      from_codes: change.from,
      to_codes: change.to,
      reason: change.reason,
      actor_id: change.actorId,
      changed_at: change.at,
      carried: JSON.stringify(change.carried),
    })
    .execute();
}

export function listGridChanges(db: Executor, tenantId: string, codesUnder: string) {
  return db
    .selectFrom('grid_changes as gc')
    .leftJoin('users as u', 'u.id', 'gc.actor_id')
    .select([
      'gc.id',
      'gc.change_kind',
      'gc.from_codes',
      'gc.to_codes',
      'gc.reason',
      'gc.changed_at',
      'gc.carried',
      'u.display_name as actor_name',
    ])
    .where('gc.tenant_id', '=', tenantId)
    .where(
      sql<boolean>`exists (select 1 from unnest(gc.from_codes || gc.to_codes) c where c like ${escapeLike(codesUnder) + '%'})`,
    )
    .orderBy('gc.changed_at', 'desc')
    .limit(200)
    .execute();
}

// Buildings and households

export async function insertBuilding(
  db: Executor,
  b: { placeId: string; tenantId: string; lng: number; lat: number; floors: number; address: string },
) {
  await db
    .insertInto('buildings')
    .values({
      place_id: b.placeId,
      tenant_id: b.tenantId,
      lng: b.lng,
      lat: b.lat,
      floors: b.floors,
      address: b.address,
    })
    .execute();
}

export async function insertHousehold(
  db: Executor,
  h: { placeId: string; tenantId: string; address: string; room: string; floor: number | null },
) {
  await db
    .insertInto('households')
    .values({ place_id: h.placeId, tenant_id: h.tenantId, address: h.address, room: h.room, floor: h.floor })
    .execute();
}

export function findBuilding(db: Executor, placeId: string) {
  return db.selectFrom('buildings').selectAll().where('place_id', '=', placeId).executeTakeFirst();
}

export function findHousehold(db: Executor, placeId: string) {
  return db.selectFrom('households').selectAll().where('place_id', '=', placeId).executeTakeFirst();
}

export async function listHouseholdsUnder(
  db: Executor,
  path: string,
  scope: Scope,
  page: { offset: number; limit: number; q?: string },
) {
  let base = db
    .selectFrom('places as p')
    .innerJoin('households as h', 'h.place_id', 'p.id')
    .innerJoin('places as un', 'un.id', 'p.parent_id')
    .innerJoin('places as b', 'b.id', 'un.parent_id')
    .where('p.kind', '=', 'household')
    .where('p.status', '=', 'active')
    .where(pathUnder('p.path', path))
    .where(inScope('p.path', scope));
  if (page.q)
    base = base.where((eb) =>
      eb.or([eb('h.address', 'like', `%${escapeLike(page.q!)}%`), eb('p.name', 'like', `%${escapeLike(page.q!)}%`)]),
    );
  const [rows, total] = await Promise.all([
    base
      .select([
        'p.id',
        'p.code',
        'p.name',
        'p.path',
        'h.address',
        'h.room',
        'h.floor',
        'b.name as building_name',
        'b.code as building_code',
        'un.name as unit_name',
      ])
      .orderBy('p.code')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function listDepartments(db: Executor, tenantIds: string[]) {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('departments as d')
    .leftJoin('places as s', 's.code', 'd.street_code')
    .select(['d.id', 'd.code', 'd.name', 'd.kind', 'd.street_code', 's.name as street_name', 'd.phone'])
    .where('d.tenant_id', 'in', tenantIds)
    .orderBy('d.code')
    .execute();
}

// Regions (GB/T 2260 divisions: province, city, county, street)

/** The division places already there, by code. */
export function listRegionPlaces(db: Executor) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'path'])
    .where('kind', 'in', ['province', 'city', 'county', 'street'])
    .execute();
}

/** Inserts places in batches of 500 (a province has a few thousand streets). */
export async function insertPlaces(db: Executor, places: NewPlace[]) {
  for (let i = 0; i < places.length; i += 500)
    await db
      .insertInto('places')
      .values(places.slice(i, i + 500))
      .execute();
}

// Spots (地点) and QR posters (issue 14)

export async function insertSpot(
  db: Executor,
  s: { placeId: string; tenantId: string; spotKind: SpotKind; lng: number; lat: number; address: string },
) {
  await db
    .insertInto('spots')
    .values({
      place_id: s.placeId,
      tenant_id: s.tenantId,
      spot_kind: s.spotKind,
      lng: s.lng,
      lat: s.lat,
      address: s.address,
    })
    .execute();
}

export async function updateSpot(
  db: Executor,
  placeId: string,
  s: { spotKind: SpotKind; lng: number; lat: number; address: string },
) {
  await db
    .updateTable('spots')
    .set({ spot_kind: s.spotKind, lng: s.lng, lat: s.lat, address: s.address })
    .where('place_id', '=', placeId)
    .execute();
}

export function findSpot(db: Executor, placeId: string) {
  return db.selectFrom('spots').selectAll().where('place_id', '=', placeId).executeTakeFirst();
}

/** Active spots under a place and in the scope, with the grid they belong to. */
export function listSpotsUnder(db: Executor, path: string, scope: Scope) {
  return db
    .selectFrom('places as p')
    .innerJoin('spots as s', 's.place_id', 'p.id')
    .innerJoin('places as g', 'g.id', 'p.parent_id')
    .select([
      'p.code',
      'p.name',
      's.spot_kind',
      's.lng',
      's.lat',
      's.address',
      'g.code as grid_code',
      'g.name as grid_name',
    ])
    .where('p.kind', '=', 'spot')
    .where('p.status', '=', 'active')
    .where(pathUnder('p.path', path))
    .where(inScope('p.path', scope))
    .orderBy('p.code')
    .execute();
}

/** Spots of a grid with their points (a split sends each to the part that holds it). */
export function spotsOfGrid(db: Executor, gridId: string) {
  return db
    .selectFrom('places as p')
    .innerJoin('spots as s', 's.place_id', 'p.id')
    .select(['p.id', 'p.code', 'p.name', 'p.path', 's.lng', 's.lat'])
    .where('p.parent_id', '=', gridId)
    .execute();
}

/** The codes of the spots of a community so far (`<community>-P001`, …), to give the next serial. */
export async function spotCodesOf(db: Executor, communityCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('places')
    .select('code')
    .where('kind', '=', 'spot')
    .where('code', 'like', `${escapeLike(communityCode)}-P%`)
    .execute();
  return rows.map((r) => r.code);
}

/** Active places of these kinds under a place and in the scope, in code order; at most `limit`. */
export function posterPlacesUnder(db: Executor, path: string, kinds: PlaceKind[], scope: Scope, limit: number) {
  if (kinds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('places')
    .select(placeColumns)
    .where('kind', 'in', kinds)
    .where('status', '=', 'active')
    .where(pathUnder('path', path))
    .where(inScope('path', scope))
    .orderBy('path')
    .limit(limit)
    .execute();
}

/** Names, kinds and phones of the places with these codes (the ancestors printed on a poster). */
export function placeLabels(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(['code', 'name', 'kind', 'phone']).where('code', 'in', codes).execute();
}

export function qrCodesOf(db: Executor, placeIds: string[]) {
  if (placeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('place_qr_codes').select(['token', 'place_id']).where('place_id', 'in', placeIds).execute();
}

/** New tokens; a place that got one meanwhile keeps its own (read them again after). */
export async function insertQrCodes(
  db: Executor,
  rows: { token: string; placeId: string; tenantId: string; createdAt: Date }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('place_qr_codes')
    .values(rows.map((r) => ({ token: r.token, place_id: r.placeId, tenant_id: r.tenantId, created_at: r.createdAt })))
    .onConflict((oc) => oc.columns(['place_id', 'tenant_id']).doNothing())
    .execute();
}

/** The place a poster's token stands for. */
export function placeOfQrToken(db: Executor, token: string) {
  return db
    .selectFrom('place_qr_codes as q')
    .innerJoin('places as p', 'p.id', 'q.place_id')
    .select(['p.id', 'p.tenant_id', 'p.code', 'p.name', 'p.kind', 'p.path', 'p.status'])
    .where('q.token', '=', token)
    .executeTakeFirst();
}

/** The point of a building or spot (a report from its poster without GPS is put there). */
export async function pointOfPlace(db: Executor, placeId: string) {
  const [building, spot] = await Promise.all([
    db.selectFrom('buildings').select(['lng', 'lat']).where('place_id', '=', placeId).executeTakeFirst(),
    db.selectFrom('spots').select(['lng', 'lat']).where('place_id', '=', placeId).executeTakeFirst(),
  ]);
  return building ?? spot ?? null;
}

export async function updatePlacePhone(db: Executor, id: string, phone: string, now: Date) {
  await db.updateTable('places').set({ phone, updated_at: now }).where('id', '=', id).execute();
}
