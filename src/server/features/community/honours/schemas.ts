import { z } from '@hono/zod-openapi';
import { campaignActions, campaignStates, honourKinds, nominationKinds } from '../../../../shared/honours.js';
import { text } from '../../../platform/text-schema.js';

// 文明户评选: what the API takes and gives.

const day = z.iso.date();
const placeCode = z.string().regex(/^\d{6}(\d{3}(\d{3}(\d{3})?)?)?$/, 'a county, street, community or grid code');
const householdCode = z.string().regex(/^[0-9A-Za-z-]{14,40}$/, 'a household code');

export const IdParam = z.object({ id: z.uuid() });
export const CodeParam = z.object({ code: householdCode });
export const CommunityParam = z.object({ code: z.string().regex(/^\d{12}$/) });
export const ActionParams = z.object({ id: z.uuid(), action: z.enum(campaignActions) });
export const PanelMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const ListQuery = z.object({
  placeCode: placeCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const CriterionInput = z.object({
  name: text({ min: 1, max: 30 }),
  maxPoints: z.number().int().min(1).max(100),
  description: text({ max: 200, multiline: true }).default(''),
});
const StarBandInput = z.object({ stars: z.number().int().min(1).max(5), minPoints: z.number().min(0).max(10000) });

export const CampaignInput = z.object({
  /** the community, or a street for all its communities */
  placeCode,
  kind: z.enum(honourKinds),
  year: z.number().int().min(2000).max(2100),
  title: text({ min: 2, max: 60 }),
  description: text({ max: 1000, multiline: true }).default(''),
  criteria: z.array(CriterionInput).min(1).max(20),
  starBands: z.array(StarBandInput).max(5).default([]),
});
export const CampaignUpdate = z.object({
  title: text({ min: 2, max: 60 }).optional(),
  description: text({ max: 1000, multiline: true }).optional(),
  /** criteria can change only while nominating */
  criteria: z.array(CriterionInput).min(1).max(20).optional(),
  starBands: z.array(StarBandInput).max(5).optional(),
});
export const NominationInput = z.object({
  householdCode: householdCode.optional(),
  /** 道德模范: the resident named */
  residentId: z.uuid().optional(),
  reason: text({ min: 2, max: 500, multiline: true }),
});
export const ReasonInput = z.object({ reason: text({ min: 2, max: 300, multiline: true }) });
export const PanelInput = z.object({ userId: z.uuid() });
export const ScoreInput = z.object({
  /** points per criterion id, integers 0..max */
  points: z.record(z.uuid(), z.number().int()),
});
export const ShortlistInput = z.object({
  mode: z.enum(['top', 'threshold']),
  top: z.number().int().min(1).max(500).optional(),
  threshold: z.number().min(0).max(10000).optional(),
  /** civilised households: a star level other than the band's for some of the shortlist */
  stars: z
    .array(z.object({ nominationId: z.uuid(), stars: z.number().int().min(1).max(5) }))
    .max(500)
    .default([]),
});
export const ActionInput = z.object({
  /** publicise: the last day objections are taken */
  objectionEndsOn: day.optional(),
  /** cancel: why; publish: a note on the results */
  reason: text({ max: 300, multiline: true }).default(''),
  /** publish: changes after the notice, each with its reason */
  changes: z
    .array(
      z.object({
        nominationId: z.uuid(),
        remove: z.boolean().default(false),
        stars: z.number().int().min(1).max(5).optional(),
        reason: text({ min: 2, max: 300, multiline: true }),
      }),
    )
    .max(500)
    .default([]),
});
export const ObjectionInput = z.object({
  body: text({ min: 2, max: 1000, multiline: true }),
  nominationId: z.uuid().optional(),
});
export const AnswerInput = z.object({ answer: text({ min: 2, max: 1000, multiline: true }) });

export type CampaignInputT = z.infer<typeof CampaignInput>;
export type CampaignUpdateT = z.infer<typeof CampaignUpdate>;
export type NominationInputT = z.infer<typeof NominationInput>;
export type ShortlistInputT = z.infer<typeof ShortlistInput>;
export type ActionInputT = z.infer<typeof ActionInput>;
export type ObjectionInputT = z.infer<typeof ObjectionInput>;

// ---- answers

const CriterionSchema = z.object({
  id: z.string(),
  name: z.string(),
  maxPoints: z.number().int(),
  description: z.string(),
});
export const CampaignRowSchema = z.object({
  id: z.string(),
  placeName: z.string(),
  kind: z.enum(honourKinds),
  year: z.number().int(),
  title: z.string(),
  state: z.enum(campaignStates),
  objectionEndsOn: z.string().nullable(),
  nominations: z.number().int(),
  shortlisted: z.number().int(),
  createdAt: z.string(),
});
export const NominationSchema = z.object({
  id: z.string(),
  /** building and room, e.g. 1号楼 1单元 101室 */
  householdLabel: z.string(),
  /** the head of household, or the resident for a moral model; masked for anyone but staff */
  name: z.string(),
  kind: z.enum(nominationKinds),
  reason: z.string(),
  nominatedBy: z.string(),
  createdAt: z.string(),
  state: z.enum(['nominated', 'rejected']),
  rejectReason: z.string(),
  sheets: z.number().int(),
  /** the average of the members' totals */
  total: z.number().nullable(),
  shortlisted: z.boolean(),
  stars: z.number().int().nullable(),
  result: z.enum(['honoured', 'removed']).nullable(),
  resultNote: z.string(),
});
const SheetSchema = z.object({
  nominationId: z.string(),
  memberUserId: z.string(),
  points: z.record(z.string(), z.number()),
  total: z.number().int(),
});
const ObjectionSchema = z.object({
  id: z.string(),
  nominationId: z.string().nullable(),
  body: z.string(),
  lodgedBy: z.string(),
  lodgedAt: z.string(),
  answer: z.string(),
  answeredAt: z.string().nullable(),
  mine: z.boolean(),
});
export const CampaignSchema = CampaignRowSchema.extend({
  placeCode: z.string(),
  description: z.string(),
  criteria: z.array(CriterionSchema),
  starBands: z.array(z.object({ stars: z.number().int(), minPoints: z.number() })),
  publishNote: z.string(),
  cancelReason: z.string(),
  publishedAt: z.string().nullable(),
  /** what the viewer is to the campaign */
  viewer: z.object({ manages: z.boolean(), panelMember: z.boolean(), resident: z.boolean() }),
  actions: z.array(z.enum(campaignActions)),
  nominations: z.array(NominationSchema),
  panel: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** staff: every sheet; a panel member: their own */
  sheets: z.array(SheetSchema),
  objections: z.array(ObjectionSchema),
  /** a panel member or resident may object / score only in the right phase */
  objectionOpen: z.boolean(),
});
export const PlacesSchema = z.object({
  buildings: z.array(
    z.object({
      name: z.string(),
      households: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          residents: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
});
export const CandidateSchema = z.object({ userId: z.string(), name: z.string(), role: z.string() });
export const HouseholdStarsSchema = z.object({
  householdCode: z.string(),
  latest: z.object({ stars: z.number().int(), year: z.number().int(), title: z.string() }).nullable(),
  history: z.array(
    z.object({
      campaignId: z.string(),
      kind: z.enum(honourKinds),
      year: z.number().int(),
      title: z.string(),
      stars: z.number().int().nullable(),
    }),
  ),
});
export const PublicHonoursSchema = z.object({
  community: z.string(),
  campaigns: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(honourKinds),
      year: z.number().int(),
      title: z.string(),
      state: z.enum(['publicising', 'published']),
      objectionEndsOn: z.string().nullable(),
      entries: z.array(z.object({ householdLabel: z.string(), name: z.string(), stars: z.number().int().nullable() })),
    }),
  ),
});
