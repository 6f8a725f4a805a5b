import { z } from '@hono/zod-openapi';
import { text } from '../../../platform/text-schema.js';
import { orderActions } from './lifecycle.js';

// 社区食堂 · 助餐点 as the API takes and gives it. Money in fen; days YYYY-MM-DD (China time).

const day = z.iso.date().openapi({ description: 'YYYY-MM-DD, a day that exists' });
const meal = z.enum(['breakfast', 'lunch', 'dinner']);
const fen = z.number().int().min(0).max(100_000);
const communityCode = z.string().regex(/^\d{12}$/, 'a community code (12 digits)');
const countyCode = z.string().regex(/^\d{6}$/, 'a county code (6 digits)');

export const Id = z.object({ id: z.uuid() });
export const OrderActionParams = z.object({ id: z.uuid(), action: z.enum(orderActions) });
export const RangeQuery = z.object({ from: day.optional(), to: day.optional() });
export const DayQuery = z.object({ day: day.optional() });
export const MonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') });
export const DinerQuery = z.object({ q: text({ min: 1, max: 40 }) });
export const NumbersQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  placeCode: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/)
    .optional(),
});

export const CanteenInput = z.object({
  communityCode,
  name: text({ min: 2, max: 60 }),
  kind: z.enum(['canteen', 'meal_point', 'partner_shop']),
  address: text({ max: 200 }).default(''),
  hours: text({ max: 100 }).default(''),
  elderDiscountPercent: z.number().int().min(1).max(100).nullable().default(null),
  delivery: z.boolean().default(false),
});
export const CanteenPatch = CanteenInput.omit({ communityCode: true })
  .partial()
  .extend({ active: z.boolean().optional() });
export const OperatorsInput = z.object({ userIds: z.array(z.uuid()).max(50) });

export const DishInput = z.object({ day, meal, name: text({ min: 1, max: 40 }), priceFen: fen });

export const RuleInput = z.object({
  /** a community's rule; none: the county's (countyCode) */
  communityCode: communityCode.optional(),
  countyCode: countyCode.optional(),
  name: text({ min: 2, max: 40 }),
  criterion: z.enum(['tag', 'age']),
  tag: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .nullable()
    .default(null),
  minAge: z.number().int().min(0).max(150).nullable().default(null),
  amountFen: z.number().int().min(1).max(100_000).nullable().default(null),
  percent: z.number().int().min(1).max(100).nullable().default(null),
  priority: z.number().int().min(0).max(999).default(0),
});
export const RulePatch = z.object({
  name: text({ min: 2, max: 40 }).optional(),
  amountFen: z.number().int().min(1).max(100_000).nullable().optional(),
  percent: z.number().int().min(1).max(100).nullable().optional(),
  minAge: z.number().int().min(0).max(150).nullable().optional(),
  priority: z.number().int().min(0).max(999).optional(),
  active: z.boolean().optional(),
});

export const MealInput = z.object({
  /** made by the tablet for each meal: a retry with the same id records nothing new */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  meal,
  dishIds: z.array(z.uuid()).min(1).max(20),
  /** a registry resident found by the desk; none: a walk-in (散客) without subsidy */
  residentId: z.uuid().nullable().default(null),
});

export const OrderInput = z
  .object({
    canteenId: z.uuid(),
    day,
    meal,
    dishIds: z.array(z.uuid()).min(1).max(20),
    delivery: z.boolean().default(false),
    address: text({ max: 200 }).default(''),
    note: text({ max: 200 }).default(''),
  })
  .openapi('CanteenOrderInput');

const Operator = z.object({ userId: z.string(), name: z.string() });
export const CanteenSchema = z
  .object({
    id: z.string(),
    communityId: z.string(),
    communityCode: z.string(),
    communityName: z.string(),
    name: z.string(),
    kind: z.enum(['canteen', 'meal_point', 'partner_shop']),
    address: z.string(),
    hours: z.string(),
    elderDiscountPercent: z.number().nullable(),
    delivery: z.boolean(),
    active: z.boolean(),
    operators: z.array(Operator),
  })
  .openapi('Canteen');
export const CandidateSchema = Operator;

export const DishSchema = z
  .object({
    id: z.string(),
    canteenId: z.string(),
    day: z.string(),
    meal,
    name: z.string(),
    priceFen: z.number(),
  })
  .openapi('CanteenDish');

export const RuleSchema = z
  .object({
    id: z.string(),
    scope: z.enum(['community', 'county']),
    communityName: z.string().nullable(),
    name: z.string(),
    criterion: z.enum(['tag', 'age']),
    tag: z.string().nullable(),
    tagLabel: z.string().nullable(),
    minAge: z.number().nullable(),
    amountFen: z.number().nullable(),
    percent: z.number().nullable(),
    priority: z.number(),
    active: z.boolean(),
    mayEdit: z.boolean(),
  })
  .openapi('CanteenSubsidyRule');
export const TagSchema = z.object({ code: z.string(), label: z.string() });

export const DinerSchema = z
  .object({
    residentId: z.string(),
    name: z.string().openapi({ description: 'masked: 黄*兰' }),
    age: z.number().nullable(),
    subsidy: z.string().nullable().openapi({ description: 'the rule that would apply, by name' }),
  })
  .openapi('CanteenDiner');

export const MealSchema = z
  .object({
    id: z.string(),
    day: z.string(),
    meal,
    diner: z.string(),
    walkIn: z.boolean(),
    age: z.number().nullable(),
    dishes: z.string(),
    priceFen: z.number(),
    subsidyFen: z.number(),
    payFen: z.number(),
    rule: z.string(),
    fromOrder: z.boolean(),
    servedAt: z.string(),
  })
  .openapi('CanteenMeal');

export const DailySchema = z.object({
  day: z.string(),
  meals: z.number(),
  elders: z.number(),
  subsidised: z.number(),
  subsidyFen: z.number(),
  payFen: z.number(),
});

export const OrderSchema = z
  .object({
    id: z.string(),
    canteenId: z.string(),
    canteenName: z.string(),
    day: z.string(),
    meal,
    dishes: z.string(),
    priceFen: z.number(),
    delivery: z.boolean(),
    address: z.string(),
    note: z.string(),
    state: z.enum(['placed', 'served', 'cancelled']),
    actions: z.array(z.enum(orderActions)),
  })
  .openapi('CanteenOrder');

export const MenuCanteenSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['canteen', 'meal_point', 'partner_shop']),
  address: z.string(),
  hours: z.string(),
  elderDiscountPercent: z.number().nullable(),
  delivery: z.boolean(),
  dishes: z.array(DishSchema),
});
export const MyCanteensSchema = z.object({
  community: z.object({ id: z.string(), name: z.string() }).nullable(),
  canteens: z.array(MenuCanteenSchema),
});

export const NumbersSchema = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      communityCode: z.string(),
      communityName: z.string(),
      canteens: z.number(),
      meals: z.number(),
      elders: z.number(),
      elderMeals: z.number(),
      subsidyFen: z.number(),
      orders: z.number(),
    }),
  ),
});

export type CanteenInputT = z.infer<typeof CanteenInput>;
export type CanteenPatchT = z.infer<typeof CanteenPatch>;
export type DishInputT = z.infer<typeof DishInput>;
export type RuleInputT = z.infer<typeof RuleInput>;
export type RulePatchT = z.infer<typeof RulePatch>;
export type MealInputT = z.infer<typeof MealInput>;
export type OrderInputT = z.infer<typeof OrderInput>;
export type NumbersQueryT = z.infer<typeof NumbersQuery>;
