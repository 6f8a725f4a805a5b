import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PlaceKind } from '../../../shared/place-kinds.js';
import type { SpotKind } from '../../../shared/spots.js';
import type { ServicesDatabase } from './schema-services.js';
import type { AssistanceDatabase } from './schema-assistance.js';
import type { HallDatabase } from './schema-hall.js';
import type { CommunityDatabase } from './schema-community.js';
import type { VolunteersDatabase } from './schema-volunteers.js';
import type { WishesDatabase } from './schema-wishes.js';
import type { ShopDatabase } from './schema-shop.js';
import type { RoomsDatabase } from './schema-rooms.js';
import type { StewardsDatabase } from './schema-stewards.js';
import type { UnitsDatabase } from './schema-units.js';
import type { CanteenDatabase } from './schema-canteen.js';
import type { DecideDatabase } from './schema-decide.js';
import type { MeetingsDatabase } from './schema-meetings.js';
import type { SupervisorsDatabase } from './schema-supervisors.js';
import type { NoticesDatabase } from './schema-notices.js';
import type { HonoursDatabase } from './schema-honours.js';
import type { DispatchDatabase } from './schema-dispatch.js';
import type { TopicsDatabase } from './schema-topics.js';

// Kysely's view of the tables in platform/migrations; keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type { PlaceKind };

export interface PlacesTable {
  id: string;
  tenant_id: string | null;
  code: string;
  name: string;
  kind: PlaceKind;
  parent_id: string | null;
  path: string;
  status: 'active' | 'retired';
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: Timestamp | null;
  phone: Generated<string>;
}

export interface GridsTable {
  place_id: string;
  tenant_id: string;
  grid_kind: 'comprehensive' | 'dedicated';
  dedicated_for: string | null;
  boundary: Json<GeoJsonPolygon>;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface BuildingsTable {
  place_id: string;
  tenant_id: string;
  lng: number;
  lat: number;
  floors: Generated<number>;
  address: Generated<string>;
}

export interface HouseholdsTable {
  place_id: string;
  tenant_id: string;
  address: string;
  room: string;
  floor: number | null;
}

export interface GridChangesTable {
  id: string;
  tenant_id: string;
  change_kind: 'merge' | 'split';
  from_codes: string[];
  to_codes: string[];
  reason: Generated<string>;
  actor_id: string | null;
  changed_at: Timestamp;
  carried: ColumnType<GridCarried, string | undefined, string>;
}

/** What a grid merge or split carried to the new grids (grid_changes.carried). */
export interface GridCarried {
  partyOrgs?: { id: string; name: string; to: string }[];
  memberships?: { userId: string; name: string | null; role: string; to: string }[];
}

export interface SystemCountersTable {
  name: string;
  value: ColumnType<number, number, number>;
}

export interface DepartmentsTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  kind: string;
  street_code: string | null;
  phone: Generated<string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  tenant_id: string | null;
  username: string;
  display_name: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  password_changed_at: Timestamp;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_hash: string | null;
  must_change_password: Generated<boolean>;
  /** 我的社区 of a resident who logged in by phone (0032) */
  home_community_id: Generated<string | null>;
}

export interface MembershipsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  role: string;
  place_id: string | null;
  department_id: string | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  /** The county; 000000 (NO_COUNTY) for a row of none. */
  tenant_id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
  at: Timestamp;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  run_at: Timestamp;
  status: Generated<'queued' | 'done' | 'dead'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface KeyChecksTable {
  name: string;
  ciphertext: string;
}

export interface ResidentTagsTable {
  code: string;
  label_zh: string;
  label_en: string;
  needs_visit: Generated<boolean>;
  sort: Generated<number>;
  tone: Generated<ResidentTagTone>;
  sensitive: Generated<boolean>;
  active: Generated<boolean>;
  updated_at: Timestamp | null;
  /** 困难群众: the tag puts a resident in the care of an assistance-adviser team (0031). */
  hardship: Generated<boolean>;
}

export type ResidentTagTone = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export type ResidentStatus = 'active' | 'moved_out' | 'deceased';
export type Residence = 'registered' | 'resident' | 'floating';

export interface ResidentsTable {
  id: string;
  tenant_id: string;
  household_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: 'male' | 'female' | null;
  birth_date: ColumnType<string | null, string | null, string | null>;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  relation: Generated<string>;
  residence: Generated<Residence>;
  tags: Generated<string[]>;
  notes: Generated<string>;
  status: Generated<ResidentStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResidentEventsTable {
  id: string;
  tenant_id: string;
  resident_id: string;
  kind: 'registered' | 'imported' | 'edited' | 'moved' | 'moved_out' | 'deceased';
  from_household_id: string | null;
  to_household_id: string | null;
  note: Generated<string>;
  actor_id: string | null;
  at: Timestamp;
}

/** A code of party_org_kinds (the county's list: 街道党工委, 社区党总支, 社区大党委 …). */
export type PartyOrgKind = string;

export interface PartyOrgsTable {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  kind: PartyOrgKind;
  place_id: string;
  created_at: Timestamp;
}

export interface PartyMembersTable {
  resident_id: string;
  tenant_id: string;
  party_org_id: string;
  joined_on: ColumnType<string | null, string | null, string | null>;
  member_kind: Generated<'full' | 'probationary'>;
  created_at: Timestamp;
}

export interface VolunteersTable {
  resident_id: string;
  tenant_id: string;
  skills: Generated<string[]>;
  team: Generated<string>;
  service_minutes: Generated<number>;
  registered_at: Timestamp;
}

export interface InServiceMembersTable {
  resident_id: string;
  tenant_id: string;
  work_unit: string;
  community_id: string;
  claimed_posts: Generated<string[]>;
  registered_at: Timestamp;
  /** the work unit as a registered organisation (0032) */
  organisation_id: Generated<string | null>;
}

/** A code of organisation_kinds (the county's list: 物业公司, 共建单位 …). */
export type OrganisationKind = string;

export interface OrganisationsTable {
  id: string;
  tenant_id: string;
  kind: OrganisationKind;
  name: string;
  place_id: string;
  contact_name: Generated<string>;
  phone: Generated<string>;
  created_at: Timestamp;
}

export interface FilesTable {
  id: string;
  /** The county; 000000 (NO_COUNTY) for a row of none. */
  tenant_id: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface VisitLogsTable {
  id: string;
  tenant_id: string;
  household_id: string;
  author_id: string;
  content: string;
  lng: number | null;
  lat: number | null;
  photo_ids: Generated<string[]>;
  visited_at: Timestamp;
  created_at: Timestamp;
}

export interface CaseCategoriesTable {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
  first_contact_minutes: number;
  dispatch_minutes: number;
  take_minutes: number;
  resolve_hours: number;
  business_days: boolean;
  default_department_kind: string | null;
  keywords: string[];
  sort: number;
  active: Generated<boolean>;
  /** 0020: the current version (case_category_versions), event or component class, urgent, last edit. */
  version: Generated<number>;
  kind: Generated<'event' | 'component'>;
  urgent: Generated<boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** 0020: every version of a category, with who made it; a case points at the one it was filed under. */
export interface CaseCategoryVersionsTable {
  code: string;
  version: number;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
  kind: 'event' | 'component';
  first_contact_minutes: number;
  dispatch_minutes: number;
  take_minutes: number;
  resolve_hours: number;
  business_days: boolean;
  urgent: boolean;
  default_department_kind: string | null;
  keywords: string[];
  sort: number;
  active: boolean;
  change: 'initial' | 'create' | 'edit' | 'import';
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Timestamp;
}

export interface CalendarDaysTable {
  day: ColumnType<string, string, string>;
  is_workday: boolean;
  name: Generated<string>;
}

export interface CasesTable {
  id: string;
  tenant_id: string;
  tracking_code: string;
  channel: 'qr' | 'snap' | 'hotline' | 'walkIn' | 'kiosk' | 'patrol' | 'open311' | 'import';
  category_code: string | null;
  priority: Generated<'normal' | 'urgent'>;
  state: string;
  suspended_from: string | null;
  description: string;
  text_tokens: Generated<string[]>;
  address: Generated<string>;
  lng: number | null;
  lat: number | null;
  place_id: string;
  place_path: string;
  reporter_name: Generated<string>;
  reporter_phone_enc: string | null;
  reporter_phone_hash: string | null;
  reporter_phone_masked: string | null;
  reporter_phone_last4: string | null;
  reporter_user_id: string | null;
  photo_ids: Generated<string[]>;
  idempotency_key: string | null;
  assignee_kind: 'user' | 'department' | 'team' | null;
  assignee_user_id: string | null;
  assignee_department_id: string | null;
  assignee_name: string | null;
  first_contact_due_at: Timestamp | null;
  dispatch_due_at: Timestamp | null;
  take_due_at: Timestamp | null;
  resolve_due_at: Timestamp | null;
  first_contact_at: Timestamp | null;
  accepted_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  taken_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  suspended_at: Timestamp | null;
  extension_requested_hours: number | null;
  first_contact_on_time: boolean | null;
  resolved_on_time: boolean | null;
  escalation_level: Generated<number>;
  sla_level: Generated<'ok' | 'yellow' | 'red'>;
  reopen_count: Generated<number>;
  result_text: string | null;
  result_photo_ids: Generated<string[]>;
  rating: 'satisfied' | 'basic' | 'unsatisfied' | null;
  rating_solved: boolean | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  rating_token_hash: string | null;
  valid: Generated<boolean>;
  media_url: Generated<string | null>;
  external_account: Generated<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The reporter allowed others to see the description, place and photos (公开); 0012. */
  is_public: Generated<boolean>;
  /** 议题 (0040): the topic this case became when it needed a collective decision. */
  topic_id: Generated<string | null>;
  /** The category version (its limits) the case was filed under; 0020. */
  category_version: Generated<number | null>;
  /** 督办 (0022): when the case climbed to its escalation level, when that level's period ends, since when it is late. */
  escalated_at: Timestamp | null;
  supervision_due_at: Timestamp | null;
  overdue_since: Timestamp | null;
  /** The volunteer team the case was sent to (上门服务); 0025. */
  assignee_team_id: string | null;
  /** The result must be checked on site (核查) before the reporter rates it; 0025. */
  verify_required: Generated<boolean>;
  verify_photo_ids: Generated<string[]>;
}

export interface CaseEventsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string | null;
  actor_name: string;
  note: Generated<string>;
  data: Json<Record<string, unknown>> | Generated<Json<Record<string, unknown>>>;
  at: Timestamp;
}

export interface DutyRosterTable {
  id: string;
  tenant_id: string;
  community_id: string;
  user_id: string;
  weekdays: Generated<number[]>;
  created_at: Timestamp;
}

export interface SmsOutboxTable {
  id: string;
  /** The county; 000000 (NO_COUNTY) for a row of none. */
  tenant_id: string;
  to_phone_enc: string;
  to_masked: string;
  template: string;
  params: Json<Record<string, unknown>>;
  body: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  provider: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  case_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** The template's secret parameters, encrypted (0013); params and body show them masked. */
  secrets_enc: string | null;
  /** The place the message is about; null (a login code): county administrators only. */
  place_path: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface LoginCodesTable {
  phone_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
}

export interface CaseDailyTable {
  tenant_id: string;
  day: ColumnType<string, string, string>;
  place_id: string;
  place_path: string;
  category_code: string;
  channel: string;
  department_key: string;
  received: number;
  valid: number;
  contacted: number;
  contacted_on_time: number;
  contact_minutes: ColumnType<number, number, number>;
  resolved: number;
  resolved_on_time: number;
  resolve_minutes: ColumnType<number, number, number>;
  closed: number;
  rated: number;
  solved: number;
  satisfied: number;
  reopened: number;
}

/** Cases by place, state and overdue, kept by triggers on cases (0048): the inbox's counts by state. */
export interface CaseStateCountsTable {
  tenant_id: string;
  place_path: string;
  state: string;
  red: boolean;
  n: Generated<number>;
}

/** case_daily summed by month (the first day of the month in `month`): the year views' rollup. */
export type CaseMonthlyTable = Omit<CaseDailyTable, 'day'> & { month: ColumnType<string, string, string> };

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface MonthlyReportsTable {
  id: string;
  tenant_id: string;
  place_id: string;
  month: string;
  file_id: string;
  created_at: Timestamp;
}

export interface WhistlesTable {
  id: string;
  tenant_id: string;
  case_id: string | null;
  place_id: string;
  place_path: string;
  subject: string;
  request: string;
  state: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_by_name: string;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  lng: number | null;
  lat: number | null;
  address: Generated<string>;
  /** The meeting the whistle calls (协商会), when it names one; 0023. */
  meeting_at: Timestamp | null;
  meeting_place: Generated<string>;
}

export interface SummonsesTable {
  id: string;
  tenant_id: string;
  whistle_id: string;
  /** one of department_id (its receivers race for it) and adviser_id (one legal adviser) */
  department_id: string | null;
  adviser_id: string | null;
  state: string;
  ack_due_at: Timestamp;
  arrive_due_at: Timestamp;
  acknowledged_at: Timestamp | null;
  owner_id: string | null;
  owner_name: string | null;
  arrived_at: Timestamp | null;
  arrival_lng: number | null;
  arrival_lat: number | null;
  report_text: string | null;
  reported_at: Timestamp | null;
  score: number | null;
  score_comment: string | null;
  scored_at: Timestamp | null;
  ack_on_time: boolean | null;
  arrive_on_time: boolean | null;
  sla_level: Generated<'ok' | 'yellow' | 'red'>;
  escalated: Generated<boolean>;
  created_at: Timestamp;
  /** The department had no receiver account when summoned; `told` says who was texted instead; 0023. */
  no_receiver: Generated<boolean>;
  told: ColumnType<SummonsTold[], string | undefined, string>;
}

/** Someone texted about a summons whose department has no receiver account. */
export interface SummonsTold {
  kind: 'departmentPhone' | 'streetOfficer';
  name: string;
  phone: string;
}

export interface WhistleEventsTable {
  id: string;
  tenant_id: string;
  whistle_id: string;
  summons_id: string | null;
  action: string;
  actor_id: string | null;
  actor_name: string;
  note: Generated<string>;
  at: Timestamp;
}

export type DutyKind = 'self_governance' | 'assisting' | 'admitted' | 'cancelled';

export interface DutyListsTable {
  id: string;
  tenant_id: string;
  street_id: string;
  version: number;
  title: string;
  effective_from: ColumnType<string, string, string>;
  effective_to: ColumnType<string | null, string | null, string | null>;
  created_at: Timestamp;
}

export interface DutyItemsTable {
  id: string;
  tenant_id: string;
  list_id: string;
  kind: DutyKind;
  ref: string;
  class_name: string;
  item_name: string;
  sub_item_name: Generated<string>;
  legal_basis: Generated<string>;
  department_kind: string | null;
  category_codes: Generated<string[]>;
  keywords: Generated<string[]>;
  sort: Generated<number>;
}

export interface DutyTasksTable {
  id: string;
  tenant_id: string;
  department_id: string;
  community_id: string;
  title: string;
  description: Generated<string>;
  item_ref: string | null;
  status: 'accepted' | 'refused';
  reason: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DisputesTable {
  id: string;
  tenant_id: string;
  code: string;
  dispute_type: 'neighbour' | 'family' | 'property' | 'labour' | 'land' | 'consumer' | 'other';
  summary: string;
  place_id: string;
  place_path: string;
  source: 'regular_screening' | 'focused_screening' | 'case' | 'walk_in';
  case_id: string | null;
  whistle_id: string | null;
  risk: 'low' | 'medium' | 'high';
  status: 'open' | 'mediating' | 'agreed' | 'failed' | 'handed_over' | 'closed';
  handed_to: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DisputePartiesTable {
  id: string;
  tenant_id: string;
  dispute_id: string;
  role: 'applicant' | 'respondent' | 'other';
  resident_id: string | null;
  name: string;
  phone_enc: string | null;
  phone_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
}

export interface MediationSessionsTable {
  id: string;
  tenant_id: string;
  dispute_id: string;
  held_at: Timestamp;
  mediators: string[];
  legal_advisers: string[];
  record: string;
  outcome: 'agreed' | 'not_agreed' | 'adjourned';
  agreement_text: string | null;
  signature_file_ids: Generated<string[]>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DisputeEventsTable {
  id: string;
  tenant_id: string;
  dispute_id: string;
  kind: string;
  note: Generated<string>;
  actor_name: string;
  at: Timestamp;
}

export interface LegalQuestionsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  asker_id: string | null;
  asker_name: string;
  question: string;
  text_tokens: Generated<string[]>;
  is_public: boolean;
  state: Generated<'open' | 'answered'>;
  due_at: Timestamp;
  sla_level: Generated<'ok' | 'yellow' | 'red'>;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
}

// The county's lists (issue 14: resident tags above, organisation kinds here).
export interface PartyOrgKindsTable {
  code: string;
  label_zh: string;
  label_en: string;
  place_kinds: string[];
  parent_kinds: Generated<string[]>;
  member_units: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
  updated_at: Timestamp | null;
}

export interface OrganisationKindsTable {
  code: string;
  label_zh: string;
  label_en: string;
  sort: Generated<number>;
  active: Generated<boolean>;
  updated_at: Timestamp | null;
}

/** A member unit of a 大党委. */
export interface PartyOrgUnitsTable {
  party_org_id: string;
  organisation_id: string;
  tenant_id: string;
  created_at: Timestamp;
}

// Features with many tables keep their types in a schema-<feature>.ts of their own.
export interface Database
  extends
    ServicesDatabase,
    AssistanceDatabase,
    HallDatabase,
    CommunityDatabase,
    VolunteersDatabase,
    WishesDatabase,
    ShopDatabase,
    RoomsDatabase,
    StewardsDatabase,
    UnitsDatabase,
    CanteenDatabase,
    DecideDatabase,
    MeetingsDatabase,
    SupervisorsDatabase,
    NoticesDatabase,
    HonoursDatabase,
    DispatchDatabase,
    TopicsDatabase {
  legal_questions: LegalQuestionsTable;
  disputes: DisputesTable;
  dispute_parties: DisputePartiesTable;
  mediation_sessions: MediationSessionsTable;
  dispute_events: DisputeEventsTable;
  duty_lists: DutyListsTable;
  duty_items: DutyItemsTable;
  duty_tasks: DutyTasksTable;
  whistles: WhistlesTable;
  summonses: SummonsesTable;
  whistle_events: WhistleEventsTable;
  monthly_reports: MonthlyReportsTable;
  api_keys: ApiKeysTable;
  case_daily: CaseDailyTable;
  case_state_counts: CaseStateCountsTable;
  case_monthly: CaseMonthlyTable;
  case_categories: CaseCategoriesTable;
  calendar_days: CalendarDaysTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  duty_roster: DutyRosterTable;
  sms_outbox: SmsOutboxTable;
  rate_limits: RateLimitsTable;
  login_codes: LoginCodesTable;
  key_checks: KeyChecksTable;
  resident_tags: ResidentTagsTable;
  residents: ResidentsTable;
  resident_events: ResidentEventsTable;
  party_orgs: PartyOrgsTable;
  party_members: PartyMembersTable;
  volunteers: VolunteersTable;
  in_service_members: InServiceMembersTable;
  organisations: OrganisationsTable;
  files: FilesTable;
  visit_logs: VisitLogsTable;
  places: PlacesTable;
  grids: GridsTable;
  buildings: BuildingsTable;
  households: HouseholdsTable;
  grid_changes: GridChangesTable;
  system_counters: SystemCountersTable;
  departments: DepartmentsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  leases: LeasesTable;
  calendar_years: CalendarYearsTable;
  business_hours: BusinessHoursTable;
  party_org_kinds: PartyOrgKindsTable;
  organisation_kinds: OrganisationKindsTable;
  party_org_units: PartyOrgUnitsTable;
  spots: SpotsTable;
  place_qr_codes: PlaceQrCodesTable;
  case_category_versions: CaseCategoryVersionsTable;
  volunteer_teams: VolunteerTeamsTable;
  volunteer_team_members: VolunteerTeamMembersTable;
}

export type Place = Selectable<PlacesTable>;
export type NewPlace = Insertable<PlacesTable>;
export type PlaceUpdate = Updateable<PlacesTable>;
export type Grid = Selectable<GridsTable>;
export type User = Selectable<UsersTable>;
export type Department = Selectable<DepartmentsTable>;
export type Job = Selectable<JobsTable>;
export type Resident = Selectable<ResidentsTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseCategory = Selectable<CaseCategoriesTable>;
export type SummonsRow = Selectable<SummonsesTable>;

export interface LeasesTable {
  name: string;
  holder: string;
  taken_at: Timestamp;
  expires_at: Timestamp;
}

export interface CalendarYearsTable {
  year: number;
  confirmed: Generated<boolean>;
  source: Generated<string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface BusinessHoursTable {
  tenant_id: string;
  periods: Json<{ open: number; close: number }[]>;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** 地点: a named point place under a grid (a park, a market) with a QR poster of its own. */
export interface SpotsTable {
  place_id: string;
  tenant_id: string;
  spot_kind: SpotKind;
  lng: number;
  lat: number;
  address: Generated<string>;
}

/** The unguessable token a place's QR poster carries. */
export interface PlaceQrCodesTable {
  token: string;
  place_id: string;
  tenant_id: string;
  created_at: Timestamp;
}

/** 志愿服务队 of a community or street; 0025. */
export interface VolunteerTeamsTable {
  id: string;
  tenant_id: string;
  place_id: string;
  name: string;
  leader_user_id: string | null;
  phone: Generated<string>;
  created_at: Timestamp;
}

export interface VolunteerTeamMembersTable {
  team_id: string;
  user_id: string;
  tenant_id: string;
  created_at: Timestamp;
}
