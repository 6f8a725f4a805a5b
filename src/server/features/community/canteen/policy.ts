import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { reaches, scopeOf } from '../../../platform/scope.js';

// Who may, for canteens. Staff read them with community:read and run them with community:manage, by
// the canteen's community (another community's canteen reads as not found). Meals are recorded with
// canteen:serve at the community by a linked operator, or by staff who also manage it. A county rule
// is run by those who manage the whole county; everyone in its county with community:read sees it.

type Placed = { place_path: string };

export const assertMayReadCanteen = (actor: Actor, canteen: Placed) =>
  assertInScope(actor, 'community:read', canteen.place_path);

export const assertMayManageCanteen = (actor: Actor, canteen: Placed) =>
  assertInScope(actor, 'community:manage', canteen.place_path);

/** The canteens a console list shows. */
export const canteensShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });

/** The rules a list shows: those whose place the read scope reaches (a county's rule from its communities). */
export const ruleShownTo = (actor: Actor, rule: Placed) =>
  reaches(scopeOf(actor, 'community:read', { placesOnly: true }), rule.place_path);

export const mayEditRule = (actor: Actor, rule: Placed) => can(actor, 'community:manage', rule.place_path);

export const assertMayEditRule = (actor: Actor, rule: Placed) =>
  assertInScope(actor, 'community:manage', rule.place_path);

/**
 * The desk: canteen:serve at the canteen's community, and either linked as its operator or a manager
 * of it (a community worker standing in). Anyone without canteen:serve there is told it does not exist.
 */
export function assertMayServe(actor: Actor, canteen: Placed, linked: boolean): void {
  assertInScope(actor, 'canteen:serve', canteen.place_path);
  if (linked || can(actor, 'community:manage', canteen.place_path)) return;
  throw new AppError('CANTEEN_NOT_OPERATOR');
}

/** Reading the desk's records (meals, daily counts): the desk itself, or staff with community:read. */
export const mayReadDesk = (actor: Actor, canteen: Placed, linked: boolean) =>
  can(actor, 'community:read', canteen.place_path) ||
  (can(actor, 'canteen:serve', canteen.place_path) && (linked || can(actor, 'community:manage', canteen.place_path)));
