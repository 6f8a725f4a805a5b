import type { ColumnType, Generated } from 'kysely';
import type {
  TopicSource,
  TopicState,
  VoteElectorate,
  VoteMajority,
  VoteMethod,
  VoteResult,
  VoteState,
  VoteSubjectKind,
  VoteChannel,
} from '../../../shared/decide.js';

// Kysely's view of the deciding kernel (0040_decide_kernel.sql): votes and topics; keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface VotesTable {
  id: string;
  tenant_id: string;
  community_id: string;
  scope_place_id: string;
  scope_path: string;
  subject_kind: VoteSubjectKind;
  subject_id: string | null;
  title: string;
  description: Generated<string>;
  method: VoteMethod;
  max_choices: Generated<number>;
  seats: Generated<number>;
  secret: boolean;
  electorate: VoteElectorate;
  allow_phone: Generated<boolean>;
  allow_paper: Generated<boolean>;
  quorum_percent: Generated<number>;
  majority: VoteMajority;
  state: VoteState;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  eligible_count: number | null;
  result: Json<VoteResult> | null;
  created_by: string;
  created_at: Timestamp;
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  cancel_reason: Generated<string>;
}

export interface VoteOptionsTable {
  id: string;
  tenant_id: string;
  vote_id: string;
  position: number;
  label: string;
  ref_id: string | null;
}

export interface VoteElectorsTable {
  vote_id: string;
  tenant_id: string;
  elector_id: string;
  household_id: string;
  voted_at: Timestamp | null;
  channel: VoteChannel | null;
  voter_user_id: string | null;
  recorded_by: string | null;
}

/** Secret votes: no elector, no time, a random id. */
export interface VoteBallotsTable {
  id: string;
  tenant_id: string;
  vote_id: string;
  elector_id: string | null;
  receipt_hash: string;
}

export interface VoteMarksTable {
  ballot_id: string;
  tenant_id: string;
  option_id: string;
}

export interface DeliberationTopicsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_id: string;
  place_path: string;
  code: string;
  title: string;
  body: string;
  raised_via: TopicSource;
  raised_by: string;
  case_id: string | null;
  is_public: Generated<boolean>;
  state: TopicState;
  seconds_needed: number;
  seconds_count: Generated<number>;
  screen_note: Generated<string>;
  screened_by: string | null;
  screened_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeliberationSecondsTable {
  topic_id: string;
  user_id: string;
  tenant_id: string;
  created_at: Timestamp;
}

export interface DeliberationSettingsTable {
  community_id: string;
  tenant_id: string;
  seconds_to_agenda: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface DecideDatabase {
  votes: VotesTable;
  vote_options: VoteOptionsTable;
  vote_electors: VoteElectorsTable;
  vote_ballots: VoteBallotsTable;
  vote_marks: VoteMarksTable;
  deliberation_topics: DeliberationTopicsTable;
  deliberation_seconds: DeliberationSecondsTable;
  deliberation_settings: DeliberationSettingsTable;
}
