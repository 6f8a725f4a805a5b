import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, ErrorSchema, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import {
  HouseholdSummarySchema,
  ImportReportSchema,
  importModes,
  LeaveInput,
  MoveInput,
  ResidentDetailSchema,
  ResidentFilters,
  ResidentIdParam,
  ResidentIdSchema,
  ResidentInput,
  ResidentPageSchema,
  ResidentQuery,
  ResidentUpdate,
  RevealedSchema,
  RevealInput,
  TagCodeParam,
  TagInput,
  TagSchema,
  TagUpdate,
} from './schemas.js';
import type { PeopleService } from './service.js';
import { isXlsx } from '../files/index.js';

const tags = ['people'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const xlsx = (description: string) => ({
  description,
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().openapi({ format: 'binary' }),
    },
  },
});
const Id = ResidentIdSchema;

const search = authRoute({
  method: 'get',
  path: '/residents',
  tags,
  summary: 'Search residents in your scope (masked)',
  request: { query: ResidentQuery },
  responses: { 200: jsonContent(ResidentPageSchema), ...errorResponses },
});
const get = authRoute({
  method: 'get',
  path: '/residents/{id}',
  tags,
  summary: 'One resident with history (masked)',
  request: { params: ResidentIdParam },
  responses: { 200: jsonContent(ResidentDetailSchema), ...errorResponses },
});
const register = authRoute({
  method: 'post',
  path: '/residents',
  tags,
  summary: 'Register a resident in a household',
  request: json(ResidentInput),
  responses: { 201: jsonContent(Id, 'Registered'), ...errorResponses },
});
const update = authRoute({
  method: 'patch',
  path: '/residents/{id}',
  tags,
  summary: 'Edit a resident (audited)',
  request: { params: ResidentIdParam, ...json(ResidentUpdate) },
  responses: { 200: jsonContent(Id), ...errorResponses },
});
const move = authRoute({
  method: 'post',
  path: '/residents/{id}/move',
  tags,
  summary: 'Move to another household (history kept)',
  request: { params: ResidentIdParam, ...json(MoveInput) },
  responses: { 200: jsonContent(Id), ...errorResponses },
});
const moveOut = authRoute({
  method: 'post',
  path: '/residents/{id}/move-out',
  tags,
  summary: 'Record a move out of the community',
  request: { params: ResidentIdParam, ...json(LeaveInput) },
  responses: { 200: jsonContent(Id), ...errorResponses },
});
const death = authRoute({
  method: 'post',
  path: '/residents/{id}/death',
  tags,
  summary: 'Record a death',
  request: { params: ResidentIdParam, ...json(LeaveInput) },
  responses: { 200: jsonContent(Id), ...errorResponses },
});
const reveal = authRoute({
  method: 'post',
  path: '/residents/{id}/reveal',
  tags,
  summary: 'Reveal one full ID number or phone (audited with the reason)',
  request: { params: ResidentIdParam, ...json(RevealInput) },
  responses: { 200: jsonContent(RevealedSchema), ...errorResponses },
});
const listTags = authRoute({
  method: 'get',
  path: '/resident-tags',
  tags,
  summary: 'The county’s resident tags (sensitive ones only with people:sensitive; retired ones marked)',
  responses: { 200: jsonContent(z.object({ items: z.array(TagSchema) })), ...errorResponses },
});
const TagCodeOut = z.object({ code: z.string() });
const createTag = authRoute({
  method: 'post',
  path: '/resident-tags',
  tags,
  summary: 'Add a resident tag to the county’s list (lists:configure)',
  request: json(TagInput),
  responses: { 201: jsonContent(TagCodeOut, 'Saved'), ...errorResponses },
});
const updateTag = authRoute({
  method: 'patch',
  path: '/resident-tags/{code}',
  tags,
  summary: 'Relabel, reorder, retire or bring back a resident tag (lists:configure)',
  request: { params: TagCodeParam, ...json(TagUpdate) },
  responses: { 200: jsonContent(TagCodeOut), ...errorResponses },
});
const summaries = authRoute({
  method: 'get',
  path: '/household-summaries',
  tags,
  summary: 'Members, tags and last visit of each household under a place',
  request: { query: z.object({ under: text({ min: 2, max: 40 }) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(HouseholdSummarySchema) })), ...errorResponses },
});
const template = authRoute({
  method: 'get',
  path: '/residents/import/template',
  tags,
  summary: 'The import template (.xlsx)',
  responses: { 200: xlsx('Template'), ...errorResponses },
});
const exportRoute = authRoute({
  method: 'get',
  path: '/residents/export',
  tags,
  summary: 'Export the filtered list (.xlsx, masked)',
  request: { query: ResidentFilters },
  responses: { 200: xlsx('Residents'), ...errorResponses },
});

const ImportQuery = z.object({
  communityCode: z.string().regex(/^\d{12}$/),
  mode: z.enum(importModes).default('validate'),
});
const importRoute = authRoute({
  method: 'post',
  path: '/residents/import',
  tags,
  summary: 'Import residents from .xlsx: validate, or import the valid rows, or all or nothing',
  request: {
    query: ImportQuery,
    body: {
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(ImportReportSchema),
    409: {
      description: 'Another import into this community is running (IMPORT_RUNNING)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    413: {
      description: 'File too large, or more than 20,000 rows (IMPORT_TOO_MANY_ROWS)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    422: {
      description: 'Bad rows in all-or-nothing mode (IMPORT_HAS_ERRORS)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});

const xlsxHeaders = (name: string) => ({
  'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
});

/** The county's list of tags: read by every page, edited by administrators. */
function tagRoutes(service: PeopleService) {
  return createRouter()
    .openapi(listTags, async (c) => c.json({ items: await service.tags(actorOf(c), c.get('locale')) }, 200))
    .openapi(createTag, async (c) => c.json(await service.createTag(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateTag, async (c) =>
      c.json(await service.updateTag(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
    );
}

export function peopleRoutes(service: PeopleService) {
  const router = createRouter();
  router.use(
    '/residents/import',
    bodyLimit({
      maxSize: 20 * 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .route('/', tagRoutes(service))
    .openapi(summaries, async (c) =>
      c.json({ items: await service.householdSummaries(actorOf(c), c.req.valid('query').under) }, 200),
    )
    .openapi(template, async (c) => {
      const workbook = await service.importTemplate(actorOf(c));
      return c.body(new Uint8Array(workbook), 200, xlsxHeaders('居民导入模板.xlsx'));
    })
    .openapi(exportRoute, async (c) => {
      const workbook = await service.exportResidents(actorOf(c), c.req.valid('query'));
      return c.body(new Uint8Array(workbook), 200, xlsxHeaders('居民名单.xlsx'));
    })
    .openapi(importRoute, async (c) => {
      const query = c.req.valid('query');
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File)) throw new AppError('UPLOAD_MISSING');
      const bytes = Buffer.from(await file.arrayBuffer());
      if (!(await isXlsx(bytes))) throw new AppError('IMPORT_FILE_INVALID');
      return c.json(
        await service.importResidents(actorOf(c), {
          communityCode: query.communityCode,
          bytes,
          mode: query.mode,
          fileName: file.name,
          locale: c.get('locale'),
        }),
        200,
      );
    })
    .openapi(search, async (c) => c.json(await service.search(actorOf(c), c.req.valid('query')), 200))
    .openapi(get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(register, async (c) => c.json(await service.register(actorOf(c), c.req.valid('json')), 201))
    .openapi(update, async (c) =>
      c.json(await service.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(move, async (c) =>
      c.json(
        await service.changeResidence(actorOf(c), c.req.valid('param').id, { kind: 'moved', ...c.req.valid('json') }),
        200,
      ),
    )
    .openapi(moveOut, async (c) =>
      c.json(
        await service.changeResidence(actorOf(c), c.req.valid('param').id, {
          kind: 'moved_out',
          ...c.req.valid('json'),
        }),
        200,
      ),
    )
    .openapi(death, async (c) =>
      c.json(
        await service.changeResidence(actorOf(c), c.req.valid('param').id, {
          kind: 'deceased',
          ...c.req.valid('json'),
        }),
        200,
      ),
    )
    .openapi(reveal, async (c) => {
      const input = c.req.valid('json');
      return c.json(await service.reveal(actorOf(c), c.req.valid('param').id, input.field, input.reason), 200);
    });
}
