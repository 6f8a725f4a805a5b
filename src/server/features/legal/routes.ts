import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import type { LegalService } from './service.js';

const tags = ['legal'];
const Question = z
  .object({
    id: z.string(),
    question: z.string(),
    public: z.boolean(),
    state: z.string(),
    dueAt: z.string(),
    slaLevel: z.string(),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    createdAt: z.string(),
    askerName: z.string(),
  })
  .openapi('LegalQuestion');

const ask = authRoute({
  method: 'post',
  path: '/legal-questions',
  tags,
  summary: 'Ask the community legal adviser (answer within 24 hours)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            communityCode: z.string().regex(/^\d{12}$/),
            question: text({ min: 5, max: 2000, multiline: true }),
            public: z.boolean().default(false),
          }),
        },
      },
      required: true,
    },
  },
  responses: { 201: jsonContent(z.object({ id: z.string(), dueAt: z.string() }), 'Asked'), ...errorResponses },
});
const list = authRoute({
  method: 'get',
  path: '/legal-questions',
  tags,
  summary: 'My questions, or (for advisers) the community’s',
  request: { query: z.object({ mine: z.enum(['true', 'false']).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(Question) })), ...errorResponses },
});
const answer = authRoute({
  method: 'post',
  path: '/legal-questions/{id}/answer',
  tags,
  summary: 'Answer a question',
  request: {
    params: z.object({ id: z.uuid() }),
    body: {
      content: { 'application/json': { schema: z.object({ answer: text({ min: 5, max: 5000, multiline: true }) }) } },
      required: true,
    },
  },
  responses: { 200: jsonContent(z.object({ id: z.string(), state: z.string() })), ...errorResponses },
});
const faq = createRoute({
  method: 'get',
  path: '/public/legal-faq',
  tags,
  summary: 'Answers the askers chose to make public, searchable',
  request: { query: z.object({ q: text({ max: 100 }).optional() }) },
  responses: {
    200: jsonContent(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            question: z.string(),
            answer: z.string(),
            answeredBy: z.string(),
            answeredAt: z.string(),
          }),
        ),
      }),
    ),
  },
});

export function legalRoutes(service: LegalService) {
  return createRouter()
    .openapi(faq, async (c) => c.json({ items: await service.faq(c.req.valid('query').q) }, 200))
    .openapi(ask, async (c) => c.json(await service.ask(actorOf(c), c.req.valid('json')), 201))
    .openapi(list, async (c) =>
      c.json({ items: await service.list(actorOf(c), c.req.valid('query').mine === 'true') }, 200),
    )
    .openapi(answer, async (c) =>
      c.json(await service.answer(actorOf(c), c.req.valid('param').id, c.req.valid('json').answer), 200),
    );
}
