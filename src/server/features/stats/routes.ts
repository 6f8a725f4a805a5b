import { z } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { escapeFormulas } from '../../platform/sheet-cells.js';
import {
  BreakdownQuery,
  BreakdownRowSchema,
  StatsFilters,
  StatsSummarySchema,
  TrendPointSchema,
  TrendQuery,
} from './schemas.js';
import type { StatsService } from './service.js';

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

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

export function statsRoutes(service: StatsService) {
  return createRouter()
    .openapi(summary, async (c) => c.json(await service.summary(actorOf(c), c.req.valid('query')), 200))
    .openapi(trend, async (c) => c.json({ items: await service.trend(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(breakdown, async (c) => c.json({ items: await service.breakdown(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(exportRoute, async (c) => {
      const rows = await service.breakdown(actorOf(c), c.req.valid('query'));
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('统计');
      sheet.columns = [
        { header: '名称', key: 'name', width: 24 },
        { header: '受理量', key: 'received', width: 10 },
        { header: '有效件', key: 'valid', width: 10 },
        { header: '响应率', key: 'response', width: 10 },
        { header: '解决率', key: 'resolution', width: 10 },
        { header: '满意率', key: 'satisfaction', width: 10 },
        { header: '办结率', key: 'closure', width: 10 },
        { header: '按期办结率', key: 'onTime', width: 12 },
        { header: '平均回电(分钟)', key: 'contact', width: 14 },
        { header: '平均办结(小时)', key: 'resolve', width: 14 },
      ];
      sheet.getRow(1).font = { bold: true };
      for (const r of rows) {
        sheet.addRow(
          escapeFormulas({
            name: r.name,
            received: r.received,
            valid: r.valid,
            response: percent(r.responseRate),
            resolution: percent(r.resolutionRate),
            satisfaction: percent(r.satisfactionRate),
            closure: percent(r.closureRate),
            onTime: percent(r.onTimeRate),
            contact: r.avgContactMinutes ?? '—',
            resolve: r.avgResolveHours ?? '—',
          }),
        );
      }
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('统计.xlsx')}`,
      });
    });
}
