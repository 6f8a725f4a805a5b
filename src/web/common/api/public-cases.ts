import type { CaseRating, PublicCaseView, PublicCommunity, PublicPlace } from '../api-types';
import { http } from '../http';

// The resident's side, without login: the QR report form, the tracking page, the rating.

export const getPublicCommunity = (code: string, signal?: AbortSignal) =>
  http.get<PublicCommunity>(`/public/communities/${encodeURIComponent(code)}`, { signal });

/** The place of a building's, unit's or spot's poster (the token in /r/p/…). */
export const getPublicPlace = (token: string, signal?: AbortSignal) =>
  http.get<PublicPlace>(`/public/places/${encodeURIComponent(token)}`, { signal });

export interface PublicReport {
  communityCode: string;
  /** The token of the poster scanned: the report is filed under its building, unit or spot. */
  placeToken?: string;
  categoryCode?: string;
  description: string;
  reporterName: string;
  reporterPhone: string;
  lng?: number;
  lat?: number;
  address?: string;
  /** 公开: the resident lets others see the description and photos on public lists. */
  isPublic: boolean;
  photos: Blob[];
}

/** Sends the form; the same idempotency key (one per form fill) makes a retry or a double tap one case. */
export function submitPublicReport(report: PublicReport, idempotencyKey: string) {
  const form = new FormData();
  form.append('communityCode', report.communityCode);
  if (report.placeToken) form.append('placeToken', report.placeToken);
  if (report.categoryCode) form.append('categoryCode', report.categoryCode);
  form.append('description', report.description);
  form.append('reporterName', report.reporterName);
  form.append('reporterPhone', report.reporterPhone);
  if (report.lng !== undefined && report.lat !== undefined) {
    form.append('lng', String(report.lng));
    form.append('lat', String(report.lat));
  }
  if (report.address) form.append('address', report.address);
  form.append('isPublic', String(report.isPublic));
  report.photos.forEach((photo, index) => form.append('photos', photo, `photo-${index + 1}.jpg`));
  return http.upload<{ trackingCode: string }>('/public/cases', form, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/**
 * Proof that it is the reporter: the token from the SMS link, the resident's own login (the session
 * cookie goes along by itself), or the last 4 digits of the phone — which only show the progress:
 * rating needs the link or the login.
 */
export interface TrackingProof {
  phone4?: string;
  t?: string;
  session?: true;
}

export const trackCase = (code: string, proof: TrackingProof, signal?: AbortSignal) =>
  http.get<PublicCaseView>(`/public/cases/${encodeURIComponent(code)}`, {
    query: { phone4: proof.phone4, t: proof.t },
    signal,
  });

export const rateCase = (
  code: string,
  proof: TrackingProof,
  rating: { rating: CaseRating; solved: boolean; comment: string },
) => http.post<{ state: string }>(`/public/cases/${encodeURIComponent(code)}/rating`, { token: proof.t, ...rating });
