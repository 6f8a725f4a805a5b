import type { ListResponse } from '../api-types';
import { http } from '../http';

// 矛盾纠纷: the ledger, one dispute with its parties (masked), mediation sessions and history.

export const disputeTypes = ['neighbour', 'family', 'property', 'labour', 'land', 'consumer', 'other'] as const;
export const disputeSources = ['regular_screening', 'focused_screening', 'case', 'walk_in'] as const;
export const disputeRisks = ['low', 'medium', 'high'] as const;
export const disputeStatuses = ['open', 'mediating', 'agreed', 'failed', 'handed_over', 'closed'] as const;
export const partyRoles = ['applicant', 'respondent', 'other'] as const;
export const mediationOutcomes = ['agreed', 'not_agreed', 'adjourned'] as const;
export type DisputeType = (typeof disputeTypes)[number];
export type DisputeSource = (typeof disputeSources)[number];
export type DisputeRisk = (typeof disputeRisks)[number];
export type DisputeStatus = (typeof disputeStatuses)[number];
export type PartyRole = (typeof partyRoles)[number];
export type MediationOutcome = (typeof mediationOutcomes)[number];
export type DisputeAction = 'mediate' | 'followup' | 'handover' | 'close';

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

export interface DisputeInput {
  caseId?: string;
  placeCode?: string;
  disputeType: DisputeType;
  summary: string;
  source: DisputeSource;
  risk: DisputeRisk;
  parties: { role: PartyRole; name: string; phone?: string; idNumber?: string }[];
}

export interface MediationInput {
  mediators: string[];
  legalAdvisers: string[];
  record: string;
  outcome: MediationOutcome;
  agreementText?: string;
  signatureFileIds: string[];
}

export const listDisputes = (
  query: { under?: string; caseId?: string; status?: DisputeStatus; risk?: DisputeRisk },
  signal?: AbortSignal,
) => http.get<ListResponse<DisputeSummary>>('/disputes', { query: { ...query }, signal });

export const getDispute = (id: string, signal?: AbortSignal) =>
  http.get<DisputeDetail>(`/disputes/${encodeURIComponent(id)}`, { signal });

export const recordDispute = (input: DisputeInput) => http.post<{ id: string }>('/disputes', input);

export const recordMediation = (id: string, input: MediationInput) =>
  http.post<{ status: string }>(`/disputes/${encodeURIComponent(id)}/mediations`, input);

export const followupDispute = (id: string, note: string) =>
  http.post<{ status: string }>(`/disputes/${encodeURIComponent(id)}/followups`, { note });
export const handoverDispute = (id: string, note: string, to: 'justice_office' | 'court') =>
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
