import { AppError } from '../../../platform/errors.js';
import type { Executor } from '../../../platform/audit.js';
import { findByCode } from '../../places/index.js';
import { maskName } from '../../../../shared/identity.js';

// Small helpers the shop's parts share: the community of a code, a year in Beijing time, a holder's name.

/** The community of a 12-digit code; anything else (absent, a street, retired) is not found. */
export async function communityByCode(db: Executor, code: string) {
  const place = await findByCode(db, code);
  if (!place || place.kind !== 'community' || place.status !== 'active' || !place.tenant_id)
    throw new AppError('NOT_FOUND', { communityCode: code });
  return { ...place, tenant_id: place.tenant_id };
}

/** A place of any level by code, for `?placeCode=` / `?under=` filters; its path. */
export async function placePath(db: Executor, code: string | undefined) {
  if (!code) return undefined;
  const place = await findByCode(db, code);
  if (!place) throw new AppError('NOT_FOUND', { placeCode: code });
  return place.path;
}

/** [1 January, next 1 January) of a year in Asia/Shanghai. */
export const yearRange = (year: number) => ({
  from: new Date(`${year}-01-01T00:00:00+08:00`),
  to: new Date(`${year + 1}-01-01T00:00:00+08:00`),
});

/** A day 'YYYY-MM-DD' in Asia/Shanghai as its first instant. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * A points holder as staff see it: a unit by its name; a staff member (anyone holding a membership)
 * by their display name; a resident masked (黄*兰).
 */
export function holderName(row: {
  holder_kind: string;
  user_name: string | null;
  organisation_name: string | null;
  is_staff: unknown;
}) {
  if (row.holder_kind === 'organisation') return row.organisation_name ?? '';
  return row.is_staff === true ? (row.user_name ?? '') : maskName(row.user_name ?? '');
}
