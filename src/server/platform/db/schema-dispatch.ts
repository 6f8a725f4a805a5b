import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the smart-dispatch tables (0049_smart_dispatch.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type DispatchKind = 'category' | 'department';

/** One suggested label with its probability; `keywords` when the fixed keyword lists gave it. */
export interface StoredSuggestion {
  label: string;
  probability: number;
  source: 'model' | 'keywords';
}

export interface DispatchModelsTable {
  id: string;
  tenant_id: string;
  kind: DispatchKind;
  version: number;
  model: string;
  training_size: number;
  labels: number;
  top1: number | null;
  top3: number | null;
  trained_at: Timestamp;
  trained_by: string | null;
}

export interface DispatchSettingsTable {
  tenant_id: string;
  auto_route: Generated<boolean>;
  threshold: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CaseSuggestionsTable {
  case_id: string;
  tenant_id: string;
  categories: Json<StoredSuggestion[]>;
  departments: Json<StoredSuggestion[]>;
  category_model_version: number | null;
  department_model_version: number | null;
  auto_routed: Generated<boolean>;
  created_at: Timestamp;
}

export interface DispatchOutcomesTable {
  id: string;
  tenant_id: string;
  case_id: string;
  kind: DispatchKind;
  suggested: string;
  chosen: string;
  outcome: 'accepted' | 'corrected';
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface DispatchHistoryTable {
  id: string;
  tenant_id: string;
  batch_id: string;
  subject: Generated<string>;
  body: string;
  category_code: string | null;
  department_id: string | null;
  occurred_on: string | null;
  imported_at: Timestamp;
  imported_by: string | null;
}

export interface DispatchDatabase {
  dispatch_models: DispatchModelsTable;
  dispatch_settings: DispatchSettingsTable;
  case_suggestions: CaseSuggestionsTable;
  dispatch_outcomes: DispatchOutcomesTable;
  dispatch_history: DispatchHistoryTable;
}
