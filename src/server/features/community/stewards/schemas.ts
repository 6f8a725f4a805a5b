import { z } from '@hono/zod-openapi';
import {
  commendationKinds,
  evaluationGrades,
  nominationActions,
  nominationKinds,
  nominationStates,
  opinionStates,
  retireReasons,
  stewardDuties,
  termStates,
  voteActions,
  voteStates,
} from '../../../../shared/stewards.js';
import { text } from '../../../platform/text-schema.js';

// 楼门管家: what the API takes and gives.

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const day = z.iso.date();
const buildingCode = z.string().regex(/^\d{12}-[0-9A-Za-z]{1,8}$/, 'a building code such as 610899001001-1');
const placeCode = z.string().regex(/^\d{6}(\d{3}(\d{3}(\d{3})?)?)?$/, 'a county, street, community or grid code');
const phone = z.string().regex(/^1\d{10}$/, 'a mobile number');

export const IdParam = z.object({ id: z.uuid() });
export const BuildingParam = z.object({ code: buildingCode });
export const NominationActionParams = z.object({ id: z.uuid(), action: z.enum(nominationActions) });
export const VoteActionParams = z.object({ id: z.uuid(), action: z.enum(voteActions) });
export const TermMonthParams = z.object({ id: z.uuid(), month });
export const PlaceQuery = z.object({ placeCode: placeCode.optional() });
export const YearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  placeCode: placeCode.optional(),
});
export const OpinionQuery = z.object({ placeCode: placeCode.optional(), month: month.optional() });

export const NominationInput = z.object({
  /** a neighbour by the mobile number they log in with; none: myself (or, for the community, nomineeUserId) */
  nomineePhone: phone.optional(),
  nomineeUserId: z.uuid().optional(),
  reason: text({ max: 300, multiline: true }).default(''),
});
export const DecisionInput = z.object({ note: text({ max: 300 }).default('') });
export const VoteInput = z.object({
  title: text({ min: 2, max: 60 }),
  closesOn: day.optional(),
});
export const BallotInput = z.object({ nominationId: z.uuid() });
export const RetireInput = z.object({ reason: z.enum(retireReasons), note: text({ max: 300 }).default('') });
export const TickInput = z.object({
  duty: z.enum(stewardDuties),
  note: text({ max: 300, multiline: true }).default(''),
  photoId: z.uuid().optional(),
});
export const OpinionInput = z.object({
  body: text({ min: 2, max: 1000, multiline: true }),
  photoId: z.uuid().optional(),
  householdCode: z
    .string()
    .regex(/^[0-9A-Za-z-]{14,40}$/)
    .optional(),
});
export const EvaluationInput = z.object({
  grade: z.enum(evaluationGrades),
  comment: text({ max: 300, multiline: true }).default(''),
});
export const CommendationInput = z.object({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(commendationKinds),
  buildingCode,
  note: text({ max: 300 }).default(''),
});

export type NominationInputT = z.infer<typeof NominationInput>;
export type VoteInputT = z.infer<typeof VoteInput>;
export type RetireInputT = z.infer<typeof RetireInput>;
export type TickInputT = z.infer<typeof TickInput>;
export type OpinionInputT = z.infer<typeof OpinionInput>;
export type EvaluationInputT = z.infer<typeof EvaluationInput>;
export type CommendationInputT = z.infer<typeof CommendationInput>;

// ---- answers

const when = z.string();
export const TermSchema = z.object({
  id: z.string(),
  buildingCode: z.string(),
  buildingName: z.string(),
  userId: z.string(),
  name: z.string(),
  state: z.enum(termStates),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  retireReason: z.enum(retireReasons).nullable(),
  retireNote: z.string(),
  byVote: z.boolean(),
  actions: z.array(z.string()),
});
export const NominationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(nominationKinds),
  reason: z.string(),
  state: z.enum(nominationStates),
  voteId: z.string().nullable(),
  createdAt: when,
  decisionNote: z.string(),
  actions: z.array(z.string()),
});
export const VoteSchema = z
  .object({
    id: z.string(),
    buildingCode: z.string(),
    buildingName: z.string(),
    title: z.string(),
    state: z.enum(voteStates),
    closesOn: z.string().nullable().openapi({ description: 'The last day of voting (China time)' }),
    closesAt: when.nullable().openapi({ description: 'When the vote closes: the first instant after closesOn' }),
    openedAt: when,
    closedAt: when.nullable(),
    eligible: z.number().int().openapi({ description: 'The roll: electors frozen when the vote opened' }),
    ballots: z.number().int().openapi({ description: 'Ballots cast so far (how many, never what)' }),
    candidates: z.array(
      z.object({
        nominationId: z.string(),
        name: z.string(),
        reason: z.string(),
        votes: z
          .number()
          .int()
          .nullable()
          .openapi({ description: 'From the frozen result once closed; null while open (for staff too)' }),
      }),
    ),
    winnerNominationId: z.string().nullable(),
    failure: z
      .enum(['no_quorum', 'no_majority', 'tie'])
      .nullable()
      .openapi({ description: 'Closed without a steward (closed by time): why; tie = several candidates level' }),
    voted: z.boolean().openapi({
      description: 'I voted (secret vote: never what I chose; check the receipt on /me/votes/{id}/receipt-check)',
    }),
    onRoll: z.boolean().openapi({ description: 'I am on the roll frozen when the vote opened' }),
    actions: z.array(z.string()),
  })
  .openapi({
    description:
      '楼门管家选举: a secret vote of the vote kernel (subject steward_election); it also appears on the console’s 表决 list and the resident’s 我的表决',
  });
export const CastSchema = z.object({
  id: z.string(),
  voted: z.literal(true),
  receipt: z.string().openapi({ description: 'Shown once: the code to check the ballot was counted' }),
});
export const BuildingRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  communityName: z.string(),
  households: z.number().int(),
  steward: z.object({ termId: z.string(), name: z.string(), startedOn: z.string() }).nullable(),
  standingNominations: z.number().int(),
  openVoteId: z.string().nullable(),
});
export const EvaluationSchema = z.object({
  id: z.string(),
  termId: z.string(),
  name: z.string(),
  buildingName: z.string(),
  month: z.string(),
  grade: z.enum(evaluationGrades),
  comment: z.string(),
});
export const OpinionSchema = z.object({
  id: z.string(),
  termId: z.string(),
  stewardName: z.string(),
  buildingName: z.string(),
  householdName: z.string().nullable(),
  body: z.string(),
  photoId: z.string().nullable(),
  state: z.enum(opinionStates),
  caseTrackingCode: z.string().nullable(),
  createdAt: when,
  actions: z.array(z.string()),
});
export const BuildingDetailSchema = z.object({
  building: BuildingRowSchema,
  current: TermSchema.nullable(),
  terms: z.array(TermSchema),
  nominations: z.array(NominationSchema),
  votes: z.array(VoteSchema),
  evaluations: z.array(EvaluationSchema),
  mayManage: z.boolean(),
});
export const ChecklistSchema = z.object({
  termId: z.string(),
  month: z.string(),
  completed: z.boolean(),
  items: z.array(
    z.object({
      duty: z.enum(stewardDuties),
      ticked: z.boolean(),
      note: z.string(),
      photoId: z.string().nullable(),
      tickedAt: when.nullable(),
    }),
  ),
  pointsAwarded: z.number().int(),
});
export const HomeSchema = z.object({
  terms: z.array(
    z.object({
      term: TermSchema,
      communityName: z.string(),
      households: z.array(
        z.object({ code: z.string(), address: z.string(), room: z.string(), people: z.number().int() }),
      ),
      openCases: z.array(
        z.object({ trackingCode: z.string(), state: z.string(), summary: z.string(), createdAt: when }),
      ),
      checklist: ChecklistSchema,
      opinions: z.array(OpinionSchema),
      opinionsThisMonth: z.number().int(),
      lastEvaluation: EvaluationSchema.nullable(),
    }),
  ),
});
export const ResidentViewSchema = z.object({
  buildings: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      communityName: z.string(),
      stewardName: z.string().nullable(),
      myNominations: z.array(NominationSchema),
      openVote: VoteSchema.nullable(),
    }),
  ),
});
export const CommendationSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: z.enum(commendationKinds),
  buildingCode: z.string(),
  buildingName: z.string(),
  name: z.string().nullable(),
  note: z.string(),
  points: z.number().int(),
});
export const CommendationsSchema = z.object({
  items: z.array(CommendationSchema),
  stewardRanking: z.array(
    z.object({
      termId: z.string(),
      name: z.string(),
      buildingCode: z.string(),
      buildingName: z.string(),
      score: z.number().int(),
      months: z.number().int(),
      excellent: z.number().int(),
    }),
  ),
  buildingRanking: z.array(
    z.object({
      buildingCode: z.string(),
      buildingName: z.string(),
      dutyMonths: z.number().int(),
      opinions: z.number().int(),
      score: z.number().int(),
    }),
  ),
});
export const NumbersSchema = z.object({
  year: z.number().int(),
  items: z.array(
    z.object({
      communityCode: z.string(),
      communityName: z.string(),
      buildingsWithSteward: z.number().int(),
      appointed: z.number().int(),
      retired: z.number().int(),
      votes: z.number().int(),
      checklistsCompleted: z.number().int(),
      opinions: z.number().int(),
      opinionsFiled: z.number().int(),
      evaluations: z.number().int(),
      excellent: z.number().int(),
      commendations: z.number().int(),
    }),
  ),
});
