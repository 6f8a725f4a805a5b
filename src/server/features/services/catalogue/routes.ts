import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../../platform/errors.js';
import { actorOf, authRoute, createRouter, ErrorSchema, errorResponses, jsonContent } from '../../../platform/http.js';
import { isXlsx } from '../../files/index.js';
import {
  BundleClassInput,
  BundleClassPatch,
  BundleClassSchema,
  BundleDetailSchema,
  BundleInput,
  BundlePatch,
  CatalogueSchema,
  IdParam,
  ImportResultSchema,
  PublicBundleSchema,
  PublicCatalogueSchema,
  PublicItemSchema,
  ServiceCategoryInput,
  ServiceCategoryPatch,
  ServiceCategorySchema,
  ServiceItemInput,
  ServiceItemPatch,
  ServiceItemSchema,
} from './schemas.js';
import type { CatalogueService } from './service.js';

// 服务事项目录 over HTTP: the staff's catalogue (read by whoever serves or reviews applications,
// edited by the county's administrators), its Excel workbook, and the public read without login.

const tags = ['services'];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const read = authRoute({
  method: 'get',
  path: '/services/catalogue',
  tags,
  summary: 'The county’s whole catalogue (inactive rows too): categories, items, bundle classes, bundles, departments',
  responses: { 200: jsonContent(CatalogueSchema), ...errorResponses },
});
const createCategory = authRoute({
  method: 'post',
  path: '/services/categories',
  tags,
  summary: 'Add a service category (county administrators: services:configure at the county)',
  request: json(ServiceCategoryInput),
  responses: { 201: jsonContent(ServiceCategorySchema, 'Created'), ...errorResponses },
});
const updateCategory = authRoute({
  method: 'patch',
  path: '/services/categories/{id}',
  tags,
  summary: 'Rename, reorder or (de)activate a service category; categories are never deleted',
  request: { params: IdParam, ...json(ServiceCategoryPatch) },
  responses: { 200: jsonContent(ServiceCategorySchema), ...errorResponses },
});
const getItem = authRoute({
  method: 'get',
  path: '/services/items/{id}',
  tags,
  summary: 'One item of the county’s catalogue (404 for another county’s)',
  request: { params: IdParam },
  responses: { 200: jsonContent(ServiceItemSchema), ...errorResponses },
});
const createItem = authRoute({
  method: 'post',
  path: '/services/items',
  tags,
  summary:
    'Add an item: form (a bad definition is 400 VALIDATION_FAILED naming the field key), materials with samples, handler, time limit, fee',
  request: json(ServiceItemInput),
  responses: { 201: jsonContent(ServiceItemSchema, 'Created'), ...errorResponses },
});
const updateItem = authRoute({
  method: 'patch',
  path: '/services/items/{id}',
  tags,
  summary:
    'Edit an item (deactivate with active: false); a new version is kept, applications keep theirs; a stale version is 409 SERVICE_ITEM_CHANGED',
  request: { params: IdParam, ...json(ServiceItemPatch) },
  responses: { 200: jsonContent(ServiceItemSchema), ...errorResponses },
});
const createClass = authRoute({
  method: 'post',
  path: '/services/bundle-classes',
  tags,
  summary: 'Add a class of 一件事 bundles (零售, 居民服务, 租赁 …)',
  request: json(BundleClassInput),
  responses: { 201: jsonContent(BundleClassSchema, 'Created'), ...errorResponses },
});
const updateClass = authRoute({
  method: 'patch',
  path: '/services/bundle-classes/{id}',
  tags,
  summary: 'Rename or reorder a bundle class',
  request: { params: IdParam, ...json(BundleClassPatch) },
  responses: { 200: jsonContent(BundleClassSchema), ...errorResponses },
});
const getBundle = authRoute({
  method: 'get',
  path: '/services/bundles/{id}',
  tags,
  summary: 'A bundle with its items, its one merged form (mergeForms) and material list (mergeMaterials)',
  request: { params: IdParam },
  responses: { 200: jsonContent(BundleDetailSchema), ...errorResponses },
});
const createBundle = authRoute({
  method: 'post',
  path: '/services/bundles',
  tags,
  summary: 'Add a 一件事 bundle of 2–10 items of the county',
  request: json(BundleInput),
  responses: { 201: jsonContent(BundleDetailSchema, 'Created'), ...errorResponses },
});
const updateBundle = authRoute({
  method: 'patch',
  path: '/services/bundles/{id}',
  tags,
  summary: 'Edit a bundle (its items, class, name; deactivate with active: false)',
  request: { params: IdParam, ...json(BundlePatch) },
  responses: { 200: jsonContent(BundleDetailSchema), ...errorResponses },
});
const exportXlsx = authRoute({
  method: 'get',
  path: '/services/catalogue.xlsx',
  tags,
  summary: 'The whole catalogue as one workbook: 类别, 事项, 表单字段, 材料, 一件事, 一件事事项',
  responses: { 200: { description: 'The workbook', content: { [xlsxType]: { schema: z.any() } } }, ...errorResponses },
});
const importXlsx = authRoute({
  method: 'post',
  path: '/services/catalogue/import',
  tags,
  summary:
    'Import the workbook (as exported): rows matched by code are updated, new codes added; every row or none, bad rows told in Chinese',
  request: {
    body: {
      content: {
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
      required: true,
    },
  },
  responses: {
    200: jsonContent(ImportResultSchema, 'Imported'),
    422: {
      description: 'Bad rows, each told in Chinese with its sheet and row (IMPORT_HAS_ERRORS); nothing was imported',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});

// ── public ───────────────────────────────────────────────────────────────────────────────────
const publicTags = ['public'];
const publicCatalogue = createRoute({
  method: 'get',
  path: '/public/services/catalogue',
  tags: publicTags,
  summary: 'The catalogue residents see (no login): active categories and items, bundle classes with active bundles',
  request: {
    query: z.object({
      county: z
        .string()
        .regex(/^\d{6}$/)
        .optional()
        .openapi({ description: 'A county code; by default the installation’s county' }),
    }),
  },
  responses: { 200: jsonContent(PublicCatalogueSchema), ...errorResponses },
});
const publicItem = createRoute({
  method: 'get',
  path: '/public/services/items/{id}',
  tags: publicTags,
  summary: 'An active item: form, materials (sample URLs), eligibility, legal basis, fee, where handled, version',
  request: { params: IdParam },
  responses: { 200: jsonContent(PublicItemSchema), ...errorResponses },
});
const publicBundle = createRoute({
  method: 'get',
  path: '/public/services/bundles/{id}',
  tags: publicTags,
  summary: 'An active bundle: its items, the one merged form with its sources, the merged materials',
  request: { params: IdParam },
  responses: { 200: jsonContent(PublicBundleSchema), ...errorResponses },
});
const publicSample = createRoute({
  method: 'get',
  path: '/public/services/samples/{id}',
  tags: publicTags,
  summary: 'Download a material’s sample (样表) of an active item; any other file id is 404',
  request: { params: IdParam },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

export function catalogueRoutes(service: CatalogueService) {
  const router = createRouter();
  router.use(
    '/services/catalogue/import',
    bodyLimit({
      maxSize: 10 * 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .openapi(read, async (c) => c.json(await service.catalogue(actorOf(c)), 200))
    .openapi(createCategory, async (c) => c.json(await service.createCategory(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateCategory, async (c) =>
      c.json(await service.updateCategory(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(getItem, async (c) => c.json(await service.getItem(actorOf(c), c.req.valid('param').id), 200))
    .openapi(createItem, async (c) => c.json(await service.createItem(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateItem, async (c) =>
      c.json(await service.updateItem(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(createClass, async (c) => c.json(await service.createBundleClass(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateClass, async (c) =>
      c.json(await service.updateBundleClass(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(getBundle, async (c) => c.json(await service.getBundle(actorOf(c), c.req.valid('param').id), 200))
    .openapi(createBundle, async (c) => c.json(await service.createBundle(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateBundle, async (c) =>
      c.json(await service.updateBundle(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(exportXlsx, async (c) => {
      const bytes = await service.exportXlsx(actorOf(c));
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': xlsxType,
        'content-disposition': `attachment; filename="catalogue.xlsx"; filename*=UTF-8''${encodeURIComponent('服务事项目录.xlsx')}`,
      });
    })
    .openapi(importXlsx, async (c) => {
      const actor = actorOf(c);
      const body = await c.req.parseBody();
      if (!(body.file instanceof File)) throw new AppError('UPLOAD_MISSING');
      const bytes = Buffer.from(await body.file.arrayBuffer());
      if (!(await isXlsx(bytes))) throw new AppError('IMPORT_FILE_INVALID');
      return c.json(await service.importXlsx(actor, bytes), 200);
    })
    .openapi(publicCatalogue, async (c) =>
      c.json(await service.publicCatalogue(c.req.valid('query').county ?? null), 200),
    )
    .openapi(publicItem, async (c) => c.json(await service.publicItem(c.req.valid('param').id), 200))
    .openapi(publicBundle, async (c) => c.json(await service.publicBundle(c.req.valid('param').id), 200))
    .openapi(publicSample, async (c) => {
      const file = await service.sample(c.req.valid('param').id);
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': file.mime,
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
    });
}
