import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';

// Who may, for 百姓监督员: the community (deliberation:manage at the project's place) creates projects,
// decides candidates, starts elections, appoints and ends terms, and turns issues into cases or
// whistles; staff with community:read in scope read; a supervisor (supervision:inspect at the place,
// their own active term) logs inspections and raises issues; a resident of the place applies.
// Anything else reads as not found.

export const assertManages = (actor: Actor, path: string): void => assertInScope(actor, 'deliberation:manage', path);
export const mayManage = (actor: Actor, path: string): boolean => can(actor, 'deliberation:manage', path);
export const mayRead = (actor: Actor, path: string): boolean =>
  can(actor, 'community:read', path) || mayManage(actor, path);

/** Lists for the console: what community:read reaches (place memberships only). */
export const projectsShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });

export function assertReads(actor: Actor, path: string): void {
  if (!mayRead(actor, path)) throw new AppError('NOT_FOUND');
}

/** The supervisor at work: their own active term, and supervision:inspect at the project's place. */
export function assertOwnTerm(actor: Actor, term: { user_id: string; state: string; place_path: string }): void {
  if (term.user_id !== actor.userId || !can(actor, 'supervision:inspect', term.place_path))
    throw new AppError('NOT_FOUND');
  if (term.state !== 'active') throw new AppError('SUPERVISION_TERM_ENDED');
}
