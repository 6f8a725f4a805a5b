import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the units tables of community life (0038_community_units.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A day of China time as YYYY-MM-DD text. */
type DateText = string;

export type AgreementState = 'draft' | 'signed' | 'ended';
export type UnitList = 'needs' | 'resources' | 'projects' | 'responsibilities';
export type UnitEntryState = 'open' | 'submitted' | 'confirmed' | 'returned';

/** 物业与业委会: term and buildings served. */
export interface OrganisationServicesTable {
  organisation_id: string;
  tenant_id: string;
  term_start: DateText | null;
  term_end: DateText | null;
  building_ids: Generated<string[]>;
  note: Generated<string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** 共驻共建协议书 */
export interface UnitAgreementsTable {
  id: string;
  tenant_id: string;
  organisation_id: string;
  community_id: string;
  place_path: string;
  year: number;
  state: AgreementState;
  signed_on: DateText | null;
  term_start: DateText;
  term_end: DateText;
  file_id: string | null;
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 四单: one entry of a list. */
export interface UnitEntriesTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  organisation_id: string;
  community_id: string;
  place_path: string;
  list: UnitList;
  title: string;
  description: Generated<string>;
  due_on: DateText;
  score: number;
  state: UnitEntryState;
  fulfilment_note: Generated<string>;
  proof_file_ids: Generated<string[]>;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  return_reason: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  points_awarded: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitsDatabase {
  organisation_services: OrganisationServicesTable;
  unit_agreements: UnitAgreementsTable;
  unit_entries: UnitEntriesTable;
}
