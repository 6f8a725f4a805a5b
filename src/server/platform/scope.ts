import { sql, type RawBuilder } from 'kysely';
import type { Permission } from '../../shared/roles.js';
import type { Executor } from './audit.js';
import { AppError } from './errors.js';
import { assertInScope, departmentsWith, placeScopePaths, scopePaths, type Actor } from './policy.js';

// Scope (管辖范围) in one place. Every list query filters its rows by the actor's places through
// these helpers, never by a condition written by hand: one membership or many, place or department.

/** What an actor may see for one permission: place subtrees, departments, and their own user id. */
export interface Scope {
  /** Path prefixes of every membership that grants the permission (all of them, not the first). */
  paths: string[];
  /** Departments whose members hold the permission through a department membership. */
  departmentIds: string[];
  userId: string | null;
  /** The system actor (jobs, CLI) sees everything. */
  all: boolean;
}

/**
 * The actor's scope for a permission. `placesOnly` leaves out a department membership's county
 * path: a department reads places county-wide but is not a party to every community's rows.
 */
export function scopeOf(actor: Actor, permission: Permission, options: { placesOnly?: boolean } = {}): Scope {
  if (actor.kind === 'system') return { paths: [], departmentIds: [], userId: null, all: true };
  return {
    paths: options.placesOnly ? placeScopePaths(actor, permission) : scopePaths(actor, permission),
    departmentIds: departmentsWith(actor, permission),
    userId: actor.userId,
    all: false,
  };
}

/** Place paths and codes hold no LIKE wildcards (see places/codes.ts), but escape anyway: defence in depth. */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * `column` lies under one of the paths (materialised-path prefix); false when there are none, so an
 * actor without scope sees nothing. `column` is a column reference such as 'c.place_path'.
 */
export function pathUnderAny(column: string, paths: readonly string[]): RawBuilder<boolean> {
  if (paths.length === 0) return sql<boolean>`false`;
  const tests = paths.map((p) => sql`${sql.ref(column)} LIKE ${escapeLike(p) + '%'}`);
  return sql<boolean>`(${sql.join(tests, sql` OR `)})`;
}

/** `column` lies under one path: the `?under=` filter of lists, applied on top of the scope. */
export function pathUnder(column: string, path: string): RawBuilder<boolean> {
  return pathUnderAny(column, [path]);
}

/** The scope's place condition on `column`; true for the system actor. */
export function inScope(column: string, scope: Scope): RawBuilder<boolean> {
  return scope.all ? sql<boolean>`true` : pathUnderAny(column, scope.paths);
}

/** `path` lies under `prefix` (or is it): the same test in memory, for rows already read. */
export const isUnder = (path: string, prefix: string): boolean => path.startsWith(prefix);

/**
 * The scope and `path` meet: `path` lies in the scope, or part of the scope lies under `path`. A
 * street's duty list is read by its communities (from below) and by the county (from above).
 */
export const reaches = (scope: Scope, path: string): boolean =>
  scope.all || scope.paths.some((p) => isUnder(path, p) || isUnder(p, path));

/**
 * The place at `path` holds part of the scope: it is an ancestor of one of the scope's places (a
 * community worker's street and county). Such a place may be named, not looked into.
 */
export const holdsScope = (scope: Scope, path: string): boolean =>
  scope.all || scope.paths.some((p) => p !== path && isUnder(p, path));

/**
 * `column` lies under the place at `ancestorColumn` (both column references, e.g. households under
 * each grid of a list). Paths are made of place codes, which hold no LIKE wildcards (places/codes.ts).
 */
export function pathUnderColumn(column: string, ancestorColumn: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} LIKE ${sql.ref(ancestorColumn)} || '%'`;
}

/** The place at `column` holds `path`: it is the place of `path` or one of its ancestors. */
export function pathAbove(column: string, path: string): RawBuilder<boolean> {
  return sql<boolean>`${path} LIKE ${sql.ref(column)} || '%'`;
}

export interface UnderPlace {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  tenant_id: string | null;
}

/**
 * The `?under=` filter of a list: the place with that code, which must lie in the actor's scope for
 * the permission (FORBIDDEN without the permission; NOT_FOUND when unknown or outside, so codes
 * cannot be probed). No code, no filter: null.
 */
export async function resolveUnder(
  db: Executor,
  actor: Actor,
  permission: Permission,
  code: string | undefined | null,
): Promise<UnderPlace | null> {
  if (!code) return null;
  const place = await db
    .selectFrom('places')
    .select(['id', 'code', 'name', 'kind', 'path', 'tenant_id'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!place) throw new AppError('NOT_FOUND');
  assertInScope(actor, permission, place.path);
  return place;
}
