import { z } from '@hono/zod-openapi';

// 社区公开页: what anyone may read about a community without logging in. No person appears here:
// no names, phones, addresses below the building, tracking codes or descriptions.

/** A community's 12-digit code (what its QR poster prints); anything else is refused before the database. */
export const CodeParam = z.object({
  code: z
    .string()
    .regex(/^\d{12}$/)
    .openapi({ param: { name: 'code', in: 'path' }, example: '610824001001' }),
});
export const PhotoParams = CodeParam.extend({
  id: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** A rate with the counts it is made of (响应率 96% · 48/50); rate null when nothing to count. */
const RateSchema = z.object({
  rate: z.number().nullable().openapi({ example: 0.96 }),
  numerator: z.number().int(),
  denominator: z.number().int(),
});

export const PublicOverviewSchema = z
  .object({
    community: z.object({ code: z.string(), name: z.string() }),
    street: z.string().nullable(),
    county: z.string().nullable(),
    /** The calendar month in Beijing time, YYYY-MM, and the days counted so far. */
    month: z.string(),
    from: z.string(),
    to: z.string(),
    received: z.number().int(),
    /** 响应率: first contact within the deadline / valid cases */
    response: RateSchema,
    /** 解决率: rated as solved / rated */
    resolution: RateSchema,
    /** 满意率: (satisfied + basically satisfied) / rated */
    satisfaction: RateSchema,
  })
  .openapi('PublicCommunityOverview');

export const publicStages = ['waiting', 'working', 'done', 'rejected'] as const;

export const PublicReportSchema = z
  .object({
    id: z.string(),
    category: z.string(),
    state: z.string().openapi({ example: '处置中' }),
    /** For the marker's colour: 待受理 / 办理中 / 已办结 / 不予受理. */
    stage: z.enum(publicStages),
    date: z.string().openapi({ example: '2026-12-03' }),
    /** Rounded to 3 decimals (about 100 m); null when the report has no point. */
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    /** The building, spot or grid it was filed under (3号楼), never a unit or a household. */
    place: z.string().nullable(),
    photoUrl: z.string().nullable(),
  })
  .openapi('PublicCommunityReport');

export const PublicReportsSchema = z.object({ items: z.array(PublicReportSchema) });
