import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';

// Queries only. A jurisdiction_id is a county code (the tenant); requests are the county's cases.

/** Counties that hold at least one community, at most `limit` of them: the jurisdictions in use. */
export async function countiesInUse(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('places')
    .select('tenant_id')
    .distinct()
    .where('kind', '=', 'community')
    .where('tenant_id', 'is not', null)
    .orderBy('tenant_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.tenant_id!);
}

/** The county place of a tenant code, or undefined when there is no such county. */
export function county(db: Executor, code: string) {
  return db
    .selectFrom('places')
    .select(['code', 'path'])
    .where('kind', '=', 'county')
    .where('code', '=', code)
    .where('tenant_id', '=', code)
    .executeTakeFirst();
}

export function activeCommunities(db: Executor, tenantId: string) {
  return db
    .selectFrom('places')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
}

export interface RequestFilter {
  trackingCodes?: string[];
  from?: Date;
  to?: Date;
  categoryCodes?: string[];
  states?: { in: readonly string[] } | { notIn: readonly string[] };
  /** Lists leave out what the reporter did not make public; a lookup by id shows its status. */
  publicOnly: boolean;
  limit: number;
}

/**
 * A county's cases as Open311 requests, newest first. The agency answering for a case is the
 * department it was sent to, else its community — never the person (grid worker) it was sent to.
 */
export function findRequests(db: Executor, tenantId: string, filter: RequestFilter) {
  let q = db
    .selectFrom('cases as c')
    .leftJoin('case_categories as k', 'k.code', 'c.category_code')
    .innerJoin('places as p', 'p.id', 'c.place_id')
    .leftJoin('places as parent', 'parent.id', 'p.parent_id')
    .leftJoin('departments as d', 'd.id', 'c.assignee_department_id')
    .select([
      'c.tracking_code',
      'c.state',
      'c.result_text',
      'c.category_code',
      'k.name_zh as category_name',
      'c.description',
      'c.address',
      'c.lat',
      'c.lng',
      'c.media_url',
      'c.is_public',
      'c.created_at',
      'c.updated_at',
      'c.resolve_due_at',
    ])
    .select(
      sql<string>`coalesce(d.name, CASE WHEN p.kind = 'community' THEN p.name ELSE parent.name END, '')`.as('agency'),
    )
    .where('c.tenant_id', '=', tenantId);
  if (filter.publicOnly) q = q.where('c.is_public', '=', true);
  if (filter.trackingCodes) q = q.where('c.tracking_code', 'in', filter.trackingCodes);
  if (filter.from) q = q.where('c.created_at', '>=', filter.from);
  if (filter.to) q = q.where('c.created_at', '<=', filter.to);
  if (filter.categoryCodes) q = q.where('c.category_code', 'in', filter.categoryCodes);
  if (filter.states && 'in' in filter.states) q = q.where('c.state', 'in', filter.states.in);
  if (filter.states && 'notIn' in filter.states) q = q.where('c.state', 'not in', filter.states.notIn);
  return q.orderBy('c.created_at', 'desc').orderBy('c.tracking_code', 'desc').limit(filter.limit).execute();
}

export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];

export function findTrackingCode(db: Executor, tenantId: string, token: string) {
  return db
    .selectFrom('cases')
    .select('tracking_code')
    .where('tenant_id', '=', tenantId)
    .where('tracking_code', '=', token.toUpperCase())
    .executeTakeFirst();
}

// API keys: only a hash of each key is kept.

export async function insertApiKey(
  db: Executor,
  key: {
    id: string;
    tenantId: string;
    name: string;
    prefix: string;
    keyHash: string;
    createdBy: string | null;
    now: Date;
  },
) {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      tenant_id: key.tenantId,
      name: key.name,
      prefix: key.prefix,
      key_hash: key.keyHash,
      created_by: key.createdBy,
      created_at: key.now,
    })
    .execute();
}

/** A county's keys, newest first. */
export function listApiKeys(db: Executor, tenantId: string) {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function findApiKey(db: Executor, id: string) {
  return db.selectFrom('api_keys').select(['id', 'tenant_id']).where('id', '=', id).executeTakeFirst();
}

export function findApiKeyByHash(db: Executor, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .select(['tenant_id', 'revoked_at'])
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
}

export async function revokeApiKey(db: Executor, id: string, now: Date) {
  await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
}
