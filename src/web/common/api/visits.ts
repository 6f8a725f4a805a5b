import type { Paged, VisitLog, VisitLogInput } from '../api-types';
import { http } from '../http';

export interface VisitLogQuery {
  under?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

/** Records a 民情日记 entry; the same id sent again answers with the first record (200), never a second one. */
export const recordVisitLog = (input: VisitLogInput) => http.post<VisitLog>('/visit-logs', input);

export const listVisitLogs = (query: VisitLogQuery, signal?: AbortSignal) =>
  http.get<Paged<VisitLog>>('/visit-logs', { query: { ...query, mine: query.mine ? 'true' : undefined }, signal });
