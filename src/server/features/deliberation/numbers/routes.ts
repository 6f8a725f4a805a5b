import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { DecideNumbersQuery, DecideNumbersSchema } from './schemas.js';
import type { DecideNumbersService } from './service.js';
import { decideNumbersSheet } from './sheet.js';

// 居民议事数据 over HTTP (community:read, scoped): the year's table and the same as Excel.

const tags = ['deliberation-numbers'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const r = {
  numbers: authRoute({
    method: 'get',
    path: '/deliberation/numbers',
    tags,
    summary:
      'The year’s deliberation counts per community in scope (topics, meetings, votes, supervisors, notices, honours)',
    request: { query: DecideNumbersQuery },
    responses: { 200: jsonContent(DecideNumbersSchema), ...errorResponses },
  }),
  sheet: authRoute({
    method: 'get',
    path: '/deliberation/numbers.xlsx',
    tags,
    summary: 'The same as an Excel sheet',
    request: { query: DecideNumbersQuery },
    responses: {
      200: { description: 'Sheet', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
};

export function decideNumbersRoutes(service: DecideNumbersService) {
  return createRouter()
    .openapi(r.numbers, async (c) => c.json(await service.numbers(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.sheet, async (c) => {
      const report = await service.numbers(actorOf(c), c.req.valid('query'));
      const name = `居民议事数据-${report.year}.xlsx`;
      return c.body(new Uint8Array(await decideNumbersSheet(report)), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    });
}
