// 微心愿 · 微行动 (issue 16): the area's API for the console and the phone, typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  ActionDetailSchema,
  ActionSchema,
  ResidentPickSchema,
  UnitSchema,
  WishNumbersSchema,
  WishSchema,
} from '../../../server/features/community/wishes/schemas';
import type { WishCategory, WishState } from '../../../shared/community-wishes';
import { http, type Items } from '../http';

export type Wish = z.infer<typeof WishSchema>;
export type MicroAction = z.infer<typeof ActionSchema>;
export type MicroActionDetail = z.infer<typeof ActionDetailSchema>;
export type ResidentPick = z.infer<typeof ResidentPickSchema>;
export type WishUnit = z.infer<typeof UnitSchema>;
export type WishNumbers = z.infer<typeof WishNumbersSchema>;

const base = '/community/wishes';

export const wishesApi = {
  list: (query: { state?: WishState; placeCode?: string; buildingCode?: string }, signal?: AbortSignal) =>
    http.get<Items<Wish>>(base, { query, signal }),
  wall: () => http.get<Items<Wish>>(`${base}/wall`),
  mine: () => http.get<Items<Wish>>(`${base}/mine`),
  claimed: () => http.get<Items<Wish>>(`${base}/claimed`),
  get: (id: string) => http.get<Wish>(`${base}/${id}`),
  post: (body: { category: WishCategory; content: string; photoIds: string[]; residentId?: string }) =>
    http.post<Wish>(base, body),
  residents: (q: string) => http.get<Items<ResidentPick>>(`${base}/residents`, { query: { q } }),
  units: () => http.get<Items<WishUnit>>(`${base}/units`),
  act: (id: string, action: 'approve' | 'reject' | 'give_up' | 'cancel', reason = '') =>
    http.post<Wish>(`${base}/${id}/${action}`, { reason }),
  claim: (id: string, organisationId?: string) => http.post<Wish>(`${base}/${id}/claim`, { organisationId }),
  fulfil: (id: string, photoIds: string[], note: string) => http.post<Wish>(`${base}/${id}/fulfil`, { photoIds, note }),
  thank: (id: string, message: string) => http.post<Wish>(`${base}/${id}/thank`, { message }),
  photoUrl: (id: string, fileId: string) => `/api/v1${base}/${id}/photos/${fileId}`,
  numbers: (year: number, placeCode?: string, signal?: AbortSignal) =>
    http.get<WishNumbers>(`${base}/numbers`, { query: { year, placeCode }, signal }),

  actions: (placeCode?: string, signal?: AbortSignal) =>
    http.get<Items<MicroAction>>(`${base}/actions`, { query: { placeCode }, signal }),
  nearbyActions: () => http.get<Items<MicroAction>>(`${base}/actions/nearby`),
  action: (id: string) => http.get<MicroActionDetail>(`${base}/actions/${id}`),
  createAction: (body: {
    placeCode: string;
    title: string;
    description: string;
    date: string;
    location: string;
    slots: number;
  }) => http.post<MicroActionDetail>(`${base}/actions`, body),
  signUp: (id: string) => http.post<MicroActionDetail>(`${base}/actions/${id}/sign-up`, {}),
  withdraw: (id: string) => http.post<MicroActionDetail>(`${base}/actions/${id}/withdraw`, {}),
  done: (id: string, photoIds: string[], participantIds: string[]) =>
    http.post<MicroActionDetail>(`${base}/actions/${id}/done`, { photoIds, participantIds }),
  cancelAction: (id: string) => http.post<MicroActionDetail>(`${base}/actions/${id}/cancel`, {}),
  actionPhotoUrl: (id: string, fileId: string) => `/api/v1${base}/actions/${id}/photos/${fileId}`,
};
