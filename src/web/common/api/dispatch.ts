import type {
  CaseDispatchHint,
  CaseDispatchSuggestion,
  DispatchHistoryImported,
  DispatchHitRate,
  DispatchStatus,
  DispatchTrainResult,
} from '../api-types';
import { ApiError, http } from '../http';

// 智能派单: the suggestion on a case, and the county's models, settings, history import and hit rate.

export type {
  CaseDispatchHint,
  CaseDispatchSuggestion,
  DispatchHistoryImported,
  DispatchHitRate,
  DispatchStatus,
  DispatchTrainResult,
};

export const getCaseSuggestion = (caseId: string, signal?: AbortSignal) =>
  http.get<CaseDispatchSuggestion>(`/cases/${encodeURIComponent(caseId)}/dispatch-suggestion`, { signal });

/** The first suggested handler and category of each listed case (the inbox). */
export const getCaseHints = (caseIds: string[], signal?: AbortSignal) =>
  http.get<{ items: CaseDispatchHint[] }>('/dispatch/suggestions', { query: { ids: caseIds.join(',') }, signal });

export const getDispatchStatus = (signal?: AbortSignal) => http.get<DispatchStatus>('/dispatch/status', { signal });

export const trainDispatch = () => http.post<DispatchTrainResult>('/dispatch/train', {});

export const saveDispatchSettings = (input: { autoRoute: boolean; threshold: number }) =>
  http.put<DispatchStatus>('/dispatch/settings', input);

export function importDispatchHistory(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<DispatchHistoryImported>('/dispatch/history/import', form);
}

export const getDispatchHitRate = (weeks = 12, signal?: AbortSignal) =>
  http.get<DispatchHitRate>('/dispatch/hit-rate', { query: { weeks: String(weeks) }, signal });

export type DispatchOverview = { status: DispatchStatus; hits: DispatchHitRate };

/** The county's models and the last 12 weeks' hit rate, or null for a user who does not reach a whole
 * county (the server answers 404 there): the 智能派单 page and the dashboard card both start from it. */
export async function getDispatchOverview(signal?: AbortSignal): Promise<DispatchOverview | null> {
  try {
    const [status, hits] = await Promise.all([getDispatchStatus(signal), getDispatchHitRate(12, signal)]);
    return { status, hits };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
