import { AppError } from '../../../platform/errors.js';
import { can, placeScopePaths, type Actor } from '../../../platform/policy.js';
import { isUnder, scopeOf } from '../../../platform/scope.js';

// Who may, for 文明户评选: staff with honours:manage over the campaign's place run it (criteria,
// panel, shortlist, phases, answers); a panel member scores; a resident of a community the campaign
// reaches reads it, nominates and objects; staff with community:read over a household read its stars.
// Anything else reads as not found.

// Place memberships only: a department's county-wide reach makes it no party to a community's honours.
const placeCan = (actor: Actor, permission: 'honours:manage' | 'community:read', path: string): boolean =>
  actor.kind === 'system' || placeScopePaths(actor, permission).some((p) => isUnder(path, p));

export const mayManage = (actor: Actor, campaignPath: string): boolean =>
  placeCan(actor, 'honours:manage', campaignPath);
export const campaignsShownTo = (actor: Actor) => scopeOf(actor, 'honours:manage', { placesOnly: true });

export function assertManages(actor: Actor, campaignPath: string): void {
  if (!mayManage(actor, campaignPath)) throw new AppError('NOT_FOUND');
}

/** The registry's star history: staff who read the household (never residents, never the public). */
export const mayReadStars = (actor: Actor, householdPath: string): boolean =>
  placeCan(actor, 'community:read', householdPath) || placeCan(actor, 'honours:manage', householdPath);

/** A steward names households of the building they serve. */
export const stewardOver = (actor: Actor, householdPath: string): boolean => can(actor, 'stewards:duty', householdPath);
