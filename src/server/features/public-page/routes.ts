import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, ErrorSchema, errorResponses, jsonContent } from '../../platform/http.js';
import { CodeParam, PhotoParams, PublicOverviewSchema, PublicReportsSchema } from './schemas.js';
import type { PublicPageService } from './service.js';

// 社区公开页 over HTTP, without login. The community's own QR-form route (GET /public/communities/{code},
// the cases feature's) stays as it is; this page's numbers are at …/{code}/overview.

const tags = ['public'];
const base = '/public/communities/{code}';
const limited = {
  429: {
    description: 'RATE_LIMITED: too many reads from this address; Retry-After says when to try again',
    headers: { 'Retry-After': { schema: { type: 'integer' as const } } },
    content: { 'application/json': { schema: ErrorSchema } },
  },
};

const overview = createRoute({
  method: 'get',
  path: `${base}/overview`,
  tags,
  summary:
    'The public page of a community: its name, street and county, and this month’s response, resolution and satisfaction rates with their counts (the dashboard’s definitions); 404 PUBLIC_PAGE_COMMUNITY_NOT_FOUND for any other code',
  request: { params: CodeParam },
  responses: { 200: jsonContent(PublicOverviewSchema), ...limited, ...errorResponses },
});
const reports = createRoute({
  method: 'get',
  path: `${base}/reports`,
  tags,
  summary:
    'The reports residents made public in the last 90 days (at most 200, newest first): category, state, day, a point rounded to about 100 m and the building; no person, no description',
  request: { params: CodeParam },
  responses: { 200: jsonContent(PublicReportsSchema), ...limited, ...errorResponses },
});
const photo = createRoute({
  method: 'get',
  path: `${base}/reports/{id}/photo`,
  tags,
  summary: 'The first photo of a public report of the community (404 PUBLIC_PAGE_REPORT_NOT_FOUND otherwise)',
  request: { params: PhotoParams },
  responses: {
    200: { description: 'The photo', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...limited,
    ...errorResponses,
  },
});

export function publicPageRoutes(service: PublicPageService) {
  return createRouter()
    .openapi(overview, async (c) => c.json(await service.overview(c.get('ip'), c.req.valid('param').code), 200))
    .openapi(reports, async (c) =>
      c.json(await service.reports(c.get('ip'), c.req.valid('param').code, c.get('locale')), 200),
    )
    .openapi(photo, async (c) => {
      const { code, id } = c.req.valid('param');
      const file = await service.photo(c.get('ip'), code, id);
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': file.mime,
        'cache-control': 'public, max-age=300',
      });
    });
}
