import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../../platform/http.js';
import {
  ApplicationActionInput,
  ApplicationActionParam,
  ApplicationDetail,
  ApplicationList,
  ApplicationsQuery,
  ApplyInput,
  Created,
  IdParam,
  MyApplications,
  PartActionInput,
  PartActionParam,
  PartList,
  PartsQuery,
  Prefill,
  PrefillQuery,
  RevealAnswersInput,
  RevealedAnswers,
  PublicCommunities,
  StepResult,
} from './schemas.js';
import type { ApplicationsService } from './service.js';

const tags = ['services'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

const apply = authRoute({
  method: 'post',
  path: '/services/applications',
  tags,
  summary: 'Apply (申请): a resident for themself, or window staff for a resident (代办)',
  request: { body: json(ApplyInput) },
  responses: { 201: jsonContent(Created, 'Submitted'), ...errorResponses },
});
const queue = authRoute({
  method: 'get',
  path: '/services/applications',
  tags,
  summary: 'The window’s queue (办件管理): applications under your places, with counts per state',
  request: { query: ApplicationsQuery },
  responses: { 200: jsonContent(ApplicationList), ...errorResponses },
});
const mine = authRoute({
  method: 'get',
  path: '/services/applications/mine',
  tags,
  summary: 'Your own applications (我的办件)',
  responses: { 200: jsonContent(MyApplications), ...errorResponses },
});
const get = authRoute({
  method: 'get',
  path: '/services/applications/{id}',
  tags,
  summary: 'One application: its parts side by side, the timeline, and the actions you may take',
  request: { params: IdParam },
  responses: { 200: jsonContent(ApplicationDetail), ...errorResponses },
});
const reveal = authRoute({
  method: 'post',
  path: '/services/applications/{id}/reveal',
  tags,
  summary: '查看完整信息: the answers with full ID numbers and phones (people:reveal; audited with the reason)',
  request: { params: IdParam, body: json(RevealAnswersInput) },
  responses: { 200: jsonContent(RevealedAnswers), ...errorResponses },
});

const formPdf = authRoute({
  method: 'get',
  path: '/services/applications/{id}/form.pdf',
  tags,
  summary:
    'The application form (申请表) as a PDF: the answers you may read by label, the code, the material checklist',
  request: { params: IdParam },
  responses: {
    200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses,
  },
});
const act = authRoute({
  method: 'post',
  path: '/services/applications/{id}/{action}',
  tags,
  summary: 'accept (受理), supplement (补正), resubmit, withdraw, ready (待领取), collect, rate (好差评)',
  request: { params: ApplicationActionParam, body: json(ApplicationActionInput) },
  responses: { 200: jsonContent(StepResult), ...errorResponses },
});
const parts = authRoute({
  method: 'get',
  path: '/services/parts',
  tags,
  summary: 'The review queue (审核): parts of your departments, communities and streets',
  request: { query: PartsQuery },
  responses: { 200: jsonContent(PartList), ...errorResponses },
});
const actOnPart = authRoute({
  method: 'post',
  path: '/services/parts/{id}/{action}',
  tags,
  summary: 'take, approve, refuse (with the reason) or supplement (补正, pauses the clock) one part',
  request: { params: PartActionParam, body: json(PartActionInput) },
  responses: { 200: jsonContent(StepResult), ...errorResponses },
});

const prefill = authRoute({
  method: 'get',
  path: '/services/prefill',
  tags,
  summary: 'Your own registry data for the form (预填), when the record of this ID number has your phone',
  request: { query: PrefillQuery },
  responses: { 200: jsonContent(Prefill), ...errorResponses },
});

const communities = createRoute({
  method: 'get',
  path: '/public/services/communities',
  tags: ['public'],
  summary: 'The county’s communities by name (no codes), for a resident to pick where she applies',
  responses: { 200: jsonContent(PublicCommunities), ...errorResponses },
});

export function applicationsRoutes(service: ApplicationsService) {
  return createRouter()
    .openapi(communities, async (c) => c.json(await service.communities(), 200))
    .openapi(apply, async (c) => c.json(await service.apply(actorOf(c), c.req.valid('json')), 201))
    .openapi(mine, async (c) => c.json(await service.mine(actorOf(c)), 200))
    .openapi(prefill, async (c) => c.json(await service.prefill(actorOf(c), c.req.valid('query').idNumber), 200))
    .openapi(queue, async (c) => c.json(await service.queue(actorOf(c), c.req.valid('query')), 200))
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(reveal, async (c) =>
      c.json(await service.reveal(actorOf(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
    .openapi(formPdf, async (c) => {
      const pdf = await service.formPdf(actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="application-form.pdf"',
        'cache-control': 'no-store',
      });
    })
    .openapi(act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await service.act(actorOf(c), id, action, c.req.valid('json')), 200);
    })
    .openapi(parts, async (c) => c.json(await service.parts(actorOf(c), c.req.valid('query')), 200))
    .openapi(actOnPart, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await service.actOnPart(actorOf(c), id, action, c.req.valid('json')), 200);
    });
}
