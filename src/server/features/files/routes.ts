import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors.js';
import { actorOf, authRoute, createRouter, errorResponses, jsonContent } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import { StoredFileSchema } from './schemas.js';
import type { FilesService } from './service.js';

const tags = ['files'];
const upload = authRoute({
  method: 'post',
  path: '/files',
  tags,
  summary:
    'Upload a photo (JPG, PNG, WebP) or a PDF, checked by content; staff (files:write), or a resident for her own applications (rate-limited per user)',
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }), id: z.uuid().optional() }),
        },
      },
      required: true,
    },
  },
  responses: { 201: jsonContent(StoredFileSchema, 'Stored'), ...errorResponses },
});
const read = authRoute({
  method: 'get',
  path: '/files/{id}',
  tags,
  summary: 'A stored file (the uploader, or whoever reads what shows it)',
  request: { params: z.object({ id: text({ max: 40 }) }) },
  responses: {
    200: { description: 'The file', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses,
  },
});

export function filesRoutes(service: FilesService, maxMb: number) {
  const router = createRouter();
  router.use(
    '/files',
    bodyLimit({
      maxSize: maxMb * 1024 * 1024 + 64 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE', { maxMb });
      },
    }),
  );
  return router
    .openapi(upload, async (c) => {
      const body = await c.req.parseBody();
      if (!(body.file instanceof File)) throw new AppError('UPLOAD_MISSING');
      const clientId = typeof body.id === 'string' && body.id ? body.id : undefined;
      return c.json(await service.uploadPhoto(actorOf(c), Buffer.from(await body.file.arrayBuffer()), clientId), 201);
    })
    .openapi(read, async (c) => {
      const file = await service.read(actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(file.bytes), 200, {
        'content-type': file.mime,
        'cache-control': 'private, max-age=86400',
      });
    });
}
