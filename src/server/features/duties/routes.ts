import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, ErrorSchema, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import { isXlsx } from '../files/index.js';
import { readDutySheet, writeDutySheet } from './excel.js';
import { assertMayImportLists } from './policy.js';
import {
  DutyAdviceSchema,
  DutyItemSchema,
  DutyListImportedSchema,
  DutyListSchema,
  DutyTaskInput,
  DutyTaskPageSchema,
  DutyTaskQuery,
  DutyTaskStatSchema,
  DutyTaskVerdictSchema,
} from './schemas.js';
import type { DutiesService } from './service.js';

const tags = ['duties'];
const xlsx = {
  200: {
    description: 'Sheet',
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: z.string().openapi({ format: 'binary' }),
      },
    },
  },
  ...errorResponses,
};

const lists = authRoute({
  method: 'get',
  path: '/duty-lists',
  tags,
  summary: 'Versions of a street’s duty lists (communities inherit them)',
  request: { query: z.object({ street: z.string().regex(/^\d{9}$/) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DutyListSchema) })), ...errorResponses },
});
const items = authRoute({
  method: 'get',
  path: '/duty-lists/{id}/items',
  tags,
  summary: 'The items of one version',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DutyItemSchema) })), ...errorResponses },
});
const exportRoute = authRoute({
  method: 'get',
  path: '/duty-lists/{id}/export.xlsx',
  tags,
  summary: 'One version as an Excel sheet',
  request: { params: z.object({ id: z.uuid() }) },
  responses: xlsx,
});
const importRoute = authRoute({
  method: 'post',
  path: '/duty-lists/import',
  tags,
  summary: 'Import a new version of a street’s list from .xlsx (same columns as the export)',
  request: {
    query: z.object({
      streetCode: z.string().regex(/^\d{9}$/),
      title: text({ min: 2, max: 80 }),
      effectiveFrom: z.iso.date(),
    }),
    body: {
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
      required: true,
    },
  },
  responses: {
    201: jsonContent(DutyListImportedSchema, 'Imported'),
    413: {
      description: 'File too large, or more than 20,000 rows (IMPORT_TOO_MANY_ROWS)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    422: {
      description: 'Bad rows, formula cells included (IMPORT_HAS_ERRORS)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});
const advice = authRoute({
  method: 'get',
  path: '/cases/{id}/duty-advice',
  tags,
  summary: 'Whose duty a case is: the community itself, or a department (then a whistle is proposed)',
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: jsonContent(DutyAdviceSchema), ...errorResponses },
});
const assign = authRoute({
  method: 'post',
  path: '/duty-tasks',
  tags,
  summary: 'A department hands a task to a community; refused with the list’s reference unless admitted (准入)',
  request: { body: { content: { 'application/json': { schema: DutyTaskInput } }, required: true } },
  responses: { 201: jsonContent(DutyTaskVerdictSchema, 'Checked'), ...errorResponses },
});
const tasks = authRoute({
  method: 'get',
  path: '/duty-tasks',
  tags,
  summary: 'Tasks my department handed out, or tasks handed to the communities in my scope; newest first',
  request: { query: DutyTaskQuery },
  responses: { 200: jsonContent(DutyTaskPageSchema), ...errorResponses },
});
const stats = authRoute({
  method: 'get',
  path: '/duty-tasks/stats',
  tags,
  summary: 'Tasks handed to communities and refusals, per department',
  request: { query: z.object({ under: text({ min: 2, max: 40 }).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DutyTaskStatSchema) })), ...errorResponses },
});

export function dutiesRoutes(service: DutiesService) {
  const router = createRouter();
  router.use(
    '/duty-lists/import',
    bodyLimit({
      maxSize: 10 * 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .openapi(lists, async (c) => c.json({ items: await service.lists(actorOf(c), c.req.valid('query').street) }, 200))
    .openapi(items, async (c) => c.json({ items: await service.items(actorOf(c), c.req.valid('param').id) }, 200))
    .openapi(exportRoute, async (c) => {
      const rows = await service.items(actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(await writeDutySheet(rows)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('权责清单.xlsx')}`,
      });
    })
    .openapi(importRoute, async (c) => {
      assertMayImportLists(actorOf(c)); // before reading an upload the user may not make
      const body = await c.req.parseBody();
      if (!(body.file instanceof File)) throw new AppError('UPLOAD_MISSING');
      const bytes = Buffer.from(await body.file.arrayBuffer());
      if (!(await isXlsx(bytes))) throw new AppError('IMPORT_FILE_INVALID');
      const q = c.req.valid('query');
      return c.json(await service.importList(actorOf(c), { ...q, rows: await readDutySheet(bytes) }), 201);
    })
    .openapi(advice, async (c) => c.json(await service.adviceForCase(actorOf(c), c.req.valid('param').id), 200))
    .openapi(assign, async (c) => c.json(await service.assignTask(actorOf(c), c.req.valid('json')), 201))
    .openapi(tasks, async (c) => c.json(await service.listTasks(actorOf(c), c.req.valid('query')), 200))
    .openapi(stats, async (c) =>
      c.json({ items: await service.taskStats(actorOf(c), c.req.valid('query').under) }, 200),
    );
}
