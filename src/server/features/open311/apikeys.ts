import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import type { ApiKeys } from './apikeys-service.js';
import { ApiKeySchema, IssuedApiKeySchema } from './schemas.js';

// Routes of the Open311 API keys (HTTP only); the rules are in apikeys-service.ts.

const list = authRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['open311'],
  summary: 'Open311 API keys of your county',
  responses: { 200: jsonContent(z.object({ items: z.array(ApiKeySchema) })), ...errorResponses },
});
const create = authRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['open311'],
  summary: 'Issue an Open311 API key (shown once)',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ name: text({ min: 1, max: 60 }) }) } },
      required: true,
    },
  },
  responses: {
    201: jsonContent(IssuedApiKeySchema, 'Issued'),
    ...errorResponses,
  },
});
const revoke = authRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['open311'],
  summary: 'Revoke an API key',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
});

export function apiKeyRoutes(keys: ApiKeys) {
  return createRouter()
    .openapi(list, async (c) => c.json({ items: await keys.list(actorOf(c)) }, 200))
    .openapi(create, async (c) => c.json(await keys.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(revoke, async (c) => {
      await keys.revoke(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
