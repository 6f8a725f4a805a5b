import type { z } from '@hono/zod-openapi';
import type {
  DisputeInput as DisputeInputSchema,
  DisputeQuery,
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
export type DisputeAction = 'mediate' | 'followup' | 'handover' | 'close';

// The list and the detail are written out here until the disputes routes declare their response
// schemas (the detail answers passthrough() today); then they become z.infer of those.
export interface DisputeSummary {
  id: string;
  code: string;
  type: DisputeType;
  summary: string;
  risk: DisputeRisk;
  status: DisputeStatus;
  source: DisputeSource;
  createdAt: string;
}

export interface DisputeDetail extends DisputeSummary {
  caseId: string | null;
  whistleId: string | null;
  handedTo: string | null;
  place: { code: string; name: string } | null;
  /** in the order the signatures are sent and the agreement prints them */
  parties: { id: string; role: PartyRole; name: string; phone: string | null; idNumber: string | null }[];
  sessions: {
    id: string;
    heldAt: string;
    mediators: string[];
    legalAdvisers: string[];
    record: string;
    outcome: MediationOutcome;
    agreementText: string | null;
    signatures: number;
  }[];
  timeline: { kind: string; note: string; actorName: string; at: string }[];
  actions: DisputeAction[];
}

export type DisputeInput = z.input<typeof DisputeInputSchema>;
export type MediationInput = z.input<typeof MediationInputSchema>;

export const listDisputes = (query: z.input<typeof DisputeQuery>, signal?: AbortSignal) =>
  http.get<ListResponse<DisputeSummary>>('/disputes', { query: { ...query }, signal });

export const getDispute = (id: string, signal?: AbortSignal) =>
  http.get<DisputeDetail>(`/disputes/${encodeURIComponent(id)}`, { signal });

export const recordDispute = (input: DisputeInput) => http.post<{ id: string }>('/disputes', input);

export const recordMediation = (id: string, input: MediationInput) =>
  http.post<{ status: string }>(`/disputes/${encodeURIComponent(id)}/mediations`, input);

export const followupDispute = (id: string, note: string) =>
  http.post<{ status: string }>(`/disputes/${encodeURIComponent(id)}/followups`, { note });
export const handoverDispute = (id: string, note: string, to: DisputeHandoverTarget) =>
  http.post<{ status: string }>(`/disputes/${encodeURIComponent(id)}/handover`, { note, to });
export const closeDispute = (id: string, note: string) =>
  http.post<{ status: string }>(`/disputes/${encodeURIComponent(id)}/close`, { note });

/** PDFs the browser opens in a new tab. */
export const agreementUrl = (id: string) => `/api/v1/disputes/${encodeURIComponent(id)}/agreement.pdf`;
export const analysisUrl = (under: string, month: string) =>
  `/api/v1/disputes/analysis.pdf?under=${encodeURIComponent(under)}&month=${encodeURIComponent(month)}`;

/** 吹哨 on a dispute: the whistle's place and subject come from the dispute. */
export const blowDisputeWhistle = (
  id: string,
  input: { departmentCodes: string[]; request: string; ackMinutes: number; arriveMinutes: number },
) => http.post<{ id: string }>(`/disputes/${encodeURIComponent(id)}/whistle`, input);
