import { assertInScope, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';

// Who may run a hall: the window staff (services:window) of the hall's place — its community or
// street, or a place above it. Another place's hall reads as not found.

export const assertMayRunHall = (actor: Actor, hall: { place_path: string }): void =>
  assertInScope(actor, 'services:window', hall.place_path);

/** The halls a list shows: those under the places where the actor holds services:window. */
export const hallsShownTo = (actor: Actor) => scopeOf(actor, 'services:window', { placesOnly: true });
