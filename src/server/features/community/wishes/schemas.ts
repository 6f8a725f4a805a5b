import { z } from '@hono/zod-openapi';
import { microActionStates, wishActions, wishCategories, wishStates } from '../../../../shared/community-wishes.js';
import { text } from '../../../platform/text-schema.js';

// The shapes of 微心愿 · 微行动 at the edge: every input checked here, every output declared.

const uuid = z.uuid();
const photoIds = (max: number) => z.array(uuid).max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const IdParams = z.object({ id: uuid });
export const PhotoParams = z.object({ id: uuid, fileId: uuid });
export const WishActionParams = z.object({ id: uuid, action: z.enum(['approve', 'reject', 'give_up', 'cancel']) });

export const WishInput = z.object({
  category: z.enum(wishCategories),
  content: text({ min: 2, max: 300, multiline: true }),
  photoIds: photoIds(3).default([]),
  /** 代发: the registry resident the wish is for (holders of wishes:post); absent: for oneself */
  residentId: uuid.optional(),
});
export type WishInputT = z.infer<typeof WishInput>;

export const ReviewInput = z.object({ reason: text({ max: 200 }).default('') });
export const ClaimInput = z.object({ organisationId: uuid.optional() });
export const FulfilInput = z.object({
  photoIds: photoIds(6).min(1),
  note: text({ max: 300, multiline: true }).default(''),
});
export const ThankInput = z.object({ message: text({ min: 1, max: 300, multiline: true }) });

export const WishListQuery = z.object({
  state: z.enum(wishStates).optional(),
  buildingCode: text({ max: 40 }).optional(),
  placeCode: text({ max: 40 }).optional(),
});
export const ResidentQuery = z.object({ q: text({ max: 20 }).default('') });
export const NumbersQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  placeCode: text({ max: 40 }).optional(),
});

export const WishSchema = z
  .object({
    id: z.string(),
    communityName: z.string(),
    category: z.enum(wishCategories),
    content: z.string(),
    photoIds: z.array(z.string()),
    /** masked (黄*兰) for all but staff of the place, the poster and the beneficiary */
    beneficiaryName: z.string(),
    postedForResident: z.boolean(),
    mine: z.boolean(),
    state: z.enum(wishStates),
    rejectReason: z.string(),
    claimerName: z.string().nullable(),
    claimedByUnit: z.boolean(),
    claimedByMe: z.boolean(),
    claimedAt: z.string().nullable(),
    fulfilDueAt: z.string().nullable(),
    fulfilPhotoIds: z.array(z.string()),
    fulfilNote: z.string(),
    fulfilledAt: z.string().nullable(),
    thanksMessage: z.string(),
    thankedAt: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(z.enum(wishActions)),
    /** points the fulfilment earned the claimer (one wish's detail only; null in lists) */
    pointsCredited: z.number().nullable(),
  })
  .openapi('CommunityWish');

export const ResidentPickSchema = z.object({
  id: z.string(),
  name: z.string(),
  household: z.string(),
  age: z.number().nullable(),
});
export const UnitSchema = z.object({ id: z.string(), name: z.string() });

export const WishNumbersSchema = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      communityCode: z.string(),
      communityName: z.string(),
      wishesPosted: z.number(),
      wishesPublished: z.number(),
      wishesClaimed: z.number(),
      wishesFulfilled: z.number(),
      actions: z.number(),
      participants: z.number(),
    }),
  ),
});

// ---- micro-actions

export const ActionInput = z.object({
  placeCode: text({ min: 1, max: 40 }),
  title: text({ min: 2, max: 60 }),
  description: text({ max: 500, multiline: true }).default(''),
  date: day,
  location: text({ max: 100 }).default(''),
  slots: z.number().int().min(1).max(1000),
});
export type ActionInputT = z.infer<typeof ActionInput>;

export const ActionDoneInput = z.object({
  photoIds: photoIds(9).min(1),
  /** user ids of those who took part, among the signed up */
  participantIds: z.array(uuid).max(1000),
});
export const ActionListQuery = z.object({ placeCode: text({ max: 40 }).optional() });

export const ActionSchema = z
  .object({
    id: z.string(),
    communityName: z.string(),
    title: z.string(),
    description: z.string(),
    date: z.string(),
    location: z.string(),
    slots: z.number(),
    signedUp: z.number(),
    state: z.enum(microActionStates),
    proofPhotoIds: z.array(z.string()),
    doneAt: z.string().nullable(),
    mine: z.boolean(),
    tookPart: z.boolean(),
    mayManage: z.boolean(),
  })
  .openapi('CommunityMicroAction');

export const SignupSchema = z.object({ userId: z.string(), name: z.string(), tookPart: z.boolean() });
export const ActionDetailSchema = ActionSchema.extend({ signups: z.array(SignupSchema) });
