import { departmentRoles, roleLabels, roles, type Role } from '../../../shared/roles.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import { hashPassword, isStrongPassword } from '../../platform/auth/passwords.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { Actor } from '../../platform/policy.js';
import { resolveUnder } from '../../platform/scope.js';
import { insertStaffMembership, insertStaffUser, membershipScope, type MembershipScope } from '../account/index.js';
import type { UsersDeps } from './deps.js';
import type { StaffSheet } from './excel.js';
import { importStaff } from './import.js';
import { makePassword } from './passwords.js';
import {
  assertMayGrant,
  withinZones,
  assertMayManageUsers,
  grantZones,
  keepsUserManagement,
  mayGrant,
  type GrantZone,
} from './policy.js';
import * as repo from './repository.js';
import type { CreateUser, MembershipGrant, UserQueryT } from './schemas.js';

// 用户与角色管理: a county, street or community manages its own staff accounts. Each write is one
// transaction with one audit row (before/after, never a password); scope rules are in policy.ts.

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findManageable>>>;
type MembershipRow = Awaited<ReturnType<typeof repo.membershipsOf>>[number];

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function presentMemberships(memberships: MembershipRow[], locale: Locale) {
  return memberships.flatMap((m) =>
    m.scope_code && (roles as readonly string[]).includes(m.role)
      ? [
          {
            id: m.id,
            role: m.role as Role,
            roleLabel: roleLabels[m.role as Role][locale],
            scopeKind: m.scope_kind,
            scopeCode: m.scope_code,
            scopeName: m.scope_name ?? '',
          },
        ]
      : [],
  );
}

function present(user: UserRow, memberships: MembershipRow[], actor: Actor, locale: Locale) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    status: user.status,
    mustChangePassword: user.must_change_password,
    lastLoginAt: iso(user.last_login_at),
    createdAt: iso(user.created_at)!,
    memberships: presentMemberships(memberships, locale),
    self: user.id === actor.userId,
  };
}

/** What an audit row tells of a user's roles: role and place code, nothing secret. */
const auditMemberships = (memberships: MembershipRow[]) =>
  memberships.map((m) => ({ role: m.role, scope: m.scope_code }));

/** The user the actor manages, locked for the change, with the memberships; out of scope is 404. */
async function loadManaged(trx: Executor, zones: GrantZone[], id: string, lock: boolean) {
  if (lock) await repo.lockUser(trx, id);
  const user = await repo.findManageable(trx, zones, id);
  if (!user) throw new AppError('NOT_FOUND');
  return { user, memberships: await repo.membershipsOf(trx, [id]) };
}

/**
 * The place or department of a grant, which must lie in one of the actor's zones (404 otherwise,
 * unknown codes and places above a county alike, so codes cannot be probed) with a role the actor may grant there (403).
 */
async function resolveGrant(db: Executor, zones: GrantZone[], grant: MembershipGrant): Promise<MembershipScope> {
  let scope: MembershipScope;
  try {
    // A code beyond the actor's zones reads as unknown before its kind or level is judged (a place above
    // every county lies beyond every zone a membership can hold).
    scope = await membershipScope(db, grant.scope, grant.role, (path) => withinZones(zones, path));
  } catch (error) {
    const unknown =
      error instanceof AppError && error.code === 'SCOPE_UNKNOWN' && !(error.details as { reason?: string })?.reason;
    throw unknown ? new AppError('NOT_FOUND') : error;
  }
  assertMayGrant(zones, grant.role, scope.path);
  return scope;
}

async function list({ db }: UsersDeps, actor: Actor, query: UserQueryT, locale: Locale) {
  assertMayManageUsers(actor);
  const under = await resolveUnder(db, actor, 'users:manage', query.under);
  const { rows, total } = await repo.listManageable(
    db,
    grantZones(actor),
    { q: query.q, role: query.role, status: query.status, under: under?.path },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const memberships = await repo.membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      present(
        r,
        memberships.filter((m) => m.user_id === r.id),
        actor,
        locale,
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function get({ db }: UsersDeps, actor: Actor, id: string, locale: Locale) {
  assertMayManageUsers(actor);
  const { user, memberships } = await loadManaged(db, grantZones(actor), id, false);
  return present(user, memberships, actor, locale);
}

/** Where the actor may grant which role: the choices of the console's form. */
async function options({ db }: UsersDeps, actor: Actor, locale: Locale) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  const label = (role: Role) => ({ role, label: roleLabels[role][locale] });
  const rolesAt = (path: string | null, department: boolean) =>
    path === null
      ? []
      : roles.filter((r) => departmentRoles.includes(r) === department && mayGrant(zones, r, path)).map(label);
  const places = await repo.grantablePlaces(
    db,
    zones.map((z) => z.path),
  );
  const departments = actor.tenantId ? await repo.grantableDepartments(db, [actor.tenantId]) : [];
  return {
    places: places
      .map((p) => ({
        code: p.code,
        name: p.name,
        kind: p.kind,
        depth: p.path.split('/').filter(Boolean).length,
        roles: rolesAt(p.path, false),
      }))
      .filter((p) => p.roles.length > 0),
    departments: departments
      .map((d) => ({ code: d.code, name: d.name, roles: rolesAt(d.path, true) }))
      .filter((d) => d.roles.length > 0),
  };
}

async function create({ db, clock }: UsersDeps, actor: Actor, input: CreateUser, locale: Locale) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  const grants = dedupe(input.memberships);
  const scopes: { role: Role; scope: MembershipScope }[] = [];
  for (const g of grants) scopes.push({ role: g.role, scope: await resolveGrant(db, zones, g) });
  if (input.password !== undefined && !isStrongPassword(input.password)) throw new AppError('AUTH_WEAK_PASSWORD');
  const password = input.password ?? makePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { id } = await insertStaffUser(
      trx,
      actor,
      {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: true,
        memberships: scopes,
      },
      clock.now(),
    );
    const { user, memberships } = await loadManaged(trx, zones, id, false);
    return {
      user: present(user, memberships, actor, locale),
      password: input.password === undefined ? password : null,
    };
  });
}

const dedupe = (grants: MembershipGrant[]) =>
  grants.filter((g, i) => grants.findIndex((h) => h.role === g.role && h.scope === g.scope) === i);

async function setStatus(deps: UsersDeps, actor: Actor, id: string, status: 'active' | 'disabled', locale: Locale) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  return deps.db.transaction().execute(async (trx) => {
    const { user, memberships } = await loadManaged(trx, zones, id, true);
    if (user.id === actor.userId) throw new AppError('USER_SELF_LOCKOUT');
    const now = deps.clock.now();
    if (user.status !== status) {
      await repo.setStatus(trx, id, status);
      // A disabled user's sessions end now, not when they expire.
      if (status === 'disabled') await deleteUserSessions(trx, id);
      await recordAudit(
        trx,
        actor,
        {
          action: status === 'disabled' ? 'user.disable' : 'user.enable',
          entityType: 'user',
          entityId: id,
          tenantId: user.tenant_id,
          before: { status: user.status },
          after: { status },
        },
        now,
      );
    }
    return present({ ...user, status }, memberships, actor, locale);
  });
}

/** A temporary password, shown once; the user's sessions end and they must choose their own at login. */
async function resetPassword({ db, clock }: UsersDeps, actor: Actor, id: string) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  const password = makePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const { user } = await loadManaged(trx, zones, id, true);
    const now = clock.now();
    await repo.setTemporaryPassword(trx, id, passwordHash, now);
    await deleteUserSessions(trx, id);
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.resetPassword',
        entityType: 'user',
        entityId: id,
        tenantId: user.tenant_id,
        before: { mustChangePassword: user.must_change_password },
        after: { mustChangePassword: true },
      },
      now,
    );
  });
  return { password };
}

async function addMembership(
  { db, clock }: UsersDeps,
  actor: Actor,
  id: string,
  grant: MembershipGrant,
  locale: Locale,
) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  return db.transaction().execute(async (trx) => {
    const { user, memberships } = await loadManaged(trx, zones, id, true);
    const scope = await resolveGrant(trx, zones, grant);
    if (memberships.some((m) => m.role === grant.role && m.scope_code === scope.code))
      throw new AppError('CONFLICT', { role: grant.role, scope: scope.code });
    const now = clock.now();
    await insertStaffMembership(trx, id, { role: grant.role, scope }, now);
    const after = await repo.membershipsOf(trx, [id]);
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.addMembership',
        entityType: 'user',
        entityId: id,
        tenantId: user.tenant_id,
        before: { memberships: auditMemberships(memberships) },
        after: { memberships: auditMemberships(after) },
      },
      now,
    );
    return present(user, after, actor, locale);
  });
}

/** Refused for the last membership (disable the account instead) and for one's own last right to manage users. */
async function removeMembership(
  { db, clock }: UsersDeps,
  actor: Actor,
  id: string,
  membershipId: string,
  locale: Locale,
) {
  assertMayManageUsers(actor);
  const zones = grantZones(actor);
  return db.transaction().execute(async (trx) => {
    const { user, memberships } = await loadManaged(trx, zones, id, true);
    if (!memberships.some((m) => m.id === membershipId)) throw new AppError('NOT_FOUND');
    const rest = memberships.filter((m) => m.id !== membershipId);
    if (rest.length === 0) throw new AppError('USER_LAST_MEMBERSHIP');
    if (user.id === actor.userId && !keepsUserManagement(rest)) throw new AppError('USER_SELF_LOCKOUT');
    const now = clock.now();
    await repo.deleteMembership(trx, id, membershipId);
    await recordAudit(
      trx,
      actor,
      {
        action: 'user.removeMembership',
        entityType: 'user',
        entityId: id,
        tenantId: user.tenant_id,
        before: { memberships: auditMemberships(memberships) },
        after: { memberships: auditMemberships(rest) },
      },
      now,
    );
    return present(user, rest, actor, locale);
  });
}

export function createUsersService(deps: UsersDeps) {
  return {
    list: (actor: Actor, query: UserQueryT, locale: Locale) => list(deps, actor, query, locale),
    get: (actor: Actor, id: string, locale: Locale) => get(deps, actor, id, locale),
    options: (actor: Actor, locale: Locale) => options(deps, actor, locale),
    create: (actor: Actor, input: CreateUser, locale: Locale) => create(deps, actor, input, locale),
    disable: (actor: Actor, id: string, locale: Locale) => setStatus(deps, actor, id, 'disabled', locale),
    enable: (actor: Actor, id: string, locale: Locale) => setStatus(deps, actor, id, 'active', locale),
    resetPassword: (actor: Actor, id: string) => resetPassword(deps, actor, id),
    addMembership: (actor: Actor, id: string, grant: MembershipGrant, locale: Locale) =>
      addMembership(deps, actor, id, grant, locale),
    removeMembership: (actor: Actor, id: string, membershipId: string, locale: Locale) =>
      removeMembership(deps, actor, id, membershipId, locale),
    importStaff: (actor: Actor, sheet: StaffSheet) => importStaff(deps, actor, sheet),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
