import { AppError } from '../../../platform/errors.js';
import { assertInScope, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';

// Who may run a hall: the window staff (services:window) of the hall's place — its community or
// street, or a place above it. Another place's hall reads as not found.

export const assertMayRunHall = (actor: Actor, hall: { place_path: string }): void =>
  assertInScope(actor, 'services:window', hall.place_path);

/** The halls a list shows: those under the places where the actor holds services:window. */
export const hallsShownTo = (actor: Actor) => scopeOf(actor, 'services:window', { placesOnly: true });

/**
 * Who may act on an appointment: its resident may cancel their own; the hall's window staff may
 * cancel or mark it arrived. Anyone else — another resident, staff of another place — is told it
 * does not exist (404), so appointment ids cannot be probed.
 */
export function assertMayActOnAppointment(
  actor: Actor,
  hall: { place_path: string },
  appointment: { user_id: string | null },
  action: 'cancel' | 'arrive',
): void {
  const own = appointment.user_id !== null && appointment.user_id === actor.userId;
  if (own && action === 'cancel') return;
  if (can(actor, 'services:window', hall.place_path)) return;
  throw new AppError(own ? 'FORBIDDEN' : 'NOT_FOUND');
}
