import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  BreakdownQuery,
  BreakdownRowSchema,
  StatsFilters,
  StatsSummarySchema,
  TrendPointSchema,
  TrendQuery,
} from './schemas.js';
import type { StatsService } from './service.js';
import { breakdownSheet } from './sheet.js';

const tags = ['stats'];
const summary = authRoute({
  method: 'get',
  path: '/stats/summary',
  tags,
  summary: 'Volume and rates of a place subtree and period, with the previous period',
  request: { query: StatsFilters },
  responses: { 200: jsonContent(StatsSummarySchema), ...errorResponses },
});
const trend = authRoute({
  method: 'get',
  path: '/stats/trend',
  tags,
  summary: 'Rates by day, week or month',
  request: { query: TrendQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(TrendPointSchema) })), ...errorResponses },
});
const breakdown = authRoute({
  method: 'get',
  path: '/stats/breakdown',
  tags,
  summary: 'Rates per category, channel, department, grid or community (rankings)',
  request: { query: BreakdownQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(BreakdownRowSchema) })), ...errorResponses },
});
const exportRoute = authRoute({
  method: 'get',
  path: '/stats/breakdown.xlsx',
  tags,
  summary: 'The breakdown as an Excel sheet',
  request: { query: BreakdownQuery },
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
