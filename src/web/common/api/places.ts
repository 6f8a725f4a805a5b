import type {
  CreateSpotInput,
  HouseholdPage,
  ListResponse,
  LocateResult,
  PlaceDetail,
  PlaceSummary,
  QrPosterInput,
  Spot,
  UpdateSpotInput,
} from '../api-types';
import { download, http } from '../http';

/** Children of a place; without a parent, the roots of the user's scope. */
export const listPlaces = (parent?: string, signal?: AbortSignal) =>
  http.get<ListResponse<PlaceSummary>>('/places', { query: { parent }, signal });

export const getPlace = (code: string, signal?: AbortSignal) =>
  http.get<PlaceDetail>(`/places/${encodeURIComponent(code)}`, { signal });

export interface HouseholdQuery {
  page: number;
  pageSize: number;
  q?: string;
}

export const listHouseholds = (code: string, query: HouseholdQuery, signal?: AbortSignal) =>
  http.get<HouseholdPage>(`/places/${encodeURIComponent(code)}/households`, { query: { ...query }, signal });

export const locatePoint = (lat: number, lng: number) =>
  http.get<LocateResult>('/places/locate', { query: { lat, lng } });

// 地点 (spots) and QR posters
export const listSpots = (under: string, signal?: AbortSignal) =>
  http.get<ListResponse<Spot>>('/spots', { query: { under }, signal });

export const createSpot = (input: CreateSpotInput) => http.post<{ code: string }>('/spots', input);

export const updateSpot = (code: string, input: UpdateSpotInput) =>
  http.put<{ code: string }>(`/spots/${encodeURIComponent(code)}`, input);

/** The phone number the posters of a place print. */
export const setPlacePhone = (code: string, phone: string) =>
  http.put<{ code: string; phone: string }>(`/places/${encodeURIComponent(code)}/phone`, { phone });

/** One PDF with a poster per building, unit or spot. */
export const printQrPosters = (input: QrPosterInput) =>
  download('/qr-posters', { method: 'POST', body: input, fallbackName: '二维码海报.pdf' });
