import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';

// Who may, for 议事会议: the community (deliberation:manage over the hall's place) holds meetings,
// records minutes and decisions and follows tasks; staff with community:read in scope (the street
// above, the county) read; street officers read the topics handed up to their street. Anything else
// reads as not found.

export const mayManage = (actor: Actor, path: string): boolean => can(actor, 'deliberation:manage', path);
export const mayRead = (actor: Actor, path: string): boolean =>
  can(actor, 'community:read', path) || mayManage(actor, path);

export const assertManages = (actor: Actor, path: string): void => assertInScope(actor, 'deliberation:manage', path);

export function assertReads(actor: Actor, path: string): void {
  if (!mayRead(actor, path)) throw new AppError('NOT_FOUND');
}

/** The console's meeting list: halls under the actor's place memberships with community:read. */
export const meetingsShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });

/** 上报街道的议题: hand-ups under the places where the actor manages deliberation (a street officer's street). */
export const handUpsShownTo = (actor: Actor) => scopeOf(actor, 'deliberation:manage', { placesOnly: true });
