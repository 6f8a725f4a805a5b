import type { z } from '@hono/zod-openapi';
import type {
  ApplicationActionInput,
  ApplicationDetail as ApplicationDetailSchema,
  ApplicationList as ApplicationListSchema,
  ApplyInput,
  Created,
  PartList as PartListSchema,
  RevealedAnswers as RevealedAnswersSchema,
  StepResult,
} from '../../../server/features/services/applications/schemas';
import type {
  RequestedApplicationAction,
  RequestedPartAction,
} from '../../../server/features/services/applications/lifecycle';
import { http } from '../http';

// 办件 (issue 15): the window's queue and 代办, the detail with its parts side by side, the review queue.

export type ApplicationList = z.infer<typeof ApplicationListSchema>;
export type ApplicationSummary = ApplicationList['items'][number];
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;
export type ApplicationPart = ApplicationDetail['parts'][number];
export type PartSummary = z.infer<typeof PartListSchema>['items'][number];
export type ApplyInputT = z.input<typeof ApplyInput>;
export type { RequestedApplicationAction as ApplicationAction, RequestedPartAction as PartAction };

export interface QueueQuery {
  state?: string;
  sla?: string;
  code?: string;
  page?: number;
  pageSize?: number;
}

export const listApplications = (query: QueueQuery, signal?: AbortSignal) =>
  http.get<ApplicationList>('/services/applications', { query: { ...query }, signal });

export const getApplication = (id: string, signal?: AbortSignal) =>
  http.get<ApplicationDetail>(`/services/applications/${encodeURIComponent(id)}`, { signal });

/** 查看完整信息: the answers with full ID numbers and phones, audited with the reason. */
export type RevealedAnswers = z.infer<typeof RevealedAnswersSchema>;
export const revealAnswers = (id: string, reason: string) =>
  http.post<RevealedAnswers>(`/services/applications/${encodeURIComponent(id)}/reveal`, { reason });

export const applicationAction = (
  id: string,
  action: RequestedApplicationAction,
  input: z.input<typeof ApplicationActionInput> = {},
) => http.post<z.infer<typeof StepResult>>(`/services/applications/${encodeURIComponent(id)}/${action}`, input);

export const listParts = (state: string, signal?: AbortSignal) =>
  http.get<z.infer<typeof PartListSchema>>('/services/parts', { query: { state }, signal });

export const partAction = (id: string, action: RequestedPartAction, note?: string) =>
  http.post<z.infer<typeof StepResult>>(`/services/parts/${encodeURIComponent(id)}/${action}`, note ? { note } : {});

/** 申请表 (PDF) of what the caller may read of the application, for a new tab to print. */
export const applicationFormUrl = (id: string) => `/api/v1/services/applications/${encodeURIComponent(id)}/form.pdf`;

export const applyForResident = (input: ApplyInputT) =>
  http.post<z.infer<typeof Created>>('/services/applications', input);
