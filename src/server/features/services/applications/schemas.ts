import { z } from '@hono/zod-openapi';
import { formFieldSchema, prefillKeys } from '../../../../shared/service-forms.js';
import {
  applicationSources,
  applicationStates,
  handlerLevels,
  partStates,
  serviceRatings,
} from '../../../../shared/services.js';
import { slaLevels } from '../../../../shared/cases.js';
import { text } from '../../../platform/text-schema.js';
import { requestedApplicationActions, requestedPartActions } from './lifecycle.js';

// 办件 requests and answers; they are also the OpenAPI document and the web's types.

const MaterialGiven = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  fileIds: z.array(z.uuid()).max(9).default([]),
  atWindow: z.boolean().default(false).openapi({
    description:
      'Staff: 原件已在窗口核验 (checked there). A resident: 带到窗口核验 (she brings it; the pre-check confirms it)',
  }),
});

/** Answers are checked against the item's (or bundle's merged) form by the server: `answerProblems`. */
const Answers = z
  .record(z.string().max(60), z.unknown())
  .refine((a) => Object.keys(a).length <= 80, { message: 'at most 80 answers' })
  .openapi({ description: 'Field key → value, as the form definition says (text, number, options, file ids, rows)' });

export const ApplyInput = z
  .object({
    itemId: z.uuid().optional(),
    bundleId: z.uuid().optional(),
    communityId: z.uuid().openapi({ description: 'The applicant’s community: where the application is filed' }),
    answers: Answers.default({}),
    materials: z.array(MaterialGiven).max(40).default([]),
    residentId: z.uuid().optional().openapi({ description: '代办: the resident picked from the registry' }),
    applicant: z
      .object({
        name: text({ min: 1, max: 40 }),
        idNumber: text({ min: 15, max: 18 }),
        phone: text({ max: 20 }).optional(),
      })
      .optional()
      .openapi({ description: '代办 for someone not in the registry, or the resident’s own name and ID number' }),
    source: z
      .enum(['window', 'adviser'])
      .optional()
      .openapi({ description: 'Staff entries: window (default) or adviser' }),
  })
  .openapi('ServiceApplyInput');
export type ApplyInputT = z.infer<typeof ApplyInput>;

export const ApplicationActionInput = z
  .object({
    note: text({ max: 500, multiline: true }).optional().openapi({ description: '补正: what is missing' }),
    rating: z.enum(serviceRatings).optional(),
    comment: text({ max: 500, multiline: true }).optional(),
    answers: Answers.optional().openapi({ description: 'resubmit: the corrected answers' }),
    materials: z.array(MaterialGiven).max(40).optional().openapi({ description: 'resubmit: the materials now' }),
  })
  .openapi('ServiceApplicationActionInput');
export type ApplicationActionInputT = z.infer<typeof ApplicationActionInput>;

export const PartActionInput = z
  .object({ note: text({ max: 500, multiline: true }).optional().openapi({ description: '审核意见 / 理由' }) })
  .openapi('ServicePartActionInput');
export type PartActionInputT = z.infer<typeof PartActionInput>;

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ApplicationActionParam = IdParam.extend({
  action: z.enum(requestedApplicationActions).openapi({ param: { name: 'action', in: 'path' } }),
});
export const PartActionParam = IdParam.extend({
  action: z.enum(requestedPartActions).openapi({ param: { name: 'action', in: 'path' } }),
});

export const ApplicationsQuery = z.object({
  state: z.enum(applicationStates).optional(),
  itemId: z.uuid().optional(),
  bundleId: z.uuid().optional(),
  sla: z.enum(slaLevels).optional(),
  code: text({ max: 30 }).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PartsQuery = z.object({
  state: z.enum(['open', 'done', ...partStates]).default('open'),
});

const Subject = z.object({ kind: z.enum(['item', 'bundle']), id: z.string(), name: z.string() });

export const ApplicationSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    state: z.enum(applicationStates),
    subject: Subject,
    community: z.string(),
    applicantName: z.string(),
    phoneMasked: z.string().nullable(),
    source: z.enum(applicationSources),
    onBehalf: z.boolean(),
    dueAt: z.string().nullable(),
    slaLevel: z.enum(slaLevels),
    visits: z.number(),
    rating: z.enum(serviceRatings).nullable(),
    createdAt: z.string(),
  })
  .openapi('ServiceApplicationSummary');

export const ApplicationList = z
  .object({
    items: z.array(ApplicationSummary),
    counts: z.record(z.string(), z.number()).openapi({ description: 'Applications per state in the caller’s scope' }),
    page: z.number(),
    pageSize: z.number(),
  })
  .openapi('ServiceApplicationList');
export const MyApplications = z.object({ items: z.array(ApplicationSummary) }).openapi('MyServiceApplications');

export const Created = z
  .object({ id: z.string(), code: z.string(), state: z.enum(applicationStates) })
  .openapi('ServiceApplicationCreated');

const PartSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  handlerLevel: z.enum(handlerLevels),
  handlerName: z.string(),
  state: z.enum(partStates),
  dueAt: z.string().nullable(),
  slaLevel: z.enum(slaLevels),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable().openapi({ description: 'Only on the parts the caller may read in full' }),
  mine: z.boolean().openapi({ description: 'The caller reviews this part' }),
  actions: z.array(z.enum(requestedPartActions)),
});

export const ApplicationDetail = z
  .object({
    id: z.string(),
    code: z.string(),
    state: z.enum(applicationStates),
    subject: Subject,
    community: z.object({ id: z.string(), name: z.string() }),
    source: z.enum(applicationSources),
    onBehalf: z.boolean(),
    applicant: z.object({
      name: z.string(),
      idNumberMasked: z.string().nullable(),
      phoneMasked: z.string().nullable(),
    }),
    whole: z.boolean().openapi({ description: 'false: a reviewer of some parts reads only their items’ answers' }),
    form: z.object({ fields: z.array(formFieldSchema) }),
    answers: z.record(z.string(), z.unknown()),
    materials: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        required: z.boolean(),
        fileIds: z.array(z.string()),
        atWindow: z.boolean(),
        checked: z
          .boolean()
          .openapi({ description: 'atWindow: seen at the window (false: still to be checked there)' }),
      }),
    ),
    supplementNote: z.string().nullable(),
    dueAt: z.string().nullable(),
    slaLevel: z.enum(slaLevels),
    visits: z.number(),
    rating: z.enum(serviceRatings).nullable(),
    ratingComment: z.string().nullable(),
    createdAt: z.string(),
    acceptedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    readyAt: z.string().nullable(),
    collectedAt: z.string().nullable(),
    parts: z.array(PartSchema),
    timeline: z.array(
      z.object({
        action: z.string(),
        fromState: z.string().nullable(),
        toState: z.string().nullable(),
        partId: z.string().nullable(),
        note: z.string(),
        actorName: z.string(),
        at: z.string(),
      }),
    ),
    actions: z.array(z.enum(requestedApplicationActions)),
    mayReveal: z
      .boolean()
      .openapi({ description: '查看完整信息: the caller may reveal the masked ID numbers and phones (people:reveal)' }),
  })
  .openapi('ServiceApplicationDetail');

export const PartSummary = z.object({
  id: z.string(),
  state: z.enum(partStates),
  dueAt: z.string().nullable(),
  slaLevel: z.enum(slaLevels),
  handlerLevel: z.enum(handlerLevels),
  handlerName: z.string().nullable(),
  itemName: z.string(),
  bundleName: z.string().nullable(),
  application: z.object({
    id: z.string(),
    code: z.string(),
    state: z.enum(applicationStates),
    applicantName: z.string(),
  }),
  community: z.string(),
  createdAt: z.string(),
});
export const PartList = z.object({ items: z.array(PartSummary) }).openapi('ServicePartList');

export const StepResult = z
  .object({ id: z.string(), state: z.string(), applicationState: z.enum(applicationStates) })
  .openapi('ServiceStepResult');

export const PrefillQuery = z.object({ idNumber: text({ min: 15, max: 18 }) });
export const Prefill = z
  .object({
    values: z
      .record(z.enum(prefillKeys), z.string().nullable())
      .openapi({ description: 'Registry data by prefill key (name, id_number, phone, gender, birth_date, address …)' }),
    community: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'The community of her registry household: where the application is filed' }),
  })
  .openapi('ServicePrefill');

/** 查看完整信息: why the full ID numbers and phones are needed (kept in the audit log). */
export const RevealAnswersInput = z
  .object({
    reason: text({ min: 2, max: 200, multiline: true }).openapi({
      description: 'Why the full values are needed; kept in the audit log',
    }),
  })
  .openapi('ServiceRevealAnswersInput');

/** The answers the caller reads, in full, and the applicant's ID number and phone. */
export const RevealedAnswers = z
  .object({
    applicant: z.object({ name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable() }),
    answers: z.record(z.string(), z.unknown()),
  })
  .openapi('ServiceRevealedAnswers');
export const PublicCommunities = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), street: z.string() })) })
  .openapi('ServicePublicCommunities');
