import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the canteen tables of community life (0039_community_canteen.sql); keep in step with the SQL.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A day of China time as YYYY-MM-DD text. */
type DateText = string;

export type CanteenKind = 'canteen' | 'meal_point' | 'partner_shop';
export type MealTime = 'breakfast' | 'lunch' | 'dinner';
export type SubsidyCriterion = 'tag' | 'age';
export type CanteenOrderState = 'placed' | 'served' | 'cancelled';

export interface CanteensTable {
  id: string;
  tenant_id: string;
  community_id: string;
  place_path: string;
  name: string;
  kind: CanteenKind;
  address: Generated<string>;
  hours: Generated<string>;
  elder_discount_percent: number | null;
  delivery: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CanteenOperatorsTable {
  canteen_id: string;
  user_id: string;
  tenant_id: string;
  created_at: Timestamp;
}

export interface CanteenDishesTable {
  id: string;
  tenant_id: string;
  canteen_id: string;
  day: DateText;
  meal: MealTime;
  name: string;
  price_fen: number;
  removed: Generated<boolean>;
  created_at: Timestamp;
}

export interface CanteenSubsidyRulesTable {
  id: string;
  tenant_id: string;
  community_id: string | null;
  place_path: string;
  name: string;
  criterion: SubsidyCriterion;
  tag: string | null;
  min_age: number | null;
  amount_fen: number | null;
  percent: number | null;
  priority: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CanteenOrdersTable {
  id: string;
  tenant_id: string;
  canteen_id: string;
  place_path: string;
  user_id: string;
  resident_id: string | null;
  day: DateText;
  meal: MealTime;
  dish_ids: string[];
  price_fen: number;
  delivery: Generated<boolean>;
  address: Generated<string>;
  note: Generated<string>;
  state: CanteenOrderState;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CanteenMealsTable {
  id: string;
  tenant_id: string;
  canteen_id: string;
  place_path: string;
  client_id: string;
  day: DateText;
  meal: MealTime;
  resident_id: string | null;
  diner_masked: string;
  age: number | null;
  dishes: string;
  price_fen: number;
  subsidy_fen: number;
  pay_fen: number;
  rule_id: string | null;
  rule_name: Generated<string>;
  order_id: string | null;
  served_by: string | null;
  served_at: Timestamp;
}

export interface CanteenDatabase {
  canteens: CanteensTable;
  canteen_operators: CanteenOperatorsTable;
  canteen_dishes: CanteenDishesTable;
  canteen_subsidy_rules: CanteenSubsidyRulesTable;
  canteen_orders: CanteenOrdersTable;
  canteen_meals: CanteenMealsTable;
}
