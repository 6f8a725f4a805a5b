import type { ColumnType, Generated } from 'kysely';
import type {
  CandidateSource,
  CandidateState,
  IssueState,
  LogKind,
  ProjectState,
  SupervisorTermState,
  TermOrigin,
} from '../../../shared/deliberation-supervisors.js';

// Kysely's view of the supervisors tables (0044_decide_supervisors.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SupervisionProjectsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_id: string;
  place_path: string;
  title: string;
  description: Generated<string>;
  duties: Generated<string>;
  seats: number;
  state: ProjectState;
  vote_id: string | null;
  election_note: Generated<string>;
  end_note: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface SupervisionCandidatesTable {
  id: string;
  tenant_id: string;
  project_id: string;
  user_id: string;
  name: string;
  statement: string;
  source: CandidateSource;
  state: CandidateState;
  decision_note: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface SupervisionTermsTable {
  id: string;
  tenant_id: string;
  project_id: string;
  user_id: string;
  name: string;
  candidate_id: string | null;
  origin: TermOrigin;
  vote_id: string | null;
  appoint_reason: Generated<string>;
  membership_id: string | null;
  state: SupervisorTermState;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  end_note: Generated<string>;
  created_by: string | null;
  ended_by: string | null;
}

export interface SupervisionLogsTable {
  id: string;
  tenant_id: string;
  project_id: string;
  term_id: string;
  kind: LogKind;
  body: string;
  rating: number;
  photo_ids: Generated<string[]>;
  lng: number | null;
  lat: number | null;
  location_note: Generated<string>;
  created_at: Timestamp;
}

export interface SupervisionIssuesTable {
  id: string;
  tenant_id: string;
  project_id: string;
  term_id: string;
  body: string;
  photo_ids: Generated<string[]>;
  state: IssueState;
  case_id: string | null;
  whistle_id: string | null;
  handled_by: string | null;
  handled_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SupervisorsDatabase {
  supervision_projects: SupervisionProjectsTable;
  supervision_candidates: SupervisionCandidatesTable;
  supervision_terms: SupervisionTermsTable;
  supervision_logs: SupervisionLogsTable;
  supervision_issues: SupervisionIssuesTable;
}
