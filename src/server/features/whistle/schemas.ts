import { z } from '@hono/zod-openapi';
import { optionalLat, optionalLng } from '../../platform/coordinates.js';
import { summonsActions, summonsStates } from './lifecycle.js';
import { invalidReasons } from '../../platform/errors.js';
import { text } from '../../platform/text-schema.js';
import { slaLevels } from '../../../shared/cases.js';
import { whistleStates } from '../../../shared/whistles.js';

/** What is asked and of whom: shared by a whistle on a case or place and one from a dispute. */
export const SummonsRequest = z.object({
  request: text({ min: 2, max: 1000, multiline: true }).openapi({
    description: 'What the departments are asked to do',
  }),
  departmentCodes: z
    .array(z.string().regex(/^D\d+$/))
    .max(20)
    .default([]),
  adviserIds: z
    .array(z.uuid())
    .max(10)
    .default([])
    .openapi({ description: 'Legal advisers (法律顾问) serving the place, summoned in person' }),
  ackMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  arriveMinutes: z
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 60)
    .default(120),
  meetingAt: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'The meeting the whistle calls (协商会), if any: shown on the whistle and in every text' }),
  meetingPlace: text({ max: 60 })
    .optional()
    .openapi({ description: 'Where the meeting is held (社区议事厅); only with meetingAt' }),
});
export const summonsSomeone: [
  (w: { departmentCodes: string[]; adviserIds: string[] }) => boolean,
  { path: string[]; message: string; params: { messages: { 'zh-CN': string; en: string } } },
] = [
  (w) => w.departmentCodes.length + w.adviserIds.length > 0,
  // The messages in both languages travel with the issue; platform/http.ts picks the caller's.
  {
    path: ['departmentCodes'],
    message: invalidReasons.summonSomeone.en,
    params: { messages: invalidReasons.summonSomeone },
  },
];

export const WhistleInput = SummonsRequest.extend({
  caseId: z.uuid().optional(),
  placeCode: text({ min: 2, max: 40 }).optional(),
  subject: text({ min: 2, max: 80 }),
  lng: optionalLng.openapi({ description: 'Where to go; by default the case’s point or the place’s' }),
  lat: optionalLat,
})
  .refine(...summonsSomeone)
  .openapi('WhistleInput');

export const SummonsActionInput = z
  .object({
    note: text({ max: 1000, multiline: true }).optional(),
    lng: optionalLng,
    lat: optionalLat,
    score: z.number().int().min(1).max(5).optional(),
    comment: text({ max: 500, multiline: true }).optional(),
  })
  .openapi('SummonsActionInput');

// 黄牌/红牌: yellow from 80 % of a deadline's time, red once it is missed (src/shared/cases.ts).
export { slaLevels, whistleStates };

export const WhistleParam = z.object({ id: z.uuid() });
export const WhistleListQuery = z.object({
  state: z.enum(whistleStates).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const RankingQuery = z.object({ under: text({ min: 2, max: 40 }).optional() });
export const AdvisersQuery = z.object({
  caseId: z.uuid().optional(),
  placeCode: text({ min: 2, max: 40 }).optional(),
});

export const SummonsParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(summonsActions).openapi({ param: { name: 'action', in: 'path' } }),
});

/** Who was summoned: a department (code D…) or a legal adviser in person (code = their login). */
export const SummonedParty = z.object({ kind: z.enum(['department', 'adviser']), code: z.string(), name: z.string() });
const Summons = z.object({
  id: z.string(),
  department: SummonedParty,
  state: z.enum(summonsStates),
  ackDueAt: z.string(),
  arriveDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  owner: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  arrival: z
    .object({ lng: z.number(), lat: z.number(), metresFromSite: z.number().nullable() })
    .nullable()
    .openapi({ description: 'Where the check-in was made; null when the phone gave no location' }),
  reportText: z.string().nullable(),
  score: z.number().nullable(),
  scoreComment: z.string().nullable(),
  slaLevel: z.enum(slaLevels),
  escalated: z.boolean(),
  actions: z.array(z.enum(summonsActions)),
  noReceiver: z
    .boolean()
    .openapi({ description: 'The department had no receiver account (接哨员) when summoned: see told' }),
  told: z
    .array(z.object({ kind: z.enum(['departmentPhone', 'streetOfficer']), name: z.string(), phone: z.string() }))
    .openapi({ description: 'Who was texted instead of receivers (phones masked); empty when receivers were' }),
});
export const WhistleSchema = z
  .object({
    id: z.string(),
    caseId: z.string().nullable(),
    subject: z.string(),
    request: z.string(),
    state: z.enum(whistleStates),
    createdBy: z.string(),
    createdAt: z.string(),
    place: z.object({
      code: z.string(),
      name: z.string(),
      address: z.string(),
      lng: z.number().nullable(),
      lat: z.number().nullable(),
    }),
    meeting: z
      .object({ at: z.string(), place: z.string() })
      .nullable()
      .openapi({ description: 'The meeting the whistle calls (协商会), when it names one' }),
    summonses: z.array(Summons),
    timeline: z.array(
      z.object({
        action: z.string(),
        actorName: z.string(),
        actorRole: z.string().nullable().openapi({ description: 'The role of the person who took the step' }),
        note: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi('Whistle');

export const WhistleSummary = z
  .object({
    id: z.string(),
    subject: z.string(),
    state: z.enum(whistleStates),
    caseId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    mine: z
      .object({ state: z.enum(summonsStates), dueAt: z.string().nullable(), slaLevel: z.enum(slaLevels) })
      .nullable()
      .openapi({ description: 'My own summons in it (receivers and advisers): its state and the deadline running' }),
  })
  .openapi('WhistleSummary');

export const RankingRow = z
  .object({
    department: SummonedParty,
    summonses: z.number(),
    ackOnTimeRate: z.number().nullable(),
    arriveOnTimeRate: z.number().nullable(),
    averageScore: z.number().nullable(),
    scored: z.number(),
    overdue: z
      .number()
      .openapi({ description: 'Summonses that went red (acknowledgement or arrival overdue) and were escalated' }),
    unanswered: z.number().openapi({ description: 'Summonses nobody has acknowledged yet' }),
  })
  .openapi('WhistleRankingRow');
export const AdviserSchema = z
  .object({ id: z.string(), name: z.string(), serves: z.string() })
  .openapi('WhistleAdviser');

/** 201 to a blown whistle. */
export const BlownSchema = z.object({ id: z.string() });
/** 200 to a step on a summons: the state it is in now. */
export const SummonsStepSchema = z.object({ id: z.string(), state: z.enum(summonsStates) });
export const WhistleList = z.object({ items: z.array(WhistleSummary) });
export const RankingList = z.object({ items: z.array(RankingRow) });
export const AdviserList = z.object({ items: z.array(AdviserSchema) });

export type WhistleInputT = z.infer<typeof WhistleInput>;
export type SummonsActionInputT = z.infer<typeof SummonsActionInput>;
