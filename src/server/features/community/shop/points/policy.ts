import { assertInScope, can, type Actor } from '../../../../platform/policy.js';
import { scopeOf } from '../../../../platform/scope.js';

// Who may see and run the points of a community: staff with community:read read the ledger and the
// ranking of the communities in their scope; community:manage sets the rates and corrects entries.
// Another place's community or entry reads as not found.

export const ledgerShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });
export const assertMayReadPoints = (actor: Actor, communityPath: string) =>
  assertInScope(actor, 'community:read', communityPath);
export const assertMayManagePoints = (actor: Actor, communityPath: string) => {
  assertMayReadPoints(actor, communityPath);
  assertInScope(actor, 'community:manage', communityPath);
};
export const mayManagePoints = (actor: Actor, communityPath: string) => can(actor, 'community:manage', communityPath);
