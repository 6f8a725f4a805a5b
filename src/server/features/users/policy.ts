import { grantableRoles, rolePermissions, workPermissions, type Permission, type Role } from '../../../shared/roles.js';
import { AppError } from '../../platform/errors.js';
import { assertPermission, type Actor } from '../../platform/policy.js';
import { isUnder } from '../../platform/scope.js';

// Who may manage whom (用户与角色管理). The heart: nobody grants more than they hold.
//
// A grant zone is one of the actor's place memberships that carries users:manage: the subtree of
// that place, and the roles the actor may grant in it — the roles listed for the membership's role
// (`grantableRoles`) whose powers the actor holds there (`workPermissions` aside). A membership
// (role, place) may be granted when a zone covers its place and lists its role; a user may be
// managed (seen, disabled, reset, changed) only when every membership they hold could be.

export interface GrantZone {
  path: string;
  roles: Role[];
}

/** The permissions the actor holds at a place: of every membership whose subtree holds it. */
function permissionsAt(actor: Actor, path: string): Set<Permission> {
  return new Set(actor.memberships.filter((m) => isUnder(path, m.path)).flatMap((m) => rolePermissions[m.role]));
}

/** The actor's grant zones; the system actor (CLI, jobs) is not limited and is not asked here. */
export function grantZones(actor: Actor): GrantZone[] {
  return actor.memberships
    .filter((m) => m.scopeKind === 'place' && rolePermissions[m.role].includes('users:manage'))
    .map((m) => {
      const held = permissionsAt(actor, m.path);
      const roles = (grantableRoles[m.role] ?? []).filter((r) =>
        rolePermissions[r].every((p) => workPermissions.includes(p) || held.has(p)),
      );
      return { path: m.path, roles };
    })
    .filter((z) => z.roles.length > 0);
}

/** FORBIDDEN without users:manage anywhere. */
export const assertMayManageUsers = (actor: Actor): void => assertPermission(actor, 'users:manage');

/** Whether a place or department lies in one of the actor's zones. */
export const withinZones = (zones: GrantZone[], path: string | null): path is string =>
  path !== null && zones.some((z) => isUnder(path, z.path));

export const mayGrant = (zones: GrantZone[], role: Role, path: string): boolean =>
  zones.some((z) => isUnder(path, z.path) && z.roles.includes(role));

/**
 * A membership the actor wants to grant: a place outside every zone reads as not found (404, so
 * codes of other places cannot be probed); a role beyond the actor's powers there is 403.
 */
export function assertMayGrant(zones: GrantZone[], role: Role, path: string | null): void {
  if (!withinZones(zones, path)) throw new AppError('NOT_FOUND');
  if (!mayGrant(zones, role, path)) throw new AppError('ROLE_NOT_GRANTABLE', { role });
}

/** Every membership of the user could have been granted by the actor (none: nobody manages them here). */
export const mayManage = (zones: GrantZone[], memberships: { role: string; path: string | null }[]): boolean =>
  memberships.length > 0 && memberships.every((m) => m.path !== null && mayGrant(zones, m.role as Role, m.path));

/** Whether these memberships (what would remain) still let their holder manage users. */
export const keepsUserManagement = (memberships: { role: string }[]): boolean =>
  memberships.some((m) => (rolePermissions[m.role as Role] ?? []).includes('users:manage'));
