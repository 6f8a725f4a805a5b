import { assertInScope, assertPermission, type Actor } from '../../platform/policy.js';

// Who may record and read household visits (民情日记).

/** Recording visits somewhere (FORBIDDEN without visits:write). */
export const assertMayRecordVisits = (actor: Actor): void => assertPermission(actor, 'visits:write');

/** Recording a visit to the household at this path; out of scope reads as not found. */
export const assertMayVisit = (actor: Actor, householdPath: string): void =>
  assertInScope(actor, 'visits:write', householdPath);

/** Reading visits somewhere (FORBIDDEN without visits:read). */
export const assertMayReadVisits = (actor: Actor): void => assertPermission(actor, 'visits:read');
