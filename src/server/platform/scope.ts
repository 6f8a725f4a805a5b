import { sql, type RawBuilder } from 'kysely';
import type { Permission } from '../../shared/roles.js';
import { departmentsWith, placeScopePaths, scopePaths, type Actor } from './policy.js';

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
