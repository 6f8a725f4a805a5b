import { z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  CodeParam,
  CreateSpotInput,
  PlacePhoneInput,
  QrPosterInput,
  SpotSchema,
  SpotsQuery,
  UpdateSpotInput,
} from './schemas.js';
import type { QrPostersService } from './qr-service.js';

// Spots (地点), the phone a poster prints, and QR posters in bulk. HTTP only.

const tags = ['places'];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const listSpots = authRoute({
  method: 'get',
  path: '/spots',
  tags,
  summary: 'Spots (parks, markets, squares) under a place',
  request: { query: SpotsQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(SpotSchema) })), ...errorResponses },
});
const createSpot = authRoute({
  method: 'post',
  path: '/spots',
  tags,
  summary: 'Add a spot to a grid (its point must lie in the grid)',
  request: body(CreateSpotInput),
  responses: { 201: jsonContent(z.object({ code: z.string() }), 'Created'), ...errorResponses },
});
const updateSpot = authRoute({
  method: 'put',
  path: '/spots/{code}',
  tags,
  summary: 'Edit a spot: name, kind, point, address',
  request: { params: CodeParam, ...body(UpdateSpotInput) },
  responses: { 200: jsonContent(z.object({ code: z.string() })), ...errorResponses },
});
const setPhone = authRoute({
  method: 'put',
  path: '/places/{code}/phone',
  tags,
  summary: 'The phone number printed on the QR posters of a community (or a grid, building or spot)',
  request: { params: CodeParam, ...body(PlacePhoneInput) },
  responses: { 200: jsonContent(z.object({ code: z.string(), phone: z.string() })), ...errorResponses },
});
const posters = authRoute({
  method: 'post',
  path: '/qr-posters',
  tags,
  summary: 'QR posters in bulk, one A4 page per building, unit or spot (PDF); each code carries the place’s own token',
  request: body(QrPosterInput),
  responses: {
    200: {
      description: 'The posters',
      content: { 'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

export function qrRoutes(service: QrPostersService) {
  return createRouter()
    .openapi(listSpots, async (c) =>
      c.json({ items: await service.listSpots(actorOf(c), c.req.valid('query').under) }, 200),
    )
    .openapi(createSpot, async (c) => c.json(await service.createSpot(actorOf(c), c.req.valid('json')), 201))
    .openapi(updateSpot, async (c) =>
      c.json(await service.updateSpot(actorOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(setPhone, async (c) =>
      c.json(await service.setPhone(actorOf(c), c.req.valid('param').code, c.req.valid('json').phone), 200),
    )
    .openapi(posters, async (c) =>
      c.body(new Uint8Array(await service.print(actorOf(c), c.req.valid('json'))), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="qr-posters-${c.req.valid('json').under}.pdf"`,
      }),
    );
}
