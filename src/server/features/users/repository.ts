import { sql } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import { pathUnder, pathUnderAny } from '../../platform/scope.js';
import type { GrantZone } from './policy.js';

// Every query of user administration. Which users an actor manages is decided in SQL from the
// actor's grant zones (policy.ts) through the scope helpers: every membership of the user must lie
// in a zone that lists its role.

/** Each membership with the place subtree it is about: its place, or its department's street or county. */
function membershipPaths(db: Executor) {
  return db
    .selectFrom('memberships as m')
    .leftJoin('places as p', 'p.id', 'm.place_id')
    .leftJoin('departments as d', 'd.id', 'm.department_id')
    .leftJoin('places as ds', 'ds.code', 'd.street_code')
    .leftJoin('places as dc', 'dc.code', 'd.tenant_id')
    .select([
      'm.id',
      'm.user_id',
      'm.role',
      'm.created_at',
      sql<'place' | 'department'>`case when m.department_id is null then 'place' else 'department' end`.as(
        'scope_kind',
      ),
      sql<string | null>`coalesce(p.code, d.code)`.as('scope_code'),
      sql<string | null>`coalesce(p.name, d.name)`.as('scope_name'),
      sql<string | null>`coalesce(p.path, ds.path, dc.path)`.as('path'),
    ]);
}

/** A membership lies in a zone that lists its role. */
function inZones(zones: GrantZone[]) {
  if (zones.length === 0) return sql<boolean>`false`;
  const tests = zones.map((z) => sql`(${pathUnder('mp.path', z.path)} and mp.role in (${sql.join(z.roles)}))`);
  return sql<boolean>`(${sql.join(tests, sql` or `)})`;
}

export interface UserFilter {
  q?: string;
  role?: string;
  /** Only users with a membership under this place path. */
  under?: string;
  status?: 'active' | 'disabled';
}

function manageable(db: Executor, zones: GrantZone[], filter: UserFilter) {
  let query = db
    .selectFrom('users as u')
    .where((eb) =>
      eb.exists(eb.selectFrom('memberships as any_m').select('any_m.id').whereRef('any_m.user_id', '=', 'u.id')),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom(membershipPaths(db).as('mp'))
            .select('mp.id')
            .whereRef('mp.user_id', '=', 'u.id')
            .where(sql<boolean>`not coalesce(${inZones(zones)}, false)`),
        ),
      ),
    );
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (filter.status) query = query.where('u.status', '=', filter.status);
  if (filter.role || filter.under) {
    const { role, under } = filter;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom(membershipPaths(db).as('mp'))
          .select('mp.id')
          .whereRef('mp.user_id', '=', 'u.id')
          .$if(Boolean(role), (w) => w.where('mp.role', '=', role!))
          .$if(Boolean(under), (w) => w.where(pathUnder('mp.path', under!))),
      ),
    );
  }
  return query;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.tenant_id',
  'u.status',
  'u.must_change_password',
  'u.last_login_at',
  'u.created_at',
] as const;

/** One page of the users the actor manages, by username; never a password hash or phone. */
export async function listManageable(
  db: Executor,
  zones: GrantZone[],
  filter: UserFilter,
  page: { offset: number; limit: number },
) {
  const rows = await manageable(db, zones, filter)
    .select(userColumns)
    .orderBy('u.username')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const counted = await manageable(db, zones, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(counted.n) };
}

/** One user the actor manages, or undefined (absent or out of scope alike). */
export function findManageable(db: Executor, zones: GrantZone[], id: string) {
  return manageable(db, zones, {}).select(userColumns).where('u.id', '=', id).executeTakeFirst();
}

/** The memberships of these users with their place or department, oldest first. */
export function membershipsOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom(membershipPaths(db).as('mp'))
    .selectAll()
    .where('mp.user_id', 'in', userIds)
    .orderBy('mp.created_at')
    .orderBy('mp.id')
    .execute();
}

export async function setStatus(db: Executor, id: string, status: 'active' | 'disabled') {
  await db.updateTable('users').set({ status }).where('id', '=', id).execute();
}

/** A password an administrator set: the user must replace it at the next login. */
export async function setTemporaryPassword(db: Executor, id: string, passwordHash: string, now: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: true })
    .where('id', '=', id)
    .execute();
}

export async function deleteMembership(db: Executor, userId: string, membershipId: string) {
  await db.deleteFrom('memberships').where('id', '=', membershipId).where('user_id', '=', userId).execute();
}

/** Usernames of this list that are taken already, in any letter case (as the list spells them). */
export async function takenUsernames(db: Executor, usernames: string[]) {
  if (usernames.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select((eb) => eb.fn<string>('lower', ['username']).as('lowered'))
    .where((eb) =>
      eb(
        eb.fn('lower', ['username']),
        'in',
        usernames.map((u) => u.toLowerCase()),
      ),
    )
    .execute();
  const taken = new Set(rows.map((r) => r.lowered));
  return usernames.filter((u) => taken.has(u.toLowerCase()));
}

/** Places a membership may be granted at, under these paths: divisions down to grids, in use. */
export function grantablePlaces(db: Executor, paths: string[]) {
  return db
    .selectFrom('places')
    .select(['code', 'name', 'kind', 'path'])
    .where(pathUnderAny('path', paths))
    .where('kind', 'in', ['county', 'street', 'community', 'grid'])
    .where('status', '=', 'active')
    .orderBy('path')
    .execute();
}

/** Departments of these counties, with the place subtree their memberships are about. */
export function grantableDepartments(db: Executor, tenantIds: string[]) {
  if (tenantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('departments as d')
    .leftJoin('places as ds', 'ds.code', 'd.street_code')
    .leftJoin('places as dc', 'dc.code', 'd.tenant_id')
    .select(['d.code', 'd.name', sql<string | null>`coalesce(ds.path, dc.path)`.as('path')])
    .where('d.tenant_id', 'in', tenantIds)
    .orderBy('d.code')
    .execute();
}

/** Locks the user's row: two administrators changing one user's roles take turns. */
export async function lockUser(db: Executor, id: string) {
  await db.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
}
