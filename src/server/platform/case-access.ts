import type { CaseRow } from './db/schema.js';
import { can, type Actor } from './policy.js';

// Who may read a case: pure functions of the actor and the case's place and assignee. Cases,
// whistles, disputes, duties and files all ask them, so they live in the platform, not in a feature.
// A dispatcher holds cases:read over its place; the assignee is the user the case was sent to, or
// any member of the department it was sent to.

export const departmentIdsOf = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.scopeKind === 'department' && m.departmentId).map((m) => m.departmentId!);

export function isAssignee(actor: Actor, c: Pick<CaseRow, 'assignee_user_id' | 'assignee_department_id'>): boolean {
  if (c.assignee_user_id && c.assignee_user_id === actor.userId) return can(actor, 'cases:handle');
  return c.assignee_department_id !== null && departmentIdsOf(actor).includes(c.assignee_department_id);
}

export function canReadCase(
  actor: Actor,
  c: Pick<CaseRow, 'place_path' | 'assignee_user_id' | 'assignee_department_id'>,
): boolean {
  return actor.kind === 'system' || can(actor, 'cases:read', c.place_path) || isAssignee(actor, c);
}
