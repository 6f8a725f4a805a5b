// 表决 (issue 17): the area's API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  CheckSchema,
  MyVoteSchema,
  RollSchema,
  VoteDetailSchema,
  VoteInput,
  VoteRowSchema,
} from '../../../server/features/deliberation/votes/schemas';
import type { VoteState } from '../../../shared/decide';
import { download, http, type Items } from '../http';

export type VoteRow = z.infer<typeof VoteRowSchema>;
export type VoteDetail = z.infer<typeof VoteDetailSchema>;
export type VoteRoll = z.infer<typeof RollSchema>;
export type MyVote = z.infer<typeof MyVoteSchema>;
export type ReceiptCheck = z.infer<typeof CheckSchema>;
export type VoteDraft = z.input<typeof VoteInput>;

const base = '/deliberation/votes';

export const votesApi = {
  list: (query: { state?: VoteState; communityCode?: string }, signal?: AbortSignal) =>
    http.get<Items<VoteRow>>(base, { query, signal }),
  create: (body: VoteDraft) => http.post<{ id: string }>(base, body),
  get: (id: string) => http.get<VoteDetail>(`${base}/${id}`),
  edit: (id: string, body: VoteDraft) => http.put<VoteDetail>(`${base}/${id}`, body),
  act: (id: string, action: 'open' | 'close') => http.post<VoteDetail>(`${base}/${id}/${action}`, {}),
  cancel: (id: string, reason: string) => http.post<VoteDetail>(`${base}/${id}/cancel`, { reason }),
  roll: (id: string, q?: string) => http.get<VoteRoll>(`${base}/${id}/roll`, { query: { q } }),
  paper: (id: string, electorId: string, optionIds: string[]) =>
    http.post<{ receipt: string }>(`${base}/${id}/paper-ballots`, { electorId, optionIds }),
  results: (id: string, title: string) =>
    download(`${base}/${id}/results.xlsx`, { fallbackName: `表决结果-${title}.xlsx` }),

  mine: () => http.get<Items<MyVote>>('/me/votes'),
  mineOne: (id: string) => http.get<MyVote>(`/me/votes/${id}`),
  cast: (id: string, optionIds: string[]) => http.post<{ receipt: string }>(`/me/votes/${id}/ballots`, { optionIds }),
  check: (id: string, receipt: string) => http.post<ReceiptCheck>(`/me/votes/${id}/receipt-check`, { receipt }),
};
