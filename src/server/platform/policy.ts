import type { PlaceKind } from '../../shared/place-kinds.js';
import { rolePermissions, type Permission, type Role } from '../../shared/roles.js';
import { AppError } from './errors.js';

// Who may: pure functions of (actor, permission, where). A permission holds only inside the
// scope of the membership that grants it.

export interface Membership {
  role: Role;
  scopeKind: 'place' | 'department';
  scopeCode: string;
  scopeName: string;
  /** Place subtree this membership reaches: its place, or for a department its county. */
  path: string;
  /** The kind of its place (county, street, community …); absent for a department's membership. */
  placeKind?: PlaceKind | null;
  departmentId: string | null;
}

export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  username: string;
  displayName: string;
  tenantId: string | null;
  memberships: Membership[];
  requestId: string | null;
  ip: string | null;
  /** The volunteer teams (志愿服务队) the user leads or belongs to: they work the cases sent to them. */
  teamIds?: string[];
}

export const systemActor = (requestId: string | null = null): Actor => ({
  kind: 'system',
  userId: null,
  username: 'system',
  displayName: '系统',
  tenantId: null,
  memberships: [],
  requestId,
  ip: null,
});

/** Path prefixes under which the actor holds the permission; empty when nowhere. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = actor.memberships.filter((m) => rolePermissions[m.role].includes(permission)).map((m) => m.path);
  // Drop prefixes covered by a shorter one so queries stay small.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/**
 * Like scopePaths, from place memberships only. A department's membership reaches its whole county
 * for reading places, but it does not make the department a party to what happens in every
 * community of that county.
 */
export function placeScopePaths(actor: Actor, permission: Permission): string[] {
  return scopePaths({ ...actor, memberships: actor.memberships.filter((m) => m.scopeKind === 'place') }, permission);
}

/** The departments whose members' permission the actor holds it by. */
export function departmentsWith(actor: Actor, permission: Permission): string[] {
  return actor.memberships
    .filter((m) => m.scopeKind === 'department' && m.departmentId && rolePermissions[m.role].includes(permission))
    .map((m) => m.departmentId!);
}

export function can(actor: Actor, permission: Permission, placePath?: string): boolean {
  if (actor.kind === 'system') return true;
  const paths = scopePaths(actor, permission);
  return placePath === undefined ? paths.length > 0 : paths.some((p) => placePath.startsWith(p));
}

/** Throws FORBIDDEN when the actor lacks the permission everywhere. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', { permission });
}

/** Out of scope reads as not found, so ids cannot be probed. */
export function assertInScope(actor: Actor, permission: Permission, placePath: string): void {
  assertPermission(actor, permission);
  if (!can(actor, permission, placePath)) throw new AppError('NOT_FOUND');
}

export function permissionsOf(actor: Actor): Permission[] {
  return [...new Set(actor.memberships.flatMap((m) => rolePermissions[m.role]))];
}

/**
 * Holds the permission for the whole county (a place membership at the tenant's county itself), not
 * only for a street or community in it: `users:manage` there makes a county's administrator.
 */
export function holdsCountyWide(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return actor.memberships.some(
    (m) => m.scopeKind === 'place' && m.scopeCode === actor.tenantId && rolePermissions[m.role].includes(permission),
  );
}
