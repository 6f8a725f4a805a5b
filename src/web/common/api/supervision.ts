import type { SupervisionPage, Urged } from '../api-types';
import { http } from '../http';

// 督办: the late and escalated cases of the levels the user supervises, and the urge to whoever has one.

export const listSupervision = (query: { level?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
  http.get<SupervisionPage>('/supervision', {
    query: { ...query, level: query.level || undefined },
    signal,
  });

export const urgeCase = (id: string, note: string) =>
  http.post<Urged>(`/supervision/${encodeURIComponent(id)}/urge`, { note });
