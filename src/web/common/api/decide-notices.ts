// 五公开 (issue 17): the area's API for the console, the phone and the public board, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  ArchiveSchema,
  FeedItemSchema,
  FeedSchema,
  NoticeDetailSchema,
  NoticeSchema,
  PublicListSchema,
  PublicNoticeSchema,
  TargetPlaceSchema,
} from '../../../server/features/notices/schemas';
import type { FinanceLine, NoticeAction, NoticeKind } from '../../../shared/decide-notices';
import { http, type Items } from '../http';

export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeDetail = z.infer<typeof NoticeDetailSchema>;
export type FeedNotice = z.infer<typeof FeedItemSchema>;
export type NoticeFeed = z.infer<typeof FeedSchema>;
export type PublicNotice = z.infer<typeof PublicNoticeSchema>;
export type PublicNoticeList = z.infer<typeof PublicListSchema>;
export type TargetPlace = z.infer<typeof TargetPlaceSchema>;
export type ArchiveCount = z.infer<typeof ArchiveSchema>;
export type NoticeTab = 'drafts' | 'pending' | 'published' | 'archive';

export interface NoticeBody {
  kind: NoticeKind;
  title: string;
  body: string;
  placeId: string;
  attachmentIds: string[];
  financeLines: FinanceLine[];
}

const base = '/notices';
const pub = (code: string) => `/public/communities/${encodeURIComponent(code)}/notices`;

export const noticesApi = {
  list: (query: { tab?: NoticeTab; kind?: NoticeKind; year?: number; placeId?: string }, signal?: AbortSignal) =>
    http.get<Items<Notice>>(base, { query, signal }),
  archive: () => http.get<Items<ArchiveCount>>(`${base}/archive`),
  places: () => http.get<Items<TargetPlace>>(`${base}/places`),
  get: (id: string) => http.get<NoticeDetail>(`${base}/${id}`),
  create: (body: NoticeBody) => http.post<NoticeDetail>(base, body),
  edit: (id: string, body: NoticeBody) => http.put<NoticeDetail>(`${base}/${id}`, body),
  act: (id: string, action: NoticeAction, reason = '') =>
    http.post<NoticeDetail>(`${base}/${id}/${action}`, { reason }),
  feed: (signal?: AbortSignal) => http.get<NoticeFeed>(`${base}/feed`, { signal }),
  read: (id: string) => http.get<FeedNotice>(`${base}/feed/${id}`),
  publicList: (code: string, query: { kind?: NoticeKind; year?: number } = {}, signal?: AbortSignal) =>
    http.get<PublicNoticeList>(pub(code), { query, signal }),
  publicGet: (code: string, id: string) => http.get<PublicNotice>(`${pub(code)}/${id}`),
};
