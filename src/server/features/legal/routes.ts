import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  AnsweredSchema,
  AskedSchema,
  LegalAnswerInput,
  LegalFaqQuery,
  LegalFaqSchema,
  LegalQuestionInput,
  LegalQuestionQuery,
  LegalQuestionSchema,
  QuestionId,
} from './schemas.js';
import type { LegalService } from './service.js';

const tags = ['legal'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const ask = authRoute({
  method: 'post',
  path: '/legal-questions',
  tags,
  summary: 'Ask the community legal adviser (answer within 24 hours)',
  request: json(LegalQuestionInput),
  responses: { 201: jsonContent(AskedSchema, 'Asked'), ...errorResponses },
});
const list = authRoute({
  method: 'get',
  path: '/legal-questions',
  tags,
  summary: 'My questions, or (for advisers) the community’s',
  request: { query: LegalQuestionQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(LegalQuestionSchema) })), ...errorResponses },
});
const answer = authRoute({
  method: 'post',
  path: '/legal-questions/{id}/answer',
  tags,
  summary: 'Answer a question',
  request: { params: QuestionId, ...json(LegalAnswerInput) },
  responses: { 200: jsonContent(AnsweredSchema), ...errorResponses },
});
const faq = createRoute({
  method: 'get',
  path: '/public/legal-faq',
  tags,
  summary: 'Answers the askers chose to make public, searchable',
  request: { query: LegalFaqQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(LegalFaqSchema) })) },
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
