import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { scopeOf, type Scope } from '../../platform/scope.js';
import { allowedDisputeActions, type DisputeAction, type DisputeStatus } from './lifecycle.js';

// Who may do what with a dispute. Reading and writing hold inside the scope of the membership that
// grants them; a dispute out of scope reads as not found, so ids cannot be probed.

/** Reading one dispute (its detail, its agreement, blowing the whistle on it). */
export const assertMayRead = (actor: Actor, placePath: string): void =>
  assertInScope(actor, 'disputes:read', placePath);

/** Mediating, following up, handing over, closing. */
export const assertMayWrite = (actor: Actor, placePath: string): void =>
  assertInScope(actor, 'disputes:write', placePath);

/** Recording a dispute at all (FORBIDDEN without the permission anywhere). */
export const assertMayRecord = (actor: Actor): void => assertPermission(actor, 'disputes:write');

/** A party named as a registered resident must be one the actor records disputes for. */
export const mayRecordAbout = (actor: Actor, householdPath: string): boolean =>
  can(actor, 'disputes:write', householdPath);

/** The ledger the actor reads: every place of every membership that grants disputes:read. */
export function readableScope(actor: Actor): Scope {
  assertPermission(actor, 'disputes:read');
  return scopeOf(actor, 'disputes:read');
}

/** The actions offered to the actor: those the workflow allows, for a writer of the place. */
export const actionsFor = (actor: Actor, d: { place_path: string; status: DisputeStatus }): DisputeAction[] =>
  can(actor, 'disputes:write', d.place_path) ? allowedDisputeActions(d.status) : [];
