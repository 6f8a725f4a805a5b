import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import { DutyRosterEntrySchema, SmsOutboxPageSchema } from '../schemas.js';
import type { RosterService } from './service.js';

// 值班表 over HTTP: the roster of a community, putting someone on and off it; the SMS outbox.

const Weekdays = z.array(z.number().int().min(1).max(7)).min(1).max(7);

const tags = ['cases'];
const listRoute = authRoute({
  method: 'get',
  path: '/duty-roster',
  tags,
  summary: 'On-duty roster of a community',
  request: { query: z.object({ community: z.string().regex(/^\d{12}$/) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DutyRosterEntrySchema) })), ...errorResponses },
});
const setRoute = authRoute({
  method: 'put',
  path: '/duty-roster',
  tags,
  summary: 'Put someone on duty (weekdays 1–7, Monday = 1)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ communityCode: z.string().regex(/^\d{12}$/), userId: z.uuid(), weekdays: Weekdays }),
        },
      },
      required: true,
    },
  },
  responses: { 204: { description: 'Saved' }, ...errorResponses },
});
const removeRoute = authRoute({
  method: 'delete',
  path: '/duty-roster/{id}',
  tags,
  summary: 'Take someone off the roster',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});
const outboxRoute = authRoute({
  method: 'get',
  path: '/sms-outbox',
  tags,
  summary: 'SMS sent by the platform (numbers masked)',
  request: {
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: jsonContent(SmsOutboxPageSchema), ...errorResponses },
});

export function rosterRoutes(service: RosterService) {
  return createRouter()
    .openapi(listRoute, async (c) =>
      c.json({ items: await service.list(actorOf(c), c.req.valid('query').community) }, 200),
    )
    .openapi(setRoute, async (c) => {
      await service.set(actorOf(c), c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(removeRoute, async (c) => {
      await service.remove(actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(outboxRoute, async (c) => c.json(await service.outbox(actorOf(c), c.req.valid('query')), 200));
}
