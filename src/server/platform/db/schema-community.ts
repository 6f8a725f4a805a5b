import type { ColumnType } from 'kysely';
import type { PointsHolderKind } from '../../../shared/points.js';

// Kysely's view of community life's shared kernel (0032_community_kernel.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PointsAccountsTable {
  id: string;
  tenant_id: string;
  holder_kind: PointsHolderKind;
  user_id: string | null;
  organisation_id: string | null;
  created_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface PointsEntriesTable {
  id: string;
  tenant_id: string;
  account_id: string;
  community_id: string;
  points: number;
  rule: string;
  source_kind: string;
  source_id: string;
  note: ColumnType<string, string | undefined, never>;
  corrects_entry_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PointsRulesTable {
  community_id: string;
  rule: string;
  tenant_id: string;
  points: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface OrganisationLiaisonsTable {
  organisation_id: string;
  user_id: string;
  tenant_id: string;
  created_at: Timestamp;
}

/** The kernel tables, joined into `Database` in schema.ts. */
export interface CommunityDatabase {
  points_accounts: PointsAccountsTable;
  points_entries: PointsEntriesTable;
  points_rules: PointsRulesTable;
  organisation_liaisons: OrganisationLiaisonsTable;
}
