import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { DecideTodoSchema } from './schemas.js';
import type { DecideTodoService } from './service.js';

// GET /deliberation/todo: the workbench's 居民议事 cards (any logged-in user; only the kinds they may act on).

const route = authRoute({
  method: 'get',
  path: '/deliberation/todo',
  tags: ['deliberation-numbers'],
  summary:
    'Deliberation work waiting for me, per kind I may act on (topics to screen, meeting tasks due, notices to approve, honour objections to answer, votes past their closing time, supervisors’ issues)',
  responses: { 200: jsonContent(DecideTodoSchema), ...errorResponses },
});

export const decideTodoRoutes = (service: DecideTodoService) =>
  createRouter().openapi(route, async (c) => c.json(await service.todo(actorOf(c)), 200));
