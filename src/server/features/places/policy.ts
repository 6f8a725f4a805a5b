import type { Permission } from '../../../shared/roles.js';
import type { PlaceKind } from '../../platform/db/schema.js';
import { can, type Actor } from '../../platform/policy.js';

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
