import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Kysely's view of the tables in platform/migrations; keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type PlaceKind =
  | 'province' | 'city' | 'county' | 'street' | 'community'
  | 'grid' | 'building' | 'unit' | 'household';

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
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  password_changed_at: Timestamp;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MembershipsTable {
  id: string;
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
  tenant_id: string | null;
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

export interface Database {
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
}

export type Place = Selectable<PlacesTable>;
export type NewPlace = Insertable<PlacesTable>;
export type PlaceUpdate = Updateable<PlacesTable>;
export type Grid = Selectable<GridsTable>;
export type User = Selectable<UsersTable>;
export type Department = Selectable<DepartmentsTable>;
export type Job = Selectable<JobsTable>;
