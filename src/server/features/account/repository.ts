import type { Executor } from '../../platform/audit.js';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** A username taken in any letter case: `ADMIN` may not stand beside `admin` as a look-alike account. */
export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordLoginSuccess(db: Executor, id: string, now: Date) {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
}

/** Whether this user logged in from this address since then (a device she uses, in the audit log). */
export async function loggedInFrom(
  db: Executor,
  userId: string | null,
  ip: string | null,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', userId ?? '')
    .where('action', '=', 'account.login')
    .where('ip', '=', ip ?? '')
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row && userId && ip);
}

/** The account that proved this phone with an SMS code, if any. */
export function findUserByPhoneHash(db: Executor, phoneHash: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'tenant_id', 'status'])
    .where('phone_hash', '=', phoneHash)
    .executeTakeFirst();
}

/** A new password of the user's own choosing: the flag an administrator's reset set is cleared. */
export async function updatePassword(db: Executor, id: string, passwordHash: string, now: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: false })
    .where('id', '=', id)
    .execute();
}

export async function insertUser(
  db: Executor,
  user: {
    id: string;
    tenantId: string | null;
    username: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    now: Date;
  },
) {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      tenant_id: user.tenantId,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      password_changed_at: user.now,
      must_change_password: user.mustChangePassword,
      created_at: user.now,
    })
    .execute();
}

export async function insertMembership(
  db: Executor,
  m: {
    id: string;
    tenantId: string;
    userId: string;
    role: string;
    placeId: string | null;
    departmentId: string | null;
    now: Date;
  },
) {
  await db
    .insertInto('memberships')
    .values({
      id: m.id,
      tenant_id: m.tenantId,
      user_id: m.userId,
      role: m.role,
      place_id: m.placeId,
      department_id: m.departmentId,
      created_at: m.now,
    })
    .execute();
}

/**
 * The place or department with this code, with the place subtree a membership there is about: the
 * place itself; for a department its street (a street's 司法所) or else its county.
 */
export async function findScope(db: Executor, code: string) {
  const place = await db
    .selectFrom('places')
    .select(['id', 'tenant_id', 'kind', 'status', 'path', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (place)
    return {
      kind: 'place' as const,
      id: place.id,
      code,
      name: place.name,
      tenantId: place.tenant_id,
      placeKind: place.kind,
      status: place.status,
      path: place.path,
    };
  const dept = await db
    .selectFrom('departments as d')
    .leftJoin('places as street', 'street.code', 'd.street_code')
    .leftJoin('places as county', 'county.code', 'd.tenant_id')
    .select(['d.id', 'd.tenant_id', 'd.name', 'street.path as street_path', 'county.path as county_path'])
    .where('d.code', '=', code)
    .executeTakeFirst();
  if (dept)
    return {
      kind: 'department' as const,
      id: dept.id,
      code,
      name: dept.name,
      tenantId: dept.tenant_id,
      path: dept.street_path ?? dept.county_path,
    };
  return null;
}

// Phone login (residents): one live code per phone, only its hash kept.

/** Stores a fresh code for the phone, replacing the one before with its count of wrong tries. */
export async function upsertLoginCode(db: Executor, code: { phoneHash: string; codeHash: string; expiresAt: Date }) {
  await db
    .insertInto('login_codes')
    .values({ phone_hash: code.phoneHash, code_hash: code.codeHash, attempts: 0, expires_at: code.expiresAt })
    .onConflict((oc) =>
      oc.column('phone_hash').doUpdateSet({ code_hash: code.codeHash, attempts: 0, expires_at: code.expiresAt }),
    )
    .execute();
}

export function findLoginCode(db: Executor, phoneHash: string) {
  return db.selectFrom('login_codes').selectAll().where('phone_hash', '=', phoneHash).executeTakeFirst();
}

export async function setLoginCodeAttempts(db: Executor, phoneHash: string, attempts: number) {
  await db.updateTable('login_codes').set({ attempts }).where('phone_hash', '=', phoneHash).execute();
}

export async function deleteLoginCode(db: Executor, phoneHash: string) {
  await db.deleteFrom('login_codes').where('phone_hash', '=', phoneHash).execute();
}

/** A resident's account, made by the first login with a code sent to the phone. */
export async function insertPhoneUser(
  db: Executor,
  user: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    phoneEnc: string;
    phoneMasked: string;
    phoneHash: string;
    now: Date;
  },
) {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      tenant_id: null,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      password_changed_at: user.now,
      created_at: user.now,
      phone_enc: user.phoneEnc,
      phone_masked: user.phoneMasked,
      phone_hash: user.phoneHash,
    })
    .execute();
}

/** Whether an active registry record carrying the user's login phone was born on or before `bornBy` ('YYYY-MM-DD'). */
export async function registryElderly(db: Executor, userId: string, bornBy: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .innerJoin('residents', 'residents.phone_hash', 'users.phone_hash')
    .select('residents.id')
    .where('users.id', '=', userId)
    .where('residents.status', '=', 'active')
    .where('residents.birth_date', '<=', bornBy)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
