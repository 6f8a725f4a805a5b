import type { z } from '@hono/zod-openapi';
import type {
  AdviserSchema,
  BlownSchema,
  SummonsActionInput as SummonsActionInputSchema,
  SummonsStepSchema,
} from '../../../server/features/whistle/schemas';
import type {
  ListResponse,
  SummonsAction,
  Whistle,
  WhistleInput,
  WhistleRankingRow,
  WhistleSummary,
} from '../api-types';
import { http } from '../http';

export type { WhistleRankingRow, WhistleSummary };

// 吹哨报到: a street or community summons departments; their receivers acknowledge (接哨), check in
// on site (报到), report back (反馈); the whistler scores each department.

export type SummonsActionInput = z.input<typeof SummonsActionInputSchema>;

export const blowWhistle = (input: WhistleInput) => http.post<z.infer<typeof BlownSchema>>('/whistles', input);

export const listWhistles = (query: { state?: 'open' | 'closed'; mine?: boolean }, signal?: AbortSignal) =>
  http.get<ListResponse<WhistleSummary>>('/whistles', {
    query: { state: query.state, mine: query.mine ? 'true' : undefined },
    signal,
  });

export const getWhistle = (id: string, signal?: AbortSignal) =>
  http.get<Whistle>(`/whistles/${encodeURIComponent(id)}`, { signal });

export const takeSummonsAction = (id: string, action: SummonsAction, input: SummonsActionInput = {}) =>
  http.post<z.infer<typeof SummonsStepSchema>>(`/summonses/${encodeURIComponent(id)}/actions/${action}`, input);

/** A legal adviser who serves the place and can be summoned in person. */
export type WhistleAdviser = z.infer<typeof AdviserSchema>;
export const whistleAdvisers = (query: { caseId?: string; placeCode?: string }) =>
  http.get<ListResponse<WhistleAdviser>>('/whistle-advisers', { query });

export const whistleRanking = (under?: string, signal?: AbortSignal) =>
  http.get<ListResponse<WhistleRankingRow>>('/whistle-ranking', { query: { under }, signal });

/** The phone's position, or null when the browser refuses or takes too long. */
export function currentPosition(timeoutMs = 10_000): Promise<{ lat: number; lng: number } | null> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
