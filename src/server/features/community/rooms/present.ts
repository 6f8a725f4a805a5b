import {
  hhmmOf,
  type BookingForKind,
  type BookingState,
  type OpeningHours,
} from '../../../../shared/community-rooms.js';
import type { Actor } from '../../../platform/policy.js';
import { bookingActionsFor } from './lifecycle.js';
import { bookingRolesOf } from './policy.js';
import type { BookingT } from './schemas.js';

// What the API gives for a room and a booking: no tokens, no phones; the actions the caller may take.

export interface RoomRow {
  id: string;
  community_id: string;
  community_name: string;
  name: string;
  address: string;
  capacity: number;
  opening_hours: OpeningHours;
  facilities: string[];
  active: boolean;
}

export const presentRoom = (r: RoomRow) => ({
  id: r.id,
  communityId: r.community_id,
  communityName: r.community_name,
  name: r.name,
  address: r.address,
  capacity: r.capacity,
  openingHours: r.opening_hours,
  facilities: r.facilities,
  active: r.active,
});

export interface BookingRow {
  id: string;
  room_id: string;
  room_name: string;
  room_address: string;
  community_name: string;
  place_path: string;
  day: string;
  start_minute: number;
  end_minute: number;
  for_kind: BookingForKind;
  group_name: string;
  team_name: string | null;
  organisation_name: string | null;
  purpose: string;
  expected: number;
  attended: number | null;
  state: BookingState;
  booked_by: string;
  booker_name: string;
}

export function presentBooking(b: BookingRow, actor: Actor): BookingT {
  return {
    id: b.id,
    roomId: b.room_id,
    roomName: b.room_name,
    roomAddress: b.room_address,
    communityName: b.community_name,
    day: b.day,
    start: hhmmOf(b.start_minute),
    end: hhmmOf(b.end_minute),
    forKind: b.for_kind,
    forName: (b.for_kind === 'team' ? b.team_name : b.for_kind === 'unit' ? b.organisation_name : b.group_name) ?? '',
    purpose: b.purpose,
    expected: b.expected,
    attended: b.attended,
    state: b.state,
    bookerName: b.booker_name,
    mine: b.booked_by === actor.userId,
    actions: bookingActionsFor(b.state, bookingRolesOf(actor, b)),
  };
}
