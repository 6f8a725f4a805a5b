import type { ColumnType, Generated } from 'kysely';
import type { AssistKind, AssistMemberKind, AssistMode } from '../../../shared/assistance.js';

// Kysely's view of the assistance tables (0031_services_assistance.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AssistTeamsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  name: string;
  leader_user_id: string | null;
  phone: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssistTeamMembersTable {
  team_id: string;
  user_id: string;
  tenant_id: string;
  kind: AssistMemberKind;
  created_at: Timestamp;
}

export interface AssistAssignmentsTable {
  resident_id: string;
  tenant_id: string;
  team_id: string;
  lead_user_id: string | null;
  assigned_by: string | null;
  assigned_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssistVisitsTable {
  id: string;
  tenant_id: string;
  resident_id: string;
  team_id: string | null;
  place_path: string;
  adviser_id: string;
  mode: AssistMode;
  kinds: AssistKind[];
  note: string;
  visited_on: ColumnType<string, string, string>;
  application_id: string | null;
  created_at: Timestamp;
}

export interface AssistSettingsTable {
  tenant_id: string;
  overdue_days: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The assistance tables, joined into `Database` in schema.ts. */
export interface AssistanceDatabase {
  assist_teams: AssistTeamsTable;
  assist_team_members: AssistTeamMembersTable;
  assist_assignments: AssistAssignmentsTable;
  assist_visits: AssistVisitsTable;
  assist_settings: AssistSettingsTable;
}
