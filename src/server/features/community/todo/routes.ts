import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { TodoSchema } from './schemas.js';
import type { TodoService } from './service.js';

// GET /community/todo: the workbench's community-life cards (any logged-in user; empty without community:manage).

const route = authRoute({
  method: 'get',
  path: '/community/todo',
  tags: ['community-numbers'],
  summary:
    'Community-life work waiting for me, per kind I may act on (wishes, entries, redemptions, stewards, rooms, posts)',
  responses: { 200: jsonContent(TodoSchema), ...errorResponses },
});

export const todoRoutes = (service: TodoService) =>
  createRouter().openapi(route, async (c) => c.json(await service.todo(actorOf(c)), 200));
