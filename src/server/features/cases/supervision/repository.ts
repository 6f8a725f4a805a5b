import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/audit.js';
import { pathUnderAny } from '../../../platform/scope.js';

// Queries of 督办 (supervision): who supervises a level, who dispatched a case, and the queue of
// late and escalated cases of the places an actor supervises.

/** Users holding one of `roles` on the place with this code (a street's officers, a county's admins). */
export async function staffOnPlace(db: Executor, placeCode: string, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select('m.user_id')
    .where('p.code', '=', placeCode)
    .where('m.role', 'in', roles)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** The user who last dispatched the case (派单人), if a person did. */
export async function lastDispatcherId(db: Executor, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('case_events')
    .select('actor_id')
    .where('case_id', '=', caseId)
    .where('action', '=', 'dispatch')
    .where('actor_id', 'is not', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

/** Display names of the users a text reaches (active, with a phone), for the timeline's "who was told". */
export async function displayNames(db: Executor, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', 'in', userIds)
    .where('status', '=', 'active')
    .where('phone_enc', 'is not', null)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => r.display_name);
}

export async function placeName(db: Executor, code: string): Promise<string | null> {
  const row = await db.selectFrom('places').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * Where the actor supervises, by level: community paths see their own late cases, street paths
 * the cases escalated to the street or above, county paths the cases escalated to the county.
 */
export interface SupervisionScope {
  community: string[];
  street: string[];
  county: string[];
}

const openStates = ['submitted', 'accepted', 'dispatched', 'in_progress', 'suspended'];

function supervised(scope: SupervisionScope): RawBuilder<boolean> {
  return sql<boolean>`(
    (${pathUnderAny('c.place_path', scope.community)} AND (c.sla_level = 'red' OR c.escalation_level > 0))
    OR (${pathUnderAny('c.place_path', scope.street)} AND c.escalation_level >= 1)
    OR (${pathUnderAny('c.place_path', scope.county)} AND c.escalation_level >= 2)
  )`;
}

export async function queue(
  db: Executor,
  scope: SupervisionScope,
  filter: { level: number | null },
  page: { offset: number; limit: number },
) {
  let query = db.selectFrom('cases as c').where('c.state', 'in', openStates).where(supervised(scope));
  if (filter.level !== null) query = query.where('c.escalation_level', '=', filter.level);
  const [rows, total] = await Promise.all([
    query
      .innerJoin('places as p', 'p.id', 'c.place_id')
      .select([
        'c.id',
        'c.tracking_code',
        'c.state',
        'c.description',
        'c.place_path',
        'c.assignee_name',
        'c.escalation_level',
        'c.escalated_at',
        'c.supervision_due_at',
        'c.overdue_since',
        'c.sla_level',
        'c.first_contact_at',
        'c.first_contact_due_at',
        'c.dispatch_due_at',
        'c.take_due_at',
        'c.resolve_due_at',
        'c.created_at',
        'p.name as place_name',
      ])
      .orderBy('c.escalation_level', 'desc')
      .orderBy('c.overdue_since', (ob) => ob.asc().nullsLast())
      .orderBy('c.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** One open case of the queue, locked, if the actor supervises it. */
export function supervisedCase(db: Executor, scope: SupervisionScope, caseId: string) {
  return db
    .selectFrom('cases as c')
    .selectAll('c')
    .where('c.id', '=', caseId)
    .where('c.state', 'in', openStates)
    .where(supervised(scope))
    .forUpdate()
    .executeTakeFirst();
}
