import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  ActionInput,
  ActionParam,
  CaseActedSchema,
  CaseCategorySchema,
  CaseCreatedSchema,
  CaseDetailSchema,
  CaseDuplicateSchema,
  DispatchPersonSchema,
  CaseListSchema,
  CasePageSchema,
  CaseQuery,
  IdParam,
  StaffCaseInput,
} from './schemas.js';
import type { CasesService } from './service.js';

const tags = ['cases'];

const list = authRoute({
  method: 'get',
  path: '/cases',
  tags,
  summary: 'Case inbox: filtered list with counts by state',
  request: { query: CaseQuery },
  responses: { 200: jsonContent(CasePageSchema), ...errorResponses },
});
const get = authRoute({
  method: 'get',
  path: '/cases/{id}',
  tags,
  summary: 'One case with its timeline and the actions you may take',
  request: { params: IdParam },
  responses: { 200: jsonContent(CaseDetailSchema), ...errorResponses },
});
const create = authRoute({
  method: 'post',
  path: '/cases',
  tags,
  summary: 'Enter a case (hotline, walk-in, grid patrol, snap); idempotent by idempotencyKey',
  request: { body: { content: { 'application/json': { schema: StaffCaseInput } }, required: true } },
  responses: {
    201: jsonContent(CaseCreatedSchema, 'Created'),
    200: jsonContent(CaseCreatedSchema, 'Already created with this key'),
    ...errorResponses,
  },
});
const act = authRoute({
  method: 'post',
  path: '/cases/{id}/actions/{action}',
  tags,
  summary: 'Take an action the lifecycle table allows (accept, dispatch, take, resolve …)',
  request: { params: ActionParam, body: { content: { 'application/json': { schema: ActionInput } }, required: true } },
  responses: {
    200: jsonContent(CaseActedSchema),
    409: { description: 'Not allowed in this state' },
    ...errorResponses,
  },
});
const duplicates = authRoute({
  method: 'get',
  path: '/cases/{id}/duplicates',
  tags,
  summary: 'Possible duplicates: same place, similar words, last 7 days',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ items: z.array(CaseDuplicateSchema) })), ...errorResponses },
});
const dispatchPeople = authRoute({
  method: 'get',
  path: '/cases/{id}/dispatch-people',
  tags,
  summary: "Whom the case may be sent to in person: its community's grid and community workers",
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ items: z.array(DispatchPersonSchema) })), ...errorResponses },
});
const categories = authRoute({
  method: 'get',
  path: '/case-categories',
  tags,
  summary: 'Categories with their deadlines',
  responses: { 200: jsonContent(z.object({ items: z.array(CaseCategorySchema) })), ...errorResponses },
});

const mine = authRoute({
  method: 'get',
  path: '/my/cases',
  tags,
  summary: 'Cases I reported (residents logged in by phone)',
  responses: { 200: jsonContent(CaseListSchema), ...errorResponses },
});

const pdf = (description: string) => ({
  200: { description, content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses,
});
const sheet = authRoute({
  method: 'get',
  path: '/cases/{id}/sheet.pdf',
  tags,
  summary: 'Printable case sheet (PDF)',
  request: { params: IdParam },
  responses: pdf('Case sheet'),
});
const poster = authRoute({
  method: 'get',
  path: '/communities/{code}/qr-poster.pdf',
  tags,
  summary: 'Printable QR poster of a community (PDF)',
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^\d{12}$/)
        .openapi({ param: { name: 'code', in: 'path' } }),
    }),
  },
  responses: pdf('Poster'),
});
const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
});

export function casesRoutes(service: CasesService) {
  return createRouter()
    .openapi(sheet, async (c) =>
      c.body(
        new Uint8Array(await service.sheetPdf(actorOf(c), c.req.valid('param').id)),
        200,
        pdfHeaders('诉求处理单.pdf'),
      ),
    )
    .openapi(poster, async (c) =>
      c.body(
        new Uint8Array(await service.posterPdf(actorOf(c), c.req.valid('param').code)),
        200,
        pdfHeaders('码上反映二维码.pdf'),
      ),
    )
    .openapi(mine, async (c) => c.json({ items: await service.mine(actorOf(c), c.get('locale')) }, 200))
    .openapi(list, async (c) => c.json(await service.list(actorOf(c), c.req.valid('query'), c.get('locale')), 200))
    .openapi(categories, async (c) => c.json({ items: await service.categories(c.get('locale')) }, 200))
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id, c.get('locale')), 200))
    .openapi(dispatchPeople, async (c) =>
      c.json({ items: await service.dispatchPeople(actorOf(c), c.req.valid('param').id, c.get('locale')) }, 200),
    )
    .openapi(duplicates, async (c) =>
      c.json({ items: await service.duplicates(actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      const result = await service.intake(actorOf(c), { ...input, reporterUserId: null });
      return result.created
        ? c.json({ id: result.id, trackingCode: result.trackingCode }, 201)
        : c.json({ id: result.id, trackingCode: result.trackingCode }, 200);
    })
    .openapi(act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await service.actions.act(actorOf(c), id, action, c.req.valid('json')), 200);
    });
}
