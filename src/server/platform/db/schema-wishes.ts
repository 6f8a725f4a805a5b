import type { ColumnType, Generated } from 'kysely';
import type { MicroActionState, WishCategory, WishState } from '../../../shared/community-wishes.js';

// Kysely's view of the wishes tables of community life (0034_community_wishes.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** 微心愿 */
export interface CommunityWishesTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  category: WishCategory;
  content: string;
  photo_ids: Generated<string[]>;
  beneficiary_resident_id: string | null;
  beneficiary_user_id: string | null;
  beneficiary_name: string;
  posted_by: string;
  state: WishState;
  reject_reason: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  published_at: NullableTimestamp;
  claimed_by: string | null;
  claimer_organisation_id: string | null;
  claimed_at: NullableTimestamp;
  fulfil_due_at: NullableTimestamp;
  fulfil_photo_ids: Generated<string[]>;
  fulfil_note: Generated<string>;
  fulfilled_at: NullableTimestamp;
  thanks_message: Generated<string>;
  thanked_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 微行动 */
export interface CommunityMicroActionsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  title: string;
  description: Generated<string>;
  /** YYYY-MM-DD, China time */
  action_date: string;
  location: Generated<string>;
  slots: number;
  state: MicroActionState;
  proof_photo_ids: Generated<string[]>;
  done_at: NullableTimestamp;
  done_by: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommunityMicroActionSignupsTable {
  action_id: string;
  user_id: string;
  tenant_id: string;
  took_part: Generated<boolean>;
  created_at: Timestamp;
}

export interface WishesDatabase {
  community_wishes: CommunityWishesTable;
  community_micro_actions: CommunityMicroActionsTable;
  community_micro_action_signups: CommunityMicroActionSignupsTable;
}
