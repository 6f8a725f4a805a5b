import { AppError } from '../../platform/errors.js';
import { assertInScope, assertPermission, type Actor } from '../../platform/policy.js';
import { reaches, scopeOf } from '../../platform/scope.js';
import { departmentIdsOf } from '../cases/access.js';

// Who may read, import and hand down duties (权责清单, 准入).

/** Communities inherit their street's list: it is readable from above and from below. */
export function assertMayReadStreetList(actor: Actor, streetPath: string): void {
  assertPermission(actor, 'duties:read');
  if (!reaches(scopeOf(actor, 'duties:read'), streetPath)) throw new AppError('NOT_FOUND');
}

/** Checked before an upload is read: a user who may not import never has the file parsed. */
export const assertMayImportLists = (actor: Actor): void => assertPermission(actor, 'duties:write');

export const assertMayImportListOf = (actor: Actor, streetPath: string): void =>
  assertInScope(actor, 'duties:write', streetPath);

export const assertMayReadDuties = (actor: Actor): void => assertPermission(actor, 'duties:read');

/** The department a task is handed down from: the actor's own. */
export function assigningDepartment(actor: Actor): string {
  assertPermission(actor, 'duties:assign');
  const departmentId = departmentIdsOf(actor)[0];
  if (!departmentId) throw new AppError('FORBIDDEN');
  return departmentId;
}

/** A department reaches the communities of its own county, never another tenant's. */
export const assertMayAssignTo = (actor: Actor, communityPath: string): void =>
  assertInScope(actor, 'duties:assign', communityPath);

/**
 * The two doors to tasks: those my department handed out, and those handed to the communities of
 * my places (a department's county-wide reach is not one: it sees its own tasks only).
 */
export function taskDoors(actor: Actor) {
  return {
    departmentIds: scopeOf(actor, 'duties:assign').departmentIds,
    places: scopeOf(actor, 'duties:read', { placesOnly: true }),
  };
}
