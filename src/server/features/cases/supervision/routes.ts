import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { SupervisionIdParam, SupervisionPageSchema, SupervisionQuery, UrgeInput, UrgedSchema } from './schemas.js';
import type { SupervisionService } from './service.js';

// 督办 over HTTP: the queue of the levels the caller supervises, and the urge.

const tags = ['cases'];
const queueRoute = authRoute({
  method: 'get',
  path: '/supervision',
  tags,
  summary: '督办 queue: late and escalated open cases of the levels you supervise',
  request: { query: SupervisionQuery },
  responses: { 200: jsonContent(SupervisionPageSchema), ...errorResponses },
});
const urgeRoute = authRoute({
  method: 'post',
  path: '/supervision/{id}/urge',
  tags,
  summary: '督办 a case you supervise: a note on its timeline and an SMS to whoever has it',
  request: {
    params: SupervisionIdParam,
    body: { content: { 'application/json': { schema: UrgeInput } }, required: true },
  },
  responses: { 200: jsonContent(UrgedSchema), ...errorResponses },
});

export function supervisionRoutes(service: SupervisionService) {
  return createRouter()
    .openapi(queueRoute, async (c) => c.json(await service.queue(actorOf(c), c.req.valid('query')), 200))
    .openapi(urgeRoute, async (c) =>
      c.json(await service.urge(actorOf(c), c.req.valid('param').id, c.req.valid('json').note), 200),
    );
}
