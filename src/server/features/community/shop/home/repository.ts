import type { Executor } from '../../../../platform/audit.js';

// Queries only, for the resident's hub (我的社区, report from the app).

/** The active communities of every county, with their street, for a resident to pick hers by name. */
export function communities(db: Executor) {
  return db
    .selectFrom('places as c')
    .innerJoin('places as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'c.tenant_id', 's.name as street'])
    .where('c.kind', '=', 'community')
    .where('c.status', '=', 'active')
    .orderBy('c.tenant_id')
    .orderBy('c.path')
    .limit(2000)
    .execute();
}

export function activeCommunity(db: Executor, id: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'code', 'path', 'tenant_id'])
    .where('id', '=', id)
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function userHome(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['home_community_id', 'display_name', 'phone_enc', 'phone_hash'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function setUserHome(db: Executor, userId: string, communityId: string) {
  await db.updateTable('users').set({ home_community_id: communityId }).where('id', '=', userId).execute();
}
