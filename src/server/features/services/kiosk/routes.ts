import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, jsonContent, type AppEnv } from '../../../platform/http.js';
import {
  KioskCatalogueSchema,
  KioskLookupInput,
  KioskMeSchema,
  KioskPersonSchema,
  KioskPrintInput,
  KioskServiceParams,
  KioskServiceSchema,
  KioskTicketInput,
  KioskTicketSchema,
} from './schemas.js';
import type { KioskService } from './service.js';

// 自助终端 over HTTP, under /kiosk/: every call carries the device token in `X-Kiosk-Token` (a
// kiosk has no login and no cookie). Unknown or revoked: 401 KIOSK_TOKEN_INVALID.

const tags = ['kiosk'];
export const KIOSK_TOKEN_HEADER = 'x-kiosk-token';
const security = [{ kioskToken: [] }];
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const kioskErrors = { 401: errorResponses[401], 400: errorResponses[400], 404: errorResponses[404] };

const r = {
  me: createRoute({
    method: 'get',
    path: '/kiosk/me',
    tags,
    security,
    summary: 'The kiosk and its hall (checks the token)',
    responses: { 200: jsonContent(KioskMeSchema), ...kioskErrors },
  }),
  lookup: createRoute({
    method: 'post',
    path: '/kiosk/lookup',
    tags,
    security,
    summary: 'Registry data of an ID number in the kiosk’s county, masked (audited, rate-limited)',
    request: json(KioskLookupInput),
    responses: { 200: jsonContent(KioskPersonSchema), ...kioskErrors },
  }),
  catalogue: createRoute({
    method: 'get',
    path: '/kiosk/catalogue',
    tags,
    security,
    summary: 'Items by category and bundles of the kiosk’s county',
    responses: { 200: jsonContent(KioskCatalogueSchema), ...kioskErrors },
  }),
  service: createRoute({
    method: 'get',
    path: '/kiosk/{kind}/{id}',
    tags,
    security,
    summary: 'The form and materials of an item, or a bundle’s merged ones',
    request: { params: KioskServiceParams },
    responses: { 200: jsonContent(KioskServiceSchema), ...kioskErrors },
  }),
  print: createRoute({
    method: 'post',
    path: '/kiosk/print',
    tags,
    security,
    summary: 'The pre-filled application form as PDF',
    request: json(KioskPrintInput),
    responses: {
      200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
      ...kioskErrors,
    },
  }),
  ticket: createRoute({
    method: 'post',
    path: '/kiosk/tickets',
    tags,
    security,
    summary: '取号 at the kiosk',
    request: json(KioskTicketInput),
    responses: { 201: jsonContent(KioskTicketSchema), ...kioskErrors },
  }),
};

export function kioskRoutes(service: KioskService) {
  const kiosk = (c: Context<AppEnv>) =>
    service.authenticate(c.req.header(KIOSK_TOKEN_HEADER), { requestId: c.get('requestId'), ip: c.get('ip') });
  const router = createRouter();
  router.openAPIRegistry.registerComponent('securitySchemes', 'kioskToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Kiosk-Token',
  });
  return router
    .openapi(r.me, async (c) => c.json(service.me(await kiosk(c)), 200))
    .openapi(r.lookup, async (c) => c.json(await service.lookup(await kiosk(c), c.req.valid('json').idNumber), 200))
    .openapi(r.catalogue, async (c) => c.json(await service.catalogue(await kiosk(c)), 200))
    .openapi(r.service, async (c) => {
      const { kind, id } = c.req.valid('param');
      return c.json(await service.service(await kiosk(c), kind, id), 200);
    })
    .openapi(r.print, async (c) => {
      const pdf = await service.print(await kiosk(c), c.req.valid('json'));
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="application-form.pdf"',
        'cache-control': 'no-store',
      });
    })
    .openapi(r.ticket, async (c) => c.json(await service.ticket(await kiosk(c), c.req.valid('json')), 201));
}
