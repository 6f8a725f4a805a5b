import { z } from '@hono/zod-openapi';
import {
  candidateStates,
  issueStates,
  logKinds,
  projectActions,
  projectStates,
} from '../../../../shared/deliberation-supervisors.js';
import { text } from '../../../platform/text-schema.js';
import { SummonsRequest, summonsSomeone } from '../../whistle/index.js';

// 百姓监督员: what the API takes and gives.

const placeCode = z.string().regex(/^[0-9A-Za-z-]{6,40}$/, 'a community, grid or building code');
const phone = z.string().regex(/^1\d{10}$/, 'a mobile number');
const photoIds = z.array(z.uuid()).max(9).default([]);

export const IdParam = z.object({ id: z.uuid() });
export const CodeParam = z.object({ code: z.string().regex(/^\d{12}$/, 'a community code') });
export const ProjectActionParams = z.object({
  id: z.uuid(),
  action: z.enum(projectActions).exclude(['elected', 'appoint']),
});
export const CandidateActionParams = z.object({ id: z.uuid(), action: z.enum(['accept', 'reject']) });
export const ProjectQuery = z.object({ placeCode: placeCode.optional(), state: z.enum(projectStates).optional() });

export const ProjectInput = z.object({
  placeCode,
  title: text({ min: 2, max: 60 }),
  description: text({ max: 2000, multiline: true }).default(''),
  duties: text({ max: 2000, multiline: true }).default(''),
  seats: z.number().int().min(1).max(20),
});
export const ProjectPatch = ProjectInput.omit({ placeCode: true }).partial();
export const ProjectActionInput = z.object({
  note: text({ max: 300 }).default(''),
  /** start_election: turnout needed, in percent of the roll */
  quorumPercent: z.number().int().min(0).max(100).default(0),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
});
export const ApplyInput = z.object({ statement: text({ min: 5, max: 1000, multiline: true }) });
export const CandidateInput = z.object({ phone, statement: text({ min: 2, max: 1000, multiline: true }) });
export const DecisionInput = z.object({ note: text({ max: 300 }).default('') });
export const AppointInput = z
  .object({
    candidateId: z.uuid().optional(),
    phone: phone.optional(),
    /** 直接任命: what the community decided on paper (e.g. 居民代表会议 2026-11-20 决定) */
    reason: text({ min: 4, max: 300 }),
  })
  .refine((v) => (v.candidateId ? 1 : 0) + (v.phone ? 1 : 0) === 1, {
    path: ['candidateId'],
    message: 'name one candidate or one phone',
  });
export const EndTermInput = z.object({ note: text({ max: 300 }).default('') });
export const LogInput = z.object({
  kind: z.enum(logKinds),
  body: text({ min: 2, max: 2000, multiline: true }),
  rating: z.number().int().min(1).max(5),
  photoIds,
  lng: z.number().min(73).max(136).optional(),
  lat: z.number().min(3).max(54).optional(),
  locationNote: text({ max: 100 }).default(''),
});
export const IssueInput = z.object({ body: text({ min: 2, max: 2000, multiline: true }), photoIds });
export const IssueWhistleInput = SummonsRequest.refine(...summonsSomeone);

const iso = z.string();

export const ProjectRowSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    placeCode: z.string(),
    placeName: z.string(),
    communityName: z.string(),
    seats: z.number(),
    state: z.enum(projectStates),
    candidates: z.number(),
    supervisors: z.number(),
    logs: z.number(),
    issues: z.number(),
    createdAt: iso,
  })
  .openapi('SupervisionProjectRow');

const CandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  statement: z.string(),
  source: z.enum(['self', 'staff']),
  state: z.enum(candidateStates),
  decisionNote: z.string(),
  createdAt: iso,
});
const TermSchema = z.object({
  id: z.string(),
  name: z.string(),
  origin: z.enum(['vote', 'appointed']),
  appointReason: z.string(),
  state: z.enum(['active', 'ended']),
  startedAt: iso,
  endedAt: iso.nullable(),
  endNote: z.string(),
});
export const LogSchema = z.object({
  id: z.string(),
  termId: z.string(),
  name: z.string(),
  kind: z.enum(logKinds),
  body: z.string(),
  rating: z.number(),
  photoIds: z.array(z.string()),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  locationNote: z.string(),
  createdAt: iso,
});
export const IssueSchema = z.object({
  id: z.string(),
  termId: z.string(),
  name: z.string(),
  body: z.string(),
  photoIds: z.array(z.string()),
  state: z.enum(issueStates),
  caseId: z.string().nullable(),
  caseTrackingCode: z.string().nullable(),
  whistleId: z.string().nullable(),
  createdAt: iso,
});
const ElectionSchema = z
  .object({
    voteId: z.string(),
    state: z.string(),
    seats: z.number(),
    maxChoices: z.number(),
    options: z.array(z.object({ id: z.string(), label: z.string(), candidateId: z.string().nullable() })),
    result: z
      .object({
        eligible: z.number(),
        cast: z.number(),
        turnoutPercent: z.number(),
        quorumMet: z.boolean(),
        passed: z.boolean(),
        failure: z.string().nullable(),
        counts: z.array(z.object({ optionId: z.string(), label: z.string(), votes: z.number() })),
        winners: z.array(z.string()),
      })
      .nullable(),
  })
  .nullable();

export const ProjectDetailSchema = ProjectRowSchema.extend({
  description: z.string(),
  duties: z.string(),
  electionNote: z.string(),
  endNote: z.string(),
  candidateList: z.array(CandidateSchema),
  election: ElectionSchema,
  terms: z.array(TermSchema),
  logList: z.array(LogSchema),
  issueList: z.array(IssueSchema),
  actions: z.array(z.enum(projectActions)),
  mayManage: z.boolean(),
}).openapi('SupervisionProjectDetail');

export const ResidentProjectSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    placeName: z.string(),
    description: z.string(),
    duties: z.string(),
    seats: z.number(),
    state: z.enum(projectStates),
    candidates: z.array(z.object({ id: z.string(), name: z.string(), statement: z.string(), state: z.string() })),
    supervisors: z.array(z.string()),
    voteId: z.string().nullable(),
    myApplication: z.object({ id: z.string(), state: z.enum(candidateStates) }).nullable(),
    mayApply: z.boolean(),
  })
  .openapi('SupervisionResidentProject');

export const SupervisorHomeSchema = z
  .object({
    terms: z.array(
      z.object({
        termId: z.string(),
        projectId: z.string(),
        title: z.string(),
        placeName: z.string(),
        duties: z.string(),
        startedAt: iso,
        logs: z.array(LogSchema),
        issues: z.array(IssueSchema),
      }),
    ),
  })
  .openapi('SupervisorHome');

export const PublicSupervisionSchema = z
  .object({
    community: z.object({ code: z.string(), name: z.string() }),
    projects: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        placeName: z.string(),
        state: z.enum(projectStates),
        seats: z.number(),
        supervisors: z.array(z.string()),
        inspections: z.number(),
        issues: z.number(),
      }),
    ),
  })
  .openapi('PublicSupervision');

export type ProjectInputT = z.infer<typeof ProjectInput>;
export type ProjectPatchT = z.infer<typeof ProjectPatch>;
export type ProjectActionInputT = z.infer<typeof ProjectActionInput>;
export type AppointInputT = z.infer<typeof AppointInput>;
export type LogInputT = z.infer<typeof LogInput>;
export type IssueInputT = z.infer<typeof IssueInput>;
export type IssueWhistleInputT = z.infer<typeof IssueWhistleInput>;
