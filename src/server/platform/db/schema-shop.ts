import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the shop tables of community life (issue 16, 0035_community_shop.sql); keep in
// step with the SQL. Joined into `Database` in schema.ts.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type RedemptionState = 'placed' | 'handed_over' | 'cancelled';

/** 积分超市商品 */
export interface ShopGoodsTable {
  id: string;
  tenant_id: string;
  community_id: string;
  community_path: string;
  name: string;
  description: Generated<string>;
  photo_file_id: string | null;
  points_price: number;
  stock: number;
  monthly_limit: Generated<number>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 兑换记录 */
export interface ShopRedemptionsTable {
  id: string;
  tenant_id: string;
  goods_id: string;
  community_id: string;
  community_path: string;
  user_id: string;
  quantity: number;
  points: number;
  state: RedemptionState;
  pickup_code: string;
  spend_entry_id: string;
  refund_entry_id: string | null;
  placed_at: Timestamp;
  handed_over_at: Timestamp | null;
  handed_over_by: string | null;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: Generated<string>;
}

export interface ShopDatabase {
  shop_goods: ShopGoodsTable;
  shop_redemptions: ShopRedemptionsTable;
}
