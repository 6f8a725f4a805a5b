import type { HouseholdPage, ListResponse, LocateResult, PlaceDetail, PlaceSummary } from '../api-types';
import { http } from '../http';

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
