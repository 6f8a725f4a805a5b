import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import type { StatsService } from './service.js';
import { breakdownSheet } from './sheet.js';

const tags = ['stats'];
const Filters = z.object({
  under: text({ min: 2, max: 40 }).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  category: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  channel: z.enum(['qr', 'snap', 'hotline', 'walkIn', 'kiosk', 'patrol', 'open311', 'import']).optional(),
  department: text({ max: 20 }).optional(),
});
const Rates = z
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
const By = z.enum(['category', 'parentCategory', 'channel', 'department', 'grid', 'community']);

const summary = authRoute({
  method: 'get',
  path: '/stats/summary',
  tags,
  summary: 'Volume and rates of a place subtree and period, with the previous period',
  request: { query: Filters },
  responses: {
    200: jsonContent(
      z.object({
        place: z.object({ code: z.string(), name: z.string() }),
        from: z.string(),
        to: z.string(),
        previousFrom: z.string(),
        previousTo: z.string(),
        current: Rates,
        previous: Rates,
        overdueOpen: z.number(),
      }),
    ),
    ...errorResponses,
  },
});
const trend = authRoute({
  method: 'get',
  path: '/stats/trend',
  tags,
  summary: 'Rates by day, week or month',
  request: { query: Filters.extend({ granularity: z.enum(['day', 'week', 'month']).default('day') }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(Rates.extend({ period: z.string() })) })),
    ...errorResponses,
  },
});
const breakdown = authRoute({
  method: 'get',
  path: '/stats/breakdown',
  tags,
  summary: 'Rates per category, channel, department, grid or community (rankings)',
  request: { query: Filters.extend({ by: By }) },
  responses: {
    200: jsonContent(z.object({ items: z.array(Rates.extend({ key: z.string(), name: z.string() })) })),
    ...errorResponses,
  },
});
const exportRoute = authRoute({
  method: 'get',
  path: '/stats/breakdown.xlsx',
  tags,
  summary: 'The breakdown as an Excel sheet',
  request: { query: Filters.extend({ by: By }) },
  responses: {
    200: {
      description: 'Sheet',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...errorResponses,
  },
});

export function statsRoutes(service: StatsService) {
  return createRouter()
    .openapi(summary, async (c) => c.json(await service.summary(actorOf(c), c.req.valid('query')), 200))
    .openapi(trend, async (c) => c.json({ items: await service.trend(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(breakdown, async (c) => c.json({ items: await service.breakdown(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(exportRoute, async (c) => {
      const rows = await service.breakdown(actorOf(c), c.req.valid('query'));
      const bytes = await breakdownSheet(rows);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('统计.xlsx')}`,
      });
    });
}
