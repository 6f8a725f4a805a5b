import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';

// Who may do what with residents (人口). Out of scope reads as not found, so ids cannot be probed.

/** Reading the roster somewhere (FORBIDDEN without people:read). */
export const assertMayReadResidents = (actor: Actor): void => assertPermission(actor, 'people:read');

/** Reading a resident of the household at this path. */
export const assertMayReadResident = (actor: Actor, householdPath: string): void =>
  assertInScope(actor, 'people:read', householdPath);

/** Registering, editing or moving a resident of the household at this path. */
export const assertMayWriteResident = (actor: Actor, householdPath: string): void =>
  assertInScope(actor, 'people:write', householdPath);

/** Seeing one full ID number or phone of a resident of the household at this path. */
export const assertMayReveal = (actor: Actor, householdPath: string): void =>
  assertInScope(actor, 'people:reveal', householdPath);

/** Importing a roster (FORBIDDEN without people:import); into a community: assertMayImportInto. */
export const assertMayImport = (actor: Actor): void => assertPermission(actor, 'people:import');

export const assertMayImportInto = (actor: Actor, communityPath: string): void =>
  assertInScope(actor, 'people:import', communityPath);

// What the current user may do with one resident (sent to the UI with the data).
export function residentActions(actor: Actor, resident: { household_path: string; status: string }): string[] {
  const actions: string[] = [];
  const active = resident.status === 'active';
  if (active && can(actor, 'people:write', resident.household_path)) actions.push('edit', 'move', 'moveOut', 'death');
  if (can(actor, 'people:reveal', resident.household_path)) actions.push('reveal');
  return actions;
}

/**
 * Sensitive tags (法律援助对象, 安置帮教对象, 社区矫正对象) are seen and set only with people:sensitive
 * (administrators, street officers, community workers) at the resident's place; everyone else sees the
 * resident without them. Without a path: whether the actor holds it anywhere.
 */
export const maySeeSensitiveTags = (actor: Actor, path?: string): boolean => can(actor, 'people:sensitive', path);

/** Editing the county's list of tags (FORBIDDEN without lists:configure: administrators). */
export const assertMayConfigureTags = (actor: Actor): void => assertPermission(actor, 'lists:configure');
