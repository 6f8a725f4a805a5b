import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import type { WhistleService } from '../whistle/service.js';
import { SummonsRequest, summonsSomeone } from '../whistle/schemas.js';
import { DisputeInput, DisputeQuery, MediationInput } from './schemas.js';
import type { DisputesService } from './service.js';

const tags = ['disputes'];
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const StatusOut = jsonContent(z.object({ id: z.string(), status: z.string() }));
const pdf = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
};
const Note = z.object({ note: text({ min: 2, max: 1000, multiline: true }) });

const record = authRoute({
  method: 'post',
  path: '/disputes',
  tags,
  summary: 'Record a dispute in the ledger (from a case or a screening)',
  request: json(DisputeInput),
  responses: { 201: jsonContent(z.object({ id: z.string(), code: z.string() }), 'Recorded'), ...errorResponses },
});
const list = authRoute({
  method: 'get',
  path: '/disputes',
  tags,
  summary: 'The dispute ledger in your scope',
  request: { query: DisputeQuery },
  responses: {
    200: jsonContent(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            code: z.string(),
            type: z.string(),
            summary: z.string(),
            risk: z.string(),
            status: z.string(),
            source: z.string(),
            createdAt: z.string(),
          }),
        ),
      }),
    ),
    ...errorResponses,
  },
});
const get = authRoute({
  method: 'get',
  path: '/disputes/{id}',
  tags,
  summary: 'One dispute: parties (masked), mediation sessions, timeline',
  request: { params: Id },
  responses: { 200: jsonContent(z.object({}).passthrough()), ...errorResponses },
});
const mediate = authRoute({
  method: 'post',
  path: '/disputes/{id}/mediations',
  tags,
  summary: 'Record a mediation session and its outcome',
  request: { params: Id, ...json(MediationInput) },
  responses: { 200: StatusOut, ...errorResponses },
});
const followup = authRoute({
  method: 'post',
  path: '/disputes/{id}/followups',
  tags,
  summary: 'Record a follow-up visit',
  request: { params: Id, ...json(Note) },
  responses: { 200: StatusOut, ...errorResponses },
});
const handover = authRoute({
  method: 'post',
  path: '/disputes/{id}/handover',
  tags,
  summary: 'Hand the file over to the justice office or the court',
  request: { params: Id, ...json(Note.extend({ to: z.enum(['justice_office', 'court']) })) },
  responses: { 200: StatusOut, ...errorResponses },
});
const close = authRoute({
  method: 'post',
  path: '/disputes/{id}/close',
  tags,
  summary: 'Close the dispute',
  request: { params: Id, ...json(Note) },
  responses: { 200: StatusOut, ...errorResponses },
});
const whistle = authRoute({
  method: 'post',
  path: '/disputes/{id}/whistle',
  tags,
  summary: 'Blow the whistle on this dispute',
  request: { params: Id, ...json(SummonsRequest.refine(...summonsSomeone)) },
  responses: { 201: jsonContent(z.object({ id: z.string() }), 'Summoned'), ...errorResponses },
});
const agreement = authRoute({
  method: 'get',
  path: '/disputes/{id}/agreement.pdf',
  tags,
  summary: 'The mediation agreement (PDF, with the signatures)',
  request: { params: Id },
  responses: pdf,
});
const analysis = authRoute({
  method: 'get',
  path: '/disputes/analysis.pdf',
  tags,
  summary: 'Monthly “two screenings, one analysis” report (PDF)',
  request: {
    query: z.object({ under: text({ min: 2, max: 40 }), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  },
  responses: pdf,
});
const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

export function disputesRoutes(service: DisputesService, whistles: WhistleService) {
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
    .openapi(whistle, async (c) => {
      const actor = actorOf(c);
      const dispute = await service.get(actor, c.req.valid('param').id);
      const input = c.req.valid('json');
      const place = dispute.caseId ? undefined : await service.placeCodeOf(dispute.id);
      const blown = await whistles.blow(actor, {
        caseId: dispute.caseId ?? undefined,
        placeCode: place,
        subject: `纠纷${dispute.code}`,
        ...input,
      });
      await service.linkWhistle(actor, dispute.id, blown.id);
      return c.json(blown, 201);
    })
    .openapi(agreement, async (c) =>
      c.body(
        new Uint8Array(await service.agreement(actorOf(c), c.req.valid('param').id)),
        200,
        pdfHeaders('人民调解协议书.pdf'),
      ),
    );
}
