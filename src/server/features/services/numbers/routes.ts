import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { NumbersQuery, ServiceNumbersReportSchema } from './schemas.js';
import type { NumbersService } from './service.js';
import { numbersSheet } from './sheet.js';

// 服务数据: HTTP only.

const tags = ['services-numbers'];
const numbers = authRoute({
  method: 'get',
  path: '/services/numbers',
  tags,
  summary: 'Per item and bundle: applications, on-time rate, handling days, run-at-most-once, ratings',
  request: { query: NumbersQuery },
  responses: { 200: jsonContent(ServiceNumbersReportSchema), ...errorResponses },
});
const sheet = authRoute({
  method: 'get',
  path: '/services/numbers.xlsx',
  tags,
  summary: 'The same numbers as an Excel sheet',
  request: { query: NumbersQuery },
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

export function numbersRoutes(service: NumbersService) {
  return createRouter()
    .openapi(numbers, async (c) => c.json(await service.report(actorOf(c), c.req.valid('query')), 200))
    .openapi(sheet, async (c) => {
      const bytes = await numbersSheet(await service.report(actorOf(c), c.req.valid('query')));
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('服务数据.xlsx')}`,
      });
    });
}
