import { createRoute, z } from '@hono/zod-openapi';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import {
  ActInput,
  ActionParams,
  ArchiveSchema,
  CodeParams,
  FeedItemSchema,
  FeedSchema,
  FileParams,
  IdParams,
  NoticeDetailSchema,
  NoticeInput,
  NoticeListQuery,
  NoticeSchema,
  PublicFileParams,
  PublicIdParams,
  PublicListQuery,
  PublicListSchema,
  PublicNoticeSchema,
  TargetPlaceSchema,
} from './schemas.js';
import type { PublicNoticesService } from './service.js';

// 五公开 over HTTP: the console and the resident's phone under /notices, the public board of a
// community under /public/communities/{code}/notices (no login). Static paths before /{id}.

const tags = ['notices'];
const publicTags = ['public-notices'];
const base = '/notices';
const pub = '/public/communities/{code}/notices';
const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const items = <T extends z.ZodType>(schema: T) => jsonContent(z.object({ items: z.array(schema) }));
const file = {
  200: {
    description: 'The file (PDF or image)',
    content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
  },
};

const r = {
  list: authRoute({
    method: 'get',
    path: base,
    tags,
    summary:
      '五公开 in my scope: ?tab=drafts|pending|published|archive, ?kind, ?year, ?placeId (notices:write or notices:approve)',
    request: { query: NoticeListQuery },
    responses: { 200: items(NoticeSchema), ...errorResponses },
  }),
  create: authRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Draft a notice (notices:write over the target place); finance totals computed by the server',
    request: json(NoticeInput),
    responses: { 201: jsonContent(NoticeDetailSchema), ...errorResponses },
  }),
  places: authRoute({
    method: 'get',
    path: `${base}/places`,
    tags,
    summary: 'The community, grids and buildings I may publish to (notices:write)',
    responses: { 200: items(TargetPlaceSchema), ...errorResponses },
  }),
  archive: authRoute({
    method: 'get',
    path: `${base}/archive`,
    tags,
    summary: '归档: published notices in my scope counted by year and kind',
    responses: { 200: items(ArchiveSchema), ...errorResponses },
  }),
  feed: authRoute({
    method: 'get',
    path: `${base}/feed`,
    tags,
    summary: 'The published notices for my community, grid and building, with the unread count',
    responses: { 200: jsonContent(FeedSchema), ...errorResponses },
  }),
  read: authRoute({
    method: 'get',
    path: `${base}/feed/{id}`,
    tags,
    summary: 'Read one notice for my place (counts me as a reader, once)',
    request: { params: IdParams },
    responses: { 200: jsonContent(FeedItemSchema), ...errorResponses },
  }),
  get: authRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One notice with its history, read stats and the actions I may take (staff of its place)',
    request: { params: IdParams },
    responses: { 200: jsonContent(NoticeDetailSchema), ...errorResponses },
  }),
  edit: authRoute({
    method: 'put',
    path: `${base}/{id}`,
    tags,
    summary: 'Edit a draft or a returned notice',
    request: { params: IdParams, ...json(NoticeInput) },
    responses: { 200: jsonContent(NoticeDetailSchema), ...errorResponses },
  }),
  attachment: authRoute({
    method: 'get',
    path: `${base}/{id}/attachments/{fileId}`,
    tags,
    summary: 'An attachment, to staff of the place or a resident the notice is published for',
    request: { params: FileParams },
    responses: { ...file, ...errorResponses },
  }),
  act: authRoute({
    method: 'post',
    path: `${base}/{id}/{action}`,
    tags,
    summary: 'submit · approve (not by its author or last editor) · return (reason) · withdraw (reason)',
    request: { params: ActionParams, ...json(ActInput) },
    responses: { 200: jsonContent(NoticeDetailSchema), ...errorResponses },
  }),
  publicList: createRoute({
    method: 'get',
    path: pub,
    tags: publicTags,
    summary: 'The published notices of a community, by kind and year (no login)',
    request: { params: CodeParams, query: PublicListQuery },
    responses: { 200: jsonContent(PublicListSchema), ...errorResponses },
  }),
  publicDetail: createRoute({
    method: 'get',
    path: `${pub}/{id}`,
    tags: publicTags,
    summary: 'One published notice with its attachments’ public URLs and the finance table (no login)',
    request: { params: PublicIdParams },
    responses: { 200: jsonContent(PublicNoticeSchema), ...errorResponses },
  }),
  publicAttachment: createRoute({
    method: 'get',
    path: `${pub}/{id}/attachments/{fileId}`,
    tags: publicTags,
    summary: 'An attachment of a published notice (any other: 404)',
    request: { params: PublicFileParams },
    responses: { ...file, ...errorResponses },
  }),
};

const download = (f: { bytes: Buffer; mime: string }, cache: string) =>
  new Response(new Uint8Array(f.bytes), {
    status: 200,
    headers: { 'content-type': f.mime, 'cache-control': cache, 'x-content-type-options': 'nosniff' },
  });

export function noticesRoutes(service: PublicNoticesService) {
  return createRouter()
    .openapi(r.list, async (c) => c.json({ items: await service.list(actorOf(c), c.req.valid('query')) }, 200))
    .openapi(r.create, async (c) => c.json(await service.create(actorOf(c), c.req.valid('json')), 201))
    .openapi(r.places, async (c) => c.json({ items: await service.places(actorOf(c)) }, 200))
    .openapi(r.archive, async (c) => c.json({ items: await service.archive(actorOf(c)) }, 200))
    .openapi(r.feed, async (c) => c.json(await service.feed(actorOf(c)), 200))
    .openapi(r.read, async (c) => c.json(await service.read(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.get, async (c) => c.json(await service.get(actorOf(c), c.req.valid('param').id), 200))
    .openapi(r.edit, async (c) =>
      c.json(await service.edit(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(r.attachment, async (c) => {
      const { id, fileId } = c.req.valid('param');
      return download(await service.attachment(actorOf(c), id, fileId), 'private, max-age=600') as never;
    })
    .openapi(r.act, async (c) => {
      const { id, action } = c.req.valid('param');
      return c.json(await service.act(actorOf(c), id, action, c.req.valid('json').reason), 200);
    })
    .openapi(r.publicList, async (c) =>
      c.json(await service.publicList(c.req.valid('param').code, c.req.valid('query')), 200),
    )
    .openapi(r.publicDetail, async (c) => {
      const { code, id } = c.req.valid('param');
      return c.json(await service.publicDetail(code, id, c.get('actor') === null), 200);
    })
    .openapi(r.publicAttachment, async (c) => {
      const { code, id, fileId } = c.req.valid('param');
      // Not cached by proxies: a withdrawn notice's files must stop being served.
      return download(await service.publicAttachment(code, id, fileId), 'no-store') as never;
    });
}
