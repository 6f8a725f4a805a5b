import type { Executor } from './audit.js';
import type { CaseRow, SummonsRow } from './db/schema.js';
import { can, type Actor } from './policy.js';

// Who may read a case: pure functions of the actor and the case's place and assignee. Cases,
// whistles, disputes, duties and files all ask them, so they live in the platform, not in a feature.
// A dispatcher holds cases:read over its place; the assignee is the user the case was sent to, any
// member of the department it was sent to, or any member (or the leader) of the volunteer team it
// was sent to (上门服务; the actor's teams are loaded with the session, `Actor.teamIds`). A summons
// (哨令) on the case lets the summoned department's receivers (or the adviser summoned in person)
// read it while the summons runs.

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

/** Who a summons calls: one department (its members answer) or one adviser in person. */
export type SummonsGrant = Pick<SummonsRow, 'department_id' | 'adviser_id'>;

/** The actor answers one of these summonses: a member of the department, or the adviser herself, with whistle:answer. */
export function isSummonedBy(actor: Actor, grants: readonly SummonsGrant[]): boolean {
  if (grants.length === 0 || !can(actor, 'whistle:answer')) return false;
  const departments = departmentIdsOf(actor);
  return grants.some((g) => (g.department_id ? departments.includes(g.department_id) : g.adviser_id === actor.userId));
}

/**
 * The actor reads the case: the system, a reader of cases at its place, its assignee, or — given
 * the summonses running on it (`runningSummonsesOn`) — a party one of them summons.
 */
export function canReadCase(actor: Actor, c: CaseAccessFields, summonses: readonly SummonsGrant[] = []): boolean {
  return (
    actor.kind === 'system' ||
    can(actor, 'cases:read', c.place_path) ||
    isAssignee(actor, c) ||
    isSummonedBy(actor, summonses)
  );
}

/**
 * The summonses that grant read of a case now: those of the open whistles blown on it that are not
 * yet done (scored). A summons grants from the moment the whistle is blown until the whistler scores
 * it or the whistle closes; then the case reads as not found again.
 */
export function runningSummonsesOn(db: Executor, caseId: string): Promise<SummonsGrant[]> {
  return db
    .selectFrom('summonses as s')
    .innerJoin('whistles as w', 'w.id', 's.whistle_id')
    .select(['s.department_id', 's.adviser_id'])
    .where('w.case_id', '=', caseId)
    .where('w.state', '=', 'open')
    .where('s.state', '<>', 'scored')
    .execute();
}

/** canReadCase with the running summonses looked up when they could matter: the read path of one case. */
export async function mayReadCase(
  db: Executor,
  actor: Actor,
  c: CaseAccessFields & Pick<CaseRow, 'id'>,
): Promise<boolean> {
  if (canReadCase(actor, c)) return true;
  if (!can(actor, 'whistle:answer')) return false;
  return canReadCase(actor, c, await runningSummonsesOn(db, c.id));
}
