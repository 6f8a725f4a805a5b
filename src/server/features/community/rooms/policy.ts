import { AppError } from '../../../platform/errors.js';
import { assertInScope, assertPermission, can, type Actor } from '../../../platform/policy.js';
import { scopeOf } from '../../../platform/scope.js';
import type { BookingActor } from './lifecycle.js';

// Who may, for 功能室: community:read in scope reads rooms, bookings and usage; community:manage in
// scope runs rooms and targets and acts on any booking there; anyone logged in books in their own
// name (for a team they lead or belong to, a unit they act for, or a group they name) and acts on
// their own bookings. Another place's room or booking reads as not found.

export const roomsShownTo = (actor: Actor) => scopeOf(actor, 'community:read', { placesOnly: true });

export const assertMayReadRooms = (actor: Actor): void => assertPermission(actor, 'community:read');

export const assertMayReadRoom = (actor: Actor, room: { place_path: string }): void =>
  assertInScope(actor, 'community:read', room.place_path);

export const assertMayManageRoom = (actor: Actor, place: { path: string } | { place_path: string }): void =>
  assertInScope(actor, 'community:manage', 'path' in place ? place.path : place.place_path);

/** Staff of the booking's place may book for anyone and act on any booking there. */
export const isRoomStaff = (actor: Actor, placePath: string): boolean => can(actor, 'community:manage', placePath);

/** The roles the actor holds towards a booking: its booker, staff of its place, or none (→ 404). */
export function bookingRolesOf(actor: Actor, booking: { booked_by: string; place_path: string }): BookingActor[] {
  const roles: BookingActor[] = [];
  if (actor.userId && booking.booked_by === actor.userId) roles.push('booker');
  if (isRoomStaff(actor, booking.place_path)) roles.push('staff');
  return roles;
}

export function assertMayActOnBooking(actor: Actor, booking: { booked_by: string; place_path: string }) {
  const roles = bookingRolesOf(actor, booking);
  if (roles.length === 0) throw new AppError('NOT_FOUND');
  return roles;
}
