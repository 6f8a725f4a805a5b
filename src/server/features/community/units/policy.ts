import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';
import type { UnitsActorRole } from './lifecycle.js';

// Who may, for the units area. The community's staff read (community:read) and run
// (community:manage) the units registered at places in their scope. A unit's liaison
// (units:liaise over the unit's place, and a row in organisation_liaisons) acts for that unit
// only: another unit — even in the same community — reads as not found, and a liaison never sees
// residents' data (nothing here carries any).

export interface UnitPlace {
  place_path: string;
}

/** What the actor is to this unit: its liaison, the community that runs it, both or neither. */
export function rolesOn(actor: Actor, unit: UnitPlace, liaison: boolean): UnitsActorRole[] {
  const roles: UnitsActorRole[] = [];
  if (liaison && can(actor, 'units:liaise', unit.place_path)) roles.push('liaison');
  if (can(actor, 'community:manage', unit.place_path)) roles.push('community');
  return roles;
}

/** Staff who read it, or its own liaison; anyone else is told it does not exist. */
export function assertMayReadUnit(actor: Actor, unit: UnitPlace, liaison: boolean): void {
  if (can(actor, 'community:read', unit.place_path)) return;
  if (liaison && can(actor, 'units:liaise', unit.place_path)) return;
  if (!can(actor, 'community:read') && !can(actor, 'units:liaise')) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

export const assertMayManageUnit = (actor: Actor, unit: UnitPlace): void =>
  assertInScope(actor, 'community:manage', unit.place_path);

/** The places whose units a list shows. */
export const unitsShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });

export function assertMayLiaise(actor: Actor): void {
  if (!can(actor, 'units:liaise')) throw new AppError('FORBIDDEN', { permission: 'units:liaise' });
}
