import { AppError } from '../../../platform/errors.js';
import { can, scopePaths, type Actor } from '../../../platform/policy.js';
import { scopeOf, type Scope } from '../../../platform/scope.js';
import type { WishParty } from './lifecycle.js';

// Who may, for 微心愿 · 微行动. Staff see wishes by place: community:read (grid, community, street),
// a steward's building (stewards:duty), and whoever may post for residents there (wishes:post).
// Everyone else sees the wish wall of their own community, names masked, and their own wishes.

const staffPermissions = ['community:read', 'stewards:duty', 'wishes:post'] as const;

/** Staff of the place: they see the beneficiary's name in full. */
export const isStaffOver = (actor: Actor, path: string): boolean => staffPermissions.some((p) => can(actor, p, path));

/** The places whose wishes a staff list shows: every membership granting one of the staff permissions. */
export function wishesScopeOf(actor: Actor): Scope {
  const base = scopeOf(actor, 'community:read', { placesOnly: true });
  if (base.all) return base;
  const paths = new Set(staffPermissions.flatMap((p) => scopeOf(actor, p, { placesOnly: true }).paths));
  return { ...base, paths: [...paths] };
}

/** Where an actor may post a wish for a resident (代发): the places where they hold wishes:post. */
export const proxyPostPaths = (actor: Actor): string[] => scopePaths(actor, 'wishes:post');

export const mayReview = (actor: Actor, path: string): boolean => can(actor, 'community:manage', path);

export interface WishParties {
  posted_by: string;
  beneficiary_user_id: string | null;
  claimed_by: string | null;
  place_path: string;
}

/** The parties of the lifecycle table the actor is, for one wish. */
export function partiesOf(actor: Actor, wish: WishParties, seesWall: boolean): WishParty[] {
  const parties: WishParty[] = [];
  if (actor.kind === 'system') parties.push('system');
  const me = actor.userId;
  if (mayReview(actor, wish.place_path)) parties.push('reviewer');
  if (me && wish.posted_by === me) parties.push('poster', 'thanker');
  if (me && wish.beneficiary_user_id === me) parties.push('thanker');
  if (me && wish.claimed_by === me) parties.push('claimer');
  const own = me !== null && (wish.posted_by === me || wish.beneficiary_user_id === me);
  if (me && !own && (seesWall || isStaffOver(actor, wish.place_path))) parties.push('anyone');
  return [...new Set(parties)];
}

/** Out of sight reads as not found, so wish ids cannot be probed. */
export function assertSees(sees: boolean): void {
  if (!sees) throw new AppError('NOT_FOUND');
}
