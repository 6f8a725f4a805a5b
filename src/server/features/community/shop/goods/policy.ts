import { AppError } from '../../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../../platform/policy.js';
import { scopeOf } from '../../../../platform/scope.js';
import type { RedemptionActor } from './lifecycle.js';

// Who runs a community's shop: staff with community:manage there (goods, stock, handing over);
// community:read lists. Anyone logged in redeems in their own name and sees only their own redemptions.

export const shopShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });
export const assertMayRunShop = (actor: Actor, communityPath: string) => {
  assertInScope(actor, 'community:read', communityPath);
  assertInScope(actor, 'community:manage', communityPath);
};
export const mayRunShop = (actor: Actor, communityPath: string) => can(actor, 'community:manage', communityPath);

/** The parties the actor is to a redemption; none at all reads as not found. */
export function partiesTo(actor: Actor, r: { user_id: string; community_path: string }): RedemptionActor[] {
  const parties: RedemptionActor[] = [];
  if (actor.userId && r.user_id === actor.userId) parties.push('owner');
  if (mayRunShop(actor, r.community_path)) parties.push('staff');
  if (parties.length === 0) throw new AppError('NOT_FOUND');
  return parties;
}
