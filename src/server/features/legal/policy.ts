import { assertInScope, can, type Actor } from '../../platform/policy.js';
import { scopeOf } from '../../platform/scope.js';

// Who may do what with legal questions. Anyone signed in may ask; the legal adviser of the
// question's place answers.

/** Answering: the adviser of the place; another place's question reads as not found. */
export const assertMayAnswer = (actor: Actor, placePath: string): void =>
  assertInScope(actor, 'legal:answer', placePath);

/** Whose questions a list shows: the asker sees their own; the adviser those of their places. */
export const questionsShownTo = (actor: Actor, mine: boolean) =>
  mine || !can(actor, 'legal:answer') ? { askerId: actor.userId } : { scope: scopeOf(actor, 'legal:answer') };
