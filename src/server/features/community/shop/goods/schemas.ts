import { z } from '@hono/zod-openapi';
import { text } from '../../../../platform/text-schema.js';

// 积分超市 over HTTP: goods, redemptions, the pickup code.

const CommunityCode = z.string().regex(/^\d{12}$/);
const PlaceCode = z.string().regex(/^\d{2,12}$/);

export const GoodsId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const GoodsInput = z.object({
  communityCode: CommunityCode,
  name: text({ min: 1, max: 40 }),
  description: text({ max: 500, multiline: true }).default(''),
  photoFileId: z.uuid().nullable().optional(),
  pointsPrice: z.number().int().min(1).max(1_000_000),
  stock: z.number().int().min(0).max(1_000_000),
  monthlyLimit: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
});
export type GoodsInputT = z.infer<typeof GoodsInput>;
export const GoodsPatch = GoodsInput.omit({ communityCode: true }).partial();
export type GoodsPatchT = z.infer<typeof GoodsPatch>;
/** Stock is changed by a delta (goods arrived +, damaged −), so a patch never overwrites a redemption's take. */
export const StockInput = z.object({
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, 'notZero'),
});

export const GoodsSchema = z.object({
  id: z.string(),
  communityCode: z.string(),
  communityName: z.string(),
  name: z.string(),
  description: z.string(),
  hasPhoto: z.boolean(),
  pointsPrice: z.number().int(),
  stock: z.number().int(),
  monthlyLimit: z.number().int(),
  active: z.boolean(),
});
export const GoodsListQuery = z.object({ under: PlaceCode.optional() });
export const ShelfSchema = z.object({
  community: z.object({ id: z.string(), name: z.string() }).nullable(),
  balance: z.number().int(),
  items: z.array(GoodsSchema.omit({ communityCode: true })),
});

export const RedeemInput = z.object({ quantity: z.number().int().min(1).max(20).default(1) });
export const RedemptionSchema = z.object({
  id: z.string(),
  goodsName: z.string(),
  communityName: z.string(),
  personName: z.string(),
  quantity: z.number().int(),
  points: z.number().int(),
  state: z.enum(['placed', 'handed_over', 'cancelled']),
  /** shown to the resident who redeemed (to show at pickup); never to staff, who ask for it */
  pickupCode: z.string().nullable(),
  placedAt: z.string(),
  handedOverAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  actions: z.array(z.enum(['hand_over', 'cancel'])),
});
export const RedemptionsQuery = z.object({
  under: PlaceCode.optional(),
  state: z.enum(['placed', 'handed_over', 'cancelled']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RedemptionsQueryT = z.infer<typeof RedemptionsQuery>;
export const HandOverInput = z.object({ pickupCode: z.string().regex(/^\d{6}$/) });
export const CancelInput = z.object({ reason: text({ max: 200 }).default('') });
