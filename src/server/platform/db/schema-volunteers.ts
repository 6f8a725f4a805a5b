import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the volunteers tables of community life (0033_community_volunteers.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** 活动: draft → published → finished | cancelled (features/community/volunteers/lifecycle.ts). */
export type ActivityState = 'draft' | 'published' | 'finished' | 'cancelled';
/** 报名: signed up, on the waiting list (候补), or cancelled. */
export type SignupState = 'signed_up' | 'waiting' | 'cancelled';
export type CheckinMethod = 'qr' | 'location' | 'staff';

export interface VolunteerActivitiesTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  team_id: string | null;
  title: string;
  description: Generated<string>;
  address: Generated<string>;
  lng: number | null;
  lat: number | null;
  radius_m: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  signup_deadline: Timestamp;
  attend_points: number | null;
  state: Generated<ActivityState>;
  cancel_reason: Generated<string>;
  /** SHA-256 of the check-in token; the token itself only encrypted (`checkin_token_enc`). */
  checkin_token_hash: string;
  checkin_token_enc: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivitySignupsTable {
  id: string;
  tenant_id: string;
  activity_id: string;
  user_id: string | null;
  guest_name: Generated<string>;
  state: SignupState;
  queued_at: Timestamp;
  checked_in_at: Timestamp | null;
  checked_out_at: Timestamp | null;
  checkin_method: CheckinMethod | null;
  minutes: Generated<number>;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VolunteerPostsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  title: string;
  duty: Generated<string>;
  slots: number;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PostClaimsTable {
  id: string;
  tenant_id: string;
  post_id: string;
  user_id: string;
  resident_id: string | null;
  claimed_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface PostServiceRecordsTable {
  id: string;
  tenant_id: string;
  claim_id: string;
  month: string;
  minutes: number;
  note: Generated<string>;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface VolunteersDatabase {
  volunteer_activities: VolunteerActivitiesTable;
  activity_signups: ActivitySignupsTable;
  volunteer_posts: VolunteerPostsTable;
  post_claims: PostClaimsTable;
  post_service_records: PostServiceRecordsTable;
}
