import { z } from '@hono/zod-openapi';
import { caseChannels } from '../../../shared/cases.js';
import { text } from '../../platform/text-schema.js';

// 数据看板: the filters every statistics call takes, and what it answers.

export const breakdownKeys = ['category', 'parentCategory', 'channel', 'department', 'grid', 'community'] as const;
export const granularities = ['day', 'week', 'month'] as const;

// A date filter of the years the data can hold: year 1 or 9999 made the database refuse (500).
const filterDay = z.iso.date().refine((day) => Number(day.slice(0, 4)) >= 2000 && Number(day.slice(0, 4)) <= 2100, {
  params: { messages: { 'zh-CN': '年份须在 2000 至 2100 之间', en: 'the year must be between 2000 and 2100' } },
});

/** The filters every statistics call takes (the case list takes the same names). */
export const StatsFilters = z.object({
  under: text({ min: 2, max: 40 }).optional(),
  from: filterDay.optional().openapi({ description: 'YYYY-MM-DD, inclusive, Beijing time' }),
  to: filterDay.optional(),
  category: z
    .string()
    .regex(/^[A-Za-z0-9_]{2,40}$/)
    .optional(),
  channel: z.enum(caseChannels).optional(),
  department: text({ max: 20 }).optional(),
});
export const TrendQuery = StatsFilters.extend({ granularity: z.enum(granularities).default('day') });
export const BreakdownQuery = StatsFilters.extend({ by: z.enum(breakdownKeys) });

export const RatesSchema = z
  .object({
    received: z.number(),
    valid: z.number(),
    responseRate: z.number().nullable(),
    resolutionRate: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
    closureRate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
    reopenRate: z.number().nullable(),
    avgContactMinutes: z.number().nullable(),
    avgResolveHours: z.number().nullable(),
  })
  .openapi('Rates');

export const StatsSummarySchema = z
  .object({
    place: z.object({ code: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    current: RatesSchema,
    previous: RatesSchema,
    overdueOpen: z
      .number()
      .openapi({ description: 'Open cases past a deadline now (live: not by period, category or channel)' }),
  })
  .openapi('StatsSummary');
export const TrendPointSchema = RatesSchema.extend({ period: z.string() }).openapi('TrendPoint');
export const BreakdownRowSchema = RatesSchema.extend({ key: z.string(), name: z.string() }).openapi('BreakdownRow');

/** A monthly report the scheduled job made and stored. */
export const MonthlyReportSchema = z
  .object({
    id: z.string(),
    month: z.string(),
    place: z.object({ code: z.string(), name: z.string() }),
    createdAt: z.string(),
  })
  .openapi('MonthlyReport');
