import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import { MonthlyReportSchema } from './schemas.js';
import type { StatsService } from './service.js';

// Monthly reports over HTTP: printed on demand, or the stored ones the monthly job made (jobs.ts).

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const pdf = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
};
const onDemand = authRoute({
  method: 'get',
  path: '/stats/monthly-report.pdf',
  tags: ['stats'],
  summary: 'The monthly report of a street or community (PDF), made now',
  request: { query: z.object({ under: text({ min: 2, max: 40 }), month: Month }) },
  responses: pdf,
});
const stored = authRoute({
  method: 'get',
  path: '/stats/monthly-reports',
  tags: ['stats'],
  summary: 'Monthly reports made by the scheduled job',
  request: { query: z.object({ under: text({ min: 2, max: 40 }) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(MonthlyReportSchema) })), ...errorResponses },
});
const download = authRoute({
  method: 'get',
  path: '/stats/monthly-reports/{id}',
  tags: ['stats'],
  summary: 'Download a stored monthly report',
  request: { params: z.object({ id: z.uuid() }) },
  responses: pdf,
});
const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

export function monthlyRoutes(stats: StatsService) {
  return createRouter()
    .openapi(onDemand, async (c) => {
      const q = c.req.valid('query');
      return c.body(
        new Uint8Array(await stats.monthlyReport(actorOf(c), q.under, q.month)),
        200,
        pdfHeaders(`${q.month}月度报告.pdf`),
      );
    })
    .openapi(stored, async (c) =>
      c.json({ items: await stats.storedReports(actorOf(c), c.req.valid('query').under) }, 200),
    )
    .openapi(download, async (c) => {
      const report = await stats.storedReport(actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(report.bytes), 200, pdfHeaders(report.name));
    });
}
