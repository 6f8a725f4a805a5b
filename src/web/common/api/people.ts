import type {
  HouseholdSummary,
  ImportMode,
  ImportReport,
  ListResponse,
  Residence,
  ResidentDetail,
  ResidentInput,
  ResidentPage,
  ResidentTag,
  ResidentTagInput,
  ResidentTagUpdate,
  ResidentUpdate,
  RevealField,
} from '../api-types';
import { download, http } from '../http';

export type ResidentStatusFilter = 'active' | 'moved_out' | 'deceased' | 'all';

/** The list filters; the export takes the same ones without the page. */
export interface ResidentFilters {
  q?: string;
  under?: string;
  tag?: string;
  residence?: Residence | '';
  status?: ResidentStatusFilter;
}

export interface ResidentQuery extends ResidentFilters {
  page: number;
  pageSize: number;
}

const residentPath = (id: string) => `/residents/${encodeURIComponent(id)}`;

export const listResidents = (query: ResidentQuery, signal?: AbortSignal) =>
  http.get<ResidentPage>('/residents', { query: { ...query }, signal });

export const getResident = (id: string, signal?: AbortSignal) => http.get<ResidentDetail>(residentPath(id), { signal });

export const registerResident = (input: ResidentInput) => http.post<{ id: string }>('/residents', input);

export const updateResident = (id: string, input: ResidentUpdate) =>
  http.patch<{ id: string }>(residentPath(id), input);

export const moveResident = (id: string, householdCode: string, note: string) =>
  http.post<{ id: string }>(`${residentPath(id)}/move`, { householdCode, note });

export const recordMoveOut = (id: string, note: string) =>
  http.post<{ id: string }>(`${residentPath(id)}/move-out`, { note });

export const recordDeath = (id: string, note: string) =>
  http.post<{ id: string }>(`${residentPath(id)}/death`, { note });

/** One full ID number or phone; the server keeps the reason in the audit log. */
export const revealField = (id: string, field: RevealField, reason: string) =>
  http.post<{ field: RevealField; value: string }>(`${residentPath(id)}/reveal`, { field, reason });

export const listResidentTags = (signal?: AbortSignal) =>
  http.get<ListResponse<ResidentTag>>('/resident-tags', { signal });

/** The county's tags are edited by administrators (lists:configure). */
export const createResidentTag = (input: ResidentTagInput) => http.post<{ code: string }>('/resident-tags', input);
export const updateResidentTag = (code: string, input: ResidentTagUpdate) =>
  http.patch<{ code: string }>(`/resident-tags/${encodeURIComponent(code)}`, input);

/** Members, tags and last visit of each household under a place (a grid, building or unit). */
export const listHouseholdSummaries = (under: string, signal?: AbortSignal) =>
  http.get<ListResponse<HouseholdSummary>>('/household-summaries', { query: { under }, signal });

export const downloadImportTemplate = (fallbackName: string) =>
  download('/residents/import/template', { fallbackName });

export const exportResidents = (filters: ResidentFilters, fallbackName: string) =>
  download('/residents/export', { query: { ...filters }, fallbackName });

/** Checks (mode `validate`) or imports an .xlsx sheet into one community. */
export function importResidents(communityCode: string, mode: ImportMode, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<ImportReport>('/residents/import', form, { query: { communityCode, mode } });
}
