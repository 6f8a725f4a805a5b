import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  CategoryCreateInput,
  CategoryDetailSchema,
  CategoryImportResultSchema,
  CategoryListSchema,
  CategoryPatchInput,
  CategoryVersionSchema,
  categoryCode,
} from './schemas.js';
import type { CategoriesService } from './service.js';

const tags = ['categories'];
const CodeParam = z.object({ code: categoryCode.openapi({ param: { name: 'code', in: 'path' } }) });

const list = authRoute({
  method: 'get',
  path: '/categories',
  tags,
  summary: 'Every case category (inactive ones too), with whether the user may edit them',
  responses: { 200: jsonContent(CategoryListSchema), ...errorResponses },
});
const create = authRoute({
  method: 'post',
  path: '/categories',
  tags,
  summary: 'Add a category (county level); its code is given by the server',
  request: { body: { content: { 'application/json': { schema: CategoryCreateInput } }, required: true } },
  responses: { 201: jsonContent(CategoryDetailSchema, 'Created'), ...errorResponses },
});
const update = authRoute({
  method: 'patch',
  path: '/categories/{code}',
  tags,
  summary: 'Edit a category; a new version is written, cases filed before keep their limits',
  request: {
    params: CodeParam,
    body: { content: { 'application/json': { schema: CategoryPatchInput } }, required: true },
  },
  responses: { 200: jsonContent(CategoryDetailSchema), ...errorResponses },
});
const remove = authRoute({
  method: 'delete',
  path: '/categories/{code}',
  tags,
  summary: 'Delete a category no case was filed under (otherwise 409 CATEGORY_IN_USE: deactivate it)',
  request: { params: CodeParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});
const versions = authRoute({
  method: 'get',
  path: '/categories/{code}/versions',
  tags,
  summary: 'History of a category: every version, newest first, with what changed',
  request: { params: CodeParam },
  responses: { 200: jsonContent(z.object({ items: z.array(CategoryVersionSchema) })), ...errorResponses },
});
const importStandard = authRoute({
  method: 'post',
  path: '/categories/import-standard',
  tags,
  summary: 'Import the urban-grid standard’s classes (GB/T 30428); adds only the missing ones',
  responses: { 200: jsonContent(CategoryImportResultSchema), ...errorResponses },
});

export function categoriesRoutes(service: CategoriesService) {
  return createRouter()
    .openapi(list, async (c) => c.json(await service.list(actorOf(c), c.get('locale')), 200))
    .openapi(importStandard, async (c) => c.json(await service.importStandard(actorOf(c)), 200))
    .openapi(create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json'), c.get('locale')), 201))
    .openapi(update, async (c) =>
      c.json(await service.update(actorOf(c), c.req.valid('param').code, c.req.valid('json'), c.get('locale')), 200),
    )
    .openapi(remove, async (c) => {
      await service.remove(actorOf(c), c.req.valid('param').code);
      return c.body(null, 204);
    })
    .openapi(versions, async (c) =>
      c.json({ items: await service.history(actorOf(c), c.req.valid('param').code) }, 200),
    );
}
