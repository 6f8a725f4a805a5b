import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/policy.js';
import { shanghaiDate } from '../../../platform/deadlines.js';
import { activityActionsFrom } from './lifecycle.js';
import { mayManage } from './policy.js';
import type { ActivityRow } from './repository.js';

// Rows as the API gives them: camel case, ISO times; the check-in token never appears here.

export const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);
export const isoOf = (d: Date | string): string => new Date(d).toISOString();

/** The date of an instant in Beijing time, 'YYYY-MM-DD'. */
export const dayOf = (d: Date | string): string => shanghaiDate(new Date(d).getTime());
/** The year of an instant in Beijing time. */
export const yearOf = (d: Date): number => Number(dayOf(d).slice(0, 4));

/** Hours with one decimal, from minutes. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;

/** Only the SHA-256 of a check-in token is looked up. */
export const hashCheckinToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function presentActivity(a: ActivityRow, actor: Actor) {
  const manage = mayManage(actor, a.place_path);
  return {
    id: a.id,
    communityId: a.community_id,
    communityName: a.community_name,
    teamId: a.team_id,
    teamName: a.team_name,
    title: a.title,
    description: a.description,
    address: a.address,
    location: a.lng !== null && a.lat !== null ? { lng: a.lng, lat: a.lat } : null,
    radiusM: a.radius_m,
    startsAt: isoOf(a.starts_at),
    endsAt: isoOf(a.ends_at),
    capacity: a.capacity,
    signupDeadline: isoOf(a.signup_deadline),
    attendPoints: a.attend_points,
    state: a.state,
    cancelReason: a.cancel_reason,
    signedUp: Number(a.signed_up),
    waiting: Number(a.waiting),
    actions: manage ? activityActionsFrom(a.state) : [],
    editable: manage && (a.state === 'draft' || a.state === 'published'),
  };
}

/** Metres between two points on the earth (haversine). */
export function distanceMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}
