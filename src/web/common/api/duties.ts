import type {
  DutyAdvice,
  DutyItem,
  DutyKind,
  DutyList,
  DutyTask,
  DutyTaskInput,
  DutyTaskStat,
  DutyTaskStatus,
  DutyTaskVerdict,
  ListResponse,
  Paged,
} from '../api-types';
import { download, http } from '../http';

// 权责清单: a street's duty lists (versions, items), import / export, and whose duty a case is.

export { dutyKinds } from '../../../shared/duties';
export type { DutyAdvice, DutyItem, DutyKind, DutyList, DutyTaskStat };

export const listDutyLists = (street: string, signal?: AbortSignal) =>
  http.get<ListResponse<DutyList>>('/duty-lists', { query: { street }, signal });

export const listDutyItems = (id: string, signal?: AbortSignal) =>
  http.get<ListResponse<DutyItem>>(`/duty-lists/${encodeURIComponent(id)}/items`, { signal });

export const exportDutyList = (id: string) =>
  download(`/duty-lists/${encodeURIComponent(id)}/export.xlsx`, { fallbackName: 'duty-list.xlsx' });

export function importDutyList(file: File, query: { streetCode: string; title: string; effectiveFrom: string }) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<{ id: string; version: number }>('/duty-lists/import', form, { query });
}

export const getDutyAdvice = (caseId: string, signal?: AbortSignal) =>
  http.get<DutyAdvice>(`/cases/${encodeURIComponent(caseId)}/duty-advice`, { signal });

/** Tasks departments handed to communities, and how many were refused (not in the 准入 list). */
export const dutyTaskStats = (under?: string, signal?: AbortSignal) =>
  http.get<ListResponse<DutyTaskStat>>('/duty-tasks/stats', { query: { under }, signal });

/** A department hands a task to a community; the answer is the verdict (准入 or 不予准入 with the reason). */
export const assignDutyTask = (input: DutyTaskInput) => http.post<DutyTaskVerdict>('/duty-tasks', input);

/** Tasks my department handed out, or (places) the tasks handed to the communities in my scope; newest first. */
export const listDutyTasks = (
  query: { under?: string; status?: DutyTaskStatus; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => http.get<Paged<DutyTask>>('/duty-tasks', { query, signal });
