import { z } from '@hono/zod-openapi';
import { text } from '../../platform/text-schema.js';

// 节假日与工作时间: the special days of a year, the state of each year, the county's business hours.

// The calendar keeps the years 2000–2100 (calendar_years checks it); a day outside them is refused here.
const isoDay = z.iso
  .date()
  .refine((day) => Number(day.slice(0, 4)) >= 2000 && Number(day.slice(0, 4)) <= 2100, {
    params: { messages: { 'zh-CN': '年份须在 2000 至 2100 之间', en: 'the year must be between 2000 and 2100' } },
  })
  .describe('YYYY-MM-DD, Beijing date, years 2000–2100');
const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .describe('HH:MM, Beijing time');

export const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const DayParam = z.object({ day: isoDay });

export const DayInput = z.object({
  isWorkday: z.boolean().describe('true: a weekend day worked (调休上班); false: a day off (放假)'),
  name: text({ min: 1, max: 20 }),
});

export const ImportInput = z.object({
  source: text({ max: 100 }).default('').describe('the notice, e.g. 国办发明电〔2026〕X号'),
  days: z
    .array(DayInput.extend({ day: isoDay }))
    .min(1)
    .max(120),
});

export const PeriodSchema = z.object({ open: hhmm, close: hhmm });
export const HoursInput = z.object({ periods: z.array(PeriodSchema).min(1).max(4) });

export const CalendarDaySchema = z
  .object({ day: z.string(), isWorkday: z.boolean(), name: z.string() })
  .openapi('CalendarDay');

export const CalendarYearSchema = z
  .object({
    year: z.number(),
    confirmed: z.boolean().describe('taken from the State Council notice; false: provisional'),
    source: z.string(),
    holidays: z.number(),
    workdays: z.number().describe('weekend days worked (调休)'),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('CalendarYear');

export const CalendarWarningSchema = z
  .object({ year: z.number(), state: z.enum(['missing', 'provisional']) })
  .openapi('CalendarWarning');

export const CalendarOverviewSchema = z
  .object({ years: z.array(CalendarYearSchema), warning: CalendarWarningSchema.nullable() })
  .openapi('CalendarOverview');

export const CalendarYearDaysSchema = z
  .object({ year: CalendarYearSchema, days: z.array(CalendarDaySchema) })
  .openapi('CalendarYearDays');

export const BusinessHoursSchema = z
  .object({
    periods: z.array(PeriodSchema),
    isDefault: z.boolean().describe('the county has not set its own hours'),
  })
  .openapi('BusinessHours');

export type DayInputT = z.infer<typeof DayInput>;
export type ImportInputT = z.infer<typeof ImportInput>;
export type HoursInputT = z.infer<typeof HoursInput>;
