import type { Executor } from '../../platform/audit.js';
import { pathUnder } from '../../platform/scope.js';

// Queries of the public community page only.

export function findCommunity(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'path', 'status', 'tenant_id'])
    .where('code', '=', code)
    .where('kind', '=', 'community')
    .executeTakeFirst();
}

/** Names and kinds of the places with these codes (a path's ancestors). */
export function placesByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(['code', 'name', 'kind']).where('code', 'in', codes).execute();
}

/** Buildings, spots and grids among these codes, with a building's or spot's point. */
export function publicPlaces(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('places as p')
    .leftJoin('buildings as b', 'b.place_id', 'p.id')
    .leftJoin('spots as s', 's.place_id', 'p.id')
    .select([
      'p.code',
      'p.name',
      'p.kind',
      'b.lng as building_lng',
      'b.lat as building_lat',
      's.lng as spot_lng',
      's.lat as spot_lat',
    ])
    .where('p.code', 'in', codes)
    .where('p.kind', 'in', ['building', 'spot', 'grid'])
    .execute();
}

export interface PublicReportFilter {
  tenantId: string;
  path: string;
  since: Date;
  limit: number;
}

/** The cases their reporters made public (公开) under a community since a day, newest first. */
export function publicReports(db: Executor, f: PublicReportFilter) {
  return db
    .selectFrom('cases as c')
    .leftJoin('case_categories as k', 'k.code', 'c.category_code')
    .select(['c.id', 'c.state', 'c.created_at', 'c.lat', 'c.lng', 'c.place_path', 'c.photo_ids'])
    .select(['k.name_zh as category_zh', 'k.name_en as category_en'])
    .where('c.tenant_id', '=', f.tenantId)
    .where('c.is_public', '=', true)
    .where('c.created_at', '>=', f.since)
    .where(pathUnder('c.place_path', f.path))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit)
    .execute();
}

/** One public case's photo ids, under the community and in the window. */
export function publicReportPhotoIds(db: Executor, f: Omit<PublicReportFilter, 'limit'> & { id: string }) {
  return db
    .selectFrom('cases as c')
    .select('c.photo_ids')
    .where('c.id', '=', f.id)
    .where('c.tenant_id', '=', f.tenantId)
    .where('c.is_public', '=', true)
    .where('c.created_at', '>=', f.since)
    .where(pathUnder('c.place_path', f.path))
    .executeTakeFirst();
}

export function storedFile(db: Executor, id: string) {
  return db.selectFrom('files').select(['storage_key', 'mime']).where('id', '=', id).executeTakeFirst();
}
