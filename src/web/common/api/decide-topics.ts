// 议题 (issue 17): the area's API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  CaseTopicSchema,
  PublicTopicSchema,
  RaisePlaceSchema,
  SettingSchema,
  TopicDetailSchema,
  TopicPageSchema,
  TopicSchema,
} from '../../../server/features/deliberation/topics/schemas';
import type { TopicSource, TopicState } from '../../../shared/decide';
import { http, type Items } from '../http';

export type Topic = z.infer<typeof TopicSchema>;
export type TopicDetail = z.infer<typeof TopicDetailSchema>;
export type TopicPage = z.infer<typeof TopicPageSchema>;
export type RaisePlace = z.infer<typeof RaisePlaceSchema>;
export type CaseTopic = z.infer<typeof CaseTopicSchema>;
export type TopicSetting = z.infer<typeof SettingSchema>;
export type PublicTopic = z.infer<typeof PublicTopicSchema>;
export type ScreenAction = 'screen_in' | 'accept' | 'reject' | 'withdraw';

/** One step of a topic's trail from the meetings area (agenda, minutes, decision, vote, tasks, follow-up, hand-up). */
export interface TrailStep {
  at: string;
  kind: string;
  title: string;
  detail: string;
  state: string | null;
}

const base = '/deliberation/topics';

export const topicsApi = {
  list: (query: { state?: TopicState; source?: TopicSource; communityCode?: string }, signal?: AbortSignal) =>
    http.get<TopicPage>(base, { query, signal }),
  community: () => http.get<{ communityName: string; items: Topic[] }>(`${base}/community`),
  mine: () => http.get<Items<Topic>>(`${base}/mine`),
  places: () => http.get<Items<RaisePlace>>(`${base}/places`),
  get: (id: string, signal?: AbortSignal) => http.get<TopicDetail>(`${base}/${id}`, { signal }),
  raise: (body: { placeId: string; title: string; body: string; isPublic?: boolean }) =>
    http.post<TopicDetail>(base, body),
  second: (id: string) => http.post<TopicDetail>(`${base}/${id}/second`, {}),
  act: (id: string, action: ScreenAction, note = '') => http.post<TopicDetail>(`${base}/${id}/${action}`, { note }),
  ofCase: (caseId: string) => http.get<CaseTopic>(`${base}/by-case/${caseId}`),
  fromCase: (caseId: string, body: { title: string; body: string }) =>
    http.post<TopicDetail>(`${base}/from-case/${caseId}`, body),
  settings: () => http.get<Items<TopicSetting>>(`${base}/settings`),
  saveSetting: (communityId: string, secondsToAgenda: number) =>
    http.put<TopicSetting>(`${base}/settings/${communityId}`, { secondsToAgenda }),
  /** The meetings area's steps; null while that endpoint does not exist (404). */
  trail: async (id: string): Promise<TrailStep[] | null> => {
    try {
      return (await http.get<{ steps: TrailStep[] }>(`${base}/${id}/trail`)).steps;
    } catch {
      return null;
    }
  },
  publicList: (communityCode: string) => http.get<Items<PublicTopic>>(`/public/communities/${communityCode}/topics`),
};

/** A topic's own events and the meetings' steps, one list by time (oldest first). */
export function mergedTrail(events: TopicDetail['events'], steps: TrailStep[] | null) {
  const own = events.map((e) => ({ source: 'topic' as const, at: e.at, event: e }));
  const theirs = (steps ?? []).map((s) => ({ source: 'meeting' as const, at: s.at, step: s }));
  return [...own, ...theirs].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
