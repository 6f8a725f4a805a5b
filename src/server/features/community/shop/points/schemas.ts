import { z } from '@hono/zod-openapi';
import { pointsRules } from '../../../../../shared/points.js';
import { text } from '../../../../platform/text-schema.js';

// 积分 over HTTP: the shapes of the points rules, the ledger, corrections and the ranking.

export const CommunityCode = z.string().regex(/^\d{12}$/);
const PlaceCode = z.string().regex(/^\d{2,12}$/);
const Year = z.coerce.number().int().min(2000).max(2100);
// A calendar day within the years the ledger can hold (year 1 would fall before year 0 in Beijing time).
const day = z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'a day from 2000 to 2100');

export const RulesQuery = z.object({ communityCode: CommunityCode });
export const RuleSchema = z.object({
  rule: z.enum(pointsRules),
  points: z.number().int(),
  isDefault: z.boolean(),
});
export const RulesSchema = z.object({
  communityCode: z.string(),
  communityName: z.string(),
  mayManage: z.boolean(),
  items: z.array(RuleSchema),
});
/** Only earning rules carry a rate; a spend, refund or correction carries its own amount. */
export const RulesInput = z.object({
  communityCode: CommunityCode,
  rates: z
    .array(z.object({ rule: z.enum(pointsRules), points: z.number().int().min(0).max(10000) }))
    .min(1)
    .max(pointsRules.length),
});
export type RulesInputT = z.infer<typeof RulesInput>;

export const MyEntrySchema = z.object({
  id: z.string(),
  points: z.number().int(),
  rule: z.enum(pointsRules),
  sourceKind: z.string(),
  note: z.string(),
  communityName: z.string(),
  createdAt: z.string(),
});
export const MyPointsSchema = z.object({
  balance: z.number().int(),
  accounts: z.array(z.object({ countyName: z.string(), balance: z.number().int(), entries: z.array(MyEntrySchema) })),
});

export const LedgerQuery = z.object({
  under: PlaceCode.optional(),
  rule: z.enum(pointsRules).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type LedgerQueryT = z.infer<typeof LedgerQuery>;
export const LedgerEntrySchema = z.object({
  id: z.string(),
  points: z.number().int(),
  rule: z.enum(pointsRules),
  sourceKind: z.string(),
  note: z.string(),
  correctsEntryId: z.string().nullable(),
  communityName: z.string(),
  holderKind: z.enum(['user', 'organisation']),
  holderName: z.string(),
  createdAt: z.string(),
  mayCorrect: z.boolean(),
});
export const LedgerSchema = z.object({ items: z.array(LedgerEntrySchema), total: z.number().int() });

export const EntryId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const CorrectionInput = z.object({
  points: z
    .number()
    .int()
    .min(-100000)
    .max(100000)
    .refine((n) => n !== 0, 'notZero'),
  note: text({ min: 2, max: 200 }),
});
export type CorrectionInputT = z.infer<typeof CorrectionInput>;
export const CorrectionSchema = z.object({ id: z.string(), points: z.number().int(), balance: z.number().int() });

export const YearQuery = z.object({ year: Year, placeCode: PlaceCode.optional() });
export type YearQueryT = z.infer<typeof YearQuery>;
export const RankingRowSchema = z.object({
  rank: z.number().int(),
  holderKind: z.enum(['user', 'organisation']),
  holderName: z.string(),
  communityName: z.string(),
  points: z.number().int(),
});
export const RankingSchema = z.object({
  year: z.number().int(),
  persons: z.array(RankingRowSchema),
  units: z.array(RankingRowSchema),
});
