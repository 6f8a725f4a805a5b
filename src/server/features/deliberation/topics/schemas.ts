import { z } from '@hono/zod-openapi';
import { topicSources, topicStates, type TopicParty } from '../../../../shared/decide.js';
import { text } from '../../../platform/text-schema.js';
import { httpTopicActions } from './present.js';

// The shapes of 议题 at the edge: every input checked here, every output declared.

const uuid = z.uuid();
const topicParties = ['community', 'raiser', 'resident', 'system'] as const satisfies TopicParty[];

export const IdParams = z.object({ id: uuid });
export const CaseParams = z.object({ caseId: uuid });
export const CommunityParams = z.object({ communityId: uuid });
export const ActParams = z.object({ id: uuid, action: z.enum(['screen_in', 'accept', 'reject', 'withdraw']) });
export const PublicParams = z.object({
  code: z
    .string()
    .regex(/^\d{12}$/)
    .openapi({ param: { name: 'code', in: 'path' }, example: '610824001001' }),
});

export const RaiseInput = z.object({
  /** one of the places GET /deliberation/topics/places offers this user */
  placeId: uuid,
  title: text({ min: 4, max: 40 }),
  body: text({ min: 10, max: 1000, multiline: true }),
  /** staff may keep a topic off the residents' lists and the public page */
  isPublic: z.boolean().default(true),
});
export type RaiseInputT = z.infer<typeof RaiseInput>;

export const FromCaseInput = z.object({
  title: text({ min: 4, max: 40 }),
  body: text({ min: 10, max: 1000, multiline: true }),
});
export type FromCaseInputT = z.infer<typeof FromCaseInput>;

export const ActInput = z.object({ note: text({ max: 300, multiline: true }).default('') });
export const SettingsInput = z.object({ secondsToAgenda: z.number().int().min(0).max(1000) });

export const TopicListQuery = z.object({
  state: z.enum(topicStates).optional(),
  source: z.enum(topicSources).optional(),
  communityCode: text({ max: 40 }).optional(),
});

export const TopicSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    body: z.string(),
    communityName: z.string(),
    communityCode: z.string(),
    placeName: z.string(),
    hall: z.enum(['community', 'grid']),
    raisedVia: z.enum(topicSources),
    /** masked (黄*兰) for all but staff of the place and the raiser */
    raiserName: z.string(),
    mine: z.boolean(),
    isPublic: z.boolean(),
    state: z.enum(topicStates),
    secondsCount: z.number(),
    secondsNeeded: z.number(),
    secondedByMe: z.boolean(),
    screenNote: z.string(),
    screenedAt: z.string().nullable(),
    /** staff of the place only */
    caseId: z.string().nullable(),
    /** staff of the place and the raiser only */
    caseTrackingCode: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(z.enum(httpTopicActions)),
  })
  .openapi('DeliberationTopic');

export const TopicEventSchema = z.object({
  action: z.string(),
  fromState: z.enum(topicStates).nullable(),
  toState: z.enum(topicStates),
  byParty: z.enum(topicParties),
  byName: z.string().nullable(),
  note: z.string(),
  at: z.string(),
});

export const TopicDetailSchema = TopicSchema.extend({ events: z.array(TopicEventSchema) }).openapi(
  'DeliberationTopicDetail',
);

export const TopicPageSchema = z.object({
  items: z.array(TopicSchema),
  /** topics per state under the same filters (the state aside) */
  counts: z.record(z.string(), z.number()),
});

export const RaisePlaceSchema = z.object({
  placeId: z.string(),
  name: z.string(),
  kind: z.enum(['community', 'grid', 'building']),
  hall: z.enum(['community', 'grid']),
  via: z.enum(['resident', 'steward', 'community']),
});

export const CaseTopicSchema = z.object({
  topic: z.object({ id: z.string(), code: z.string(), title: z.string(), state: z.enum(topicStates) }).nullable(),
  /** the actor may turn this case into a topic (cases:dispatch and deliberation:manage over its place) */
  mayRaise: z.boolean(),
});

export const SettingSchema = z.object({
  communityId: z.string(),
  communityName: z.string(),
  secondsToAgenda: z.number(),
  isDefault: z.boolean(),
});

export const PublicTopicSchema = z.object({
  code: z.string(),
  title: z.string(),
  /** the state, also the key of its label (decide.topics.state.<state>) */
  state: z.enum(topicStates),
  secondsCount: z.number(),
  secondsNeeded: z.number(),
  /** the Beijing day it was raised, YYYY-MM-DD */
  raisedOn: z.string(),
});
