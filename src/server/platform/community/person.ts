import type { Executor } from '../audit.js';
import type { Actor } from '../policy.js';
import { pathAbove } from '../scope.js';

// Who a person is in community life (issue 16). Everyone acts in their own name as a user: staff
// with memberships, residents who logged in by phone code. Their home community is where they sign
// up, claim wishes, spend points and eat: a resident's own choice (我的社区), else the community of the
// registry record that carries their phone, else the community of their first place membership.

export interface HomeCommunity {
  id: string;
  name: string;
  path: string;
  tenantId: string;
}

const communityAbove = (db: Executor, path: string) =>
  db
    .selectFrom('places')
    .select(['id', 'name', 'path', 'tenant_id'])
    .where('kind', '=', 'community')
    .where('status', '=', 'active')
    .where(pathAbove('places.path', path))
    .executeTakeFirst();

/** The registry records (residents) that carry the phone the user logged in with. */
export async function registryResidentsOf(db: Executor, userId: string) {
  const user = await db.selectFrom('users').select('phone_hash').where('id', '=', userId).executeTakeFirst();
  if (!user?.phone_hash) return [];
  return db
    .selectFrom('residents')
    .innerJoin('places as household', 'household.id', 'residents.household_id')
    .select(['residents.id', 'residents.tenant_id', 'residents.name', 'household.path as household_path'])
    .where('residents.phone_hash', '=', user.phone_hash)
    .where('residents.status', '=', 'active')
    .execute();
}

export async function homeCommunityOf(db: Executor, actor: Actor): Promise<HomeCommunity | null> {
  if (!actor.userId) return null;
  const user = await db
    .selectFrom('users')
    // A community since retired (merged away) is no home: fall through to the registry and memberships.
    .leftJoin('places', (j) => j.onRef('places.id', '=', 'users.home_community_id').on('places.status', '=', 'active'))
    .select(['places.id', 'places.name', 'places.path', 'places.tenant_id'])
    .where('users.id', '=', actor.userId)
    .executeTakeFirst();
  if (user?.id && user.path && user.name && user.tenant_id)
    return { id: user.id, name: user.name, path: user.path, tenantId: user.tenant_id };
  const paths = [
    ...(await registryResidentsOf(db, actor.userId)).map((r) => r.household_path),
    ...actor.memberships.filter((m) => m.scopeKind === 'place').map((m) => m.path),
  ];
  for (const path of paths) {
    const c = await communityAbove(db, path);
    if (c?.tenant_id) return { id: c.id, name: c.name, path: c.path, tenantId: c.tenant_id };
  }
  return null;
}
