import type { z } from '@hono/zod-openapi';
import type {
  AssignInput,
  AssistCandidateSchema,
  AssistPeoplePageSchema,
  AssistPersonDetailSchema,
  AssistPersonSchema,
  AssistTeamSchema,
  AssistVisitPageSchema,
  AssistVisitSchema,
  PeopleQuery,
  SettingsSchema,
  TeamInput,
  TeamUpdate,
  VisitInput,
  VisitQuery,
} from '../../../server/features/services/assistance/schemas';
import type { ListResponse } from '../api-types';
import { http, type Query } from '../http';

// 救助顾问: people in hardship, adviser teams, visits (console and the adviser's phone).

export type AssistPerson = z.infer<typeof AssistPersonSchema>;
export type AssistPersonDetail = z.infer<typeof AssistPersonDetailSchema>;
export type AssistPeoplePage = z.infer<typeof AssistPeoplePageSchema>;
export type AssistTeam = z.infer<typeof AssistTeamSchema>;
export type AssistCandidate = z.infer<typeof AssistCandidateSchema>;
export type AssistVisit = z.infer<typeof AssistVisitSchema>;
export type AssistVisitPage = z.infer<typeof AssistVisitPageSchema>;
export type AssistVisitInput = z.input<typeof VisitInput>;
export type AssistTeamInput = z.input<typeof TeamInput>;

const base = '/services/assistance';

export const listAssistPeople = (query: Partial<z.input<typeof PeopleQuery>>, signal?: AbortSignal) =>
  http.get<AssistPeoplePage>(`${base}/people`, { query: query as Query, signal });

export const getAssistPerson = (id: string, signal?: AbortSignal) =>
  http.get<AssistPersonDetail>(`${base}/people/${encodeURIComponent(id)}`, { signal });

export const myAssistPeople = (signal?: AbortSignal) =>
  http.get<{ items: AssistPerson[]; overdueDays: number }>(`${base}/mine`, { signal });

export const assignAssistPerson = (id: string, input: z.input<typeof AssignInput>) =>
  http.put<{ id: string }>(`${base}/people/${encodeURIComponent(id)}/assignment`, input);

export const listAssistTeams = (under: string | undefined, signal?: AbortSignal) =>
  http.get<ListResponse<AssistTeam>>(`${base}/teams`, { query: { under }, signal });

export const listAssistCandidates = (communityCode: string, signal?: AbortSignal) =>
  http.get<ListResponse<AssistCandidate>>(`${base}/team-candidates`, { query: { communityCode }, signal });

export const createAssistTeam = (input: AssistTeamInput) => http.post<{ id: string }>(`${base}/teams`, input);

export const updateAssistTeam = (id: string, input: z.input<typeof TeamUpdate>) =>
  http.put<{ id: string }>(`${base}/teams/${encodeURIComponent(id)}`, input);

export const listAssistVisits = (query: Partial<z.input<typeof VisitQuery>>, signal?: AbortSignal) =>
  http.get<AssistVisitPage>(`${base}/visits`, { query: query as Query, signal });

export const logAssistVisit = (input: AssistVisitInput) => http.post<AssistVisit>(`${base}/visits`, input);

export const getAssistSettings = (signal?: AbortSignal) =>
  http.get<z.infer<typeof SettingsSchema>>(`${base}/settings`, { signal });
