import type { ColumnType, Generated } from 'kysely';
import type {
  ApplicationSource,
  ApplicationState,
  ApplyChannel,
  HandlerLevel,
  PartState,
  ServiceRating,
} from '../../../shared/services.js';
import type { FormDefinition, Material } from '../../../shared/service-forms.js';

// Kysely's view of the services tables (0027_services.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** What the applicant gave for one material: uploaded files, or seen at the window (原件核验). */
export interface ApplicationMaterial {
  key: string;
  fileIds: string[];
  atWindow: boolean;
  /**
   * The original seen at the window: true when window staff marked it (or the pre-check confirmed what
   * the resident said she would bring, 带到窗口核验); false while it is still to be checked there.
   * Absent on rows written before the resident could say so: then `atWindow` alone (staff only) tells it.
   */
  checked?: boolean;
}

export interface ServiceCategoriesTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ServiceItemsTable {
  id: string;
  tenant_id: string;
  category_id: string;
  code: string;
  name: string;
  summary: Generated<string>;
  eligibility: Generated<string>;
  handler_level: HandlerLevel;
  department_id: string | null;
  time_limit_days: number;
  fee_fen: Generated<number>;
  fee_note: Generated<string>;
  legal_basis: Generated<string>;
  channel: ApplyChannel;
  form: Json<FormDefinition>;
  materials: Json<Material[]>;
  sort: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceItemVersionsTable {
  item_id: string;
  version: number;
  tenant_id: string;
  form: Json<FormDefinition>;
  materials: Json<Material[]>;
  time_limit_days: number;
  saved_by: string | null;
  saved_at: Timestamp;
}

export interface ServiceBundleClassesTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  sort: Generated<number>;
  created_at: Timestamp;
}

export interface ServiceBundlesTable {
  id: string;
  tenant_id: string;
  class_id: string;
  code: string;
  name: string;
  summary: Generated<string>;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceBundleItemsTable {
  bundle_id: string;
  item_id: string;
  tenant_id: string;
  sort: Generated<number>;
}

export interface ServiceApplicationsTable {
  id: string;
  tenant_id: string;
  code: string;
  item_id: string | null;
  bundle_id: string | null;
  community_id: string;
  place_path: string;
  source: ApplicationSource;
  on_behalf: Generated<boolean>;
  entered_by: string | null;
  applicant_user_id: string | null;
  resident_id: string | null;
  applicant_name: string;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  answers_enc: string;
  materials: Json<ApplicationMaterial[]>;
  state: ApplicationState;
  supplement_note: string | null;
  paused_at: Timestamp | null;
  accepted_at: Timestamp | null;
  due_at: Timestamp | null;
  sla_level: Generated<'ok' | 'yellow' | 'red'>;
  decided_at: Timestamp | null;
  ready_at: Timestamp | null;
  collected_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  visits: Generated<number>;
  rating: ServiceRating | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 0029: every file id the application attaches, for the orphan sweep and file access. */
  file_ids: Generated<string[]>;
}

export interface ServiceApplicationPartsTable {
  id: string;
  application_id: string;
  tenant_id: string;
  item_id: string;
  item_version: number;
  handler_level: HandlerLevel;
  department_id: string | null;
  handler_place_id: string | null;
  handler_path: string | null;
  state: PartState;
  clock_started_at: Timestamp | null;
  due_at: Timestamp | null;
  paused_at: Timestamp | null;
  sla_level: Generated<'ok' | 'yellow' | 'red'>;
  reviewer_id: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  result_file_ids: Generated<string[]>;
  sort: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 0029: when the missed deadline was reported to the level above. */
  escalated_at: Timestamp | null;
}

export interface ServiceApplicationEventsTable {
  id: string;
  application_id: string;
  part_id: string | null;
  tenant_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  note: Generated<string>;
  actor_id: string | null;
  actor_name: string;
  at: Timestamp;
}

/** The services tables, joined into `Database` in schema.ts. */
export interface ServicesDatabase {
  service_categories: ServiceCategoriesTable;
  service_items: ServiceItemsTable;
  service_item_versions: ServiceItemVersionsTable;
  service_bundle_classes: ServiceBundleClassesTable;
  service_bundles: ServiceBundlesTable;
  service_bundle_items: ServiceBundleItemsTable;
  service_applications: ServiceApplicationsTable;
  service_application_parts: ServiceApplicationPartsTable;
  service_application_events: ServiceApplicationEventsTable;
}
