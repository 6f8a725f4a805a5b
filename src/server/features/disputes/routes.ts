import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  AnalysisQuery,
  DisputeDetailSchema,
  DisputeId,
  DisputeInput,
  DisputeQuery,
  DisputeSummarySchema,
  DisputeWhistleInput,
  HandoverInput,
  MediationInput,
  NoteInput,
  RecordedSchema,
  StatusSchema,
  SummonedSchema,
} from './schemas.js';
import type { DisputesService } from './service.js';

const tags = ['disputes'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const StatusOut = jsonContent(StatusSchema);
const pdf = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
};

const record = authRoute({
  method: 'post',
  path: '/disputes',
  tags,
  summary: 'Record a dispute in the ledger (from a case or a screening)',
  request: json(DisputeInput),
  responses: { 201: jsonContent(RecordedSchema, 'Recorded'), ...errorResponses },
});
const list = authRoute({
  method: 'get',
  path: '/disputes',
  tags,
  summary: 'The dispute ledger in your scope',
  request: { query: DisputeQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(DisputeSummarySchema) })), ...errorResponses },
});
const get = authRoute({
  method: 'get',
  path: '/disputes/{id}',
  tags,
  summary: 'One dispute: parties (masked), mediation sessions, timeline',
  request: { params: DisputeId },
  responses: { 200: jsonContent(DisputeDetailSchema), ...errorResponses },
});
const mediate = authRoute({
  method: 'post',
  path: '/disputes/{id}/mediations',
  tags,
  summary: 'Record a mediation session and its outcome',
  request: { params: DisputeId, ...json(MediationInput) },
  responses: { 200: StatusOut, ...errorResponses },
});
const followup = authRoute({
  method: 'post',
  path: '/disputes/{id}/followups',
  tags,
  summary: 'Record a follow-up visit',
  request: { params: DisputeId, ...json(NoteInput) },
  responses: { 200: StatusOut, ...errorResponses },
});
const handover = authRoute({
  method: 'post',
  path: '/disputes/{id}/handover',
  tags,
  summary: 'Hand the file over to the justice office or the court',
  request: { params: DisputeId, ...json(HandoverInput) },
  responses: { 200: StatusOut, ...errorResponses },
});
const close = authRoute({
  method: 'post',
  path: '/disputes/{id}/close',
  tags,
  summary: 'Close the dispute',
  request: { params: DisputeId, ...json(NoteInput) },
  responses: { 200: StatusOut, ...errorResponses },
});
const whistle = authRoute({
  method: 'post',
  path: '/disputes/{id}/whistle',
  tags,
  summary: 'Blow the whistle on this dispute',
  request: { params: DisputeId, ...json(DisputeWhistleInput) },
  responses: { 201: jsonContent(SummonedSchema, 'Summoned'), ...errorResponses },
});
const agreement = authRoute({
  method: 'get',
  path: '/disputes/{id}/agreement.pdf',
  tags,
  summary: 'The mediation agreement (PDF, with the signatures)',
  request: { params: DisputeId },
  responses: pdf,
});
const analysis = authRoute({
  method: 'get',
  path: '/disputes/analysis.pdf',
  tags,
  summary: 'Monthly “two screenings, one analysis” report (PDF)',
  request: { query: AnalysisQuery },
  responses: pdf,
});
const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

export function disputesRoutes(service: DisputesService) {
  return createRouter()
    .openapi(analysis, async (c) => {
      const q = c.req.valid('query');
      return c.body(
        new Uint8Array(await service.analysis(actorOf(c), q.under, q.month)),
        200,
        pdfHeaders('两排查一分析.pdf'),
      );
    })
    .openapi(record, async (c) => c.json(await service.record(actorOf(c), c.req.valid('json')), 201))
    .openapi(list, async (c) => c.json({ items: await service.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(mediate, async (c) =>
      c.json(await service.mediate(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(followup, async (c) =>
      c.json(await service.followup(actorOf(c), c.req.valid('param').id, c.req.valid('json').note), 200),
    )
    .openapi(handover, async (c) => {
      const input = c.req.valid('json');
      return c.json(await service.handover(actorOf(c), c.req.valid('param').id, input.to, input.note), 200);
    })
    .openapi(close, async (c) =>
      c.json(await service.close(actorOf(c), c.req.valid('param').id, c.req.valid('json').note), 200),
    )
    .openapi(whistle, async (c) =>
      c.json(await service.blowWhistle(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(agreement, async (c) =>
      c.body(
        new Uint8Array(await service.agreement(actorOf(c), c.req.valid('param').id)),
        200,
        pdfHeaders('人民调解协议书.pdf'),
      ),
    );
}
