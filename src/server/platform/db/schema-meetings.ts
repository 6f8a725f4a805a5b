import type { ColumnType, Generated } from 'kysely';
import type { VoteResult } from '../../../shared/decide.js';
import type {
  CheckinVia,
  ItemOutcome,
  MeetingHall,
  MeetingKind,
  MeetingState,
  PartyKind,
  TaskKind,
  TaskState,
} from '../../../shared/deliberation-meetings.js';

// Kysely's view of the meetings tables (0043_deliberation_meetings.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface DeliberationMeetingsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  hall: MeetingHall;
  grid_id: string | null;
  place_path: string;
  kind: MeetingKind;
  title: string;
  starts_at: Timestamp;
  location: string;
  state: MeetingState;
  checkin_token_hash: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  held_at: Timestamp | null;
}

export interface DeliberationMeetingPartiesTable {
  id: string;
  tenant_id: string;
  meeting_id: string;
  kind: PartyKind;
  name: string;
  organisation_id: string | null;
  user_id: string | null;
  created_at: Timestamp;
}

export interface DeliberationAgendaItemsTable {
  id: string;
  tenant_id: string;
  meeting_id: string;
  topic_id: string;
  position: number;
  summary: Generated<string>;
  outcome: ItemOutcome | null;
  decision: Generated<string>;
  decided_at: Timestamp | null;
  hand_up_reason: Generated<string>;
  handed_up_at: Timestamp | null;
  vote_id: string | null;
  vote_result: Json<VoteResult> | null;
  follow_up: Generated<string>;
  followed_up_at: Timestamp | null;
  followed_up_by: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface DeliberationPositionsTable {
  id: string;
  tenant_id: string;
  item_id: string;
  party_kind: PartyKind;
  body: string;
  position: number;
  created_by: string;
  created_at: Timestamp;
}

export interface DeliberationAttendanceTable {
  id: string;
  tenant_id: string;
  meeting_id: string;
  user_id: string | null;
  party_id: string | null;
  party_kind: PartyKind;
  name: string;
  via: CheckinVia;
  recorded_by: string | null;
  signed_at: Timestamp;
}

export interface DeliberationTasksTable {
  id: string;
  tenant_id: string;
  item_id: string;
  title: string;
  kind: TaskKind;
  owner_user_id: string | null;
  owner_department_id: string | null;
  owner_name: string;
  due_at: Timestamp;
  sla_level: Generated<'ok' | 'yellow' | 'red'>;
  state: TaskState;
  case_id: string | null;
  whistle_id: string | null;
  report: Generated<string>;
  done_at: Timestamp | null;
  done_by: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface MeetingsDatabase {
  deliberation_meetings: DeliberationMeetingsTable;
  deliberation_meeting_parties: DeliberationMeetingPartiesTable;
  deliberation_agenda_items: DeliberationAgendaItemsTable;
  deliberation_positions: DeliberationPositionsTable;
  deliberation_attendance: DeliberationAttendanceTable;
  deliberation_tasks: DeliberationTasksTable;
}
