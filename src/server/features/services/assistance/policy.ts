import type { Permission } from '../../../../shared/roles.js';
import { AppError } from '../../../platform/errors.js';
import { assertInScope, assertPermission, can, holdsCountyWide, type Actor } from '../../../platform/policy.js';
import { scopeOf, type Scope } from '../../../platform/scope.js';

// Who may do what with assistance advisers (救助顾问). Staff holding services:assist work the people
// in hardship of their places; a team's members (volunteers and social workers among them, who do not
// hold it) see and visit the people in their team's care. Out of scope reads as not found.

export const assistPermission: Permission = 'services:assist';

/** The console's lists: FORBIDDEN without services:assist anywhere. */
export const assertMayAssist = (actor: Actor): void => assertPermission(actor, assistPermission);

export const scopeOfAssist = (actor: Actor): Scope => scopeOf(actor, assistPermission, { placesOnly: true });

/** Where the actor may see sensitive tags (法律援助, 社区矫正 …) of people in hardship. */
export const sensitiveScope = (actor: Actor): Scope => scopeOf(actor, 'people:sensitive', { placesOnly: true });

/** Managing the teams of a community, and assigning its people. */
export const assertMayManageAt = (actor: Actor, communityPath: string): void =>
  assertInScope(actor, assistPermission, communityPath);

export const mayAssistAt = (actor: Actor, path: string): boolean => can(actor, assistPermission, path);

/**
 * Seeing and visiting one person: services:assist at their household, or a place on their team.
 * Anyone else is told the person does not exist.
 */
export function assertMayVisit(actor: Actor, householdPath: string, onTeam: boolean): void {
  if (mayAssistAt(actor, householdPath) || onTeam) return;
  throw new AppError('NOT_FOUND');
}

/** The county's reminder period: its administrators (services:assist held at the county itself). */
export function assertMayConfigure(actor: Actor): void {
  if (!holdsCountyWide(actor, assistPermission)) throw new AppError('FORBIDDEN', { permission: assistPermission });
}

/** What the actor may do with one person (sent with the detail, so the UI shows only those buttons). */
export const personActions = (actor: Actor, householdPath: string, onTeam: boolean): ('assign' | 'visit')[] => [
  ...(mayAssistAt(actor, householdPath) ? (['assign'] as const) : []),
  ...(mayAssistAt(actor, householdPath) || onTeam ? (['visit'] as const) : []),
];
