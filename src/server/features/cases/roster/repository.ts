import type { Executor } from '../../../platform/audit.js';
import { NO_COUNTY } from '../../../platform/db/table-kinds.js';
import { inScope, type Scope } from '../../../platform/scope.js';

// Queries of the duty roster (值班表) and of the SMS outbox staff read.

export function rosterOf(db: Executor, communityId: string) {
  return db
    .selectFrom('duty_roster as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.weekdays', 'u.id as user_id', 'u.display_name', 'u.phone_masked'])
    .where('r.community_id', '=', communityId)
    .orderBy('u.display_name')
    .execute();
}

/** The places a user holds a membership on. */
export function membershipPaths(db: Executor, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select('p.path')
    .where('m.user_id', '=', userId)
    .execute();
}

export async function putOnRoster(
  db: Executor,
  row: { id: string; tenant_id: string; community_id: string; user_id: string; weekdays: number[]; created_at: Date },
) {
  await db
    .insertInto('duty_roster')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'user_id', 'tenant_id']).doUpdateSet({ weekdays: row.weekdays }))
    .execute();
}

export function rosterEntry(db: Executor, id: string) {
  return db
    .selectFrom('duty_roster as r')
    .innerJoin('places as p', 'p.id', 'r.community_id')
    .select(['r.id', 'p.path', 'p.code', 'r.tenant_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function removeFromRoster(db: Executor, id: string) {
  await db.deleteFrom('duty_roster').where('id', '=', id).execute();
}

export interface OutboxFilter {
  /** The places whose messages the actor reads (cases:dispatch). */
  scope: Scope;
  /** Messages about no place (residents' login codes) of this county, for its administrators; else null. */
  looseTenantId: string | null;
}

export async function outboxPage(db: Executor, f: OutboxFilter, page: { offset: number; limit: number }) {
  const base = db
    .selectFrom('sms_outbox')
    .where((eb) =>
      eb.or([
        inScope('place_path', f.scope),
        ...(f.looseTenantId !== null
          ? [eb.and([eb('place_path', 'is', null), eb('tenant_id', 'in', [f.looseTenantId, NO_COUNTY])])]
          : []),
      ]),
    );
  const [rows, total] = await Promise.all([
    base
      .select(['id', 'to_masked', 'template', 'body', 'status', 'provider', 'created_at', 'sent_at', 'case_id'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
