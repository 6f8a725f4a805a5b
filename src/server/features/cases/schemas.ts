import { z } from '@hono/zod-openapi';
import { optionalLat, optionalLng } from '../../platform/coordinates.js';
import { caseActions, caseStates } from './lifecycle.js';
import { text } from '../../platform/text-schema.js';

export const channels = ['qr', 'snap', 'hotline', 'walkIn', 'kiosk', 'patrol', 'open311', 'import'] as const;
const placeCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/);
const categoryCode = z.string().regex(/^[a-z_]{2,40}$/);

const where = {
  lng: optionalLng,
  lat: optionalLat,
  address: text({ max: 200 }).default(''),
};

/** Staff intake: hotline, walk-in, patrol (photos uploaded first through /files). */
export const StaffCaseInput = z
  .object({
    channel: z.enum(['hotline', 'walkIn', 'patrol', 'snap', 'kiosk']),
    placeCode: placeCode.optional().openapi({ description: 'Community, grid, building or household; or give lng/lat' }),
    categoryCode: categoryCode.optional(),
    priority: z.enum(['normal', 'urgent']).default('normal'),
    description: text({ min: 5, max: 2000, multiline: true }),
    reporterName: text({ max: 40 }).default(''),
    reporterPhone: text({ max: 20 }).optional(),
    photoIds: z.array(z.uuid()).max(9).default([]),
    idempotencyKey: text({ min: 8, max: 80 }).optional(),
    ...where,
    isPublic: z
      .boolean()
      .default(false)
      .openapi({ description: 'Only when the reporter agreed that others may see the description, place and photos' }),
  })
  .openapi('StaffCaseInput');

/** The public QR form (multipart): what a resident may send without logging in. */
export const PublicCaseFields = z.object({
  communityCode: z.string().regex(/^\d{12}$/),
  categoryCode: categoryCode.optional(),
  description: text({ min: 5, max: 1000, multiline: true }),
  reporterName: text({ min: 1, max: 40 }),
  reporterPhone: text({ min: 7, max: 20 }),
  lng: optionalLng,
  lat: optionalLat,
  address: text({ max: 200 }).default(''),
  isPublic: z.enum(['true', 'false']).default('false').openapi({
    description: 'The resident lets others see the description and photos on public lists (公开); default not',
  }),
});

export const ActionInput = z
  .object({
    reason: text({ max: 500, multiline: true }).optional(),
    note: text({ max: 1000, multiline: true }).optional(),
    kind: z.enum(['invalid', 'duplicate']).optional().openapi({ description: 'reject: why' }),
    duplicateOf: text({ max: 40 }).optional().openapi({ description: 'reject as duplicate: the other tracking code' }),
    target: z
      .object({ kind: z.enum(['user', 'department']), id: z.uuid() })
      .optional()
      .openapi({ description: 'dispatch: a grid worker (user) or a department' }),
    resolveHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .optional()
      .openapi({ description: 'dispatch: deadline; default from the category' }),
    extensionHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    result: text({ max: 2000, multiline: true }).optional().openapi({ description: 'resolve: what was done' }),
    photoIds: z.array(z.uuid()).max(9).optional(),
  })
  .openapi('CaseActionInput');

export const ActionParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(caseActions).openapi({ param: { name: 'action', in: 'path' } }),
});
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const CaseQuery = z.object({
  state: z.enum([...caseStates, 'open', 'all']).default('all'),
  under: placeCode.optional(),
  category: categoryCode.optional(),
  channel: z.enum(channels).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional().openapi({ description: 'only cases sent to me or my department' }),
  department: z
    .string()
    .regex(/^D\d+$/)
    .optional()
    .openapi({ description: 'only cases sent to this department (code)' }),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: text({ max: 40 }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    state: z.enum(caseStates),
    channel: z.enum(channels),
    category: z.object({ code: z.string(), name: z.string() }).nullable(),
    priority: z.enum(['normal', 'urgent']),
    description: z.string(),
    address: z.string(),
    place: z.object({ code: z.string(), name: z.string() }),
    assignee: z.string().nullable(),
    slaLevel: z.enum(['ok', 'yellow', 'red']),
    escalationLevel: z.number(),
    createdAt: z.string(),
    dueAt: z.string().nullable().openapi({ description: 'The deadline that runs now' }),
  })
  .openapi('CaseSummary');

export const CaseEventSchema = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const CaseDetailSchema = CaseSummarySchema.extend({
  reporter: z.object({ name: z.string(), phone: z.string().nullable() }),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  photoIds: z.array(z.string()),
  resultText: z.string().nullable(),
  resultPhotoIds: z.array(z.string()),
  rating: z
    .object({ rating: z.string(), solved: z.boolean().nullable(), comment: z.string().nullable(), at: z.string() })
    .nullable(),
  deadlines: z.object({
    firstContact: z.string().nullable(),
    dispatch: z.string().nullable(),
    take: z.string().nullable(),
    resolve: z.string().nullable(),
  }),
  firstContactAt: z.string().nullable(),
  reopenCount: z.number(),
  extensionRequestedHours: z.number().nullable(),
  timeline: z.array(CaseEventSchema),
  actions: z.array(z.enum(caseActions)),
}).openapi('CaseDetail');

export const RatingInput = z
  .object({
    token: text({ max: 100, trim: false })
      .optional()
      .openapi({ description: 'The t= of the link in the SMS; not needed when logged in with the reporter’s phone' }),
    rating: z.enum(['satisfied', 'basic', 'unsatisfied']),
    solved: z.boolean(),
    comment: text({ max: 500, multiline: true }).default(''),
  })
  .openapi('RatingInput');

export type StaffCaseInputT = z.infer<typeof StaffCaseInput>;
export type PublicCaseFieldsT = z.infer<typeof PublicCaseFields>;
export type ActionInputT = z.infer<typeof ActionInput>;
export type CaseQueryT = z.infer<typeof CaseQuery>;
export type RatingInputT = z.infer<typeof RatingInput>;
