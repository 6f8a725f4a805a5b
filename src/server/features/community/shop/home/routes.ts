import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../../../platform/errors.js';
import {
  actorOf,
  authRoute,
  createRouter,
  errorResponses,
  jsonContent,
  validationIssues,
} from '../../../../platform/http.js';
import { HomeInput, HomeSchema, ReportedSchema, ReportFields } from './schemas.js';
import type { HomeService } from './service.js';

// The resident's hub over HTTP: 我的社区 and the report from the app (multipart, like the QR form).

const tags = ['community-home'];
const r = {
  home: authRoute({
    method: 'get',
    path: '/community/me/home',
    tags,
    summary: '我的社区: where I belong, and the communities to choose from (by name)',
    responses: { 200: jsonContent(HomeSchema), ...errorResponses },
  }),
  setHome: authRoute({
    method: 'put',
    path: '/community/me/home',
    tags,
    summary: 'Choose my community',
    request: { body: { content: { 'application/json': { schema: HomeInput } }, required: true } },
    responses: { 200: jsonContent(HomeSchema), ...errorResponses },
  }),
  report: authRoute({
    method: 'post',
    path: '/community/me/report',
    tags,
    summary:
      '随手拍: report a problem in my community (multipart: fields + up to 9 photos), filed like the QR form with my account’s phone; it shows in 我的反映',
    request: {
      headers: z.object({
        'Idempotency-Key': z
          .string()
          .regex(/^[\w-]{8,80}$/)
          .optional(),
      }),
      body: {
        content: {
          'multipart/form-data': {
            schema: ReportFields.extend({
              photos: z
                .any()
                .optional()
                .openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
            }),
          },
        },
        required: true,
      },
    },
    responses: {
      201: jsonContent(ReportedSchema, 'Received'),
      200: jsonContent(ReportedSchema, 'Already received with this Idempotency-Key'),
      ...errorResponses,
    },
  }),
};

export function homeRoutes(service: HomeService, config: { UPLOAD_MAX_MB: number }) {
  const router = createRouter();
  router.use(
    '/community/me/report',
    bodyLimit({
      maxSize: 9 * config.UPLOAD_MAX_MB * 1024 * 1024 + 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .openapi(r.home, async (c) => c.json(await service.home(actorOf(c)), 200))
    .openapi(r.setHome, async (c) => c.json(await service.setHome(actorOf(c), c.req.valid('json').communityId), 200))
    .openapi(r.report, async (c) => {
      const actor = actorOf(c);
      const form = await c.req.parseBody({ all: true });
      const fields = ReportFields.safeParse(
        Object.fromEntries(
          Object.entries(form)
            .filter(([k]) => k !== 'photos')
            .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
        ),
      );
      if (!fields.success)
        throw new AppError('VALIDATION_FAILED', { issues: validationIssues(fields.error, c.get('locale')) });
      const photos = ([] as unknown[]).concat(form.photos ?? []).filter((p): p is File => p instanceof File);
      const result = await service.report(
        actor,
        fields.data,
        await Promise.all(photos.map(async (p) => Buffer.from(await p.arrayBuffer()))),
        { ip: c.get('ip'), idempotencyKey: c.req.valid('header')['Idempotency-Key'] },
      );
      const body = { trackingCode: result.trackingCode, communityName: result.communityName };
      return result.created ? c.json(body, 201) : c.json(body, 200);
    });
}
