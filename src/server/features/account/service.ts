import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import { hashPassword, isStrongPassword, verifyDecoy, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, deleteSession, deleteUserSessions, loadMemberships } from '../../platform/auth/sessions.js';
import { assertNotThrottled, clearBar, countFailure, keyPart, type FailureBar } from '../../platform/auth/throttle.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { permissionsOf, systemActor, type Actor } from '../../platform/policy.js';
import { isRole, roleLabels, type Role } from '../../../shared/roles.js';
import * as repo from './repository.js';
import { insertStaffUser, membershipScope } from './staff.js';
import type { ChangePassword, CreateUser, Login } from './schemas.js';

export interface AccountDeps {
  db: Db;
  clock: Clock;
  config: Pick<
    Config,
    | 'SESSION_TTL_HOURS'
    | 'LOGIN_MAX_FAILURES'
    | 'LOGIN_LOCK_MINUTES'
    | 'LOGIN_MAX_FAILURES_PER_IP'
    | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  >;
}

/** An address the owner logged in from within this time is exempt from the account-wide bar. */
const KNOWN_ADDRESS_DAYS = 30;

/** Whoever typed a password or a code: not the account's owner until it is right. */
export const anonymousActor = (meta: { requestId: string | null; ip: string | null }): Actor => ({
  kind: 'user',
  userId: null,
  username: 'anonymous',
  displayName: '',
  tenantId: null,
  memberships: [],
  requestId: meta.requestId,
  ip: meta.ip,
});

/**
 * Password guesses are counted per account from one address (locks that pair, LOGIN_MAX_FAILURES),
 * per address over every account (LOGIN_MAX_FAILURES_PER_IP) and per account from anywhere
 * (LOGIN_MAX_FAILURES_PER_ACCOUNT, a much higher bar, not applied to an address the owner used),
 * each in a window of LOGIN_LOCK_MINUTES. Unknown usernames are counted the same way.
 */
function passwordBars(config: AccountDeps['config'], username: string, ip: string | null) {
  const windowMs = config.LOGIN_LOCK_MINUTES * 60_000;
  const address = ip ?? 'unknown';
  return {
    pair: {
      name: 'account_address',
      key: `login:pair:${keyPart(username)}:${address}`,
      limit: config.LOGIN_MAX_FAILURES,
      windowMs,
    },
    address: { name: 'address', key: `login:ip:${address}`, limit: config.LOGIN_MAX_FAILURES_PER_IP, windowMs },
    account: {
      name: 'account',
      key: `login:account:${keyPart(username)}`,
      limit: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowMs,
    },
  } satisfies Record<string, FailureBar>;
}

/** The bars that apply to this attempt; refuses it when one is full. Known and unknown usernames take the same steps. */
async function guard(
  { db, config }: AccountDeps,
  username: string,
  userId: string | null,
  meta: { ip: string | null },
  now: Date,
) {
  const bars = passwordBars(config, username, meta.ip);
  const knownAddress = await repo.loggedInFrom(
    db,
    userId,
    meta.ip,
    new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000),
  );
  const applied = knownAddress ? [bars.pair, bars.address] : [bars.pair, bars.address, bars.account];
  await assertNotThrottled(db, applied, now);
  return { ...bars, applied };
}

/** Counts a wrong password and audits it (and the lock-out it may start) — never the password itself. */
async function failed(
  { db }: AccountDeps,
  bars: FailureBar[],
  action: string,
  user: { id: string; tenant_id: string | null } | undefined,
  meta: { ip: string | null; requestId: string | null },
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const filled = await countFailure(trx, bars, now);
    const who = anonymousActor(meta);
    const entry = { entityType: 'user', entityId: user?.id ?? null, tenantId: user?.tenant_id ?? null };
    await recordAudit(trx, who, { ...entry, action, after: { reason: user ? 'wrong_password' : 'unknown_user' } }, now);
    for (const { bar, until } of filled)
      await recordAudit(trx, who, { ...entry, action: 'account.lockedOut', after: { bar: bar.name, until } }, now);
  });
}

/** Residents of this age or more are offered 关怀模式 (elder mode) by default (issue 18). */
const ELDER_AGE = 60;

/** Who is logged in, as GET /me and the logins answer. */
async function present(
  db: Executor,
  now: Date,
  actor: Actor,
  csrfToken: string,
  locale: Locale,
  mustChangePassword = false,
) {
  // Born on or before this day ELDER_AGE years ago (the day in Beijing, where birthdays are kept).
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const bornBy = `${String(Number(today.slice(0, 4)) - ELDER_AGE).padStart(4, '0')}${today.slice(4)}`;
  const elderly = actor.userId ? await repo.registryElderly(db, actor.userId, bornBy) : false;
  return {
    user: { id: actor.userId!, username: actor.username, displayName: actor.displayName, tenantId: actor.tenantId },
    mustChangePassword,
    memberships: actor.memberships.map((m) => ({
      role: m.role,
      roleLabel: roleLabels[m.role][locale],
      scopeKind: m.scopeKind,
      scopeCode: m.scopeCode,
      scopeName: m.scopeName,
      scopeLevel: m.scopeKind === 'place' ? (m.placeKind ?? null) : null,
    })),
    permissions: permissionsOf(actor),
    csrfToken,
    elderly,
  };
}

type LoginMeta = { ip: string | null; userAgent: string | null; requestId: string | null; locale: Locale };

async function login(deps: AccountDeps, input: Login, meta: LoginMeta) {
  const { db, clock, config } = deps;
  const now = clock.now();
  const user = await repo.findUserByUsername(db, input.username);
  const bars = await guard(deps, input.username, user?.id ?? null, meta, now);
  // Unknown usernames cost an argon2 verification too, so timing does not tell them apart.
  const valid = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyDecoy(input.password), false);
  if (!user || !valid) {
    await failed(deps, bars.applied, 'account.loginFailed', user, meta, now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED');
  return db.transaction().execute(async (trx) => {
    await clearBar(trx, bars.pair);
    await repo.recordLoginSuccess(trx, user.id, now);
    const session = await createSession(trx, {
      userId: user.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
      ttlHours: config.SESSION_TTL_HOURS,
    });
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      tenantId: user.tenant_id,
      memberships: await loadMemberships(trx, user.id),
      requestId: meta.requestId,
      ip: meta.ip,
    };
    await recordAudit(trx, actor, { action: 'account.login', entityType: 'user', entityId: user.id }, now);
    return {
      ...session,
      me: await present(trx, now, actor, session.csrfToken, meta.locale, user.must_change_password),
    };
  });
}

async function logout({ db, clock }: AccountDeps, actor: Actor, token: string) {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, token);
    await recordAudit(
      trx,
      actor,
      { action: 'account.logout', entityType: 'user', entityId: actor.userId },
      clock.now(),
    );
  });
}

/** Throttled like login: someone at an unlocked screen must not guess the current password at leisure. */
async function changePassword(deps: AccountDeps, actor: Actor, token: string, input: ChangePassword) {
  const { db, clock } = deps;
  const user = await repo.findUserById(db, actor.userId!);
  if (!user) throw new AppError('AUTH_REQUIRED');
  const bars = await guard(deps, user.username, user.id, actor, clock.now());
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await failed(deps, bars.applied, 'account.changePasswordFailed', user, actor, clock.now());
    throw new AppError('AUTH_WRONG_PASSWORD');
  }
  if (!isStrongPassword(input.newPassword)) throw new AppError('AUTH_WEAK_PASSWORD');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    const now = clock.now();
    await clearBar(trx, bars.pair);
    await repo.updatePassword(trx, user.id, passwordHash, now);
    // Other devices must log in again with the new password.
    await deleteUserSessions(trx, user.id, token);
    await recordAudit(trx, actor, { action: 'account.changePassword', entityType: 'user', entityId: user.id }, now);
  });
}

/** Creates a staff user with one (role, scope) membership. Used by the CLI and the demo seed. */
async function createUser({ db, clock }: AccountDeps, input: CreateUser, actor: Actor) {
  if (!isRole(input.role)) throw new AppError('ROLE_UNKNOWN', { role: input.role });
  if (!isStrongPassword(input.password)) throw new AppError('AUTH_WEAK_PASSWORD');
  const scope = await membershipScope(db, input.scope, input.role);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute((trx) =>
    insertStaffUser(
      trx,
      actor,
      {
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash,
        mustChangePassword: false,
        memberships: [{ role: input.role as Role, scope }],
      },
      clock.now(),
    ),
  );
}

export function createAccountService(deps: AccountDeps) {
  return {
    present: (actor: Actor, csrfToken: string, locale: Locale) =>
      present(deps.db, deps.clock.now(), actor, csrfToken, locale),
    login: (input: Login, meta: LoginMeta) => login(deps, input, meta),
    logout: (actor: Actor, token: string) => logout(deps, actor, token),
    changePassword: (actor: Actor, token: string, input: ChangePassword) => changePassword(deps, actor, token, input),
    createUser: (input: CreateUser, actor: Actor = systemActor()) => createUser(deps, input, actor),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
