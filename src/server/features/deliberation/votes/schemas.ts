import { z } from '@hono/zod-openapi';
import {
  voteChannels,
  voteElectorates,
  voteMajorities,
  voteMethods,
  voteStates,
  voteSubjectKinds,
} from '../../../../shared/decide.js';
import { text } from '../../../platform/text-schema.js';

// 表决 over HTTP: what comes in (checked) and what goes out (documented, and checked by the
// response-schema test). Counts appear only in `result`, which is null until the vote closes.

const uuid = z.string().uuid();
export const IdParam = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });
export const ActionParams = z.object({
  id: uuid.openapi({ param: { name: 'id', in: 'path' } }),
  action: z.enum(['open', 'close']).openapi({ param: { name: 'action', in: 'path' } }),
});
export const CommunityParam = z.object({
  code: z
    .string()
    .regex(/^\d{12}$/)
    .openapi({ param: { name: 'code', in: 'path' }, example: '610899001001' }),
});
const placeCode = z.string().regex(/^[0-9A-Za-z-]{2,40}$/);

export const ListQuery = z.object({
  state: z.enum(voteStates).optional(),
  communityCode: placeCode.optional(),
});
export const RollQuery = z.object({ q: text({ max: 20 }).optional() });

const isoTime = z.iso.datetime({ offset: true });
export const VoteInput = z
  .object({
    /** the community, a grid or a building whose residents (or households) vote */
    placeCode,
    title: text({ min: 2, max: 60 }),
    description: text({ max: 2000, multiline: true }).default(''),
    method: z.enum(voteMethods),
    options: z
      .array(text({ min: 1, max: 40 }))
      .max(30)
      .default([]),
    maxChoices: z.number().int().min(1).max(30).default(1),
    seats: z.number().int().min(1).max(30).default(1),
    secret: z.boolean(),
    electorate: z.enum(voteElectorates),
    allowPhone: z.boolean().default(true),
    allowPaper: z.boolean().default(false),
    quorumPercent: z.number().int().min(0).max(100).default(0),
    majority: z.enum(voteMajorities),
    opensAt: isoTime.nullable().default(null),
    closesAt: isoTime,
  })
  .superRefine((v, ctx) => {
    if (!v.allowPhone && !v.allowPaper)
      ctx.addIssue({ code: 'custom', path: ['allowPhone'], message: 'Allow phone or paper ballots' });
    if (v.method === 'options') {
      if (v.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'At least two options' });
      if (new Set(v.options).size !== v.options.length)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Options must differ' });
      if (v.maxChoices > v.options.length)
        ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'More choices than options' });
      if (v.seats > v.maxChoices)
        ctx.addIssue({ code: 'custom', path: ['seats'], message: 'More seats than choices per ballot' });
    }
    if (v.opensAt && new Date(v.opensAt) >= new Date(v.closesAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Closes before it opens' });
  });
export type VoteInputT = z.infer<typeof VoteInput>;

export const CancelInput = z.object({ reason: text({ min: 2, max: 200 }) });
export const BallotInput = z.object({ optionIds: z.array(uuid).min(1).max(30) });
export const PaperInput = z.object({ electorId: uuid, optionIds: z.array(uuid).min(1).max(30) });
export const ReceiptInput = z.object({
  receipt: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/),
});

const ResultSchema = z
  .object({
    eligible: z.number(),
    cast: z.number(),
    turnoutPercent: z.number(),
    quorumMet: z.boolean(),
    counts: z.array(z.object({ optionId: z.string(), label: z.string(), votes: z.number() })),
    passed: z.boolean(),
    winners: z.array(z.string()),
    failure: z.enum(['no_quorum', 'no_majority', 'tie']).nullable(),
  })
  .openapi('VoteResult');

const OptionSchema = z.object({ id: z.string(), position: z.number(), label: z.string() });

export const VoteRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  communityName: z.string(),
  placeName: z.string(),
  subjectKind: z.enum(voteSubjectKinds),
  method: z.enum(voteMethods),
  electorate: z.enum(voteElectorates),
  secret: z.boolean(),
  state: z.enum(voteStates),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  eligible: z.number().nullable(),
  /** ballots cast so far: turnout, never what they marked */
  voted: z.number(),
  passed: z.boolean().nullable(),
});

export const VoteDetailSchema = VoteRowSchema.extend({
  placeCode: z.string(),
  description: z.string(),
  options: z.array(OptionSchema),
  maxChoices: z.number(),
  seats: z.number(),
  allowPhone: z.boolean(),
  allowPaper: z.boolean(),
  quorumPercent: z.number(),
  majority: z.enum(voteMajorities),
  cancelReason: z.string(),
  result: ResultSchema.nullable(),
  actions: z.array(z.enum(['edit', 'open', 'close', 'cancel', 'paper'])),
});

export const ElectorSchema = z.object({
  electorId: z.string(),
  /** masked name (residents) or the household's room (households) */
  name: z.string(),
  room: z.string(),
  voted: z.boolean(),
  channel: z.enum(voteChannels).nullable(),
});
export const RollSchema = z.object({
  eligible: z.number(),
  voted: z.number(),
  phone: z.number(),
  paper: z.number(),
  items: z.array(ElectorSchema),
});

export const ReceiptSchema = z.object({ receipt: z.string() });
export const CheckSchema = z.object({ counted: z.boolean(), marks: z.array(z.string()).nullable() });

export const MyVoteSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  placeName: z.string(),
  /** what the vote belongs to (e.g. a building's 楼门管家选举), named on the phone with the place */
  subjectKind: z.enum(voteSubjectKinds),
  method: z.enum(voteMethods),
  secret: z.boolean(),
  state: z.enum(voteStates),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  maxChoices: z.number(),
  options: z.array(OptionSchema),
  /** I (or my household) voted, and how */
  voted: z.boolean(),
  channel: z.enum(voteChannels).nullable(),
  /** open, inside its times, phone ballots taken and I have not voted */
  canVote: z.boolean(),
  result: ResultSchema.nullable(),
});

export const PublicVotesSchema = z.object({
  community: z.string(),
  open: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      closesAt: z.string().nullable(),
      eligible: z.number(),
      voted: z.number(),
    }),
  ),
  closed: z.array(
    z.object({ id: z.string(), title: z.string(), closedAt: z.string().nullable(), result: ResultSchema }),
  ),
});
