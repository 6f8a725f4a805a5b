import { z } from '@hono/zod-openapi';
import { noticeKinds } from '../../../../shared/decide-notices.js';

// 居民议事数据 (issue 17): the year's deliberation counts per community in scope, each area's own numbers side by side.

export const DecideNumbersQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  placeCode: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/)
    .optional(),
});
export type DecideNumbersQueryT = z.infer<typeof DecideNumbersQuery>;

const NoticeKindFigures = z.object({
  kind: z.enum(noticeKinds),
  published: z.number().int(),
  /** Residents who read the kind's notices, summed over the notices, and the residents they were for. */
  readers: z.number().int(),
  audience: z.number().int(),
  /** readers / audience in per cent, one decimal; null without audience. */
  readRatePct: z.number().nullable(),
});

const figures = {
  /** 议题: raised in the year; of those, where they stand now. */
  topicsRaised: z.number().int(),
  topicsAccepted: z.number().int(),
  topicsRejected: z.number().int(),
  topicsDecided: z.number().int(),
  topicsHandedUp: z.number().int(),
  topicsClosed: z.number().int(),
  /** 议事会议 held in the year, their decisions and the decisions' tasks. */
  meetingsHeld: z.number().int(),
  decisions: z.number().int(),
  tasks: z.number().int(),
  tasksDone: z.number().int(),
  tasksOverdue: z.number().int(),
  /** 表决 closed in the year; turnout = households voted / eligible, per cent with one decimal. */
  votesHeld: z.number().int(),
  votesEligible: z.number().int(),
  votesCast: z.number().int(),
  turnoutPct: z.number().nullable(),
  /** 百姓监督员 serving in the year, their inspection logs. */
  supervisors: z.number().int(),
  inspections: z.number().int(),
  /** 五公开 published in the year; read rate = readers / audience over the notices, per cent. */
  noticesPublished: z.number().int(),
  noticeReaders: z.number().int(),
  noticeAudience: z.number().int(),
  noticeReadRatePct: z.number().nullable(),
  noticesByKind: z.array(NoticeKindFigures),
  /** 文明户评选 of the year and the households honoured. */
  honourCampaigns: z.number().int(),
  householdsHonoured: z.number().int(),
};

export const DecideNumbersRowSchema = z
  .object({ communityCode: z.string(), communityName: z.string(), ...figures })
  .openapi('DecideNumbersRow');
export type DecideNumbersRowT = z.infer<typeof DecideNumbersRowSchema>;

export const DecideVoteTurnoutSchema = z
  .object({
    voteId: z.string(),
    title: z.string(),
    communityCode: z.string(),
    communityName: z.string(),
    closedAt: z.string(),
    eligible: z.number().int(),
    voted: z.number().int(),
    turnoutPct: z.number().nullable(),
  })
  .openapi('DecideVoteTurnout');

export const DecideNumbersSchema = z
  .object({
    year: z.number().int(),
    placeName: z.string().nullable(),
    items: z.array(DecideNumbersRowSchema),
    totals: z.object(figures),
    votes: z.array(DecideVoteTurnoutSchema),
  })
  .openapi('DecideNumbers');
export type DecideNumbersT = z.infer<typeof DecideNumbersSchema>;
