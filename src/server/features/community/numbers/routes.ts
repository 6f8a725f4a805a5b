import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { LifeNumbersQuery, LifeNumbersSchema } from './schemas.js';
import type { LifeNumbersService } from './service.js';
import { lifeNumbersSheet } from './sheet.js';

// 社区生活数据 over HTTP (community:read, scoped): the year's table and the same as Excel.

const tags = ['community-numbers'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const r = {
  numbers: authRoute({
    method: 'get',
    path: '/community/numbers',
    tags,
    summary: 'The year’s community-life counts per community in scope, from each area’s records, with totals',
    request: { query: LifeNumbersQuery },
    responses: { 200: jsonContent(LifeNumbersSchema), ...errorResponses },
  }),
  sheet: authRoute({
    method: 'get',
    path: '/community/numbers.xlsx',
    tags,
    summary: 'The same as an Excel sheet',
    request: { query: LifeNumbersQuery },
    responses: {
      200: { description: 'Sheet', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses,
    },
  }),
};

export function lifeNumbersRoutes(service: LifeNumbersService) {
  return createRouter()
    .openapi(r.numbers, async (c) => c.json(await service.numbers(actorOf(c), c.req.valid('query')), 200))
    .openapi(r.sheet, async (c) => {
      const report = await service.numbers(actorOf(c), c.req.valid('query'));
      const name = `社区生活数据-${report.year}.xlsx`;
      return c.body(new Uint8Array(await lifeNumbersSheet(report)), 200, {
        'content-type': xlsx,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
    });
}
