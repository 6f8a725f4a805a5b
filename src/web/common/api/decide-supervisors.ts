// 百姓监督员 (issue 17): the supervisors' API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  ProjectDetailSchema,
  ProjectRowSchema,
  ResidentProjectSchema,
  SupervisorHomeSchema,
} from '../../../server/features/deliberation/supervisors/schemas';
import type { LogKind, ProjectState } from '../../../shared/deliberation-supervisors';
import { http, type Items } from '../http';

export type SupervisionProject = z.infer<typeof ProjectRowSchema>;
export type SupervisionProjectDetail = z.infer<typeof ProjectDetailSchema>;
export type SupervisionResidentProject = z.infer<typeof ResidentProjectSchema>;
export type SupervisorHome = z.infer<typeof SupervisorHomeSchema>;
type Done = { id: string; state: string; caseId?: string; trackingCode?: string; whistleId?: string };

const base = '/decide/supervision';

export const supervisorsApi = {
  projects: (query: { placeCode?: string; state?: ProjectState }, signal?: AbortSignal) =>
    http.get<Items<SupervisionProject>>(`${base}/projects`, { query, signal }),
  project: (id: string, signal?: AbortSignal) =>
    http.get<SupervisionProjectDetail>(`${base}/projects/${id}`, { signal }),
  create: (body: { placeCode: string; title: string; description: string; duties: string; seats: number }) =>
    http.post<SupervisionProjectDetail>(`${base}/projects`, body),
  update: (id: string, body: { title?: string; description?: string; duties?: string; seats?: number }) =>
    http.patch<SupervisionProjectDetail>(`${base}/projects/${id}`, body),
  act: (id: string, action: string, body: { note?: string; quorumPercent?: number } = {}) =>
    http.post<SupervisionProjectDetail>(`${base}/projects/${id}/actions/${action}`, body),
  addCandidate: (id: string, body: { phone: string; statement: string }) =>
    http.post<Done>(`${base}/projects/${id}/candidates`, body),
  decide: (candidateId: string, action: 'accept' | 'reject', note = '') =>
    http.post<Done>(`${base}/candidates/${candidateId}/${action}`, { note }),
  appoint: (id: string, body: { candidateId?: string; phone?: string; reason: string }) =>
    http.post<Done>(`${base}/projects/${id}/appoint`, body),
  endTerm: (termId: string, note = '') => http.post<Done>(`${base}/terms/${termId}/end`, { note }),
  issueToCase: (issueId: string) => http.post<Done>(`${base}/issues/${issueId}/case`),
  issueToWhistle: (issueId: string, body: { request: string; departmentCodes: string[] }) =>
    http.post<Done>(`${base}/issues/${issueId}/whistle`, body),
  // the phone
  home: (signal?: AbortSignal) => http.get<SupervisorHome>(`${base}/mine`, { signal }),
  log: (
    termId: string,
    body: { kind: LogKind; body: string; rating: number; photoIds: string[]; locationNote?: string },
  ) => http.post<Done>(`${base}/terms/${termId}/logs`, body),
  raise: (termId: string, body: { body: string; photoIds: string[] }) =>
    http.post<Done>(`${base}/terms/${termId}/issues`, body),
  residentProjects: (signal?: AbortSignal) =>
    http.get<Items<SupervisionResidentProject>>(`${base}/residents/projects`, { signal }),
  residentProject: (id: string, signal?: AbortSignal) =>
    http.get<SupervisionResidentProject>(`${base}/residents/projects/${id}`, { signal }),
  apply: (id: string, statement: string) => http.post<Done>(`${base}/projects/${id}/apply`, { statement }),
};
