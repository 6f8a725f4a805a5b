import type { CaseRow } from './db/schema.js';
import { can, type Actor } from './policy.js';

// Who may read a case: pure functions of the actor and the case's place and assignee. Cases,
// whistles, disputes, duties and files all ask them, so they live in the platform, not in a feature.
// A dispatcher holds cases:read over its place; the assignee is the user the case was sent to, any
// member of the department it was sent to, or any member (or the leader) of the volunteer team it
// was sent to (上门服务; the actor's teams are loaded with the session, `Actor.teamIds`).

/** What decides who may read a case; `assignee_team_id` may be left out where no team can be. */
export type CaseAccessFields = Pick<CaseRow, 'place_path' | 'assignee_user_id' | 'assignee_department_id'> & {
  assignee_team_id?: string | null;
};

export const departmentIdsOf = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.scopeKind === 'department' && m.departmentId).map((m) => m.departmentId!);

/** The volunteer teams the actor leads or belongs to. */
export const teamIdsOf = (actor: Actor): string[] => [...(actor.teamIds ?? [])];

export function isAssignee(actor: Actor, c: Omit<CaseAccessFields, 'place_path'>): boolean {
  if (c.assignee_user_id && c.assignee_user_id === actor.userId) return can(actor, 'cases:handle');
  if (c.assignee_team_id) return teamIdsOf(actor).includes(c.assignee_team_id);
  return c.assignee_department_id !== null && departmentIdsOf(actor).includes(c.assignee_department_id);
}

/**
 * 核查: a grid worker or dispatcher of the case's place (cases:read and cases:handle there) checks a
 * result on site; never the one who produced it.
 */
export function isVerifier(actor: Actor, c: CaseAccessFields): boolean {
  return (
    actor.kind === 'user' &&
    can(actor, 'cases:read', c.place_path) &&
    can(actor, 'cases:handle', c.place_path) &&
    !isAssignee(actor, c)
  );
}

export function canReadCase(actor: Actor, c: CaseAccessFields): boolean {
  return actor.kind === 'system' || can(actor, 'cases:read', c.place_path) || isAssignee(actor, c);
}
