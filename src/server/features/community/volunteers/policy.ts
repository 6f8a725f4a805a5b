import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';

// Who may: the community staff read (community:read) and run (community:manage) the activities and
// posts of the places in their scope; another place's record reads as not found. Joining in (sign
// up, check in, claim a post) needs no permission: anyone logged in acts in their own name.

export const assertMayRead = (actor: Actor, placePath: string): void =>
  assertInScope(actor, 'community:read', placePath);

export const assertMayManage = (actor: Actor, placePath: string): void =>
  assertInScope(actor, 'community:manage', placePath);

export const mayManage = (actor: Actor, placePath: string): boolean => can(actor, 'community:manage', placePath);
export const mayRead = (actor: Actor, placePath: string): boolean => can(actor, 'community:read', placePath);

/** What staff lists show: the places where the actor holds community:read. */
export const shownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });
