import type { SummonsRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { assertInScope, assertPermission, can, type Actor } from '../../platform/policy.js';
import { isUnder, scopeOf } from '../../platform/scope.js';
import { departmentIdsOf, isSummonedBy } from '../../platform/case-access.js';
import type { SummonsParty } from './lifecycle.js';
import type { WhistleListFilter } from './repository.js';

// Who may do what with a whistle (吹哨). Blowing needs whistle:blow over the place; a summons is
// answered by the summoned department's members (or the adviser in person) holding whistle:answer;
// the whistle is read by whoever reads cases there, or by anyone it summons.

type Summoned = Pick<SummonsRow, 'department_id' | 'adviser_id'>;

/** A member of the summoned department, or the summoned adviser herself, who may answer whistles. */
export const isAnswerer = (actor: Actor, s: Summoned): boolean => isSummonedBy(actor, [s]);

/** What the actor is to this summons: its answerer, its owner (the one who acknowledged), the whistler. */
export function partiesOf(actor: Actor, s: Summoned & Pick<SummonsRow, 'owner_id'>, whistlePath: string) {
  const parties: SummonsParty[] = [];
  if (isAnswerer(actor, s)) parties.push('departmentMember');
  if (s.owner_id && s.owner_id === actor.userId) parties.push('owner');
  if (can(actor, 'whistle:blow', whistlePath)) parties.push('whistler');
  return parties;
}

/** Throws FORBIDDEN unless the actor may blow whistles somewhere. */
export const assertMayBlow = (actor: Actor): void => assertPermission(actor, 'whistle:blow');

/** A place out of the actor's whistle scope reads as not found. */
export const assertMayBlowAt = (actor: Actor, placePath: string): void =>
  assertInScope(actor, 'whistle:blow', placePath);

/** The path of the actor's own place that covers this one: the receivers know the whistler by its name. */
export const whistlerPlacePath = (actor: Actor, placePath: string): string | undefined =>
  scopeOf(actor, 'whistle:blow').paths.find((p) => isUnder(placePath, p));

/** Readers of cases at the place, and anyone the whistle summons; everyone else is told it does not exist. */
export function assertMayRead(actor: Actor, placePath: string, summonses: readonly Summoned[]): void {
  const summoned = summonses.some((s) => isAnswerer(actor, s));
  if (!can(actor, 'cases:read', placePath) && !summoned) throw new AppError('NOT_FOUND');
}

/** Which whistles a list may show the actor; null when it may show none. */
export function listFilterOf(actor: Actor, q: { state?: 'open' | 'closed'; mine?: boolean }): WhistleListFilter | null {
  const departmentIds = departmentIdsOf(actor);
  const places = scopeOf(actor, 'cases:read');
  const answers = can(actor, 'whistle:answer');
  if ((q.mine || places.paths.length === 0) && departmentIds.length === 0 && !answers) return null;
  return {
    places: q.mine ? null : places,
    departmentIds,
    adviserId: answers && actor.userId ? actor.userId : null,
    state: q.state,
  };
}

/** The ranking reads summonses under the places where the actor reads cases. */
export const assertMayRank = (actor: Actor): void => assertPermission(actor, 'cases:read');
