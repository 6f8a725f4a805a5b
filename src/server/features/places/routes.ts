import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import {
  ChildrenQuery,
  CodeParam,
  CreateGridInput,
  CreatePlaceInput,
  DepartmentSchema,
  GridChangeSchema,
  GridSchema,
  GridsQuery,
  HouseholdPageSchema,
  HouseholdsQuery,
  LocateQuery,
  LocateResultSchema,
  MergeGridsInput,
  PlaceDetailSchema,
  PlaceSummarySchema,
  SplitGridInput,
  UpdatePlaceInput,
} from './schemas.js';
import type { PlacesService } from './service.js';

const tags = ['places'];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const listChildren = authRoute({
  method: 'get',
  path: '/places',
  tags,
  summary: 'Children of a place (or the roots of your scope)',
  request: { query: ChildrenQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(PlaceSummarySchema) })), ...errorResponses },
});
const locate = authRoute({
  method: 'get',
  path: '/places/locate',
  tags,
  summary: 'The grid that contains a point',
  request: { query: LocateQuery },
  responses: { 200: jsonContent(LocateResultSchema), ...errorResponses },
});
const getPlace = authRoute({
  method: 'get',
  path: '/places/{code}',
  tags,
  summary: 'One place with its ancestors and counts',
  request: { params: CodeParam },
  responses: { 200: jsonContent(PlaceDetailSchema), ...errorResponses },
});
const createPlace = authRoute({
  method: 'post',
  path: '/places',
  tags,
  summary: 'Create a street, community, building, unit or household',
  request: body(CreatePlaceInput),
  responses: { 201: jsonContent(z.object({ code: z.string(), path: z.string() }), 'Created'), ...errorResponses },
});
const renamePlace = authRoute({
  method: 'patch',
  path: '/places/{code}',
  tags,
  summary: 'Rename a place',
  request: { params: CodeParam, ...body(UpdatePlaceInput) },
  responses: { 200: jsonContent(z.object({ code: z.string(), name: z.string() })), ...errorResponses },
});
const listHouseholds = authRoute({
  method: 'get',
  path: '/places/{code}/households',
  tags,
  summary: 'Households under a place (grid, building, unit…)',
  request: { params: CodeParam, query: HouseholdsQuery },
  responses: { 200: jsonContent(HouseholdPageSchema), ...errorResponses },
});
const listGrids = authRoute({
  method: 'get',
  path: '/grids',
  tags,
  summary: 'Grids under a place, with boundaries for the map',
  request: { query: GridsQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(GridSchema) })), ...errorResponses },
});
const createGrid = authRoute({
  method: 'post',
  path: '/grids',
  tags,
  summary: 'Create a grid in a community',
  request: body(CreateGridInput),
  responses: { 201: jsonContent(z.object({ code: z.string() }), 'Created'), ...errorResponses },
});
const mergeGrids = authRoute({
  method: 'post',
  path: '/grids/merge',
  tags,
  summary: 'Merge grids of one community into a new grid',
  request: body(MergeGridsInput),
  responses: {
    201: jsonContent(z.object({ code: z.string(), retired: z.array(z.string()) }), 'Merged'),
    ...errorResponses,
  },
});
const splitGrid = authRoute({
  method: 'post',
  path: '/grids/{code}/split',
  tags,
  summary: 'Split a grid into parts that tile it',
  request: { params: CodeParam, ...body(SplitGridInput) },
  responses: {
    201: jsonContent(z.object({ retired: z.string(), codes: z.array(z.string()) }), 'Split'),
    ...errorResponses,
  },
});
const gridChanges = authRoute({
  method: 'get',
  path: '/grid-changes',
  tags,
  summary: 'History of grid merges and splits under a place',
  request: { query: z.object({ under: text({ min: 2, max: 40 }) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(GridChangeSchema) })), ...errorResponses },
});
const listDepartments = authRoute({
  method: 'get',
  path: '/departments',
  tags: ['departments'],
  summary: 'Departments of your county',
  responses: { 200: jsonContent(z.object({ items: z.array(DepartmentSchema) })), ...errorResponses },
});

export function placesRoutes(service: PlacesService) {
  return createRouter()
    .openapi(listChildren, async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await service.listChildren(actorOf(c), q.parent, q.includeRetired === 'true') }, 200);
    })
    .openapi(locate, async (c) => {
      const q = c.req.valid('query');
      return c.json(await service.locate(actorOf(c), q.lng, q.lat), 200);
    })
    .openapi(getPlace, async (c) => c.json(await service.getPlace(actorOf(c), c.req.valid('param').code), 200))
    .openapi(createPlace, async (c) => c.json(await service.createPlace(actorOf(c), c.req.valid('json')), 201))
    .openapi(renamePlace, async (c) =>
      c.json(await service.renamePlace(actorOf(c), c.req.valid('param').code, c.req.valid('json').name), 200),
    )
    .openapi(listHouseholds, async (c) =>
      c.json(await service.listHouseholds(actorOf(c), c.req.valid('param').code, c.req.valid('query')), 200),
    )
    .openapi(listGrids, async (c) => {
      const q = c.req.valid('query');
      return c.json({ items: await service.listGrids(actorOf(c), q.under, q.includeRetired === 'true') }, 200);
    })
    .openapi(createGrid, async (c) => c.json(await service.createGrid(actorOf(c), c.req.valid('json')), 201))
    .openapi(mergeGrids, async (c) => c.json(await service.mergeGrids(actorOf(c), c.req.valid('json')), 201))
    .openapi(splitGrid, async (c) =>
      c.json(await service.splitGrid(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 201),
    )
    .openapi(gridChanges, async (c) =>
      c.json({ items: await service.listGridChanges(actorOf(c), c.req.valid('query').under) }, 200),
    )
    .openapi(listDepartments, async (c) => c.json({ items: await service.listDepartments(actorOf(c)) }, 200));
}
