import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/audit.js';
import type {
  DisputeEventsTable,
  DisputePartiesTable,
  DisputesTable,
  MediationSessionsTable,
} from '../../platform/db/schema.js';
import { inScope, pathUnder, type Scope } from '../../platform/scope.js';

// Queries only, for the dispute ledger (矛盾纠纷). Lists take the caller's scope and filter by it.

/**
 * The parties' one order: the detail lists them so, the phone sends their signatures so, the
 * agreement prints them so.
 */
const partyOrder = sql<number>`case role when 'applicant' then 0 when 'respondent' then 1 else 2 end`;

export function findDispute(db: Executor, id: string) {
  return db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockDispute(db: Executor, id: string) {
  return db.selectFrom('disputes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function disputeOfCase(db: Executor, caseId: string) {
  return db.selectFrom('disputes').select(['id', 'code']).where('case_id', '=', caseId).executeTakeFirst();
}

export async function insertDispute(db: Executor, row: Insertable<DisputesTable>) {
  await db.insertInto('disputes').values(row).execute();
}

export async function updateDispute(db: Executor, id: string, changes: Updateable<DisputesTable>) {
  await db.updateTable('disputes').set(changes).where('id', '=', id).execute();
}

/** Next number of the day for dispute codes, counted in the same transaction as the insert. */
export async function nextDailySerial(db: Executor, key: string): Promise<number> {
  const row = await db
    .insertInto('system_counters')
    .values({ name: key, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('system_counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export interface DisputeFilter {
  scope: Scope;
  /** Path of the `?under=` place, already checked against the scope. */
  under?: string;
  caseId?: string;
  status?: DisputesTable['status'];
  risk?: DisputesTable['risk'];
}

export function listDisputes(db: Executor, f: DisputeFilter) {
  let query = db.selectFrom('disputes').selectAll().where(inScope('place_path', f.scope));
  if (f.under) query = query.where(pathUnder('place_path', f.under));
  if (f.caseId) query = query.where('case_id', '=', f.caseId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.risk) query = query.where('risk', '=', f.risk);
  return query.orderBy('created_at', 'desc').limit(500).execute();
}

/** The disputes recorded under a place in [from, to): the month of the analysis report. */
export function disputesRecordedUnder(db: Executor, placePath: string, from: Date, to: Date) {
  return db
    .selectFrom('disputes')
    .selectAll()
    .where(pathUnder('place_path', placePath))
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}

export async function insertParties(db: Executor, rows: Insertable<DisputePartiesTable>[]) {
  await db.insertInto('dispute_parties').values(rows).execute();
}

/** The parties with their personal data masked, in the one party order. */
export function partiesOf(db: Executor, disputeId: string) {
  return db
    .selectFrom('dispute_parties')
    .select(['id', 'role', 'name', 'phone_masked', 'id_number_masked'])
    .where('dispute_id', '=', disputeId)
    .orderBy(partyOrder)
    .orderBy('id')
    .execute();
}

export async function insertSession(db: Executor, row: Insertable<MediationSessionsTable>) {
  await db.insertInto('mediation_sessions').values(row).execute();
}

export function sessionsOf(db: Executor, disputeId: string) {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .orderBy('held_at')
    .execute();
}

/** The session whose agreement is printed: the last one that ended in an agreement. */
export function lastAgreedSession(db: Executor, disputeId: string) {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('outcome', '=', 'agreed')
    .orderBy('held_at', 'desc')
    .executeTakeFirst();
}

export async function insertEvent(db: Executor, row: Insertable<DisputeEventsTable>) {
  await db.insertInto('dispute_events').values(row).execute();
}

export function eventsOf(db: Executor, disputeId: string) {
  return db
    .selectFrom('dispute_events')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
