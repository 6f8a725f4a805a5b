import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';
import type { Party } from './lifecycle.js';

// Who may, for 楼门管家: the community (community:manage at the building) selects, appoints, retires
// and evaluates; staff with community:read in scope read; the steward (stewards:duty at their building,
// their own active term) works their checklist and opinions; a resident of the building (their
// registry record's household lies in it) nominates and votes. Anything else reads as not found.

export const assertManages = (actor: Actor, path: string): void => assertInScope(actor, 'community:manage', path);
export const mayManage = (actor: Actor, path: string): boolean => can(actor, 'community:manage', path);
export const mayRead = (actor: Actor, path: string): boolean => can(actor, 'community:read', path);

/** Lists of buildings, opinions, evaluations: what community:read reaches (place memberships only). */
export const stewardsShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });

/** Staff in scope read a building's stewards; anyone else is told it does not exist. */
export function assertReads(actor: Actor, path: string): void {
  if (!mayRead(actor, path)) throw new AppError('NOT_FOUND');
}

/** The steward at work: their own active term, and stewards:duty at its building. */
export function assertOwnTerm(actor: Actor, term: { user_id: string; state: string; building_path: string }): void {
  if (term.user_id !== actor.userId || !can(actor, 'stewards:duty', term.building_path))
    throw new AppError('NOT_FOUND');
  if (term.state !== 'active') throw new AppError('STEWARD_TERM_ENDED');
}

/** The parties the actor is to a nomination: what the transition table's `by` is matched against. */
export function partiesToNomination(
  actor: Actor,
  nomination: { nominee_user_id: string; nominated_by: string; building_path: string },
): Party[] {
  const parties: Party[] = [];
  if (mayManage(actor, nomination.building_path)) parties.push('community');
  if (actor.userId === nomination.nominee_user_id) parties.push('nominee');
  if (actor.userId === nomination.nominated_by) parties.push('nominator');
  return parties;
}
