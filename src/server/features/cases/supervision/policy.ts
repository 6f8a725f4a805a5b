import type { Actor, Membership } from '../../../platform/policy.js';
import { scopeOf, isUnder } from '../../../platform/scope.js';
import type { EscalationLevel } from '../escalation.js';
import type { SupervisionScope } from './repository.js';

// Who supervises what (督办): the places where the actor dispatches cases (cases:dispatch), each at
// the level its place stands for. A community watches its own late cases, a street the cases
// escalated to it, a county (or above) the cases escalated to the county.

const levelOfPath = (path: string): EscalationLevel => {
  const code = path.split('/').filter(Boolean).at(-1) ?? '';
  return code.length >= 12 ? 0 : code.length === 9 ? 1 : 2;
};

export function supervisionScope(actor: Actor): SupervisionScope {
  const scope: SupervisionScope = { community: [], street: [], county: [] };
  for (const path of scopeOf(actor, 'cases:dispatch', { placesOnly: true }).paths)
    scope[(['community', 'street', 'county'] as const)[levelOfPath(path)]].push(path);
  return scope;
}

export const supervisesAnything = (scope: SupervisionScope) =>
  scope.community.length + scope.street.length + scope.county.length > 0;

/** The membership the actor supervises this case by: the highest level that reaches it. */
export function supervisingMembership(actor: Actor, placePath: string): Membership | null {
  const paths = scopeOf(actor, 'cases:dispatch', { placesOnly: true }).paths.filter((p) => isUnder(placePath, p));
  const best = paths.sort((a, b) => levelOfPath(b) - levelOfPath(a))[0];
  return best ? (actor.memberships.find((m) => m.scopeKind === 'place' && m.path === best) ?? null) : null;
}
