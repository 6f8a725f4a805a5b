import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, ErrorSchema, errorResponses, jsonContent } from '../../platform/http.js';
import { isXlsx } from '../files/index.js';
import {
  CaseIdParam,
  CaseSuggestionSchema,
  CaseSuggestionsSchema,
  SuggestionsQuery,
  DispatchStatusSchema,
  HistoryImportedSchema,
  HitRateQuery,
  HitRateSchema,
  SettingsInput,
  TenantQuery,
  TrainResultSchema,
} from './schemas.js';
import type { DispatchService } from './service.js';

const tags = ['dispatch'];

const status = authRoute({
  method: 'get',
  path: '/dispatch/status',
  tags,
  summary: "智能派单: the county's models (version, training size, accuracy), settings and imported history",
  request: { query: TenantQuery },
  responses: { 200: jsonContent(DispatchStatusSchema), ...errorResponses },
});
const settings = authRoute({
  method: 'put',
  path: '/dispatch/settings',
  tags,
  summary: 'Turn auto-routing on or off and set its confidence threshold (the county)',
  request: { body: { content: { 'application/json': { schema: SettingsInput } }, required: true } },
  responses: { 200: jsonContent(DispatchStatusSchema), ...errorResponses },
});
const train = authRoute({
  method: 'post',
  path: '/dispatch/train',
  tags,
  summary: "Train the county's category and handler models now from its closed cases and history",
  request: { query: TenantQuery },
  responses: { 200: jsonContent(TrainResultSchema), ...errorResponses },
});
const importRoute = authRoute({
  method: 'post',
  path: '/dispatch/history/import',
  tags,
  summary: 'Import hotline history from Excel: 主题, 详情, 一级分类 [二级分类, 三级分类], 部门, 日期',
  request: {
    query: TenantQuery,
    body: {
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
      required: true,
    },
  },
  responses: {
    201: jsonContent(HistoryImportedSchema, 'Imported'),
    413: {
      description: 'File too large, or more than 20,000 rows (IMPORT_TOO_MANY_ROWS)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    422: { description: 'Bad rows (IMPORT_HAS_ERRORS)', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});
const hitRate = authRoute({
  method: 'get',
  path: '/dispatch/hit-rate',
  tags,
  summary: "The suggestions' hit rate by week: accepted / (accepted + corrected), per category and handler",
  request: { query: HitRateQuery },
  responses: { 200: jsonContent(HitRateSchema), ...errorResponses },
});
const caseSuggestion = authRoute({
  method: 'get',
  path: '/cases/{id}/dispatch-suggestion',
  tags,
  summary: 'The categories and handlers suggested for a case at intake, with their confidence',
  request: { params: CaseIdParam },
  responses: { 200: jsonContent(CaseSuggestionSchema), ...errorResponses },
});

const caseSuggestions = authRoute({
  method: 'get',
  path: '/dispatch/suggestions',
  tags,
  summary:
    'The first suggested handler and category of several cases (the inbox); cases the caller cannot read are left out',
  request: { query: SuggestionsQuery },
  responses: { 200: jsonContent(CaseSuggestionsSchema), ...errorResponses },
});

export function dispatchRoutes(service: DispatchService) {
  const router = createRouter();
  router.use(
    '/dispatch/history/import',
    bodyLimit({
      maxSize: 10 * 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .openapi(status, async (c) => c.json(await service.status(actorOf(c), c.req.valid('query').tenant), 200))
    .openapi(settings, async (c) => c.json(await service.updateSettings(actorOf(c), c.req.valid('json')), 200))
    .openapi(train, async (c) => c.json(await service.train(actorOf(c), c.req.valid('query').tenant), 200))
    .openapi(importRoute, async (c) => {
      const tenant = c.req.valid('query').tenant;
      await service.county(actorOf(c), tenant); // before reading an upload the user may not make
      const body = await c.req.parseBody();
      if (!(body.file instanceof File)) throw new AppError('UPLOAD_MISSING');
      const bytes = Buffer.from(await body.file.arrayBuffer());
      if (!(await isXlsx(bytes))) throw new AppError('IMPORT_FILE_INVALID');
      return c.json(await service.importFile(actorOf(c), tenant, bytes), 201);
    })
    .openapi(hitRate, async (c) => c.json(await service.hitRate(actorOf(c), c.req.valid('query')), 200))
    .openapi(caseSuggestions, async (c) =>
      c.json({ items: await service.forCases(actorOf(c), c.req.valid('query').ids.split(','), c.get('locale')) }, 200),
    )
    .openapi(caseSuggestion, async (c) =>
      c.json(await service.forCase(actorOf(c), c.req.valid('param').id, c.get('locale')), 200),
    );
}
