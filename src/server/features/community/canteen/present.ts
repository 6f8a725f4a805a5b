import type { Selectable } from 'kysely';
import type { CanteenMealsTable } from '../../../platform/db/schema-canteen.js';

// How canteen records leave the server: residents' names masked (黄*兰), no ID numbers or phones.

export const WALK_IN = '散客';

export const presentMeal = (m: Selectable<CanteenMealsTable>) => ({
  id: m.id,
  day: m.day,
  meal: m.meal,
  diner: m.diner_masked,
  walkIn: m.resident_id === null,
  age: m.age,
  dishes: m.dishes,
  priceFen: m.price_fen,
  subsidyFen: m.subsidy_fen,
  payFen: m.pay_fen,
  rule: m.rule_name,
  fromOrder: m.order_id !== null,
  servedAt: m.served_at.toISOString(),
});
