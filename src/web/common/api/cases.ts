import type {
  CaseAction,
  CaseActionInput,
  CaseCategory,
  CaseChannel,
  CaseDetail,
  CaseDuplicate,
  CasePage,
  CaseState,
  CaseSummary,
  DispatchPerson,
  DutyRosterEntry,
  ListResponse,
  SmsOutboxPage,
  StaffCaseInput,
} from '../api-types';
import { http } from '../http';

// 诉求 for staff: the inbox, one case and its actions, intake, categories, the duty roster, the SMS outbox.

export interface CaseQuery {
  state?: CaseState | 'open' | 'all';
  under?: string;
  category?: string;
  channel?: CaseChannel;
  overdue?: boolean;
  /** only the cases sent to me or my department */
  mine?: boolean;
  /** yyyy-mm-dd, China time */
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
  /** the nextCursor of the page before (keyset paging; page is then ignored) */
  cursor?: string;
}

export const listCases = (query: CaseQuery, signal?: AbortSignal) =>
  http.get<CasePage>('/cases', {
    query: { ...query, overdue: query.overdue ? 'true' : undefined, mine: query.mine ? 'true' : undefined },
    signal,
  });

export const getCase = (id: string, signal?: AbortSignal) =>
  http.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, { signal });

export const takeCaseAction = (id: string, action: CaseAction, input: CaseActionInput = {}) =>
  http.post<{ id: string; state: CaseState }>(`/cases/${encodeURIComponent(id)}/actions/${action}`, input);

export const listDuplicates = (id: string, signal?: AbortSignal) =>
  http.get<ListResponse<CaseDuplicate>>(`/cases/${encodeURIComponent(id)}/duplicates`, { signal });

/** The community's grid and community workers the case may be sent to. */
export const listDispatchPeople = (id: string, signal?: AbortSignal) =>
  http.get<ListResponse<DispatchPerson>>(`/cases/${encodeURIComponent(id)}/dispatch-people`, { signal });

/** Enters a case; the same idempotencyKey sent again answers with the first case. */
export const createCase = (input: StaffCaseInput) => http.post<{ id: string; trackingCode: string }>('/cases', input);

export const listCategories = (signal?: AbortSignal) =>
  http.get<ListResponse<CaseCategory>>('/case-categories', { signal });

/** Cases the logged-in resident reported (matched by the phone number of the account). */
export const listMyReports = (signal?: AbortSignal) => http.get<ListResponse<CaseSummary>>('/my/cases', { signal });

/** The printable sheet and the QR poster are PDFs the browser opens in a new tab. */
export const caseSheetUrl = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}/sheet.pdf`;
export const qrPosterUrl = (communityCode: string) =>
  `/api/v1/communities/${encodeURIComponent(communityCode)}/qr-poster.pdf`;

export const listDutyRoster = (community: string, signal?: AbortSignal) =>
  http.get<ListResponse<DutyRosterEntry>>('/duty-roster', { query: { community }, signal });

/** Puts someone on duty on these weekdays (1 = Monday … 7 = Sunday); again for the same person replaces the days. */
export const setDutyRoster = (communityCode: string, userId: string, weekdays: number[]) =>
  http.put<void>('/duty-roster', { communityCode, userId, weekdays });

export const removeDutyRoster = (id: string) => http.delete<void>(`/duty-roster/${encodeURIComponent(id)}`);

export const listSmsOutbox = (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
  http.get<SmsOutboxPage>('/sms-outbox', { query: { ...query }, signal });
