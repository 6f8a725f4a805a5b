import type { ColumnType, Generated } from 'kysely';
import type {
  CommendationKind,
  EvaluationGrade,
  NominationKind,
  NominationState,
  OpinionState,
  RetireReason,
  StewardDuty,
  TermState,
} from '../../../shared/stewards.js';

// Kysely's view of the stewards tables of community life (0037_community_stewards.sql; the building votes moved to the kernel's `votes` in 0047); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A day of China time as YYYY-MM-DD text. */
type DateText = ColumnType<string, string, string>;

export interface StewardNominationsTable {
  id: string;
  tenant_id: string;
  building_id: string;
  building_path: string;
  nominee_user_id: string;
  nominated_by: string;
  kind: NominationKind;
  reason: Generated<string>;
  state: NominationState;
  vote_id: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
  created_at: Timestamp;
}

export interface StewardTermsTable {
  id: string;
  tenant_id: string;
  building_id: string;
  building_path: string;
  user_id: string;
  nomination_id: string | null;
  vote_id: string | null;
  membership_id: string | null;
  state: TermState;
  started_on: DateText;
  ended_on: DateText | null;
  retire_reason: RetireReason | null;
  retire_note: Generated<string>;
  appointed_by: string | null;
  retired_by: string | null;
  created_at: Timestamp;
}

export interface StewardChecklistsTable {
  id: string;
  tenant_id: string;
  term_id: string;
  month: string;
  completed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface StewardChecklistTicksTable {
  checklist_id: string;
  tenant_id: string;
  duty: StewardDuty;
  note: Generated<string>;
  photo_file_id: string | null;
  ticked_at: Timestamp;
}

export interface StewardOpinionsTable {
  id: string;
  tenant_id: string;
  term_id: string;
  building_path: string;
  household_id: string | null;
  body: string;
  photo_file_id: string | null;
  state: OpinionState;
  case_id: string | null;
  created_at: Timestamp;
  filed_at: Timestamp | null;
}

export interface StewardEvaluationsTable {
  id: string;
  tenant_id: string;
  term_id: string;
  building_path: string;
  month: string;
  grade: EvaluationGrade;
  comment: Generated<string>;
  evaluated_by: string;
  created_at: Timestamp;
}

export interface StewardCommendationsTable {
  id: string;
  tenant_id: string;
  year: number;
  kind: CommendationKind;
  building_id: string;
  building_path: string;
  term_id: string | null;
  note: Generated<string>;
  created_by: string;
  created_at: Timestamp;
}

export interface StewardsDatabase {
  steward_nominations: StewardNominationsTable;
  steward_terms: StewardTermsTable;
  steward_checklists: StewardChecklistsTable;
  steward_checklist_ticks: StewardChecklistTicksTable;
  steward_opinions: StewardOpinionsTable;
  steward_evaluations: StewardEvaluationsTable;
  steward_commendations: StewardCommendationsTable;
}
