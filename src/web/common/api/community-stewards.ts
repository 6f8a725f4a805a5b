// 楼门管家 (issue 16): the stewards' API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  BuildingDetailSchema,
  BuildingRowSchema,
  CastSchema,
  ChecklistSchema,
  CommendationSchema,
  CommendationsSchema,
  EvaluationSchema,
  HomeSchema,
  NumbersSchema,
  OpinionSchema,
  ResidentViewSchema,
  TermSchema,
  VoteSchema,
} from '../../../server/features/community/stewards/schemas';
import type {
  CommendationKind,
  EvaluationGrade,
  NominationAction,
  RetireReason,
  StewardDuty,
  VoteAction,
} from '../../../shared/stewards';
import { http, type Items } from '../http';

export type StewardBuilding = z.infer<typeof BuildingRowSchema>;
export type StewardBuildingDetail = z.infer<typeof BuildingDetailSchema>;
export type StewardTerm = z.infer<typeof TermSchema>;
export type StewardVote = z.infer<typeof VoteSchema>;
export type StewardChecklist = z.infer<typeof ChecklistSchema>;
export type StewardOpinion = z.infer<typeof OpinionSchema>;
export type StewardEvaluation = z.infer<typeof EvaluationSchema>;
export type StewardHome = z.infer<typeof HomeSchema>;
export type StewardResidentView = z.infer<typeof ResidentViewSchema>;
export type StewardCommendation = z.infer<typeof CommendationSchema>;
export type StewardCommendations = z.infer<typeof CommendationsSchema>;
export type StewardNumbers = z.infer<typeof NumbersSchema>;

const base = '/community/stewards';

export const stewardsApi = {
  buildings: (placeCode?: string, signal?: AbortSignal) =>
    http.get<Items<StewardBuilding>>(`${base}/buildings`, { query: { placeCode }, signal }),
  building: (code: string, signal?: AbortSignal) =>
    http.get<StewardBuildingDetail>(`${base}/buildings/${code}`, { signal }),
  nominate: (code: string, body: { nomineePhone?: string; nomineeUserId?: string; reason?: string }) =>
    http.post<{ id: string; state: string; kind?: string }>(`${base}/buildings/${code}/nominations`, body),
  actOnNomination: (id: string, action: NominationAction, note = '') =>
    http.post<{ id: string; state: string; termId: string | null }>(`${base}/nominations/${id}/${action}`, { note }),
  openVote: (code: string, body: { title: string; closesOn?: string }) =>
    http.post<{ id: string; state: string }>(`${base}/buildings/${code}/votes`, body),
  vote: (id: string) => http.get<StewardVote>(`${base}/votes/${id}`),
  cast: (id: string, nominationId: string) =>
    http.post<z.infer<typeof CastSchema>>(`${base}/votes/${id}/ballots`, { nominationId }),
  actOnVote: (id: string, action: VoteAction) =>
    http.post<{ id: string; state: string }>(`${base}/votes/${id}/${action}`, {}),
  retire: (termId: string, body: { reason: RetireReason; note?: string }) =>
    http.post<StewardTerm>(`${base}/terms/${termId}/retire`, body),
  mine: (signal?: AbortSignal) => http.get<StewardResidentView>(`${base}/mine`, { signal }),
  home: (signal?: AbortSignal) => http.get<StewardHome>(`${base}/me`, { signal }),
  tick: (termId: string, month: string, body: { duty: StewardDuty; note?: string; photoId?: string }) =>
    http.post<StewardChecklist>(`${base}/terms/${termId}/checklists/${month}/ticks`, body),
  collect: (termId: string, body: { body: string; householdCode?: string; photoId?: string }) =>
    http.post<StewardOpinion>(`${base}/terms/${termId}/opinions`, body),
  fileOpinion: (id: string) => http.post<StewardOpinion>(`${base}/opinions/${id}/file`, {}),
  opinions: (query: { placeCode?: string; month?: string }, signal?: AbortSignal) =>
    http.get<Items<StewardOpinion>>(`${base}/opinions`, { query, signal }),
  evaluate: (termId: string, month: string, body: { grade: EvaluationGrade; comment?: string }) =>
    http.put<StewardEvaluation>(`${base}/terms/${termId}/evaluations/${month}`, body),
  commendations: (year: number, placeCode?: string, signal?: AbortSignal) =>
    http.get<StewardCommendations>(`${base}/commendations`, { query: { year, placeCode }, signal }),
  commend: (body: { year: number; kind: CommendationKind; buildingCode: string; note?: string }) =>
    http.post<StewardCommendation>(`${base}/commendations`, body),
  numbers: (year: number, placeCode?: string, signal?: AbortSignal) =>
    http.get<StewardNumbers>(`${base}/numbers`, { query: { year, placeCode }, signal }),
};

/** 本楼心愿: the wishes area's list for the steward's building; null when that area is not there (404). */
export async function buildingWishes(buildingCode: string) {
  try {
    return await http.get<Items<{ id: string; content: string; beneficiaryName: string; state: string }>>(
      '/community/wishes',
      { query: { buildingCode } },
    );
  } catch {
    return null;
  }
}
