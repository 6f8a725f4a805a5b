import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { VisitLogInput, VisitLogPageSchema, VisitLogQuery, VisitLogSchema } from './schemas.js';
import type { GridworkService } from './service.js';

const tags = ['gridwork'];

const record = authRoute({
  method: 'post',
  path: '/visit-logs',
  tags,
  summary: 'Record a household visit (民情日记); idempotent by the client id',
  request: { body: { content: { 'application/json': { schema: VisitLogInput } }, required: true } },
  responses: {
    201: jsonContent(VisitLogSchema, 'Recorded'),
    200: jsonContent(VisitLogSchema, 'Already recorded (retry)'),
    ...errorResponses,
  },
});
const list = authRoute({
  method: 'get',
  path: '/visit-logs',
  tags,
  summary: 'Visit logs in your scope, newest first',
  request: { query: VisitLogQuery },
  responses: {
    200: jsonContent(VisitLogPageSchema),
    ...errorResponses,
  },
});

export function gridworkRoutes(service: GridworkService) {
  return createRouter()
    .openapi(record, async (c) => {
      const { created, log } = await service.recordVisit(actorOf(c), c.req.valid('json'));
      return created ? c.json(log, 201) : c.json(log, 200);
    })
    .openapi(list, async (c) => c.json(await service.listVisits(actorOf(c), c.req.valid('query')), 200));
}
