import type { ColumnType, Generated } from 'kysely';
import type { BookingForKind, BookingState, OpeningHours } from '../../../shared/community-rooms.js';

// Kysely's view of the rooms tables of community life (issue 16, 0036_community_rooms.sql); keep in
// step with the SQL. Joined into `Database` in schema.ts.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CommunityRoomsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  name: string;
  address: Generated<string>;
  capacity: number;
  /** jsonb: seven entries, Monday first; written as JSON text. */
  opening_hours: ColumnType<OpeningHours, string, string>;
  facilities: Generated<string[]>;
  active: Generated<boolean>;
  checkin_token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommunityRoomTargetsTable {
  community_id: string;
  tenant_id: string;
  min_days_used: number;
  min_participation_pct: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CommunityRoomBookingsTable {
  id: string;
  tenant_id: string;
  room_id: string;
  place_path: string;
  /** YYYY-MM-DD, Beijing time */
  day: string;
  start_minute: number;
  end_minute: number;
  ends_at: Timestamp;
  for_kind: BookingForKind;
  team_id: string | null;
  organisation_id: string | null;
  group_name: Generated<string>;
  purpose: string;
  expected: number;
  attended: number | null;
  state: BookingState;
  booked_by: string;
  checked_in_at: Timestamp | null;
  checked_in_by: string | null;
  completed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancel_reason: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoomsDatabase {
  community_rooms: CommunityRoomsTable;
  community_room_targets: CommunityRoomTargetsTable;
  community_room_bookings: CommunityRoomBookingsTable;
}
