import { z } from '@hono/zod-openapi';
import {
  financeDirections,
  maxLineFen,
  noticeActions,
  noticeKinds,
  noticeLimits,
  noticeStates,
} from '../../../shared/decide-notices.js';
import { text } from '../../platform/text-schema.js';

// The shapes of 五公开 at the edge: every input checked here, every output declared.

const uuid = z.uuid();
const year = z.coerce.number().int().min(2000).max(2100);

export const IdParams = z.object({ id: uuid });
export const FileParams = z.object({ id: uuid, fileId: uuid });
export const ActionParams = z.object({ id: uuid, action: z.enum(noticeActions) });
export const CodeParams = z.object({ code: z.string().regex(/^\d{12}$/) });
export const PublicIdParams = z.object({ code: z.string().regex(/^\d{12}$/), id: uuid });
export const PublicFileParams = z.object({ code: z.string().regex(/^\d{12}$/), id: uuid, fileId: uuid });

export const FinanceLineInput = z.object({
  direction: z.enum(financeDirections),
  item: text({ min: 1, max: noticeLimits.item }),
  /** 分, an integer: a fraction of a fen is refused. */
  amountFen: z.number().int().min(1).max(maxLineFen),
});

/** Totals a client may send; the server computes its own and refuses the request if they differ. */
const TotalsInput = z.object({
  incomeFen: z.number().int(),
  expenseFen: z.number().int(),
  balanceFen: z.number().int(),
});

export const NoticeInput = z.object({
  kind: z.enum(noticeKinds),
  title: text({ min: 2, max: noticeLimits.title }),
  body: text({ min: 1, max: noticeLimits.body, multiline: true }),
  /** The community, a grid or a building (a place id from GET /notices/places). */
  placeId: uuid,
  attachmentIds: z.array(uuid).max(noticeLimits.attachments).default([]),
  financeLines: z.array(FinanceLineInput).max(noticeLimits.lines).default([]),
  totals: TotalsInput.optional(),
});
export type NoticeInputT = z.infer<typeof NoticeInput>;

export const ActInput = z.object({ reason: text({ max: noticeLimits.reason, multiline: true }).default('') });

export const NoticeListQuery = z.object({
  /** drafts: draft + returned · pending · published · archive: published + withdrawn */
  tab: z.enum(['drafts', 'pending', 'published', 'archive']).optional(),
  kind: z.enum(noticeKinds).optional(),
  year: year.optional(),
  placeId: uuid.optional(),
});
export const PublicListQuery = z.object({ kind: z.enum(noticeKinds).optional(), year: year.optional() });

const FinanceLineSchema = z.object({ direction: z.enum(financeDirections), item: z.string(), amountFen: z.number() });
const TotalsSchema = z.object({ incomeFen: z.number(), expenseFen: z.number(), balanceFen: z.number() });
const AttachmentSchema = z.object({ id: z.string(), mime: z.string(), sizeBytes: z.number(), url: z.string() });

const common = {
  id: z.string(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  body: z.string(),
  communityName: z.string(),
  communityCode: z.string(),
  placeName: z.string(),
  placeKind: z.string(),
  publishedAt: z.string().nullable(),
  publishedYear: z.number().nullable(),
  attachments: z.array(AttachmentSchema),
  financeLines: z.array(FinanceLineSchema),
  totals: TotalsSchema.nullable(),
};

export const ReadStatsSchema = z.object({
  readers: z.number(),
  anonymousViews: z.number(),
  /** 应读: registry residents with a phone living under the target place */
  audience: z.number(),
  /** readers / audience, 0–1; null when the audience is 0 */
  rate: z.number().nullable(),
});

export const NoticeSchema = z
  .object({
    ...common,
    placeId: z.string(),
    state: z.enum(noticeStates),
    authorName: z.string(),
    approverName: z.string().nullable(),
    submittedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    withdrawReason: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    editable: z.boolean(),
    /** The approval is refused to this actor because they drafted or edited it (four eyes). */
    ownDraft: z.boolean(),
    actions: z.array(z.enum(noticeActions)),
    reads: ReadStatsSchema,
  })
  .openapi('PublicNotice');

export const HistorySchema = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export const NoticeDetailSchema = NoticeSchema.extend({ history: z.array(HistorySchema) });

export const FeedItemSchema = z.object({ ...common, read: z.boolean() });
export const FeedSchema = z.object({ items: z.array(FeedItemSchema), unread: z.number() });

export const PublicNoticeSchema = z.object(common);
export const PublicListSchema = z.object({
  community: z.object({ name: z.string(), code: z.string() }),
  items: z.array(PublicNoticeSchema),
});

export const TargetPlaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  parentName: z.string().nullable(),
});
export const ArchiveSchema = z.object({ year: z.number(), kind: z.enum(noticeKinds), count: z.number() });
