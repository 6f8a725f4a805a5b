import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the hall tables (0030_service_hall.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A day of China time as YYYY-MM-DD text. */
type DateText = string;

export type HalfDay = 'am' | 'pm';
export type AppointmentState = 'booked' | 'cancelled' | 'arrived';
export type TicketSource = 'kiosk' | 'phone' | 'window' | 'appointment';
export type TicketState = 'waiting' | 'called' | 'serving' | 'done' | 'skipped' | 'absent';

export interface ServiceHallsTable {
  id: string;
  tenant_id: string;
  place_id: string;
  place_path: string;
  name: string;
  address: Generated<string>;
  slot_capacity: number;
  open_half_days: Generated<string[]>;
  screen_token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceHallWindowsTable {
  id: string;
  hall_id: string;
  tenant_id: string;
  label: string;
  name: Generated<string>;
  ticket_letter: Generated<string>;
  item_ids: Generated<string[]>;
  bundle_ids: Generated<string[]>;
  active: Generated<boolean>;
  sort: Generated<number>;
  created_at: Timestamp;
}

export interface ServiceHallSlotsTable {
  hall_id: string;
  day: DateText;
  half_day: HalfDay;
  tenant_id: string;
  booked: number;
}

export interface ServiceAppointmentsTable {
  id: string;
  tenant_id: string;
  hall_id: string;
  place_path: string;
  item_id: string | null;
  bundle_id: string | null;
  day: DateText;
  half_day: HalfDay;
  applicant_name: string;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  user_id: string | null;
  state: AppointmentState;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceTicketCountersTable {
  hall_id: string;
  tenant_id: string;
  day: DateText;
  letter: string;
  last: number;
}

export interface ServiceQueueTicketsTable {
  id: string;
  tenant_id: string;
  hall_id: string;
  day: DateText;
  letter: string;
  serial: number;
  label: string;
  item_id: string | null;
  bundle_id: string | null;
  source: TicketSource;
  appointment_id: string | null;
  user_id: string | null;
  state: TicketState;
  window_id: string | null;
  calls: Generated<number>;
  called_at: Timestamp | null;
  done_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceKiosksTable {
  id: string;
  tenant_id: string;
  hall_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_seen_at: Timestamp | null;
}

/** The hall tables, joined into `Database` in schema.ts. */
export interface HallDatabase {
  service_halls: ServiceHallsTable;
  service_hall_windows: ServiceHallWindowsTable;
  service_hall_slots: ServiceHallSlotsTable;
  service_appointments: ServiceAppointmentsTable;
  service_ticket_counters: ServiceTicketCountersTable;
  service_queue_tickets: ServiceQueueTicketsTable;
  service_kiosks: ServiceKiosksTable;
}
