import type { CaseRow } from '../../platform/db/schema.js';
import { can, type Actor } from '../../platform/policy.js';
import type { Party } from './lifecycle.js';

// Who the actor is to this case. A dispatcher holds cases:dispatch over its place; the assignee is
// the user it was sent to, or any member of the department it was sent to.

export const departmentIdsOf = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.scopeKind === 'department' && m.departmentId).map((m) => m.departmentId!);

export function isAssignee(actor: Actor, c: Pick<CaseRow, 'assignee_user_id' | 'assignee_department_id'>): boolean {
  if (c.assignee_user_id && c.assignee_user_id === actor.userId) return can(actor, 'cases:handle');
  return c.assignee_department_id !== null && departmentIdsOf(actor).includes(c.assignee_department_id);
}

export function partiesOf(
  actor: Actor,
  c: Pick<CaseRow, 'place_path' | 'assignee_user_id' | 'assignee_department_id'>,
): Party[] {
  if (actor.kind === 'system') return ['system'];
  const parties: Party[] = [];
  if (can(actor, 'cases:dispatch', c.place_path)) parties.push('dispatcher');
  if (isAssignee(actor, c)) parties.push('assignee');
  return parties;
}

export function canReadCase(
  actor: Actor,
  c: Pick<CaseRow, 'place_path' | 'assignee_user_id' | 'assignee_department_id'>,
): boolean {
  return actor.kind === 'system' || can(actor, 'cases:read', c.place_path) || isAssignee(actor, c);
}
