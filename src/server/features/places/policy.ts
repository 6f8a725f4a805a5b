import type { Permission } from '../../../shared/roles.js';
import type { PlaceKind } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { holdsScope, scopeOf } from '../../platform/scope.js';

// Who may do what with a place. Households are personal data: they need households:read.

export const readPermissionFor = (kind: PlaceKind): Permission =>
  kind === 'household' ? 'households:read' : 'places:read';

/** Which kinds of place each permission lets you create. */
export const createPermissionFor = (kind: PlaceKind): Permission =>
  kind === 'grid' || kind === 'street' || kind === 'community' ? 'grids:write' : 'places:write';

export function placeActions(actor: Actor, place: { kind: PlaceKind; path: string; status: string }): string[] {
  if (place.status !== 'active') return [];
  const actions: string[] = [];
  if (can(actor, place.kind === 'grid' ? 'grids:write' : 'places:write', place.path)) actions.push('rename');
  if (place.kind === 'grid' && can(actor, 'grids:write', place.path)) actions.push('split', 'merge');
  const childKind: Partial<Record<PlaceKind, PlaceKind>> = {
    county: 'street',
    street: 'community',
    community: 'grid',
    grid: 'building',
    building: 'unit',
    unit: 'household',
  };
  const child = childKind[place.kind];
  if (child && can(actor, createPermissionFor(child), place.path)) actions.push('createChild');
  return actions;
}

/** Reading this place (households need households:read); out of scope reads as not found. */
export const assertMayRead = (actor: Actor, place: { kind: PlaceKind; path: string }): void =>
  assertInScope(actor, readPermissionFor(place.kind), place.path);

/**
 * A place above the actor's scope (their street, their county) may be named with its ancestors,
 * so a community worker's pages can say which street they belong to; nothing under it is shown.
 */
export const mayNameAbove = (actor: Actor, place: { kind: PlaceKind; path: string }): boolean =>
  place.kind !== 'household' && holdsScope(scopeOf(actor, 'places:read'), place.path);

/** Reading places somewhere (FORBIDDEN without places:read). */
export const assertMayReadPlaces = (actor: Actor): void => assertPermission(actor, 'places:read');

/** Listing households somewhere (FORBIDDEN without households:read). */
export const assertMayReadHouseholds = (actor: Actor): void => assertPermission(actor, 'households:read');

/** Creating a place of this kind under the parent at this path. */
export const assertMayCreateUnder = (actor: Actor, kind: PlaceKind, parentPath: string): void =>
  assertInScope(actor, createPermissionFor(kind), parentPath);

/** Creating, merging or splitting grids at this path. */
export const assertMayChangeGrids = (actor: Actor, path: string): void => assertInScope(actor, 'grids:write', path);

/** Renaming a place the actor can read (else not found); FORBIDDEN when it may only read it. */
export function assertMayRename(actor: Actor, place: { kind: PlaceKind; path: string; status: string }): void {
  assertMayRead(actor, place);
  if (!placeActions(actor, place).includes('rename')) throw new AppError('FORBIDDEN');
}

/** Reading the county's departments (FORBIDDEN without departments:read). */
export const assertMayReadDepartments = (actor: Actor): void => assertPermission(actor, 'departments:read');
