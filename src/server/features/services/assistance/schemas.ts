import { z } from '@hono/zod-openapi';
import { assistKinds, assistMemberKinds, assistModes } from '../../../../shared/assistance.js';
import { text } from '../../../platform/text-schema.js';

// 救助顾问: what the assistance routes take and answer.

const placeCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/);
const day = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100, {
  params: { messages: { 'zh-CN': '年份须在 2000 至 2100 之间', en: 'the year must be between 2000 and 2100' } },
});
const flag = z.enum(['true', 'false']).optional();
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const PeopleQuery = z.object({
  under: placeCode.optional(),
  team: z.uuid().optional(),
  overdue: flag.openapi({ description: 'true: only people with no contact for the county’s period' }),
  unassigned: flag.openapi({ description: 'true: only people without a team' }),
  tag: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  q: text({ max: 40 }).optional(),
  ...paging,
});
export const PersonId = z.object({ id: z.uuid() });
export const TeamId = z.object({ id: z.uuid() });

const ref = z.object({ id: z.string(), name: z.string() });
export const AssistPersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    age: z.number().nullable(),
    idNumber: z.string().nullable().openapi({ description: 'masked' }),
    phone: z.string().nullable().openapi({ description: 'masked' }),
    address: z.string(),
    community: z.object({ code: z.string(), name: z.string() }),
    tags: z.array(z.object({ code: z.string(), label: z.string() })).openapi({ description: 'hardship tags shown' }),
    team: ref.nullable(),
    lead: ref.nullable(),
    lastContactOn: z.string().nullable(),
    daysSinceContact: z.number().nullable().openapi({ description: 'null: never contacted' }),
    overdue: z.boolean(),
  })
  .openapi('AssistPerson');
export const AssistPeoplePageSchema = z
  .object({
    items: z.array(AssistPersonSchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    overdueDays: z.number(),
  })
  .openapi('AssistPeoplePage');

export const AssistVisitSchema = z
  .object({
    id: z.string(),
    resident: ref,
    team: ref.nullable(),
    adviser: ref,
    mode: z.enum(assistModes),
    kinds: z.array(z.enum(assistKinds)),
    note: z.string(),
    visitedOn: z.string(),
    application: z.object({ id: z.string(), code: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('AssistVisit');
export const AssistPersonDetailSchema = AssistPersonSchema.extend({
  visits: z.array(AssistVisitSchema),
  actions: z.array(z.enum(['assign', 'visit'])),
}).openapi('AssistPersonDetail');

export const AssignInput = z
  .object({
    teamId: z.uuid().nullable().openapi({ description: 'null takes the person off their team' }),
    leadUserId: z.uuid().nullable().default(null).openapi({ description: 'the lead adviser: a member of the team' }),
  })
  .openapi('AssistAssignInput');

export const VisitInput = z
  .object({
    id: z.uuid().optional().openapi({ description: 'made on the phone: a retried upload makes no second visit' }),
    residentId: z.uuid(),
    mode: z.enum(assistModes),
    kinds: z
      .array(z.enum(assistKinds))
      .min(1)
      .max(assistKinds.length)
      .refine((k) => new Set(k).size === k.length, {
        params: { messages: { 'zh-CN': '帮扶类型不能重复', en: 'each kind once' } },
      }),
    note: text({ min: 2, max: 2000, multiline: true }),
    visitedOn: day,
    applicationId: z
      .uuid()
      .nullable()
      .default(null)
      .openapi({ description: '代收代办: the application filed for them' }),
  })
  .openapi('AssistVisitInput');
export const VisitQuery = z.object({
  under: placeCode.optional(),
  residentId: z.uuid().optional(),
  team: z.uuid().optional(),
  kind: z.enum(assistKinds).optional(),
  from: day.optional(),
  to: day.optional(),
  ...paging,
});
export const AssistVisitPageSchema = z
  .object({ items: z.array(AssistVisitSchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('AssistVisitPage');

const member = z.object({ userId: z.uuid(), kind: z.enum(assistMemberKinds) });
export const TeamInput = z
  .object({
    communityCode: placeCode,
    name: text({ min: 1, max: 40 }),
    phone: text({ max: 20 }).default(''),
    leaderUserId: z.uuid().nullable().default(null),
    members: z.array(member).max(50).default([]),
  })
  .openapi('AssistTeamInput');
export const TeamUpdate = TeamInput.omit({ communityCode: true }).openapi('AssistTeamUpdate');
export const TeamQuery = z.object({ under: placeCode.optional() });
export const AssistTeamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phone: z.string(),
    community: z.object({ code: z.string(), name: z.string() }),
    leader: ref.nullable(),
    members: z.array(ref.extend({ kind: z.enum(assistMemberKinds), phone: z.string().nullable() })),
    people: z.number().openapi({ description: 'people in its care' }),
  })
  .openapi('AssistTeam');
export const CandidateQuery = z.object({ communityCode: placeCode });
export const AssistCandidateSchema = ref
  .extend({ phone: z.string().nullable(), roles: z.array(z.string()) })
  .openapi('AssistCandidate');

export const SettingsSchema = z.object({ overdueDays: z.number().int().min(1).max(365) }).openapi('AssistSettings');

export type PeopleQueryT = z.infer<typeof PeopleQuery>;
export type AssignInputT = z.infer<typeof AssignInput>;
export type VisitInputT = z.infer<typeof VisitInput>;
export type VisitQueryT = z.infer<typeof VisitQuery>;
export type TeamInputT = z.infer<typeof TeamInput>;
export type TeamUpdateT = z.infer<typeof TeamUpdate>;
