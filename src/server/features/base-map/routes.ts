import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonContent } from '../../platform/http.js';
import { BaseMapSchema } from './schemas.js';
import type { BaseMapService } from './service.js';

export const baseMapRoute = createRoute({
  method: 'get',
  path: '/public/base-map',
  tags: ['public'],
  summary: 'The base map (roads, buildings, landmarks) drawn under the grids, as GeoJSON',
  responses: { 200: jsonContent(BaseMapSchema) },
});

export function baseMapRoutes(service: BaseMapService) {
  const router = createRouter();
  router.openapi(baseMapRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(service.get(), 200);
  });
  return router;
}
