import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../platform/errors.js';
import { createRouter, ErrorSchema, errorResponses, jsonContent, validationIssues } from '../../platform/http.js';
import { text } from '../../platform/text-schema.js';
import type { PublicCaseService } from './public-service.js';
import {
  PublicCaseFields,
  PublicCaseReceivedSchema,
  PublicCaseViewSchema,
  PublicCommunitySchema,
  PublicPlaceSchema,
  RatedSchema,
  RatingInput,
} from './schemas.js';

// The resident's side, without login: the QR form (码上反映), the tracking page, the rating.
// HTTP only: abuse control (per-phone and per-IP limits, photos checked) lives in public-service.ts.

const tags = ['public'];
const TrackingParam = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z]{1,4}-\d{8}-\d{4,6}$/)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'LL-20261124-0042' }),
});

const community = createRoute({
  method: 'get',
  path: '/public/communities/{code}',
  tags,
  summary: 'Name of a community and the categories, for the QR form',
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^\d{12}$/)
        .openapi({ param: { name: 'code', in: 'path' } }),
    }),
  },
  responses: { 200: jsonContent(PublicCommunitySchema), ...errorResponses },
});
const place = createRoute({
  method: 'get',
  path: '/public/places/{token}',
  tags,
  summary:
    'The place of a building’s, unit’s or spot’s QR poster and the categories, for the QR form (404 QR_TOKEN_INVALID for a bad token)',
  request: {
    params: z.object({
      token: z
        .string()
        .regex(/^[0-9A-Za-z]{1,40}$/)
        .openapi({ param: { name: 'token', in: 'path' }, example: 'k7m3xq9d2hfa' }),
    }),
  },
  responses: { 200: jsonContent(PublicPlaceSchema), ...errorResponses },
});
const submit = createRoute({
  method: 'post',
  path: '/public/cases',
  tags,
  summary: 'Report a problem (multipart: fields + up to 9 photos); Idempotency-Key header makes retries safe',
  request: {
    headers: z.object({
      'Idempotency-Key': z
        .string()
        .regex(/^[\w-]{8,80}$/)
        .optional()
        .openapi({
          description:
            'One per form fill (8–80 letters, digits, - or _; a UUID fits). The same report sent again with it answers 200 with the first case, stores nothing and counts against no limit; a malformed key is refused (400).',
          example: '0b8f5c1e-6a3d-4c2e-9f7a-2d4e6b8a1c3f',
        }),
    }),
    body: {
      content: {
        'multipart/form-data': {
          schema: PublicCaseFields.extend({
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
    201: jsonContent(PublicCaseReceivedSchema, 'Received'),
    200: jsonContent(PublicCaseReceivedSchema, 'Already received with this Idempotency-Key'),
    409: jsonContent(ErrorSchema, 'IDEMPOTENCY_KEY_REUSED: the key belongs to another reporter’s case'),
    415: jsonContent(
      ErrorSchema,
      'UPLOAD_TYPE_NOT_ALLOWED (a photo is not JPG, PNG or WebP) or UNSUPPORTED_MEDIA_TYPE (not a multipart form)',
    ),
    429: {
      description:
        'RATE_LIMITED: too many reports from this phone or address; Retry-After says in how many seconds to try again',
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});
const track = createRoute({
  method: 'get',
  path: '/public/cases/{code}',
  tags,
  summary:
    'Tracking page data (needs the token from the SMS link, a session of the reporter’s phone, or — read-only, canRate false — the last 4 digits of the phone)',
  request: {
    params: TrackingParam,
    query: z.object({
      phone4: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
      t: text({ max: 100, trim: false }).optional(),
    }),
  },
  responses: { 200: jsonContent(PublicCaseViewSchema), ...errorResponses },
});
const rate = createRoute({
  method: 'post',
  path: '/public/cases/{code}/rating',
  tags,
  summary:
    'The reporter rates the result: with the token from the SMS link, or logged in with the phone the report was made with (the last 4 digits are not enough: 403 CASE_RATING_PROOF_REQUIRED)',
  request: {
    params: TrackingParam,
    body: { content: { 'application/json': { schema: RatingInput } }, required: true },
  },
  responses: { 200: jsonContent(RatedSchema), ...errorResponses },
});

export function publicCaseRoutes(service: PublicCaseService, config: { UPLOAD_MAX_MB: number }) {
  const router = createRouter();
  router.use(
    '/public/cases',
    bodyLimit({
      maxSize: 9 * config.UPLOAD_MAX_MB * 1024 * 1024 + 1024 * 1024,
      onError: () => {
        throw new AppError('UPLOAD_TOO_LARGE');
      },
    }),
  );
  return router
    .openapi(community, async (c) => c.json(await service.community(c.req.valid('param').code, c.get('locale')), 200))
    .openapi(place, async (c) => c.json(await service.place(c.req.valid('param').token, c.get('locale')), 200))
    .openapi(submit, async (c) => {
      const form = await c.req.parseBody({ all: true });
      const fields = PublicCaseFields.safeParse(
        Object.fromEntries(
          Object.entries(form)
            .filter(([k]) => k !== 'photos')
            .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
        ),
      );
      if (!fields.success)
        throw new AppError('VALIDATION_FAILED', { issues: validationIssues(fields.error, c.get('locale')) });
      const photos = ([] as unknown[]).concat(form.photos ?? []).filter((p): p is File => p instanceof File);
      const result = await service.submit({
        fields: fields.data,
        photos: await Promise.all(photos.map(async (p) => Buffer.from(await p.arrayBuffer()))),
        ip: c.get('ip'),
        idempotencyKey: c.req.valid('header')['Idempotency-Key'],
      });
      return result.created
        ? c.json({ trackingCode: result.trackingCode }, 201)
        : c.json({ trackingCode: result.trackingCode }, 200);
    })
    .openapi(track, async (c) => {
      const q = c.req.valid('query');
      const proof = { phoneLast4: q.phone4, token: q.t, userId: c.get('actor')?.userId };
      return c.json(await service.track(c.get('ip'), c.req.valid('param').code, proof, c.get('locale')), 200);
    })
    .openapi(rate, async (c) =>
      c.json(
        await service.rate(c.get('ip'), c.req.valid('param').code, c.req.valid('json'), c.get('actor')?.userId),
        200,
      ),
    );
}
