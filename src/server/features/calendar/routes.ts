import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  BusinessHoursSchema,
  CalendarDaySchema,
  CalendarOverviewSchema,
  CalendarYearDaysSchema,
  DayInput,
  DayParam,
  HoursInput,
  ImportInput,
  YearParam,
} from './schemas.js';
import type { CalendarService } from './service.js';

const tags = ['calendar'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const overview = authRoute({
  method: 'get',
  path: '/calendar',
  tags,
  summary: 'The years of the holiday calendar, and the warning when this or next year is missing',
  responses: { 200: jsonContent(CalendarOverviewSchema), ...errorResponses },
});
const year = authRoute({
  method: 'get',
  path: '/calendar/years/{year}',
  tags,
  summary: 'The special days of a year: holidays and weekend days worked (调休)',
  request: { params: YearParam },
  responses: { 200: jsonContent(CalendarYearDaysSchema), ...errorResponses },
});
const importYear = authRoute({
  method: 'post',
  path: '/calendar/years/{year}/import',
  tags,
  summary: 'Replace a year with the days of the State Council notice (county administrators)',
  request: { params: YearParam, ...json(ImportInput) },
  responses: { 200: jsonContent(CalendarYearDaysSchema), ...errorResponses },
});
const setDay = authRoute({
  method: 'put',
  path: '/calendar/days/{day}',
  tags,
  summary: 'Add or change one special day (county administrators)',
  request: { params: DayParam, ...json(DayInput) },
  responses: { 200: jsonContent(CalendarDaySchema), ...errorResponses },
});
const removeDay = authRoute({
  method: 'delete',
  path: '/calendar/days/{day}',
  tags,
  summary: 'Remove a special day: it follows the week again (county administrators)',
  request: { params: DayParam },
  responses: { 200: jsonContent(z.object({ ok: z.literal(true) })), ...errorResponses },
});
const hours = authRoute({
  method: 'get',
  path: '/calendar/hours',
  tags,
  summary: "The county's business hours, in which working-day deadlines are counted",
  responses: { 200: jsonContent(BusinessHoursSchema), ...errorResponses },
});
const setHours = authRoute({
  method: 'put',
  path: '/calendar/hours',
  tags,
  summary: "Set the county's business hours (county administrators)",
  request: json(HoursInput),
  responses: { 200: jsonContent(BusinessHoursSchema), ...errorResponses },
});

export function calendarRoutes(service: CalendarService) {
  return createRouter()
    .openapi(overview, async (c) => c.json(await service.overview(actorOf(c)), 200))
    .openapi(year, async (c) => c.json(await service.year(actorOf(c), c.req.valid('param').year), 200))
    .openapi(importYear, async (c) =>
      c.json(await service.importYear(actorOf(c), c.req.valid('param').year, c.req.valid('json')), 200),
    )
    .openapi(setDay, async (c) =>
      c.json(await service.setDay(actorOf(c), c.req.valid('param').day, c.req.valid('json')), 200),
    )
    .openapi(removeDay, async (c) => c.json(await service.removeDay(actorOf(c), c.req.valid('param').day), 200))
    .openapi(hours, async (c) => c.json(await service.hours(actorOf(c)), 200))
    .openapi(setHours, async (c) => c.json(await service.setHours(actorOf(c), c.req.valid('json')), 200));
}
