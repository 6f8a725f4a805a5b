// 文明户评选 (issue 17): the honours API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  CampaignRowSchema,
  CampaignSchema,
  CandidateSchema,
  HouseholdStarsSchema,
  PlacesSchema,
  PublicHonoursSchema,
} from '../../../server/features/community/honours/schemas';
import type { CampaignAction, HonourKind, StarBand } from '../../../shared/honours';
import { download, http, type Items } from '../http';

export type HonourCampaignRow = z.infer<typeof CampaignRowSchema>;
export type HonourCampaign = z.infer<typeof CampaignSchema>;
export type HonourNomination = HonourCampaign['nominations'][number];
export type HonourPlaces = z.infer<typeof PlacesSchema>;
export type HonourCandidate = z.infer<typeof CandidateSchema>;
export type HouseholdStars = z.infer<typeof HouseholdStarsSchema>;
export type PublicHonours = z.infer<typeof PublicHonoursSchema>;
export interface CriterionDraft {
  name: string;
  maxPoints: number;
  description: string;
}

const base = '/honours';

export const honoursApi = {
  list: (query: { placeCode?: string; year?: number }, signal?: AbortSignal) =>
    http.get<Items<HonourCampaignRow>>(`${base}/campaigns`, { query, signal }),
  mine: (signal?: AbortSignal) => http.get<Items<HonourCampaignRow>>(`${base}/mine`, { signal }),
  get: (id: string, signal?: AbortSignal) => http.get<HonourCampaign>(`${base}/campaigns/${id}`, { signal }),
  create: (body: {
    placeCode: string;
    kind: HonourKind;
    year: number;
    title: string;
    description: string;
    criteria: CriterionDraft[];
    starBands: StarBand[];
  }) => http.post<{ id: string; state: string }>(`${base}/campaigns`, body),
  update: (
    id: string,
    body: { title?: string; description?: string; criteria?: CriterionDraft[]; starBands?: StarBand[] },
  ) => http.patch<HonourCampaign>(`${base}/campaigns/${id}`, body),
  places: (id: string, signal?: AbortSignal) => http.get<HonourPlaces>(`${base}/campaigns/${id}/places`, { signal }),
  nominate: (id: string, body: { householdCode?: string; residentId?: string; reason: string }) =>
    http.post<{ id: string; kind: string }>(`${base}/campaigns/${id}/nominations`, body),
  reject: (nominationId: string, reason: string) =>
    http.post<{ id: string; state: string }>(`${base}/nominations/${nominationId}/reject`, { reason }),
  candidates: (id: string, signal?: AbortSignal) =>
    http.get<Items<HonourCandidate>>(`${base}/campaigns/${id}/panel-candidates`, { signal }),
  addPanel: (id: string, userId: string) => http.post<HonourCampaign>(`${base}/campaigns/${id}/panel`, { userId }),
  removePanel: (id: string, userId: string) => http.delete<HonourCampaign>(`${base}/campaigns/${id}/panel/${userId}`),
  score: (nominationId: string, points: Record<string, number>) =>
    http.put<{ nominationId: string; total: number }>(`${base}/nominations/${nominationId}/score`, { points }),
  shortlist: (
    id: string,
    body: {
      mode: 'top' | 'threshold';
      top?: number;
      threshold?: number;
      stars?: { nominationId: string; stars: number }[];
    },
  ) => http.post<HonourCampaign>(`${base}/campaigns/${id}/shortlist`, body),
  act: (
    id: string,
    action: CampaignAction,
    body: {
      objectionEndsOn?: string;
      reason?: string;
      changes?: { nominationId: string; remove: boolean; stars?: number; reason: string }[];
    } = {},
  ) => http.post<HonourCampaign>(`${base}/campaigns/${id}/${action}`, body),
  object: (id: string, body: { body: string; nominationId?: string }) =>
    http.post<{ id: string }>(`${base}/campaigns/${id}/objections`, body),
  answer: (objectionId: string, answer: string) =>
    http.post<{ id: string; answer: string }>(`${base}/objections/${objectionId}/answer`, { answer }),
  downloadResults: (id: string, fallbackName: string) =>
    download(`${base}/campaigns/${id}/results.xlsx`, { fallbackName }),
  householdStars: (code: string, signal?: AbortSignal) =>
    http.get<HouseholdStars>(`${base}/households/${code}`, { signal }),
  publicHonours: (communityCode: string, signal?: AbortSignal) =>
    http.get<PublicHonours>(`/public/communities/${communityCode}/honours`, { signal }),
};
