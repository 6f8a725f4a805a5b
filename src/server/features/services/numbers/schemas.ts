import { z } from '@hono/zod-openapi';
import { serviceRatings } from '../../../../shared/services.js';

// 服务数据: the filters of the numbers and what they answer.

const day = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, {
  params: { messages: { 'zh-CN': '年份须在 2000 至 2100 之间', en: 'the year must be between 2000 and 2100' } },
});

export const NumbersQuery = z.object({
  from: day.optional().openapi({ description: 'YYYY-MM-DD, inclusive, Beijing time, by filing day; default 30 days' }),
  to: day.optional(),
  place: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[0-9A-Za-z-]+$/)
    .optional()
    .openapi({ description: 'a place code in scope; default the whole scope' }),
});

const rate = z.number().nullable();
export const ServiceNumbersSchema = z
  .object({
    applications: z.number(),
    completed: z.number().openapi({ description: 'decided: approved, refused, ready or collected' }),
    decidedParts: z.number(),
    onTimeParts: z.number(),
    onTimeRate: rate.openapi({ description: 'parts decided by their deadline / parts decided' }),
    avgHandlingDays: z.number().nullable().openapi({ description: 'accepted → decided, working days' }),
    oneVisitRate: rate.openapi({ description: '最多跑一次: completed with visits ≤ 1 / completed' }),
    ratings: z.object(
      Object.fromEntries(serviceRatings.map((r) => [r, z.number()])) as Record<
        (typeof serviceRatings)[number],
        z.ZodNumber
      >,
    ),
    rated: z.number(),
    satisfactionRate: rate.openapi({ description: '(非常满意 + 满意 + 基本满意) / rated' }),
    pendingSupplement: z.number().openapi({ description: 'waiting for 补正 now' }),
    overdueNow: z.number().openapi({ description: 'a part past its deadline now' }),
  })
  .openapi('ServiceNumbers');
export const ServiceNumbersRowSchema = ServiceNumbersSchema.extend({
  kind: z.enum(['item', 'bundle']),
  id: z.string(),
  code: z.string(),
  name: z.string(),
}).openapi('ServiceNumbersRow');
export const ServiceNumbersReportSchema = z
  .object({
    place: z.object({ code: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    total: ServiceNumbersSchema,
    items: z.array(ServiceNumbersRowSchema),
    bundles: z.array(ServiceNumbersRowSchema),
  })
  .openapi('ServiceNumbersReport');

export type NumbersQueryT = z.infer<typeof NumbersQuery>;
export type ServiceNumbersReport = z.infer<typeof ServiceNumbersReportSchema>;
