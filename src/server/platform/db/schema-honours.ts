import type { ColumnType, Generated } from 'kysely';
import type { CampaignState, HonourKind, NominationKind, StarBand } from '../../../shared/honours.js';

// Kysely's view of the honours tables (0046_honours.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface HonourCampaignsTable {
  id: string;
  tenant_id: string;
  place_id: string;
  place_path: string;
  kind: HonourKind;
  year: number;
  title: string;
  description: Generated<string>;
  state: CampaignState;
  star_bands: Json<StarBand[]>;
  objection_ends_on: string | null;
  publish_note: Generated<string>;
  cancel_reason: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface HonourCriteriaTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  position: number;
  name: string;
  max_points: number;
  description: Generated<string>;
}

export interface HonourNominationsTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  household_id: string;
  household_path: string;
  resident_id: string | null;
  nominee_key: string;
  kind: NominationKind;
  reason: string;
  nominated_by: string;
  created_at: Timestamp;
  state: Generated<'nominated' | 'rejected'>;
  reject_reason: Generated<string>;
  shortlisted: Generated<boolean>;
  stars: number | null;
  result: 'honoured' | 'removed' | null;
  result_note: Generated<string>;
}

export interface HonourPanelMembersTable {
  campaign_id: string;
  tenant_id: string;
  user_id: string;
  added_by: string;
  added_at: Timestamp;
}

export interface HonourScoreSheetsTable {
  nomination_id: string;
  tenant_id: string;
  member_user_id: string;
  campaign_id: string;
  points: Json<Record<string, number>>;
  total: number;
  updated_at: Timestamp;
}

export interface HonourObjectionsTable {
  id: string;
  tenant_id: string;
  campaign_id: string;
  nomination_id: string | null;
  body: string;
  lodged_by: string;
  lodged_at: Timestamp;
  answer: Generated<string>;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface HonoursDatabase {
  honour_campaigns: HonourCampaignsTable;
  honour_criteria: HonourCriteriaTable;
  honour_nominations: HonourNominationsTable;
  honour_panel_members: HonourPanelMembersTable;
  honour_score_sheets: HonourScoreSheetsTable;
  honour_objections: HonourObjectionsTable;
}
