import type { z } from '@hono/zod-openapi';
import type {
  AgreementInput,
  BuildingSchema,
  CandidateSchema,
  EntryInput,
  EntrySchema,
  NumbersRowSchema,
  PendingEntrySchema,
  RankingRowSchema,
  ServiceInput,
  UnitDetailSchema,
  UnitInput,
  UnitSchema,
} from '../../../server/features/community/units/schemas';
import { download, http, type Items } from '../http';

// 共驻共建 · 一书四单: units, liaisons, agreements, the four lists, ranking (console and phone).

export type Unit = z.infer<typeof UnitSchema>;
export type UnitDetail = z.infer<typeof UnitDetailSchema>;
export type UnitAgreement = UnitDetail['agreements'][number];
export type UnitEntry = z.infer<typeof EntrySchema>;
export type PendingEntry = z.infer<typeof PendingEntrySchema>;
export type RankingRow = z.infer<typeof RankingRowSchema>;
export type UnitNumbersRow = z.infer<typeof NumbersRowSchema>;
export type LiaisonCandidate = z.infer<typeof CandidateSchema>;
export type Building = z.infer<typeof BuildingSchema>;
export type UnitKind = Unit['kind'];
export type EntryAction = UnitEntry['actions'][number];
export type AgreementAction = UnitAgreement['actions'][number];

const base = '/community/units';

export const listUnits = (query: { placeCode?: string; kind?: UnitKind; year?: number }, signal?: AbortSignal) =>
  http.get<Items<Unit>>(base, { query, signal });
export const registerUnit = (input: z.input<typeof UnitInput>) => http.post<Unit>(base, input);
export const getUnit = (id: string, year?: number, signal?: AbortSignal) =>
  http.get<UnitDetail>(`${base}/${id}`, { query: { year }, signal });
export const myUnits = (year?: number, signal?: AbortSignal) =>
  http.get<Items<UnitDetail>>(`${base}/mine`, { query: { year }, signal });
export const liaisonCandidates = (id: string) => http.get<Items<LiaisonCandidate>>(`${base}/${id}/liaison-candidates`);
export const addLiaison = (id: string, userId: string) => http.post<UnitDetail>(`${base}/${id}/liaisons`, { userId });
export const removeLiaison = (id: string, userId: string) =>
  http.delete<UnitDetail>(`${base}/${id}/liaisons/${encodeURIComponent(userId)}`);
export const setUnitService = (id: string, input: z.input<typeof ServiceInput>) =>
  http.put<Unit>(`${base}/${id}/service`, input);
export const communityBuildings = (placeCode: string) =>
  http.get<Items<Building>>(`${base}/buildings`, { query: { placeCode } });
export const createAgreement = (id: string, input: z.input<typeof AgreementInput>) =>
  http.post<UnitDetail>(`${base}/${id}/agreements`, input);
export const agreementAction = (id: string, action: AgreementAction) =>
  http.post<UnitDetail>(`${base}/agreements/${id}/${action}`, {});
export const addEntry = (agreementId: string, input: z.input<typeof EntryInput>) =>
  http.post<UnitEntry>(`${base}/agreements/${agreementId}/entries`, input);
export const getEntry = (id: string, signal?: AbortSignal) => http.get<UnitEntry>(`${base}/entries/${id}`, { signal });
export const entryAction = (
  id: string,
  action: EntryAction,
  input: { note?: string; proofFileIds?: string[]; reason?: string } = {},
) => http.post<UnitEntry>(`${base}/entries/${id}/${action}`, input);
export const pendingEntries = (placeCode?: string, signal?: AbortSignal) =>
  http.get<Items<PendingEntry>>(`${base}/entries/pending`, { query: { placeCode }, signal });
export const unitRanking = (query: { year?: number; placeCode?: string }, signal?: AbortSignal) =>
  http.get<{ year: number; placeName: string | null; items: RankingRow[] }>(`${base}/ranking`, { query, signal });
export const downloadUnitRanking = (query: { year?: number; placeCode?: string }, fallbackName: string) =>
  download(`${base}/ranking.xlsx`, { query, fallbackName });
export const unitNumbers = (query: { year?: number; placeCode?: string }, signal?: AbortSignal) =>
  http.get<{ year: number; items: UnitNumbersRow[] }>(`${base}/numbers`, { query, signal });
