import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';

// Who may, for 表决: staff with deliberation:manage over the vote's place run it (draft, open, close,
// cancel, paper ballots, the roll, results); a resident votes in their own name when the roll holds
// them (checked by the kernel). Anything out of scope reads as not found.

export const assertManages = (actor: Actor, path: string): void => assertInScope(actor, 'deliberation:manage', path);

/** Lists: every membership that grants deliberation:manage (place memberships). */
export const votesShownTo = (actor: Actor) => scopeOf(actor, 'deliberation:manage', { placesOnly: true });

/** The phone's own pages need a logged-in person. */
export function assertUser(actor: Actor): string {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  return actor.userId;
}

type Action = 'edit' | 'open' | 'close' | 'cancel' | 'paper';

/** The console's buttons on a vote; standalone drafts only are edited here (others belong to their feature). */
export function actionsOn(
  actor: Actor,
  vote: { state: string; scope_path: string; subject_kind: string; allow_paper: boolean },
): Action[] {
  if (!can(actor, 'deliberation:manage', vote.scope_path)) return [];
  if (vote.state === 'draft')
    return vote.subject_kind === 'standalone' ? ['edit', 'open', 'cancel'] : ['open', 'cancel'];
  if (vote.state === 'open') return vote.allow_paper ? ['close', 'cancel', 'paper'] : ['close', 'cancel'];
  return [];
}
