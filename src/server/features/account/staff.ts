import { departmentRoles, isRole, type Role } from '../../../shared/roles.js';
import { recordAudit, type Executor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/policy.js';
import * as repo from './repository.js';

// Making a staff account: shared by the CLI (`linli user create`), the demo seed and the console's
// user administration (users/), which adds its scope rules on top.

export type MembershipScope = NonNullable<Awaited<ReturnType<typeof repo.findScope>>> & { tenantId: string };

/**
 * The place or department a membership holds, checked against the role: 422 when it does not fit.
 * `reach` (the console's user administration) makes a code beyond the granting administrator read as
 * unknown before anything else is said of it, so codes cannot be probed.
 */
export async function membershipScope(
  db: Executor,
  code: string,
  role: string,
  reach?: (path: string | null) => boolean,
): Promise<MembershipScope> {
  if (!isRole(role)) throw new AppError('ROLE_UNKNOWN', { role });
  const scope = await repo.findScope(db, code);
  if (!scope || (scope.kind === 'place' && scope.status !== 'active') || (reach && !reach(scope.path)))
    throw new AppError('SCOPE_UNKNOWN', { scope: code });
  // A membership is one county's data (memberships.tenant_id): a province or a city is above every county.
  if (scope.tenantId === null) throw new AppError('SCOPE_ABOVE_COUNTY', { scope: code });
  const wantsDepartment = departmentRoles.includes(role);
  if (wantsDepartment !== (scope.kind === 'department')) {
    throw new AppError('SCOPE_UNKNOWN', {
      scope: code,
      reason: wantsDepartment ? 'this role needs a department code' : 'this role needs a place code',
    });
  }
  return { ...scope, tenantId: scope.tenantId };
}

export interface NewStaffUser {
  username: string;
  displayName: string;
  passwordHash: string;
  /** Set when someone else chose the password: the user must replace it at the next login. */
  mustChangePassword: boolean;
  memberships: { role: Role; scope: MembershipScope }[];
}

/** Inserts the user and the memberships, and audits it (never the password); 409 CONFLICT when the username is taken. */
export async function insertStaffUser(trx: Executor, actor: Actor, input: NewStaffUser, now: Date) {
  if (await repo.usernameTaken(trx, input.username)) throw new AppError('CONFLICT', { username: input.username });
  const id = newId();
  const tenantId = input.memberships[0]?.scope.tenantId ?? null;
  await repo.insertUser(trx, {
    id,
    tenantId,
    username: input.username,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    mustChangePassword: input.mustChangePassword,
    now,
  });
  for (const m of input.memberships) await insertStaffMembership(trx, id, m, now);
  const memberships = input.memberships.map((m) => ({ role: m.role, scope: m.scope.code }));
  await recordAudit(
    trx,
    actor,
    {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      tenantId,
      after: {
        username: input.username,
        displayName: input.displayName,
        mustChangePassword: input.mustChangePassword,
        memberships,
        // The first membership, as the CLI's audit rows have always told it.
        role: memberships[0]?.role,
        scope: memberships[0]?.scope,
      },
    },
    now,
  );
  return { id, username: input.username };
}

/** One more (role, place or department) for a user; the caller audits it. */
export async function insertStaffMembership(
  trx: Executor,
  userId: string,
  m: { role: Role; scope: MembershipScope },
  now: Date,
) {
  await repo.insertMembership(trx, {
    id: newId(),
    tenantId: m.scope.tenantId,
    userId,
    role: m.role,
    placeId: m.scope.kind === 'place' ? m.scope.id : null,
    departmentId: m.scope.kind === 'department' ? m.scope.id : null,
    now,
  });
}
