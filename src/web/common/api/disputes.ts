import type { z } from '@hono/zod-openapi';
import type {
  DisputeDetailSchema,
  DisputeInput as DisputeInputSchema,
  DisputeQuery,
  DisputeSummarySchema,
  DisputeWhistleInput,
  RecordedSchema,
  StatusSchema,
  SummonedSchema,
  MediationInput as MediationInputSchema,
} from '../../../server/features/disputes/schemas';
import type {
  DisputeHandoverTarget,
  DisputePartyRole,
  DisputeRisk,
  DisputeSource,
  DisputeStatus,
  DisputeType,
  MediationOutcome,
} from '../../../shared/disputes';
import type { ListResponse } from '../api-types';
import { http } from '../http';

// 矛盾纠纷: the ledger, one dispute with its parties (masked), mediation sessions and history.

export {
  disputePartyRoles as partyRoles,
  disputeRisks,
  disputeSources,
  disputeStatuses,
  disputeTypes,
  mediationOutcomes,
} from '../../../shared/disputes';
export type { DisputeRisk, DisputeSource, DisputeStatus, DisputeType, MediationOutcome };
export type PartyRole = DisputePartyRole;
export type DisputeAction = DisputeDetail['actions'][number];

export type DisputeSummary = z.infer<typeof DisputeSummarySchema>;
export type DisputeDetail = z.infer<typeof DisputeDetailSchema>;
type Status = z.infer<typeof StatusSchema>;
export type DisputeInput = z.input<typeof DisputeInputSchema>;
export type MediationInput = z.input<typeof MediationInputSchema>;

export const listDisputes = (query: z.input<typeof DisputeQuery>, signal?: AbortSignal) =>
  http.get<ListResponse<DisputeSummary>>('/disputes', { query: { ...query }, signal });

export const getDispute = (id: string, signal?: AbortSignal) =>
  http.get<DisputeDetail>(`/disputes/${encodeURIComponent(id)}`, { signal });

export const recordDispute = (input: DisputeInput) => http.post<z.infer<typeof RecordedSchema>>('/disputes', input);

export const recordMediation = (id: string, input: MediationInput) =>
  http.post<Status>(`/disputes/${encodeURIComponent(id)}/mediations`, input);

export const followupDispute = (id: string, note: string) =>
  http.post<Status>(`/disputes/${encodeURIComponent(id)}/followups`, { note });
export const handoverDispute = (id: string, note: string, to: DisputeHandoverTarget) =>
  http.post<Status>(`/disputes/${encodeURIComponent(id)}/handover`, { note, to });
export const closeDispute = (id: string, note: string) =>
  http.post<Status>(`/disputes/${encodeURIComponent(id)}/close`, { note });

/** PDFs the browser opens in a new tab. */
export const agreementUrl = (id: string) => `/api/v1/disputes/${encodeURIComponent(id)}/agreement.pdf`;
export const analysisUrl = (under: string, month: string) =>
  `/api/v1/disputes/analysis.pdf?under=${encodeURIComponent(under)}&month=${encodeURIComponent(month)}`;

/** 吹哨 on a dispute: the whistle's place and subject come from the dispute. */
export const blowDisputeWhistle = (id: string, input: z.input<typeof DisputeWhistleInput>) =>
  http.post<z.infer<typeof SummonedSchema>>(`/disputes/${encodeURIComponent(id)}/whistle`, input);
