import { AppError } from '../../platform/errors.js';
import { can, type Actor } from '../../platform/policy.js';
import { scopeOf } from '../../platform/scope.js';
import type { PlacesDeps } from './deps.js';
import { createGrid, mergeGrids, splitGrid } from './grid-changes.js';
import { createPlace, renamePlace } from './place-writes.js';
import {
  assertMayRead,
  assertMayReadDepartments,
  assertMayReadHouseholds,
  assertMayReadPlaces,
  mayNameAbove,
  placeActions,
} from './policy.js';
import * as repo from './repository.js';
import type { CreateGrid, CreatePlace, HouseholdsPage, MergeGrids, SplitGrid } from './schemas.js';

export type { PlacesDeps };

// Reading places; the writes are in place-writes.ts and grid-changes.ts.

async function readable({ db }: PlacesDeps, actor: Actor, code: string) {
  const place = await repo.findByCode(db, code);
  if (!place) throw new AppError('NOT_FOUND');
  assertMayRead(actor, place);
  return place;
}

/** Children of a place, or the roots of the actor's scope. */
async function listChildren(deps: PlacesDeps, actor: Actor, parentCode: string | undefined, includeRetired: boolean) {
  const { db } = deps;
  assertMayReadPlaces(actor);
  const scope = scopeOf(actor, 'places:read');
  if (!parentCode) {
    const roots = await repo.findByCodes(
      db,
      scope.paths.map((p) => p.split('/').filter(Boolean).at(-1)!),
    );
    const children = await Promise.all(roots.map((r) => repo.childrenOf(db, r.id)));
    return roots.map((r, i) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      status: r.status,
      hasChildren: children[i].length > 0,
    }));
  }
  const parent = await readable(deps, actor, parentCode);
  const rows = await repo.listChildren(db, parent.id, scope, scopeOf(actor, 'households:read'), includeRetired);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    status: r.status,
    hasChildren: Boolean(r.has_children),
  }));
}

/** A place above the actor's scope: its name and ancestors, nothing of what lies under it. */
async function namePlaceAbove({ db }: PlacesDeps, place: NonNullable<Awaited<ReturnType<typeof repo.findByCode>>>) {
  const ancestors = await repo.ancestorsOf(db, place.path);
  return {
    id: place.id,
    code: place.code,
    name: place.name,
    kind: place.kind,
    status: place.status,
    path: place.path,
    ancestors: ancestors.filter((a) => a.code !== place.code),
    counts: {},
    building: null,
    household: null,
    grid: null,
    actions: [],
    phone: '',
  };
}

async function getPlace(deps: PlacesDeps, actor: Actor, code: string) {
  const { db } = deps;
  const above = await repo.findByCode(db, code);
  if (above && mayNameAbove(actor, above)) return namePlaceAbove(deps, above);
  const place = await readable(deps, actor, code);
  const [ancestors, counts, building, household, grid] = await Promise.all([
    repo.ancestorsOf(db, place.path),
    repo.countDescendants(db, place.path),
    place.kind === 'building' ? repo.findBuilding(db, place.id) : undefined,
    place.kind === 'household' ? repo.findHousehold(db, place.id) : undefined,
    place.kind === 'grid' ? repo.findGrid(db, place.id) : undefined,
  ]);
  return {
    id: place.id,
    code: place.code,
    name: place.name,
    kind: place.kind,
    status: place.status,
    path: place.path,
    ancestors: ancestors.filter((a) => a.code !== place.code),
    counts,
    building: building
      ? { lng: building.lng, lat: building.lat, floors: building.floors, address: building.address }
      : null,
    household: household ? { address: household.address, room: household.room, floor: household.floor } : null,
    grid: grid ? { gridKind: grid.grid_kind, dedicatedFor: grid.dedicated_for, boundary: grid.boundary } : null,
    actions: placeActions(actor, place),
    phone: place.phone,
  };
}

async function listGrids(deps: PlacesDeps, actor: Actor, underCode: string, includeRetired: boolean) {
  const { db } = deps;
  const under = await readable(deps, actor, underCode);
  const rows = await repo.listGridsUnder(db, under.path, scopeOf(actor, 'places:read'), includeRetired);
  const workers = await repo.gridWorkers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    gridKind: r.grid_kind,
    dedicatedFor: r.dedicated_for,
    boundary: r.boundary,
    community: { code: r.community_code, name: r.community_name },
    householdCount: r.household_count ?? 0,
    workers: workers.filter((w) => w.place_id === r.id).map((w) => ({ id: w.id, name: w.display_name })),
  }));
}

async function listGridChanges(deps: PlacesDeps, actor: Actor, underCode: string) {
  const under = await readable(deps, actor, underCode);
  if (!under.tenant_id) return [];
  const rows = await repo.listGridChanges(deps.db, under.tenant_id, under.code);
  return rows.map((r) => ({
    id: r.id,
    changeKind: r.change_kind,
    fromCodes: r.from_codes,
    toCodes: r.to_codes,
    reason: r.reason,
    changedAt: new Date(r.changed_at).toISOString(),
    actorName: r.actor_name,
    carried: { partyOrgs: r.carried.partyOrgs ?? [], memberships: r.carried.memberships ?? [] },
  }));
}

async function locate({ locator }: PlacesDeps, actor: Actor, lng: number, lat: number) {
  assertMayReadPlaces(actor);
  const found = await locator.locate(lng, lat);
  if (!found || !can(actor, 'places:read', found.path)) throw new AppError('LOCATE_OUTSIDE');
  return { grid: found.grid, community: found.community, street: found.street };
}

async function listHouseholds(deps: PlacesDeps, actor: Actor, code: string, page: HouseholdsPage) {
  const place = await readable(deps, actor, code);
  assertMayReadHouseholds(actor);
  const { rows, total } = await repo.listHouseholdsUnder(deps.db, place.path, scopeOf(actor, 'households:read'), {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
    q: page.q,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      address: r.address,
      room: r.room,
      floor: r.floor,
      building: { code: r.building_code, name: r.building_name },
      unitName: r.unit_name,
    })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

async function listDepartments({ db }: PlacesDeps, actor: Actor) {
  assertMayReadDepartments(actor);
  const rows = await repo.listDepartments(db, actor.tenantId ? [actor.tenantId] : []);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    streetCode: r.street_code,
    streetName: r.street_name,
    phone: r.phone,
  }));
}

export function createPlacesService(deps: PlacesDeps) {
  return {
    listChildren: (actor: Actor, parentCode: string | undefined, includeRetired: boolean) =>
      listChildren(deps, actor, parentCode, includeRetired),
    getPlace: (actor: Actor, code: string) => getPlace(deps, actor, code),
    createPlace: (actor: Actor, input: CreatePlace) => createPlace(deps, actor, input),
    renamePlace: (actor: Actor, code: string, name: string) => renamePlace(deps, actor, code, name),
    listGrids: (actor: Actor, underCode: string, includeRetired: boolean) =>
      listGrids(deps, actor, underCode, includeRetired),
    createGrid: (actor: Actor, input: CreateGrid) => createGrid(deps, actor, input),
    mergeGrids: (actor: Actor, input: MergeGrids) => mergeGrids(deps, actor, input),
    splitGrid: (actor: Actor, code: string, input: SplitGrid) => splitGrid(deps, actor, code, input),
    listGridChanges: (actor: Actor, underCode: string) => listGridChanges(deps, actor, underCode),
    locate: (actor: Actor, lng: number, lat: number) => locate(deps, actor, lng, lat),
    listHouseholds: (actor: Actor, code: string, page: HouseholdsPage) => listHouseholds(deps, actor, code, page),
    listDepartments: (actor: Actor) => listDepartments(deps, actor),
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
