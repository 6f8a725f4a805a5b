import { z } from '@hono/zod-openapi';
import type { InvalidReason } from '../../platform/errors.js';
import { optionalLat, optionalLng } from '../../platform/coordinates.js';
import { caseActions } from './lifecycle.js';
import { text } from '../../platform/text-schema.js';
import {
  caseChannels,
  casePriorities,
  assigneeKinds,
  caseHolders,
  caseRatings,
  caseStages,
  caseStates,
  slaLevels,
  staffCaseChannels,
} from '../../../shared/cases.js';

const placeCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/);
// Demo-set codes (`street_light`) and standard-like codes (`E0401`, categories/codes.ts).
const categoryCode = z.string().regex(/^[A-Za-z0-9_]{2,40}$/);

const where = {
  lng: optionalLng,
  lat: optionalLat,
  address: text({ max: 200 }).default(''),
};

/** Staff intake: hotline, walk-in, patrol (photos uploaded first through /files). */
export const StaffCaseInput = z
  .object({
    channel: z.enum(staffCaseChannels),
    placeCode: placeCode.optional().openapi({ description: 'Community, grid, building or household; or give lng/lat' }),
    categoryCode: categoryCode.optional(),
    priority: z.enum(casePriorities).default('normal'),
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
  placeToken: z
    .string()
    .max(40)
    .regex(/^[0-9A-Za-z-]+$/, 'codeCharacters' satisfies InvalidReason)
    .optional()
    .openapi({
      description:
        'The token of the poster scanned (building, unit or spot): the case is filed under that place; it must belong to communityCode',
    }),
});

export const ActionInput = z
  .object({
    reason: text({ max: 500, multiline: true }).optional(),
    note: text({ max: 1000, multiline: true }).optional(),
    kind: z.enum(['invalid', 'duplicate']).optional().openapi({ description: 'reject: why' }),
    duplicateOf: text({ max: 40 }).optional().openapi({ description: 'reject as duplicate: the other tracking code' }),
    target: z
      .object({ kind: z.enum(assigneeKinds), id: z.uuid() })
      .optional()
      .openapi({ description: 'dispatch: a grid worker (user), a department or a volunteer team of the community' }),
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
    verify: z.boolean().optional().openapi({
      description: 'dispatch: the result must be checked on site (核查) before rating; default on for a volunteer team',
    }),
  })
  .openapi('CaseActionInput');

export const ActionParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(caseActions).openapi({ param: { name: 'action', in: 'path' } }),
});
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

// A date filter of the years the data can hold: year 1 or 9999 made the database refuse (500).
const filterDay = z.iso.date().refine((day) => Number(day.slice(0, 4)) >= 2000 && Number(day.slice(0, 4)) <= 2100, {
  params: { messages: { 'zh-CN': '年份须在 2000 至 2100 之间', en: 'the year must be between 2000 and 2100' } },
});

export const CaseQuery = z.object({
  state: z.enum([...caseStates, 'open', 'all']).default('all'),
  under: placeCode.optional(),
  category: categoryCode.optional(),
  channel: z.enum(caseChannels).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional().openapi({ description: 'only cases sent to me or my department' }),
  department: z
    .string()
    .regex(/^D\d+$/)
    .optional()
    .openapi({ description: 'only cases sent to this department (code)' }),
  from: filterDay.optional(),
  to: filterDay.optional(),
  q: text({ max: 40 }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,16}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .optional()
    .openapi({
      description:
        'the nextCursor of the page before: the page after it, newest first, with no case twice or missed while new ones arrive (page is then ignored)',
    }),
});

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    state: z.enum(caseStates),
    channel: z.enum(caseChannels),
    category: z.object({ code: z.string(), name: z.string() }).nullable(),
    priority: z.enum(casePriorities),
    description: z.string(),
    address: z.string(),
    place: z.object({ code: z.string(), name: z.string() }),
    assignee: z.string().nullable(),
    slaLevel: z.enum(slaLevels),
    escalationLevel: z.number(),
    createdAt: z.string(),
    dueAt: z.string().nullable().openapi({ description: 'The deadline that matters now: the earliest still running' }),
    dueClock: z
      .enum(['firstContact', 'dispatch', 'take', 'resolve'])
      .nullable()
      .openapi({ description: 'Which clock dueAt belongs to (a missed call back stays shown after dispatch)' }),
  })
  .openapi('CaseSummary');

export const CaseEventSchema = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string().nullable().openapi({ description: 'The role of the staff member who took the step' }),
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
    .object({
      rating: z.enum(caseRatings),
      solved: z.boolean().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    })
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
  /** The limits of the category version the case was filed under: its later clocks use these. */
  limits: z
    .object({
      firstContactMinutes: z.number(),
      dispatchMinutes: z.number(),
      takeMinutes: z.number(),
      resolveHours: z.number(),
      businessDays: z.boolean(),
    })
    .nullable(),
  assigneeKind: z
    .enum(assigneeKinds)
    .nullable()
    .openapi({ description: 'whom it was sent to: person, department, team' }),
  stage: z
    .enum(caseStages)
    .openapi({ description: 'the stage of the 7-stage flow the case is in (信息采集 … 综合评价)' }),
  verifyRequired: z.boolean().openapi({ description: 'the result is checked on site (核查) before rating' }),
  verifyPhotoIds: z.array(z.string()),
}).openapi('CaseDetail');

export const RatingInput = z
  .object({
    token: text({ max: 100, trim: false })
      .optional()
      .openapi({ description: 'The t= of the link in the SMS; not needed when logged in with the reporter’s phone' }),
    rating: z.enum(caseRatings),
    solved: z.boolean(),
    comment: text({ max: 500, multiline: true }).default(''),
  })
  .openapi('RatingInput');

/** The inbox page: the cases, and the count per state under the same filters whatever state is asked for. */
export const CasePageSchema = z
  .object({
    items: z.array(CaseSummarySchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'pass as cursor for the page after this one; null on the last page' }),
    counts: z.partialRecord(z.enum(caseStates), z.number()),
    overdue: z.number(),
  })
  .openapi('CasePage');
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) });

/** A case entered (201) or found again by its idempotency key (200). */
export const CaseCreatedSchema = z.object({ id: z.string(), trackingCode: z.string() });
/** The state a case is in after an action. */
export const CaseActedSchema = z.object({ id: z.string(), state: z.enum(caseStates) });

export const DispatchPersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['community_worker', 'grid_worker']),
    roleLabel: z.string(),
    placeName: z.string().openapi({ description: 'The community or grid they work in' }),
  })
  .openapi('DispatchPerson');

export const CaseDuplicateSchema = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    description: z.string(),
    // a CaseState; the duplicate search types it as a string (the cases service would have to say so)
    state: z.string(),
    createdAt: z.string(),
    score: z.number(),
  })
  .openapi('CaseDuplicate');

export const CaseCategorySchema = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    name: z.string(),
    firstContactMinutes: z.number(),
    dispatchMinutes: z.number(),
    takeMinutes: z.number(),
    resolveHours: z.number(),
    businessDays: z.boolean(),
  })
  .openapi('CaseCategory');

/** 值班表: who is on duty in a community on which weekdays (1 = Monday … 7 = Sunday). */
export const DutyRosterEntrySchema = z
  .object({
    id: z.string(),
    user: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }),
    weekdays: z.array(z.number()),
  })
  .openapi('DutyRosterEntry');

/** One SMS the platform sent (the number masked). */
export const SmsRecordSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    template: z.string(),
    body: z.string(),
    status: z.string(),
    provider: z.string().nullable(),
    caseId: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('SmsRecord');
export const SmsOutboxPageSchema = z.object({ items: z.array(SmsRecordSchema), total: z.number() });

/** The resident's side (no login): the QR form's community, and the tracking page. */
export const PublicCommunitySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    street: z.string(),
    categories: z.array(z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() })),
  })
  .openapi('PublicCommunity');
export const PublicPlaceSchema = z
  .object({
    token: z.string(),
    place: z.object({ code: z.string(), name: z.string(), kind: z.enum(['building', 'unit', 'spot']) }),
    fullName: z.string().openapi({ example: '和平社区 3号楼 2单元' }),
    community: z.object({ code: z.string(), name: z.string() }),
    street: z.string(),
    phone: z.string(),
    categories: z.array(z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() })),
  })
  .openapi('PublicPlace');
export const PublicCaseReceivedSchema = z.object({ trackingCode: z.string() });
export const PublicCaseViewSchema = z
  .object({
    trackingCode: z.string(),
    // a CaseState; the tracking service types it as a string (the cases service would have to say so)
    state: z.string(),
    category: z.string().nullable(),
    description: z.string(),
    community: z.string(),
    createdAt: z.string(),
    resultText: z.string().nullable(),
    rating: z.enum(caseRatings).nullable(),
    canRate: z.boolean(),
    steps: z.array(
      z.object({
        action: z.string(),
        at: z.string(),
        /** dispatch and take: which kind of holder has the case (a kind, never a name) */
        holder: z.enum(caseHolders).nullable(),
        note: z.string(),
      }),
    ),
  })
  .openapi('PublicCaseView');
export const RatedSchema = z.object({ state: z.enum(caseStates) });

export type StaffCaseInputT = z.infer<typeof StaffCaseInput>;
export type PublicCaseFieldsT = z.infer<typeof PublicCaseFields>;
export type ActionInputT = z.infer<typeof ActionInput>;
export type CaseQueryT = z.infer<typeof CaseQuery>;
export type RatingInputT = z.infer<typeof RatingInput>;
