import { z } from '@hono/zod-openapi';
import { voteElectorates, voteMajorities } from '../../../../shared/decide.js';
import {
  checkinVias,
  itemOutcomes,
  meetingActions,
  meetingHalls,
  meetingKinds,
  meetingStates,
  partyKinds,
  taskKinds,
  taskStates,
} from '../../../../shared/deliberation-meetings.js';
import { text } from '../../../platform/text-schema.js';

// 议事会议: the zod schemas of requests and answers.

export const IdParam = z.object({ id: z.uuid() });
export const TokenParam = z.object({
  token: z
    .string()
    .min(20)
    .max(80)
    .regex(/^[\w-]+$/),
});
export const CodeParam = z.object({ code: z.string().regex(/^\d{6,15}$/) });
export const MeetingActionParams = z.object({ id: z.uuid(), action: z.enum(meetingActions) });
export const MeetingQuery = z.object({ state: z.enum(meetingStates).optional() });

export const MeetingInput = z
  .object({
    placeCode: z
      .string()
      .regex(/^\d{6,15}$/)
      .openapi({ description: 'The community (社区议事厅) or one of its grids (网格议事厅)' }),
    kind: z.enum(meetingKinds),
    title: text({ min: 2, max: 80 }),
    startsAt: z.iso.datetime({ offset: true }),
    location: text({ min: 2, max: 80 }),
  })
  .openapi('MeetingInput');

export const PartyInput = z
  .object({
    kind: z.enum(partyKinds),
    name: text({ min: 1, max: 60 }),
    organisationId: z.uuid().optional(),
    userId: z.uuid().optional(),
  })
  .openapi('MeetingPartyInput');

export const AgendaInput = z.object({ topicId: z.uuid() }).openapi('MeetingAgendaInput');

export const AttendanceInput = z
  .object({
    partyId: z.uuid().optional(),
    partyKind: z.enum(partyKinds).optional(),
    name: text({ min: 1, max: 60 }).optional(),
  })
  .refine((a) => a.partyId !== undefined || (a.partyKind !== undefined && a.name !== undefined), {
    path: ['partyId'],
    message: 'partyId, or partyKind and name',
  })
  .openapi('MeetingAttendanceInput');

export const MinutesInput = z
  .object({
    summary: text({ max: 4000, multiline: true }),
    positions: z
      .array(z.object({ partyKind: z.enum(partyKinds), text: text({ min: 1, max: 2000, multiline: true }) }))
      .max(30),
  })
  .openapi('MeetingMinutesInput');

export const DecideInput = z
  .object({
    decision: text({ min: 2, max: 2000, multiline: true }),
    vote: z
      .object({
        title: text({ min: 2, max: 80 }).optional(),
        secret: z.boolean().default(true),
        electorate: z.enum(voteElectorates).default('residents'),
        quorumPercent: z.number().int().min(0).max(100).default(0),
        majority: z.enum(voteMajorities).default('simple'),
        allowPhone: z.boolean().default(true),
        allowPaper: z.boolean().default(false),
        closesAt: z.iso
          .datetime({ offset: true })
          .optional()
          .openapi({ description: 'Default: seven days after the decision' }),
      })
      .refine((v) => v.allowPhone || v.allowPaper, { path: ['allowPhone'], message: 'phone or paper' })
      .optional()
      .openapi({ description: 'Put the matter to a yes/no/abstain vote of the hall’s residents (created as a draft)' }),
  })
  .openapi('MeetingDecideInput');

export const ReasonInput = z
  .object({ reason: text({ min: 2, max: 2000, multiline: true }) })
  .openapi('MeetingReasonInput');
export const ReportInput = z
  .object({ report: text({ min: 2, max: 4000, multiline: true }) })
  .openapi('MeetingReportInput');

export const TaskInput = z
  .object({
    title: text({ min: 2, max: 200 }),
    kind: z.enum(taskKinds),
    ownerUserId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
    dueAt: z.iso.datetime({ offset: true }),
  })
  .refine((t) => (t.ownerUserId === undefined) !== (t.departmentId === undefined), {
    path: ['ownerUserId'],
    message: 'a staff member or a department',
  })
  .openapi('MeetingTaskInput');

// ---- answers

const iso = z.string();
export const TaskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(taskKinds),
    ownerName: z.string(),
    dueAt: iso,
    state: z.enum(taskStates),
    slaLevel: z.enum(['ok', 'yellow', 'red']),
    overdue: z.boolean(),
    caseId: z.string().nullable(),
    caseTrackingCode: z.string().nullable(),
    whistleId: z.string().nullable(),
    report: z.string(),
    doneAt: iso.nullable(),
    actions: z.array(z.string()),
  })
  .openapi('MeetingTask');

const VoteBrief = z.object({
  id: z.string(),
  title: z.string(),
  state: z.string(),
  passed: z.boolean().nullable(),
  summary: z.string().nullable(),
});

export const ItemSchema = z
  .object({
    id: z.string(),
    position: z.number(),
    topicId: z.string(),
    topicCode: z.string(),
    topicTitle: z.string(),
    topicBody: z.string(),
    topicState: z.string(),
    summary: z.string(),
    positions: z.array(z.object({ partyKind: z.enum(partyKinds), text: z.string() })),
    outcome: z.enum(itemOutcomes).nullable(),
    decision: z.string(),
    decidedAt: iso.nullable(),
    handUpReason: z.string(),
    handedUpAt: iso.nullable(),
    vote: VoteBrief.nullable(),
    followUp: z.string(),
    followedUpAt: iso.nullable(),
    tasks: z.array(TaskSchema),
    actions: z.array(z.string()),
  })
  .openapi('MeetingAgendaItem');

export const MeetingRowSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(meetingKinds),
    hall: z.enum(meetingHalls),
    communityName: z.string(),
    gridName: z.string().nullable(),
    startsAt: iso,
    location: z.string(),
    state: z.enum(meetingStates),
    agendaCount: z.number(),
    attendanceCount: z.number(),
  })
  .openapi('MeetingRow');

export const MeetingSchema = MeetingRowSchema.extend({
  communityCode: z.string(),
  gridCode: z.string().nullable(),
  heldAt: iso.nullable(),
  canManage: z.boolean(),
  actions: z.array(z.enum(meetingActions)),
  parties: z.array(z.object({ id: z.string(), kind: z.enum(partyKinds), name: z.string(), signedIn: z.boolean() })),
  attendance: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      partyKind: z.enum(partyKinds),
      via: z.enum(checkinVias),
      signedAt: iso,
    }),
  ),
  attendanceByParty: z.array(z.object({ partyKind: z.enum(partyKinds), count: z.number() })),
  items: z.array(ItemSchema),
}).openapi('Meeting');

export const CandidateSchema = z
  .object({ id: z.string(), code: z.string(), title: z.string(), body: z.string() })
  .openapi('MeetingCandidateTopic');

export const OwnersSchema = z
  .object({
    users: z.array(z.object({ id: z.string(), name: z.string(), placeName: z.string() })),
    departments: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('MeetingOwners');

export const PhoneMeetingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(meetingKinds),
    hall: z.enum(meetingHalls),
    communityName: z.string(),
    gridName: z.string().nullable(),
    startsAt: iso,
    location: z.string(),
    state: z.enum(meetingStates),
    agenda: z.array(z.object({ title: z.string(), decision: z.string().nullable() })),
    signedInAt: iso.nullable(),
    canSignIn: z.boolean(),
  })
  .openapi('PhoneMeeting');

export const CheckinResultSchema = z
  .object({ meetingId: z.string(), title: z.string(), signedInAt: iso, already: z.boolean() })
  .openapi('MeetingCheckinResult');

export const QrSchema = z.object({ url: z.string(), svg: z.string() }).openapi('MeetingQr');

export const HandUpSchema = z
  .object({
    itemId: z.string(),
    topicId: z.string(),
    topicCode: z.string(),
    topicTitle: z.string(),
    topicBody: z.string(),
    reason: z.string(),
    summary: z.string(),
    handedUpAt: iso.nullable(),
    meetingId: z.string(),
    meetingTitle: z.string(),
    meetingStartsAt: iso,
    communityName: z.string(),
  })
  .openapi('MeetingHandUp');

export const TrailSchema = z
  .object({
    steps: z.array(
      z.object({ at: iso, kind: z.string(), title: z.string(), detail: z.string(), state: z.string().nullable() }),
    ),
  })
  .openapi('TopicTrail');

export const PublicMeetingsSchema = z
  .object({
    communityName: z.string(),
    upcoming: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(meetingKinds),
        hall: z.enum(meetingHalls),
        gridName: z.string().nullable(),
        startsAt: iso,
        location: z.string(),
        agenda: z.array(z.string()),
      }),
    ),
    recent: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(meetingKinds),
        hall: z.enum(meetingHalls),
        gridName: z.string().nullable(),
        startsAt: iso,
        location: z.string(),
        decisions: z.array(z.object({ topic: z.string(), decision: z.string() })),
      }),
    ),
  })
  .openapi('PublicMeetings');

export type MeetingInputT = z.infer<typeof MeetingInput>;
export type PartyInputT = z.infer<typeof PartyInput>;
export type AttendanceInputT = z.infer<typeof AttendanceInput>;
export type MinutesInputT = z.infer<typeof MinutesInput>;
export type DecideInputT = z.infer<typeof DecideInput>;
export type TaskInputT = z.infer<typeof TaskInput>;
